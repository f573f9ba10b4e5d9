"""Modes of inheritance stated in a sentence, aligned to the HPO inheritance subtree.

Named modes come from the lexicon (HPO labels and synonyms under HP:0000005, e.g.
"autosomal dominant", "X-linked recessive", "mitochondrial inheritance"). Wording that
HPO does not name is read by rules: new (de novo) mutations, sporadic cases, and an
unknown mode. Each mode keeps the phrase that limits it ("usually", "some severe cases").

Examples
--------
>>> s = ("It is usually inherited in an autosomal dominant manner, although some severe "
...      "cases are inherited in an autosomal recessive manner.")
>>> from raregraph.extract.mentions import find_mentions
>>> [(m.curie, m.qualifier) for m in find_inheritance(s, find_mentions(s))]
[('HP:0000006', 'usually'), ('HP:0000007', 'some severe cases')]

"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from raregraph.extract._cues import Cue
from raregraph.extract.contrast import other_disorder_spans
from raregraph.extract.mentions import Mention
from raregraph.extract.negation import is_negated
from raregraph.extract.qualifiers import scope_text

__all__ = ["DE_NOVO", "SPORADIC", "UNKNOWN", "InheritanceMention", "find_inheritance"]

#: HP:0025352 Typically de novo.
DE_NOVO = "HP:0025352"
#: HP:0003745 Sporadic.
SPORADIC = "HP:0003745"
#: HP:0000005 Mode of inheritance: the root, used for a mode the text calls unknown.
UNKNOWN = "HP:0000005"

_DE_NOVO = re.compile(
    r"\bde novo\b|\b(?:spontaneous |sporadic )?new (?:\w+ )?(?:mutations?|variants?)\b|"
    r"\b(?:random |spontaneous )?new (?:deletions?|duplications?|genetic changes?|events?)\b|"
    # "a new change that was not inherited from either parent"
    r"\bnew changes?\b(?=[^.;]{0,40}\bnot inherited\b)|"
    r"\bnot inherited from (?:either|any) parent\b|"
    r"\barises? (?:new|anew|spontaneously)\b|\bnew(?:ly)? arising\b|"
    r"\b(?:occurr?ed|occurs|happened|arose|appeared) (?:as )?(?:new|anew|for the first time)\b|"
    r"\b(?:mutation|variant|genetic change|change) (?:is|was) new\b|"
    # "it occurs as a random event during the formation of an egg or sperm cell"
    r"\b(?:random (?:events?|errors?|mistakes?)|(?:occurs?|occurred|happens?|happened|"
    r"arises?|arose) (?:randomly|by chance|at random))\b"
    r"(?=[^.;]{0,80}\b(?:eggs?|sperm|reproductive cells?|germ cells?)\b)",
    re.IGNORECASE,
)
_SPORADIC = re.compile(
    r"\b(?:sporadic(?:ally)?|no family history|"
    r"no (?:other )?affected (?:relatives|family members|members|family)|"
    r"no history of the (?:disorder|condition|disease) in (?:their|the) famil(?:y|ies)|"
    # "this form occurs by chance and is not inherited" (a change that occurs by chance
    # is a new one: see _BY_CHANCE_CHANGE)
    r"(?:occurs?|occurred|happens?|happened|arises?|arose) (?:\w+ )?(?:by chance|at random)"
    r"(?=,? and (?:is|are) (?:\w+ )?not inherited)|"
    # a change by chance after conception: in the embryo, not from a parent
    r"(?:occurs?|occurred|happens?|happened|arises?|arose) (?:\w+ )?(?:by chance|at random|"
    r"randomly) (?:[\w-]+ ){0,4}?after (?:conception|fertilization)|"
    # "many people are the first in their family to be affected"
    r"(?:the )?first (?:person |one |member )?in (?:their|the|his|her) famil(?:y|ies) to "
    r"(?:be affected|have (?:the|this) (?:condition|disease|disorder|syndrome)))\b",
    re.IGNORECASE,
)
#: a genetic change before "occurs by chance": the change is new, the case not sporadic
_BY_CHANCE_CHANGE = re.compile(
    r"\b(?:mutations?|variants?|changes?|deletions?|duplications?|errors?)\b[^.;]*$",
    re.IGNORECASE,
)
MITOCHONDRIAL = "HP:0001427"
_DISORDER_GROUP_AFTER = re.compile(
    r"\s+(?:DNA\s+depletion\b|(?:diseases?|disorders?|conditions?|syndromes?|"
    r"myopath(?:y|ies)|encephalomyopath(?:y|ies))\b)",
    re.IGNORECASE,
)
_CHANGE_IN_BEFORE = re.compile(
    r"\b(?:mutations?|variants?|changes?|deletions?|alterations?|defects?|errors?)\s+"
    r"(?:\w+\s+)?(?:in|of|within)\s+(?:the\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
#: "a baby with aniridia and no family history should be tested": a case supposed, not
#: how the disease occurs
_SUPPOSED_PERSON_BEFORE = re.compile(
    r"\b(?:an?|any|every)\s+(?:[\w-]+\s+)?(?:baby|child|infant|newborn|person|patient|"
    r"individual|adult|man|woman|boy|girl|someone|anyone)\s+(?:who|with)\b[^.;]*$",
    re.IGNORECASE,
)
#: "no family history of the disorder" (or of its name, or none named) is sporadic
#: occurrence; "no family history of heart disease" is about something else
_HISTORY_OF_OTHER = re.compile(
    r"\s+of\s+(?!(?:the|this|that|such an?|a similar|the same|their|her|his)\s+"
    r"(?:\w+\s+){0,2}?(?:disorders?|conditions?|diseases?|syndromes?|illness|problems?)\b"
    r"|it\b|them\b)",
    re.IGNORECASE,
)
#: "this pattern, called mosaicism", "affected people are mosaic": HP:0001442 (somatic);
#: a parent's germline (gonadal) mosaicism is not the patient's
_MOSAIC = re.compile(
    r"(?<!germline )(?<!germ-line )(?<!gonadal )(?<!parental )\bmosaicism\b|"
    r"\b(?:is|are|be|were|was) mosaic\b",
    re.IGNORECASE,
)
_PARENT_BEFORE = re.compile(r"\b(?:parents?|mothers?|fathers?)\b[^,;.]*$", re.IGNORECASE)
MOSAIC = "HP:0001442"
#: "not everyone who inherits the change develops symptoms": HP:0003829, incomplete
#: penetrance, in lay words
_PENETRANCE = re.compile(
    r"\bnot (?:everyone|everybody|all(?: people| those| carriers)?|every person|every carrier)"
    r" (?:(?:who|that) (?:inherits?|carry|carries|has|have) |with )(?:(?:\w+ ){0,3}?"
    r"(?:mutations?|changes?|variants?|genes?|alterations?)|it|them|this)"
    r" (?:will )?(?:develops?|becomes?|gets?|has|have|shows?|is|are)"
    r" (?:\w+ )?(?:symptoms|signs|ill|sick|affected|problems|disease|attacks|episodes|"
    r"the (?:condition|disease|disorder))\b|"
    # "penetrance is reduced", "the penetrance is incomplete"
    r"\bpenetrance (?:is|was|appears|seems) (?:(?!not |never )\w+ )?"
    r"(?:reduced|incomplete|low|partial)\b|"
    # "a few people who carry the variant never have symptoms"
    r"\b(?:some|a few|many|a small number of|a minority of) (?:people|persons|individuals|"
    r"carriers|family members) (?:who|that) (?:carry|inherit|have) (?:a|an|the|one) "
    r"(?:\w+ )?(?:variant|mutation|change|alteration)s? (?:never|do not|don't) "
    r"(?:have|develop|show|get|notice) (?:any )?(?:\w+ )?(?:symptoms|signs|changes|problems|"
    r"disease|the (?:condition|disease|disorder))\b",
    re.IGNORECASE,
)
PENETRANCE = "HP:0003829"
#: "a child develops it only if the altered gene comes from the mother": the father's copy
#: is silenced, HP:0012274 Autosomal dominant inheritance with paternal imprinting (and
#: the other way round, HP:0012275)
_FROM_ONE_PARENT = re.compile(
    r"\b(?:only|mainly|mostly|usually|chiefly) (?:if|when|where) (?:[\w-]+ ){0,5}?"
    r"(?:comes?|came|is inherited|are inherited|is passed(?: down| on)?|"
    r"are passed(?: down| on)?|is transmitted|inherits? it) from (?:the|their|his|her|a) "
    r"(?P<parent>mother|father)\b",
    re.IGNORECASE,
)
PATERNAL_IMPRINTING, MATERNAL_IMPRINTING = "HP:0012274", "HP:0012275"
#: "some people have variants in more than one of these genes": HP:0010983 Oligogenic
_OLIGOGENIC = re.compile(
    r"\b(?:variants?|mutations?|changes?|alterations?) in more than one (?:of (?:these|the) )?"
    r"(?:\w+ )?genes\b",
    re.IGNORECASE,
)
OLIGOGENIC = "HP:0010983"
#: anticipation that the text ties to the father: HP:0003744 (with paternal bias)
_PATERNAL = re.compile(r"\b(?:father|fathers|paternal|paternally)\b", re.IGNORECASE)
PATERNAL_ANTICIPATION = "HP:0003744"
#: a sentence that names what the sentence before it said ("This is called anticipation")
_BACK_REFERENCE = re.compile(
    r"\s*(?:this|that|such)(?: \w+)? (?:is|are) (?:called|known as|termed)\b", re.IGNORECASE
)
#: "the condition shows anticipation": HP:0003743 Genetic anticipation
_ANTICIPATION = re.compile(
    r"\b(?:shows?|showing|displays?|exhibits?|called|known as|undergoes?)\s+(?:genetic\s+)?"
    r"anticipation\b|"
    # in lay words: "starts earlier in later generations", "begins at a younger age in
    # each generation"
    r"\b(?:starts?|begins?|appears?|develops?|shows? up)\s+(?:\w+\s+){0,2}?"
    r"(?:earlier|at (?:an? )?(?:earlier|younger) ages?)\b[^.;]{0,40}?"
    r"\b(?:later|successive|each|every|following|younger) generations?\b",
    re.IGNORECASE,
)
#: The lay explanations of the two autosomal modes ("one altered copy of the gene in each
#: cell is sufficient"; "both copies of the gene in each cell have mutations"; "each child
#: has a 50% chance of inheriting it"; "both parents are carriers"), not read in a
#: sentence about the X chromosome or one sex, where the same words explain X-linked
#: inheritance.
_CHANGED = r"(?:altered |mutated |changed |abnormal |faulty |working |variant )?"
_ONE_COPY_ENOUGH = re.compile(
    rf"\bone {_CHANGED}copy of the (?:\w+ )?gene(?: in each cell)? is (?:enough|sufficient)\b|"
    rf"\b(?:needs?|requires?|takes?) only one {_CHANGED}copy of the (?:\w+ )?gene\b|"
    rf"\bonly one {_CHANGED}copy of the (?:\w+ )?gene (?:is (?:needed|required)|needs to be)\b|"
    # a parent's chance of passing it on, unless the sentence is about carriers (recessive)
    r"\b(?:50 ?(?:%|percent)|fifty percent|(?:1|one) in (?:2|two)|half) (?:chance|risk)\b"
    r"(?=[^.;]*\b(?:child|children|offspring|pregnancy|pass|inherit)\w*)(?![^.;]*\bcarriers?\b)",
    re.IGNORECASE,
)
_BOTH_COPIES = re.compile(
    rf"\b(?:both|two) {_CHANGED}copies of the (?:\w+ )?gene"
    r"(?: in each cell)? (?:are|have|must be|must have|need to be|carry)\b|"
    r"\bmutations in both copies of the (?:\w+ )?gene\b|"
    rf"\b(?:both|two) {_CHANGED}copies of the (?:\w+ )?gene,? one (?:inherited )?"
    r"from each parent\b|"
    rf"\b(?:a|one) {_CHANGED}copy of the (?:\w+ )?gene from each "
    r"(?:of (?:their|the) )?parents?\b|"
    r"\bboth parents (?:are|must be|were|usually are|are usually) (?:\w+ )?carriers\b|"
    rf"\bparents (?:of an? (?:affected )?(?:person|individual|child) )?(?:each )?carry "
    rf"(?:one|a) {_CHANGED}copy\b|"
    # "a child inherits a mutation from both parents"
    r"\b(?:inherits?|inherited|inheriting|receives?|received|gets?) (?:an? |one )?"
    r"(?:altered |changed |faulty )?(?:mutation|variant|change|copy|gene)s?"
    r"(?: (?:in|of) the (?:\w+ )?gene)? from (?:both|each of (?:their|the)) parents\b|"
    r"\b(?:25 ?(?:%|percent)|twenty-five percent|(?:1|one) in (?:4|four)) (?:chance|risk)\b"
    r"(?=[^.;]*\b(?:child|children|offspring|pregnancy|sibling|brother|sister|affected)\w*)",
    re.IGNORECASE,
)
_CARRIER = re.compile(r"\bcarriers?\b", re.IGNORECASE)
_X_CONTEXT = re.compile(
    r"\bX\b|X-linked|X chromosome|\bmales?\b|\bfemales?\b|\bsons?\b|\bdaughters?\b"
)
_UNKNOWN = re.compile(
    r"\b(?:(?:mode of |pattern of )?inheritance|inherit\w*|genetic cause)\b[^.;]{0,40}?\b"
    r"(?:is|are|remains?)\s+(?:still\s+|currently\s+|largely\s+)?"
    r"(?:considered\s+|thought to be\s+|believed to be\s+)?"
    r"(?:unknown|not (?:yet |fully |well )?(?:known|understood)|unclear)\b|"
    r"\bnot known to be inherited\b|"
    # "how it might be passed down is not understood"
    r"\bhow (?:it|the (?:condition|disease|disorder|syndrome)) (?:is|might be|may be|could be) "
    r"(?:passed (?:down|on)|inherited)\b[^.;]{0,20}?\b(?:is|remains?) (?:still )?"
    r"(?:unknown|not (?:yet |fully |well )?(?:known|understood)|unclear)\b",
    re.IGNORECASE,
)
#: "in the remaining cases, the genetic cause is not known": which gene, in some of the
#: cases, is unknown, not how the disease is inherited
_SOME_CASES = re.compile(
    r"\b(?:remaining|other|rest of the|some|many|a few|a minority of)\s+(?:\w+\s+)?"
    r"(?:cases|people|persons|families|patients|individuals)\b|\d\s*(?:%|percent)",
    re.IGNORECASE,
)
_FAMILY_CONTEXT = re.compile(
    r"\b(?:cases?|parents?|famil\w+|inherit\w*|affected|people|individuals|persons?|"
    r"mutations?|child|eggs?|sperm|conception|embryo)\b",
    re.IGNORECASE,
)


_FAMILY_CONTEXT_TEST = Cue(_FAMILY_CONTEXT)
#: HP:0003743 Genetic anticipation.
ANTICIPATION = "HP:0003743"
_AUTOSOMAL_DOMINANT, _AUTOSOMAL_RECESSIVE = "HP:0000006", "HP:0000007"
#: the mode that "... or recessive" ("... or dominant") makes of a stated one
_SIBLING_MODE = {
    _AUTOSOMAL_DOMINANT: ("recessive", _AUTOSOMAL_RECESSIVE),
    _AUTOSOMAL_RECESSIVE: ("dominant", _AUTOSOMAL_DOMINANT),
    "HP:0001423": ("recessive", "HP:0001419"),  # X-linked dominant / recessive
    "HP:0001419": ("dominant", "HP:0001423"),
}
_OTHER_DEGREE_AFTER = re.compile(
    r",?\s+(?:or|and|and/or)\s+(?:an?\s+)?(recessive|dominant)\b", re.IGNORECASE
)
#: Each rule: its pattern, its mode, and words of which every match holds one (a plain
#: substring test on the lower-cased sentence skips the pattern in most sentences).
_RULES = (
    (
        Cue(_DE_NOVO),
        DE_NOVO,
        ("novo", "new", "spontaneous", "first time", "random", "chance", "either parent",
         "any parent"),
    ),
    (
        Cue(_SPORADIC),
        SPORADIC,
        ("sporadic", "family history", "affected", "history of the", "chance", "random",
         "first"),
    ),
    (Cue(_UNKNOWN), UNKNOWN, ("unknown", "known", "unclear", "understood")),
    (Cue(_ANTICIPATION), ANTICIPATION, ("anticipation", "generation")),
    (Cue(_MOSAIC), MOSAIC, ("mosaic",)),
    (
        Cue(_PENETRANCE),
        PENETRANCE,
        ("not every", "not all", "penetrance", "never", "do not", "don't"),
    ),
    (Cue(_OLIGOGENIC), OLIGOGENIC, ("more than one",)),
    (Cue(_FROM_ONE_PARENT), PATERNAL_IMPRINTING, ("mother", "father")),
    (
        Cue(_ONE_COPY_ENOUGH),
        _AUTOSOMAL_DOMINANT,
        ("cop", "50", "fifty", " in 2", " in two", "half"),
    ),
    (
        Cue(_BOTH_COPIES),
        _AUTOSOMAL_RECESSIVE,
        ("cop", "carriers", "25", "twenty-five", " in 4", " in four", "both parents",
         "each of their parents", "each of the parents"),
    ),
)
_COPY_RULES = frozenset({_AUTOSOMAL_DOMINANT, _AUTOSOMAL_RECESSIVE})


@dataclass(frozen=True, slots=True)
class InheritanceMention:
    """A mode of inheritance in a sentence (offsets in the sentence)."""

    curie: str
    start: int
    end: int
    text: str
    qualifier: str | None
    negated: bool


def _about_something_else(
    curie: str, match: re.Match[str], sentence: str, own_names: list[tuple[int, int]]
) -> bool:
    """Whether a rule's match speaks of something other than how this disease occurs.

    "No family history of heart disease" (not of the disorder: ``own_names`` are the
    spans of its names), "the mutation occurs by chance" (a new change), "in the
    remaining cases the genetic cause is unknown" (which gene, not how it is inherited).
    """
    words = match.group().lower()
    if curie == MOSAIC:
        return _PARENT_BEFORE.search(sentence, 0, match.start()) is not None
    if curie == UNKNOWN:
        return "genetic cause" in words and _SOME_CASES.search(sentence) is not None
    if curie != SPORADIC:
        return False
    if words.endswith(("chance", "random")):  # (not after conception: that ends so)
        return _BY_CHANCE_CHANGE.search(sentence, 0, match.start()) is not None
    if words.endswith("history"):
        if _SUPPOSED_PERSON_BEFORE.search(sentence, 0, match.start()):
            return True
        other = _HISTORY_OF_OTHER.match(sentence, match.end())
        return other is not None and all(start != other.end() for start, _ in own_names)
    return False


def _organelle_named(sentence: str, curie: str, start: int, end: int) -> bool:
    """Whether a bare "mitochondrial" names the organelle, not mitochondrial inheritance.

    "The mitochondrial DNA depletion syndromes" (a group of disorders), "the enzyme that
    copies mitochondrial DNA" (what it acts on); but "caused by changes in mitochondrial
    DNA" is the mode.

    >>> s = "An enzyme copies mitochondrial DNA."
    >>> _organelle_named(s, MITOCHONDRIAL, s.index("mito"), s.index(" DNA"))
    True
    """
    if curie != MITOCHONDRIAL or sentence[start:end].lower() != "mitochondrial":
        return False
    if _DISORDER_GROUP_AFTER.match(sentence, end):
        return True
    return sentence.startswith(" DNA", end) and not _CHANGE_IN_BEFORE.search(sentence, 0, start)


def find_inheritance(
    sentence: str,
    mentions: Iterable[Mention],
    *,
    blocked: Iterable[tuple[int, int]] = (),
    previous: str = "",
) -> list[InheritanceMention]:
    """Return the modes of inheritance in ``sentence``.

    ``mentions`` are the sentence's lexicon mentions; ``blocked`` spans (the disease's own
    name, e.g. "X-linked hypophosphatemia") are not read as modes. ``previous`` is the
    sentence before, which "This is called anticipation" names.
    """
    spans = list(blocked)
    own_names = list(spans)
    contrast_read = False  # the spans naming another disorder, added when first needed

    def free(start: int, end: int) -> bool:
        nonlocal contrast_read
        if not contrast_read:
            # "should not be confused with autosomal recessive PKD": another disorder's mode
            spans.extend(other_disorder_spans(sentence, list(spans)))
            contrast_read = True
        return all(end <= s or start >= e for s, e in spans)

    mentions = list(mentions)
    found: list[tuple[str, int, int]] = [
        (m.curie, m.start, m.end)
        for m in mentions
        if m.kind == "inheritance" and free(m.start, m.end)
    ]
    if found:
        # "X-linked thrombocytopenia": a mode naming a disorder, a finding right after it;
        # "a mitochondrial disease", "mitochondrial DNA depletion syndromes": a group of
        # disorders named by the organelle, not how this one is passed on
        findings = {m.start for m in mentions if m.kind == "phenotype"}
        found = [
            item for item in found
            if item[2] + 1 not in findings and not _organelle_named(sentence, *item)
        ]
    # "in an autosomal dominant or recessive way": the second mode shares the first's
    # qualifier word
    for curie, _, end in list(found):
        sibling = _SIBLING_MODE.get(curie)
        if sibling is not None:
            other = _OTHER_DEGREE_AFTER.match(sentence, end)
            if other is not None and other.group(1).lower() == sibling[0]:
                found.append((sibling[1], other.start(1), other.end(1)))
    family: bool | None = None  # tested once, when first needed
    lowered = sentence.lower()
    for pattern, curie, needs in _RULES:
        if not any(word in lowered for word in needs):
            continue
        if curie in _COPY_RULES:
            if _X_CONTEXT.search(sentence):
                continue  # the same words explain X-linked inheritance
            if curie == _AUTOSOMAL_DOMINANT and _CARRIER.search(sentence):
                continue  # "a carrier mother has a 50% chance": carriers are not affected
            if other_disorder_spans(sentence, own_names):
                continue  # "two altered copies ... can have a more serious illness called X"
        elif curie not in (ANTICIPATION, UNKNOWN, MOSAIC, PENETRANCE):
            if family is None:
                family = _FAMILY_CONTEXT_TEST.found_in(sentence)
            if not family:
                continue
        if curie == SPORADIC and any(c == DE_NOVO for c, _, _ in found):
            continue  # "a new mutation and no family history": one statement, de novo
        for match in pattern.finditer(sentence):
            if free(match.start(), match.end()) and not _about_something_else(
                curie, match, sentence, own_names
            ):
                mode = curie
                if curie == ANTICIPATION and (
                    _PATERNAL.search(sentence)
                    or (_BACK_REFERENCE.match(sentence) and _PATERNAL.search(previous))
                ):
                    # "most often when the father passes it on" (also in the sentence
                    # that "This is called anticipation" names)
                    mode = PATERNAL_ANTICIPATION
                if curie == PATERNAL_IMPRINTING and match.group("parent").lower() == "father":
                    mode = MATERNAL_IMPRINTING  # the mother's copy is the silenced one
                found.append((mode, match.start(), match.end()))
    result = []
    seen = set()
    for curie, start, end in sorted(found, key=lambda item: item[1]):
        if curie in seen:
            continue
        seen.add(curie)
        text = sentence[start:end]
        # "(reduced penetrance)" after a clause of carriers who never fall ill names it
        negated = (
            curie != UNKNOWN
            and is_negated(sentence, start)
            and not (curie == PENETRANCE and sentence[:start].rstrip().endswith("("))
        )
        result.append(
            InheritanceMention(curie, start, end, text, scope_text(sentence, start), negated)
        )
    return result
