"""Text normalization for matching names against ontology labels and synonyms.

Normalization goes in steps, each including the ones before it: ``case`` (Unicode NFKC,
case folding, collapsed whitespace), ``punctuation`` (hyphens, slashes, brackets,
apostrophes and other punctuation become spaces; possessive ``'s`` is dropped),
``spelling`` (British spellings to American ones, by a short list of rules),
``plural`` (each word made singular by suffix rules) and ``word_order`` (words sorted, a
few function words dropped). Both sides of a comparison go through the same steps, so the
rules need to be consistent rather than linguistically perfect.

Examples
--------
>>> normalize("Haemolytic anaemias", "spelling")
'hemolytic anemias'
>>> normalize("Haemolytic anaemias", "plural")
'hemolytic anemia'
>>> normalize("Spleen, enlarged", "word_order")
'enlarged spleen'
>>> match_step("Tumours of the spleen", "spleen tumor")
'word_order'

"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal

__all__ = [
    "STEPS",
    "Step",
    "casefold_key",
    "match_step",
    "normalize",
    "trigrams",
    "word_order_key",
]

Step = Literal["case", "punctuation", "spelling", "plural", "word_order"]
#: The normalization steps, mildest first.
STEPS: tuple[Step, ...] = ("case", "punctuation", "spelling", "plural", "word_order")

_SPACE = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
_PUNCT = re.compile(r"[^\w\s]|_")
_FUNCTION_WORDS = frozenset({"of", "the", "a", "an", "in", "with", "to", "and", "or", "by"})

# British -> American, applied to each word in order (regex, replacement).
_SPELLING: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"^oe(?=[sd])", "e"),  # oedema, oesophagus
        (r"^foet", "fet"),
        (r"^coel", "cel"),
        (r"aem", "em"),  # anaemia, haemorrhage, leukaemia, septicaemia
        (r"paed", "ped"),
        (r"^gynaec", "gynec"),
        (r"oea$", "ea"),  # diarrhoea, amenorrhoea
        (r"oeic", "eic"),
        (r"^(tum|col|behavi|hum|fav|lab|vig)our", r"\1or"),
        (r"(?<=[a-z]{3})isation", "ization"),
        (r"^(cent|fib|lit|met)re(s?)$", r"\1er\2"),
        (r"ogue$", "og"),  # analogue, catalogue
        (r"^aetiolog", "etiolog"),
        (r"^ischaem", "ischem"),
        (r"^orthopaed", "orthoped"),
        (r"^sulph", "sulf"),
    )
)


def casefold_key(text: str) -> str:
    """Return the ``case`` step of ``text``: NFKC, case folded, whitespace collapsed.

    This key keeps every character that matters for spans, so an Aho-Corasick automaton
    over these keys can be run over text normalized the same way.

    >>> casefold_key("  Large   Spleen ")
    'large spleen'
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return " ".join(text.casefold().split())


def _punctuation(text: str) -> str:
    if text.replace(" ", "").isalnum():
        return text
    return " ".join(_PUNCT.sub(" ", _POSSESSIVE.sub("", text)).split())


@lru_cache(maxsize=1 << 17)
def _american(word: str) -> str:
    for pattern, replacement in _SPELLING:
        word = pattern.sub(replacement, word)
    return word


@lru_cache(maxsize=1 << 17)
def _singular(word: str) -> str:
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ys")):
        return word[:-1]
    return word


def normalize(text: str, step: Step = "word_order") -> str:
    """Return ``text`` normalized up to and including ``step``.

    >>> normalize("Crohn's Disease", "punctuation")
    'crohn disease'
    """
    text = casefold_key(text)
    if step == "case":
        return text
    text = _punctuation(text)
    if step == "punctuation":
        return text
    words = [_american(word) for word in text.split(" ")]
    if step == "spelling":
        return " ".join(words)
    words = [_singular(word) for word in words]
    if step == "plural":
        return " ".join(words)
    return word_order_key(" ".join(words))


def word_order_key(plural_key: str) -> str:
    """Return the ``word_order`` step of a text already normalized to the ``plural`` step.

    >>> word_order_key("spleen of the enlarged")
    'enlarged spleen'
    """
    words = plural_key.split(" ")
    kept = [word for word in words if word not in _FUNCTION_WORDS] or words
    return " ".join(sorted(kept))


def match_step(query: str, surface: str) -> Step | None:
    """Return the mildest step at which ``query`` and ``surface`` become equal, or ``None``.

    >>> match_step("large spleen", "Large spleen"), match_step("spleen", "liver")
    ('case', None)
    """
    for step in STEPS:
        if normalize(query, step) == normalize(surface, step):
            return step
    return None


def trigrams(text: str) -> set[str]:
    """Return the character trigrams of ``text`` padded with spaces (for fuzzy lookup).

    >>> sorted(trigrams("abc"))
    [' ab', 'abc', 'bc ']
    """
    padded = f" {text} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}
