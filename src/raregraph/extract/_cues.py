"""Presence tests for case-insensitive cue patterns, fast on ASCII text.

Python's ``re`` compares every character case-insensitively under ``re.IGNORECASE``; on
ASCII text the same pattern without the flag, run on the lower-cased text, finds a match
exactly when the original does (lower-casing ASCII keeps offsets and word bounds), and
three to four times faster. Other text uses the original pattern. :meth:`Cue.finditer`
and :meth:`Cue.match` return matches on that lower-cased text: callers use their offsets,
or their groups lower-cased.

>>> cue = Cue(re.compile(r"\\bgenes?\\b", re.IGNORECASE))
>>> cue.found_in("The FAS GENE."), cue.found_in("Genetic"), cue.found_in("Gène GENES")
(True, False, True)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["Cue"]


class Cue:
    """A case-insensitive pattern (ASCII literals only) used as a yes/no test."""

    __slots__ = ("_folded", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        if not pattern.flags & re.IGNORECASE or not pattern.pattern.isascii():
            raise ValueError("a Cue needs a case-insensitive pattern written in ASCII")
        self.pattern = pattern
        self._folded = re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)

    def found_in(self, text: str) -> bool:
        """Tell whether the pattern matches somewhere in ``text``."""
        if text.isascii():
            return self._folded.search(text.lower()) is not None
        return self.pattern.search(text) is not None

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """The matches of the pattern in ``text[pos:endpos]`` (groups lower-cased if ASCII)."""
        end = len(text) if endpos is None else endpos
        if text.isascii():
            return self._folded.finditer(text.lower(), pos, end)
        return self.pattern.finditer(text, pos, end)

    def match(self, text: str) -> re.Match[str] | None:
        """The match of the pattern at the start of ``text`` (groups lower-cased if ASCII)."""
        if text.isascii():
            return self._folded.match(text.lower())
        return self.pattern.match(text)
