"""Split prose into sentences with their offsets, safe around abbreviations.

A sentence ends at ``.``, ``!`` or ``?`` (after any closing quote, bracket or reference
marker such as ``[1]``) followed by white space and an upper-case letter or digit (or a
bullet before one), and at a blank line (list items, lines without a final period), unless
the period belongs to a known abbreviation ("e.g.", "Dr.", "approx.") or a single initial.
Reference markers are blanked in :attr:`Sentence.clean` so that no mention runs into them.

Examples
--------
>>> text = "Symptoms vary, e.g. fever and rash.[1] Dr. Smith saw it. It is rare."
>>> [s.text for s in split_sentences(text)]
['Symptoms vary, e.g. fever and rash.[1]', 'Dr. Smith saw it.', 'It is rare.']
>>> [s.text for s in split_sentences("It is called C282Y. The protein is small.")]
['It is called C282Y.', 'The protein is small.']
>>> split_sentences(text)[0].clean[-3:]
'   '

"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sentence", "split_sentences"]

_ABBREVIATIONS = frozenset(
    {
        "e.g", "i.e", "etc", "dr", "mr", "mrs", "ms", "prof", "approx", "vs", "cf", "al",
        "fig", "no", "vol", "st", "jr", "sr", "ca", "inc", "ltd", "co", "resp", "esp",
    }
)
_END = re.compile(
    r"[.!?]['\")\]]*(?:\[\d+(?:[,\u2013-]\d+)*\])*(?=\s+(?:[\"'(\[]|• )?[A-Z0-9]|\s*$)|"
    # a blank line ends a sentence too (list items, lines without a final period)
    r"(?<=\S)(?=[ \t]*\n[ \t]*\n)"
)
_REFERENCE = re.compile(r"\[\d+(?:[,\u2013-]\d+)*\]")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence with its offsets in the text it was split from.

    ``text`` is as written, ``clean`` the same with reference markers blanked.
    """

    text: str
    clean: str
    start: int
    end: int


_ABBREVIATION_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")


def _is_abbreviation(text: str, period: int) -> bool:
    # the run of letters and periods that ends right before ``period`` (as the regex
    # ``[A-Za-z.]+$`` finds it in ``text[:period]``, whose ``$`` also matches before a
    # final newline), read backwards instead of scanning the whole text before it
    end = period - 1 if period > 0 and text[period - 1] == "\n" else period
    start = end
    while start > 0 and text[start - 1] in _ABBREVIATION_CHARS:
        start -= 1
    if start == end:
        return False
    word = text[start:end].lower().strip(".")
    if word in _ABBREVIATIONS:
        return True
    if start > 0 and text[start - 1].isdigit():  # "C282Y.": the end of a variant's name
        return False
    return len(word) == 1 and word.isalpha() and text[period - 1].isupper()


def split_sentences(text: str, offset: int = 0) -> list[Sentence]:
    """Split ``text`` into sentences; offsets are shifted by ``offset``.

    >>> [(s.start, s.end) for s in split_sentences("A b. C d.", offset=10)]
    [(10, 14), (15, 19)]
    """
    sentences: list[Sentence] = []
    start = 0
    for match in _END.finditer(text):
        if text[match.start()] == "." and _is_abbreviation(text, match.start()):
            continue
        _append(sentences, text, start, match.end(), offset)
        start = match.end()
    _append(sentences, text, start, len(text), offset)
    return sentences


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _append(sentences: list[Sentence], text: str, start: int, end: int, offset: int) -> None:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    if not piece:
        return
    clean = _REFERENCE.sub(_blank, piece) if "[" in piece else piece
    begin = offset + start + lead
    sentences.append(Sentence(piece, clean, begin, begin + len(piece)))
