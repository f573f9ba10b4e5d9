"""Qualifiers read from a sentence: hedges, stated shares of cases, limiting phrases.

Examples
--------
>>> s = "ALPS is caused by mutations in the FAS gene in about 75% of cases."
>>> share(s, s.index("FAS"))
(75.0, 'about')
>>> hedge("Other signs may include skin rashes.", 24)
'may'
>>> scope_text("It is usually inherited in an autosomal dominant manner", 30)
'usually'

"""

from __future__ import annotations

import re

from raregraph.extract._cues import Cue

__all__ = ["clause_bounds", "hedge", "scope_text", "share"]

_HEDGES = re.compile(
    r"\b(a small number(?: of)?|a few|some(?:times)?|may|might|can|could|often|usually|"
    r"typically|commonly|frequently|occasionally|rarely|most|many|possibly|probably|likely|"
    r"prone to|prone|in rare cases|in some cases|in most cases)\b",
    re.IGNORECASE,
)
_TRAILING_HEDGE = re.compile(
    r"^[^.;,]{0,30}?\b(?:is|are)\s+(?:(?:very|also|quite)\s+)?(common|frequent|rare|uncommon)\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    "half": 50.0,
    "one half": 50.0,
    "one third": 100 / 3,
    "one-third": 100 / 3,
    "a third": 100 / 3,
    "two thirds": 200 / 3,
    "two-thirds": 200 / 3,
    "one quarter": 25.0,
    "a quarter": 25.0,
    "three quarters": 75.0,
}
_SHARE = re.compile(
    r"(?P<hedge>about|approximately|roughly|around|nearly|almost|up to|over|more than|"
    r"less than|fewer than|at least|an estimated|some)?\s*"
    r"(?:(?P<number>\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)|"
    r"(?P<words>one half|half|one[- ]third|a third|two[- ]thirds|one quarter|a quarter|"
    r"three quarters)\s+of\b)",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[;]|,\s+(?:although|though|but|while|whereas)\b|\b(?:although|whereas)\b")
_SCOPE = re.compile(
    r"\b(?:usually|typically|generally|mostly|most often|often|rarely|occasionally|sometimes|"
    r"in rare cases|in (?:some|most|many|a few|rare)(?: \w+){0,2} cases|"
    r"(?:some|most|many|a few|rare)(?: \w+){0,2} cases|"
    r"(?:(?:about|approximately|roughly|around|nearly|almost|more than|over|up to)\s+)?"
    r"(?:\d+(?:\.\d+)?\s*(?:%|percent)|half|one[- ]third|two[- ]thirds|one in \w+)"
    r"(?: of)?(?: (?:all|the))?(?: (?:affected|reported|new))?"
    r"(?: (?:cases|people|persons|individuals|patients|families|children|person in \w+))?)",
    re.IGNORECASE,
)


_HEDGES_CUE = Cue(_HEDGES)
_TRAILING_HEDGE_CUE = Cue(_TRAILING_HEDGE)


def clause_bounds(sentence: str, position: int) -> tuple[int, int]:
    """Return the (start, end) of the clause of ``sentence`` that holds ``position``.

    >>> s = "It is usually dominant, although some cases are recessive."
    >>> s[slice(*clause_bounds(s, s.index("recessive")))]
    ', although some cases are recessive.'
    """
    start, end = 0, len(sentence)
    for match in _CLAUSE.finditer(sentence):
        if match.start() <= position:
            start = match.start()
        elif match.start() > position:
            end = match.start()
            break
    return start, end


def hedge(sentence: str, position: int) -> str | None:
    """Return the hedge word nearest before ``position`` in its clause, else a trailing one."""
    start, end = clause_bounds(sentence, position)
    found = list(_HEDGES_CUE.finditer(sentence, start, position))
    if found:
        return found[-1].group(1).lower()
    trailing = _TRAILING_HEDGE_CUE.match(sentence[position:end])
    return trailing.group(1).lower() if trailing else None


def share(sentence: str, position: int, end: int | None = None) -> tuple[float | None, str | None]:
    """Return the stated share of cases (percent) after ``position``, with its hedge.

    The search stays in the clause of ``position`` (and before ``end`` if given); without
    a share the result is ``(None, None)``.
    """
    _, clause_end = clause_bounds(sentence, position)
    stop = min(clause_end, end) if end is not None else clause_end
    match = _SHARE.search(sentence, position, stop)
    if match is None:
        return None, None
    if match.group("number"):
        value = float(match.group("number"))
    else:
        value = _NUMBER_WORDS[match.group("words").lower().replace("-", " ")]
    if not 0 <= value <= 100:
        return None, None
    hedge_word = match.group("hedge")
    return round(value, 1), hedge_word.lower() if hedge_word else None


def scope_text(sentence: str, position: int) -> str | None:
    """Return the phrase that limits a statement in its clause, or ``None``.

    Such phrases are "usually", "some severe cases", "about 80 percent of cases".
    """
    start, end = clause_bounds(sentence, position)
    match = _SCOPE.search(sentence, start, end)
    return match.group(0).strip() if match else None
