"""Negation and stated normality: is a mention asserted or said to be absent.

A mention is negated when a negation cue ("not", "no", "without", "absence of", ...)
precedes it in the same clause, within a few words. :func:`normal_statements` finds
"intelligence is usually normal"-style sentences: a function said to be normal negates the
phenotype listed for it in ``data/normal_terms.tsv``.

Examples
--------
>>> s = "It does not cause seizures, but fever is common."
>>> is_negated(s, s.index("seizures")), is_negated(s, s.index("fever"))
(True, False)
>>> s = "Without treatment, some people develop amyloidosis."
>>> is_negated(s, s.index("amyloidosis"))
False
>>> [(m.curie, m.text) for m in normal_statements("Intelligence is typically normal.")]
[('HP:0001249', 'Intelligence')]
>>> [m.curie for m in normal_statements("It does not affect intelligence.")]
['HP:0001249']
>>> s = "Patients who do not respond may receive rituximab."
>>> is_negated(s, s.index("rituximab"))
False

"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from raregraph.extract._cues import Cue

__all__ = [
    "NEGATION_CUE",
    "NormalStatement",
    "is_negated",
    "is_stated_absent",
    "normal_statements",
]

_CUE = re.compile(
    r"\b(?:no|not|never|without|neither|nor|absence of|absent|lack of|lacks?|free of|"
    r"instead of|unaffected|cannot|excluded|ruled out)\b|"
    # a contraction, the whole word: "doesn't", "don't", "isn't", "can't", either apostrophe
    r"\b\w+n['\u2019]t\b",
    re.IGNORECASE,
)
#: The negation cues (for readers that need where a negation starts).
NEGATION_CUE = _CUE
_CLAUSE_BREAK = re.compile(
    r"[;:]|\b(?:but|although|though|whereas|while|however|except|instead|which|who|that|"
    r"because|since|unless|until|so|yet)\b|"
    # ", and an enlarged liver": a new noun phrase after a negated verb phrase
    r",\s+(?:and|or)\s+(?:a|an|the|their|its|his|her|this|these|those|some|many|most)\b|"
    # ", and women may have ...": a new subject
    r",\s+(?:and|or|but)\s+(?:men|women|boys|girls|males|females|children|adults|people|"
    r"others)\b|"
    # "no symptoms or only mild cramps": the second alternative holds
    r"\bor\s+(?:only|just|at most)\b|"
    # "have no family history and appear to have a new mutation": a second predicate
    r"\b(?:and|or)\s+(?:appears?|seems?|have|has|had|are|is|was|were|shows?|develops?|gets?|"
    r"needs?|carry|carries|often|usually|then|later|form|forms|cause|causes|lead|leads|"
    r"grow|grows|become|becomes|turn|turns)\b",
    re.IGNORECASE,
)
#: A modal verb after the cue starts a new verb phrase ("do not respond may receive X").
_NEW_PREDICATE = re.compile(r"\b(?:may|might|can|could|will|would|should|must)\b", re.I)
#: A negated relative clause ("patients who do not respond [to X]") ends at the main verb.
_RELATIVE_BEFORE = re.compile(r"\b(?:who|that|which)\s+(?:\w+\s+){0,2}$", re.I)
_MAIN_VERB = re.compile(
    r"\b(?:are|is|were|was|have|has|need|needs|get|gets|receive|receives|take|takes|"
    r"undergo|undergoes|benefit|benefits|develop|develops)\b",
    re.IGNORECASE,
)
_NEW_PREDICATE_TEST = Cue(_NEW_PREDICATE)
_MAIN_VERB_TEST = Cue(_MAIN_VERB)
_CUE_FAST = Cue(_CUE)
_CLAUSE_BREAK_TEST = Cue(_CLAUSE_BREAK)
#: "did not form properly, such as X": an abnormal form, not an absence
_NOT_NORMALLY = re.compile(
    r"\b(?:properly|normally|correctly|in the usual way|as usual|as (?:it|they) should)\b",
    re.IGNORECASE,
)
_VERB_CUES = frozenset({"not", "never", "cannot"})
#: a cue inside an opening condition: "If X does not help, Y ...", "When X is not enough"
_CONDITION_BEFORE = re.compile(
    r"(?:^|[;:,.]\s*)(?:if|when|unless|once|because|since|as)\b[^,;:]*$", re.I
)
_WITH_OR = re.compile(r"\bwith or $", re.IGNORECASE)
_HISTORY_AFTER = re.compile(r"\s+(?:known\s+|prior\s+|previous\s+)?(?:family\s+)?history\b", re.I)
_SOME_NOT_ALL = re.compile(r"\s+(?:everyone|everybody|all|every)\b", re.IGNORECASE)
_NEW_NOUN_PHRASE = re.compile(r"\band\s+(?:a|an|the)\b", re.IGNORECASE)
#: a negated verb of knowing or noticing, and "not only", deny nothing that follows
_NOT_AWARE_OR_ONLY = re.compile(
    r"\s+(?:(?:always|even|yet|usually|often)\s+)?(?:realiz|realis|notic|aware|"
    r"recogni[sz]|only\b)",
    re.IGNORECASE,
)
#: "non-" joined to the finding's word: "a non-itchy rash", "non-painful lumps"
_NON_BEFORE = re.compile(r"\bnon-$", re.IGNORECASE)
_MAX_WORDS = 7
_DATA = Path(__file__).resolve().parent / "data" / "normal_terms.tsv"


def _is_verb_cue(cue: str) -> bool:
    """Whether a negation cue negates a verb ("not", "never", "cannot", "doesn't")."""
    cue = cue.lower()
    return cue in _VERB_CUES or cue.endswith(("n't", "n\u2019t"))


def is_negated(sentence: str, start: int, findings: Sequence[tuple[int, int]] = ()) -> bool:
    """Tell whether the mention starting at ``start`` in ``sentence`` is negated.

    A cue inside one of the ``findings`` spans is part of that finding's name ("an absent
    radius, cafe-au-lait spots"), not a negation.
    """
    before = sentence[:start]
    if _NON_BEFORE.search(before, max(0, len(before) - 5)):
        return True  # "a non-itchy rash"
    cues = list(_CUE_FAST.finditer(before))
    if cues and findings:
        cues = [c for c in cues if not any(s <= c.start() and c.end() <= e for s, e in findings)]
    if cues and _WITH_OR.search(before, 0, cues[-1].start()):
        cues.pop()  # "a cleft lip with or without a cleft palate": either way, not absent
    if cues and _HISTORY_AFTER.match(before, cues[-1].end()):
        cues.pop()  # "no family history (new mutations)": the history is absent, not X
    if cues and _SOME_NOT_ALL.match(before, cues[-1].end()):
        cues.pop()  # "not everyone who inherits it becomes ill": some are, a quantifier
    if cues and _NOT_AWARE_OR_ONLY.match(before, cues[-1].end()):
        cues.pop()  # "do not realize they cannot smell", "not only X": what follows holds
    if not cues:
        return False
    cue = cues[-1]
    between = before[cue.end() :]
    if _CLAUSE_BREAK_TEST.found_in(between) or _NEW_PREDICATE_TEST.found_in(between):
        return False
    if "\u2022" in between or "\n" in between:
        return False  # a negation ends with its list item (or line)
    if _RELATIVE_BEFORE.search(before, 0, cue.start()) and (
        _MAIN_VERB_TEST.found_in(between)
        # "a high fever that does not go away, enlargement of the liver": the relative
        # clause's negation ends at its comma
        or ("," in between and _is_verb_cue(cue.group(0)))
    ):
        return False
    if cue.group(0).lower() == "without" and "," in between:  # "Without treatment, ..."
        return False
    if "," in between and _CONDITION_BEFORE.search(before, 0, cue.start()):
        return False  # "If supplements are not enough, diuretics ...": the condition ends

    if _NOT_NORMALLY.search(between):  # "genitals that did not form in the usual way"
        return False
    if _is_verb_cue(cue.group(0)) and _NEW_NOUN_PHRASE.search(between):
        return False  # "jaundice that does not clear up and an enlarged liver"
    return len(between.split()) <= _MAX_WORDS


#: A finding said to be absent after it is named: "Cardiomyopathy is usually absent."
_ABSENT_AFTER = re.compile(
    r"\s*(?:\([^)]{0,60}\)\s*)?(?:is|are|was|were)\s+"
    r"(?:(?:usually|typically|generally|often|mostly|almost always|always)\s+)?"
    r"(?:absent|not present|not a feature|not (?:typical|usual|expected|seen)|"
    r"not an? (?:typical|usual|common) (?:sign|feature|symptom|finding|part))\b",
    re.IGNORECASE,
)


def is_stated_absent(sentence: str, end: int) -> bool:
    """Tell whether the mention ending at ``end`` is said to be absent right after it.

    >>> s = "Cardiomyopathy is usually absent."
    >>> is_stated_absent(s, len("Cardiomyopathy")), is_stated_absent(s, len("Cardio"))
    (True, False)
    """
    return _ABSENT_AFTER.match(sentence, end) is not None


@dataclass(frozen=True, slots=True)
class NormalStatement:
    """A function said to be normal: the phenotype it negates and where it is named."""

    curie: str
    text: str
    start: int
    end: int
    hedge: str | None


@cache
def _normal_terms() -> tuple[tuple[re.Pattern[str], str], ...]:
    rows = []
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("phrase\t"):
            continue
        phrase, curie = line.split("\t")[:2]
        words = r"\s+".join(re.escape(w) for w in phrase.split())
        rows.append((len(phrase), re.compile(rf"\b{words}\b", re.IGNORECASE), curie))
    rows.sort(key=lambda row: -row[0])  # the longest first: "side vision" before "vision"
    return tuple((pattern, curie) for _, pattern, curie in rows)


@cache
def _any_normal_term() -> Cue:
    """One pattern that matches wherever any of :func:`_normal_terms` does (a pre-check)."""
    terms = "|".join(f"(?:{pattern.pattern})" for pattern, _ in _normal_terms())
    if not terms.isascii():  # a phrase outside ASCII: no shortcut, every sentence is read
        return Cue(re.compile(r"", re.IGNORECASE))
    return Cue(re.compile(terms or r"(?!x)x", re.IGNORECASE))


_IS_NORMAL = re.compile(
    r"^(?P<gap>[^.;,]{0,25}?\b(?:is|are|was|were|remains?|stays?|tends? to be|looks?|"
    r"appears?|seems?)\b\s+"
    r"(?:(?P<hedge>usually|typically|generally|often|mostly|normally|almost always|always)\s+)?"
    r"(?:\w+\s+)?(?:normal|unaffected|spared|preserved|intact|not\s+affected|"
    # "side vision is usually kept" (not "kept longer": lost later)
    r"kept(?!\s+(?:longer|until|for|only))|"
    r"not\s+impaired)\b)",
    re.IGNORECASE,
)
#: "most have normal intelligence"; "it does not (usually) affect intelligence".
_NORMAL_BEFORE = re.compile(
    r"\b(?:(?:(?P<hedge>usually|typically|generally|often|mostly)\s+)?"
    r"(?:have|has|with|had|show|keeps?|retains?|maintains?)\s+(?:a\s+)?normal"
    r"|(?:does|do|did)\s+not\s+(?:(?P<hedge2>usually|typically|generally)\s+)?"
    r"(?:affect|impair|harm|reduce)|(?:does|do|did)n't\s+(?:affect|impair))\s+"
    # "does not affect hearing or intelligence": the functions listed before it too
    r"(?:(?:the|their)\s+)?(?:[\w']+(?:\s+[\w']+)?(?:,\s+|,?\s+(?:or|and)\s+))*$",
    re.IGNORECASE,
)


def normal_statements(sentence: str) -> Iterator[NormalStatement]:
    """Yield the phenotypes that ``sentence`` negates by calling a function normal."""
    if not _any_normal_term().found_in(sentence):
        return
    taken: list[tuple[int, int]] = []  # "side vision is spared": not also "vision"
    for pattern, curie in _normal_terms():
        for match in pattern.finditer(sentence):
            if any(start <= match.start() and match.end() <= end for start, end in taken):
                continue
            after = _IS_NORMAL.match(sentence[match.end() :])
            before = _NORMAL_BEFORE.search(sentence[: match.start()])
            found = after or before
            if found is None:
                continue
            hedge = found.group("hedge") or (before.group("hedge2") if found is before else None)
            taken.append((match.start(), match.end()))
            yield NormalStatement(
                _of_sex(curie, sentence, match.start(), match.end()),
                match.group(0),
                match.start(),
                match.end(),
                hedge.lower() if hedge else None,
            )


#: phenotypes that HPO splits by sex, and the split terms ("fertility is normal in men")
_BY_SEX = {"HP:0000789": {"male": "HP:0003251", "female": "HP:0008222"}}
_SEX_NAMED = re.compile(
    r"\b(?:(?P<male>men|males|boys)|(?P<female>women|females|girls))\b", re.IGNORECASE
)


def _of_sex(curie: str, sentence: str, start: int, end: int) -> str:
    """The term for one sex if the clause names only that sex and HPO splits the term.

    >>> _of_sex("HP:0000789", "Women are infertile; men have normal fertility.", 30, 39)
    'HP:0003251'
    """
    split = _BY_SEX.get(curie)
    if split is None:
        return curie
    left = max(sentence.rfind(mark, 0, start) for mark in ",;:")
    rights = [at for mark in ",;:" if (at := sentence.find(mark, end)) >= 0]
    clause = sentence[left + 1 : min(rights, default=len(sentence))]
    named = {
        key
        for match in _SEX_NAMED.finditer(clause)
        for key, value in match.groupdict().items()
        if value
    }
    return split[named.pop()] if len(named) == 1 else curie
