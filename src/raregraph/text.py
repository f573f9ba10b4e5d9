"""Small text helpers shared by every layer: name normalization for look-ups.

>>> normalize_name("  Canale-Smith   Syndrome ")
'canale smith syndrome'
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_name"]

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalize_name(text: str) -> str:
    """Fold case, accents and punctuation so that look-ups ignore them.

    >>> normalize_name("Behçet's disease") == normalize_name("behcet s Disease")
    True
    """
    if text.isascii():  # nothing to decompose (the common case)
        return _NON_WORD.sub(" ", text.lower()).strip()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", stripped.casefold()).strip()
