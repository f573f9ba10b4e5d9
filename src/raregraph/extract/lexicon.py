"""The extractor's lexicon: every name it looks for in text, built once and cached.

The lexicon joins the surface forms of the bundled ontologies (HPO phenotypes and modes of
inheritance, UBERON anatomy, the treatment vocabulary, HGNC genes, MONDO diseases) with the
extractor's own data files in ``extract/data/`` (MeSH drugs and devices, a hand-curated list
of lay phrases). Names are *folded* with :func:`fold` so that matching is case-insensitive
and treats hyphens as spaces, and plural forms are added for nouns.

Building reads the ontology files with a lean line scanner (only ids, names, synonyms,
parents and xrefs) and stores the result as one file in the ontology cache folder (a JSON
header, then the tables as packed UTF-8 text, see :func:`pack_payload`),
keyed by the sha256 of every input file: a changed ontology or data file gives a new key,
and nothing executable is ever read back. :func:`get_lexicon` returns the lexicon of the
process, built on first use.

Examples
--------
>>> fold("X-Linked  Recessive")
'x linked  recessive'
>>> lexicon = get_lexicon()
>>> lexicon.lookup("enlarged spleen", "phenotype")
'HP:0001744'
>>> lexicon.lookup("kidneys", "organ"), lexicon.labels["UBERON:0002113"]
('UBERON:0002113', 'kidney')

"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import tempfile
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from raregraph.ontology.cache import cache_dir, gc_paused
from raregraph.ontology.files import file_sha256, ontology_path

__all__ = [
    "KINDS",
    "Lexicon",
    "build_lexicon",
    "fold",
    "get_lexicon",
    "pack_payload",
    "plural_variants",
]

#: The kinds of names in the lexicon.
KINDS = ("phenotype", "inheritance", "organ", "treatment", "drug", "gene")

DATA_DIR = Path(__file__).resolve().parent / "data"
_LEXICON_VERSION = 152
_PHENOTYPE_ROOT = "HP:0000118"
_INHERITANCE_ROOT = "HP:0000005"
#: accented Latin letters read as their base letter ("café" = "cafe", "Behçet" = "Behcet")
_ACCENTED = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿāăąćĉċčďēĕėęěĝğġģĥĩīĭįĵķĺļľńņňōŏőŕŗřśŝşšţťũūŭůűųŵŷźżž"
_FOLD = str.maketrans(
    {"-": " ", "\u2010": " ", "\u2011": " ", "\u2013": " ", "\u2019": "'"}
    | {ch: unicodedata.normalize("NFKD", ch)[0] for ch in _ACCENTED}
)
_BRACKETED_TAIL = re.compile(r"\s*\[[^\]]*\]$")
_SKIP_SYNONYM_TYPES = frozenset({"abbreviation", "obsolete_synonym", "HP:0034334"})
_IRREGULAR_PLURALS = {
    "tooth": "teeth",
    "foot": "feet",
    "child": "children",
    "ovum": "ova",
    "vertebra": "vertebrae",
    "bronchus": "bronchi",
    "phalanx": "phalanges",
    "testis": "testes",
    "sinus": "sinuses",
}


def fold(text: str) -> str:
    """Fold ``text`` for matching without changing its length (lower case, hyphens as spaces).

    >>> fold("Café-Au-Lait")
    'cafe au lait'
    """
    lowered = text.lower()
    if lowered.isascii():  # the usual case: only hyphens to fold (str.translate is slower)
        return lowered.replace("-", " ") if "-" in lowered else lowered
    if len(lowered) != len(text):  # a character whose lower case is longer: keep it
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return lowered.translate(_FOLD)


def _key(text: str) -> str:
    return " ".join(fold(text).split())


def plural_variants(key: str) -> list[str]:
    """Return the key with its last word in plural form (English rules, a few irregulars).

    >>> plural_variants("lymph node"), plural_variants("tooth"), plural_variants("ovary")
    (['lymph nodes'], ['teeth'], ['ovaries'])
    """
    head, _, last = key.rpartition(" ")
    prefix = f"{head} " if head else ""
    if last in _IRREGULAR_PLURALS:
        return [prefix + _IRREGULAR_PLURALS[last]]
    if not last.isalpha() or len(last) < 3 or last.endswith(("ss", "us", "is", "ies")):
        return [] if not last.endswith("ss") else [f"{prefix}{last}es"]
    if last.endswith("s"):
        return []
    if last.endswith(("ch", "sh", "x", "z")):
        return [f"{prefix}{last}es"]
    if last.endswith("y") and last[-2] not in "aeiou":
        return [f"{prefix}{last[:-1]}ies"]
    return [f"{prefix}{last}s"]


# --------------------------------------------------------------------------- OBO scanning
@dataclass(slots=True)
class _Stanza:
    curie: str
    name: str = ""
    synonyms: list[tuple[str, str, str]] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)
    xrefs: list[str] = field(default_factory=list)
    subsets: list[str] = field(default_factory=list)
    obsolete: bool = False
    definition: str = ""


_SYNONYM = re.compile(r'^synonym: "((?:[^"\\]|\\.)*)" (\w+)(?: ([^\s\[]+))? ?\[')


def _scan_obo(path: Path) -> Iterator[_Stanza]:
    """Yield the ``[Term]`` stanzas of an OBO file with only the fields the lexicon needs."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        current: _Stanza | None = None
        in_term = False
        for line in handle:
            if line.startswith("["):
                if current is not None:
                    yield current
                current = None
                in_term = line.startswith("[Term]")
                continue
            if not in_term:
                continue
            tag, _, value = line.partition(": ")
            value = value.rstrip("\n")
            if tag == "id":
                current = _Stanza(value)
            elif current is None:
                continue
            elif tag == "name":
                current.name = value
            elif tag == "synonym":
                match = _SYNONYM.match(line)
                if match:
                    text = match.group(1).replace('\\"', '"')
                    current.synonyms.append((text, match.group(2), match.group(3) or ""))
            elif tag == "is_a":
                current.parents.append(value.split(" ", 1)[0])
            elif tag == "relationship" and value.startswith("is_a_or_part_of "):
                current.parents.append(value.split(" ")[1])
            elif tag == "xref":
                current.xrefs.append(value.split(" ", 1)[0])
            elif tag == "subset":
                current.subsets.append(value.strip())
            elif tag == "is_obsolete" and value.strip() == "true":
                current.obsolete = True
            elif tag == "def":
                current.definition = value
        if current is not None:
            yield current


def _below(parents: dict[str, list[str]], root: str) -> set[str]:
    children: dict[str, list[str]] = {}
    for child, ups in parents.items():
        for parent in ups:
            children.setdefault(parent, []).append(child)
    seen = {root}
    todo = [root]
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in seen:
                seen.add(child)
                todo.append(child)
    return seen


def _read_table(path: Path) -> Iterator[list[str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


# --------------------------------------------------------------------------- building
def _inputs() -> dict[str, Path]:
    return {
        "hp": ontology_path("hp"),
        "uberon": ontology_path("uberon"),
        "treatment": ontology_path("treatment"),
        "hgnc": ontology_path("hgnc"),
        "mondo": ontology_path("mondo"),
        "mesh_drugs": DATA_DIR / "mesh_drugs.tsv.gz",
        "lay_terms": DATA_DIR / "lay_terms.tsv",
        "common_words": DATA_DIR / "common_words.tsv",
        "organ_exclude": DATA_DIR / "organ_exclude.tsv",
        "anatomy_adjectives": DATA_DIR / "anatomy_adjectives.tsv",
        "removals": DATA_DIR / "removals.tsv",
    }


def _add(forms: dict[str, dict[str, list[str]]], key: str, kind: str, curie: str) -> None:
    if len(key) < 3:
        return
    curies = forms.setdefault(key, {}).setdefault(kind, [])
    if curie not in curies:
        curies.append(curie)


def _add_noun(forms: dict[str, dict[str, list[str]]], text: str, kind: str, curie: str) -> None:
    key = _key(text)
    _add(forms, key, kind, curie)
    for plural in plural_variants(key):
        _add(forms, plural, kind, curie)


#: Lay adjectives that say the same of an organ: a name with the first gets the others too.
_SAME_ADJECTIVES = (
    ("large", ("enlarged", "big")), ("swollen", ("enlarged",)), ("big", ("enlarged",)),
    ("enlarged", ("big", "widened", "dilated")),
)
_OF = re.compile(r"(?P<head>[a-z][a-z ]*?) of (?:the )?(?P<part>[a-z]+(?: [a-z]+)?)")
#: Nominal heads of phenotype names and the adjective that says the same before the part:
#: "muscle weakness" is "weak muscles", "joint swelling" is "swollen joints".
NOMINAL_ADJECTIVES = {
    "enlargement": "enlarged",
    "swelling": "swollen",
    "inflammation": "inflamed",
    "malformation": "malformed",
    "abnormality": "abnormal",
    "absence": "absent",
    "weakness": "weak",
    "thickening": "thickened",
    "narrowing": "narrowed",
}


#: An organ's change and its lay wordings ("{}" the organ); with True, also for the
#: organ's plural ("shrinking of the testicles").
_ORGAN_CHANGES: dict[str, tuple[tuple[str, ...], bool]] = {
    "fibrosis": (("scarring of the {}", "{} scarring", "scarred {}"), False),
    "atrophy": (
        ("shrinking of the {}", "shrinkage of the {}", "shrunken {}", "{} shrinkage"), True
    ),
}


def _put_first(forms: dict[str, dict[str, list[str]]], key: str, curie: str) -> None:
    """Make ``curie`` the best phenotype reading of ``key``."""
    curies = forms.setdefault(key, {}).setdefault("phenotype", [])
    if curie in curies:
        curies.remove(curie)
    curies.insert(0, curie)


def _plural_word(word: str) -> str:
    found = plural_variants(word)
    return found[0] if found else word


#: Words of an HPO name and the plain words that say the same in lay text.
#: HPO's measurement names: "decreased circulating antibody concentration".
_MEASURED = re.compile(
    r"^(decreased|reduced|increased|elevated) (?:circulating |serum |plasma |blood )?"
    r"([a-z0-9 -]+?) (?:concentration|level)s?$"
)
_SAME_FIRST_WORDS = {
    "decreased": ("reduced", "diminished", "low", "lowered"),
    "reduced": ("decreased", "diminished", "low"),
    "increased": ("elevated", "raised", "high"),
    "elevated": ("increased", "raised", "high"),
    "recurrent": ("repeated", "frequent"),  # "repeated bacterial infections"
    "depressed": ("sunken",),  # "sunken nasal bridge"
    "prolonged": ("long",),  # "a long QT interval"
}


#: Plural nouns that lay text uses alike after what is affected ("heart rhythm problems").
_COMPLAINTS = ("disorders", "disturbances", "problems")


def _lay_wordings(key: str, grouping: bool = False) -> list[str]:
    """Return the regular lay rewordings of a phenotype name.

    "decreased X" = "reduced/low X", "increased X" = "elevated/high X", "recurrent X" =
    "repeated/frequent X"; "X loss" = "loss
    of (the) X" and back; "X carcinoma" = "X cancer"; "X gait" = "X walk"; "X stiffness"
    = "stiff X"; "X delay" = "delayed X" and back; "abnormal X" = "X problems" / "problems
    with (the) X", unless the term is one of HPO's grouping classes ("Abnormality of X",
    "Abnormal X morphology"), which a curator does not annotate from such vague words.

    >>> _lay_wordings("hearing loss")
    ['loss of hearing', 'loss of the hearing']
    >>> _lay_wordings("abnormal heart rhythm")
    ['heart rhythm problems', 'problems with heart rhythm', 'problems with the heart rhythm']
    """
    first, _, rest = key.partition(" ")
    if not rest:
        return []
    head, _, last = key.rpartition(" ")
    found = [f"{other} {rest}" for other in _SAME_FIRST_WORDS.get(first, ())]
    if last == "loss":
        found += [f"loss of {head}", f"loss of the {head}"]
    if first == "loss" and rest.startswith("of "):
        found.append(f"{rest[3:].removeprefix('the ')} loss")
    if last == "carcinoma":  # "thyroid carcinoma" = "thyroid cancer"
        found.append(f"{head} cancer")
    if last == "gait":  # "shuffling gait" = "shuffling walk"
        found += [f"{head} walk", f"{head} walking"]
    if last == "stiffness":
        found += [f"stiff {head}", f"stiffening of the {head}"]
    if last == "delay":
        found.append(f"delayed {head}")
    if first == "difficulty" and rest.startswith("in "):  # "difficulty in walking"
        found.append(f"difficulty {rest[3:]}")
    if first == "absent":  # "absent thumb" = "missing thumb"
        found.append(f"missing {rest}")
    if first in ("agenesis", "aplasia") and rest.startswith("of "):
        # "agenesis of the corpus callosum" = "absence of the corpus callosum"
        organ = rest[3:]
        found += [f"absence of {organ}", f"absent {organ.removeprefix('the ')}"]
        if not organ.startswith("the "):
            found.append(f"absence of the {organ}")
    measured = _MEASURED.match(key)
    if measured:  # "decreased circulating antibody concentration" = "low levels of antibody"
        direction = "low" if measured.group(1) in ("decreased", "reduced") else "high"
        what = measured.group(2)
        found += [f"{direction} levels of {what}", f"{direction} {what} levels",
                  f"{direction} level of {what}", f"{direction} {what} level"]
    if first == "delayed":
        found.append(f"{rest} delay")
        if rest.startswith("ability to "):  # "delayed ability to walk" = "walk late"
            action = rest.removeprefix("ability to ")
            found += [f"{action} late", f"late to {action}", f"learn to {action} late"]
    if last in _COMPLAINTS and not grouping:  # "heart rhythm disorders" = "... problems"
        found += [f"{head} {other}" for other in _COMPLAINTS if other != last]
    if first == "abnormal" and not grouping:
        found += [f"{rest} problems", f"problems with {rest}", f"problems with the {rest}"]
    return found


#: Measurement names of HPO ("Low blood phosphate level", "Increased CSF protein
#: concentration", "Elevated plasma branched chain amino acids"): the direction, the body
#: fluid and the substance, so that lay text that words them otherwise finds the term.
_UP_WORDS = ("increased", "elevated", "high", "raised")
_DOWN_WORDS = ("decreased", "reduced", "low", "lowered", "diminished")
FLUIDS = {"circulating": "blood", "serum": "blood", "plasma": "blood", "blood": "blood",
          "urine": "urine", "urinary": "urine", "csf": "csf", "cerebrospinal fluid": "csf",
          "spinal fluid": "csf"}
_FLUID_WORDS = "|".join(sorted(FLUIDS, key=len, reverse=True))
_DIRECTION_WORDS = "|".join(_UP_WORDS + _DOWN_WORDS)
_AMOUNT_WORDS = r"(?:levels?|concentrations?|counts?|amounts?)"
_MEASURED_NAMES = (
    re.compile(  # "low blood phosphate level", "increased protein in urine"
        rf"^(?P<dir>{_DIRECTION_WORDS}) (?:(?P<fluid>{_FLUID_WORDS}) )?(?P<what>[a-z0-9 -]+?)"
        rf"(?P<amount> {_AMOUNT_WORDS})?(?: in (?:the )?(?P<fluid2>{_FLUID_WORDS}))?$"
    ),
    re.compile(  # "increased level of galactitol in urine"
        rf"^(?P<dir>{_DIRECTION_WORDS}) (?P<amount>{_AMOUNT_WORDS}) of (?P<what>[a-z0-9 -]+?)"
        rf"(?: in (?:the )?(?P<fluid2>{_FLUID_WORDS}))?$"
    ),
    re.compile(  # "spinal fluid protein elevated"
        rf"^(?P<fluid>{_FLUID_WORDS}) (?P<what>[a-z0-9 -]+?) (?P<dir>{_DIRECTION_WORDS})$"
    ),
)


_MEASURE_FIRST_WORDS = frozenset(
    {*_UP_WORDS, *_DOWN_WORDS, "renal", *(fluid.split(" ")[0] for fluid in FLUIDS)}
)
_WASTING = re.compile(r"^renal ([a-z]+(?: [a-z]+)?) wasting$")
_STEMMED = re.compile(r"^(hyper|hypo)([a-z]{3,}?)(a?emia|uria)$")


def substance_stems(substance: str) -> list[str]:
    """Stems that HPO's one-word names build on a substance, each with a leading "~".

    >>> substance_stems("phenylalanine"), substance_stems("ammonia")
    (['~phenylalanine', '~phenylalanin'], ['~ammonia', '~ammoni', '~ammon'])
    >>> substance_stems("calcium"), substance_stems("uric acid")
    (['~calcium', '~calc'], ['~uric'])
    """
    if " " in substance:
        head, _, last = substance.rpartition(" ")
        return [f"~{head}"] if last == "acid" and " " not in head else []
    stems = [substance]
    if substance.endswith("e"):
        stems.append(substance[:-1])
    if substance.endswith("ia"):
        stems += [substance[:-1], substance[:-2]]
    if substance.endswith("ium"):
        stems.append(substance[:-3])
    return [f"~{stem}" for stem in stems]


def measure_key(direction: str, fluid: str, substance: str) -> str:
    """The key of a measurement in :attr:`Lexicon.measures`: ``up|blood|phosphate``.

    The substance's last word is put in the singular ("amino acids" -> "amino acid").

    >>> measure_key("down", "blood", "potassium levels".removesuffix(" levels"))
    'down|blood|potassium'
    """
    return f"{direction}|{fluid}|{singular_last(substance)}"


def singular_last(phrase: str) -> str:
    """The phrase with its last word in the singular (regular rules only).

    >>> singular_last("branched chain amino acids")
    'branched chain amino acid'
    """
    head, _, last = phrase.rpartition(" ")
    return f"{head} {singular_word(last)}" if head else singular_word(last)


def _measured_name(key: str) -> str | None:
    """Return the :func:`measure_key` of an HPO measurement name, or ``None``.

    A name counts only when it names a body fluid or an amount ("level", "count"): "high
    palate" does not.

    A one-word name "hyper<root>emia" or "hypo<root>uria" gives the stem with a leading
    "~" ("Hyperphenylalaninemia": ``up|blood|~phenylalanin``), which
    :func:`substance_stems` finds from the substance.

    >>> _measured_name("low blood phosphate level"), _measured_name("high palate")
    ('down|blood|phosphate', None)
    >>> _measured_name("hyperphenylalaninemia"), _measured_name("renal potassium wasting")
    ('up|blood|~phenylalanin', 'waste|urine|potassium')
    """
    first = key.partition(" ")[0]
    if first not in _MEASURE_FIRST_WORDS and not first.startswith(("hyper", "hypo")):
        return None  # one set test rules out most names
    wasting = _WASTING.match(key)
    if wasting:  # "renal potassium wasting": the kidneys lose it into the urine
        return measure_key("waste", "urine", wasting.group(1))
    stem = _STEMMED.match(key)
    if stem:
        direction = "up" if stem.group(1) == "hyper" else "down"
        fluid = "urine" if stem.group(3) == "uria" else "blood"
        return f"{direction}|{fluid}|~{stem.group(2)}"
    for pattern in _MEASURED_NAMES:
        match = pattern.match(key)
        if match is None:
            continue
        found = match.groupdict()
        named_fluid = found.get("fluid") or found.get("fluid2")
        if not named_fluid and not found.get("amount"):
            return None
        what = found["what"]
        if any(word in what.split(" ") for word in (*_UP_WORDS, *_DOWN_WORDS, "of", "in")):
            return None
        direction = "up" if found["dir"] in _UP_WORDS else "down"
        return measure_key(direction, FLUIDS[named_fluid] if named_fluid else "", what)
    return None


def _phenotype_variants(
    key: str,
    adjectives: dict[str, list[str]],
    nouns: frozenset[str] | None = None,
    grouping: bool = False,
) -> list[str]:
    """Return other wordings of a phenotype name.

    ``adjectives`` maps relational adjectives of anatomy to lay nouns ("renal" -> "kidney");
    ``nouns`` are those nouns (computed from ``adjectives`` when not given).
    "large spleen" also reads "enlarged spleen" and "enlargement of the spleen"; "renal
    failure" reads "kidney failure"; "abnormality of the kidney" reads "kidney
    abnormality" and the other way round, when the part is an anatomy noun of the table.

    >>> table = {"renal": ["kidney"]}
    >>> found = _phenotype_variants("renal amyloidosis", table)
    >>> found[0], "amyloidosis of the kidneys" in found
    ('kidney amyloidosis', True)
    """
    first, _, rest = key.partition(" ")
    variants = _lay_wordings(key, grouping)
    for adjective, others in _SAME_ADJECTIVES:
        if first == adjective and rest:
            for other in others:
                variants.append(f"{other} {rest}")
            variants.append(f"enlargement of the {rest}")
    if first == "enlarged" and rest:
        variants += [f"enlargement of the {rest}", f"{rest} enlargement"]
    match = re.fullmatch(r"increased (.+) size", key)
    if match:
        variants += [f"enlarged {match.group(1)}", f"enlargement of the {match.group(1)}"]
    if nouns is None:
        nouns = frozenset(noun for listed in adjectives.values() for noun in listed)
    words = key.split(" ")
    lay = [key]
    for index, word in enumerate(words):
        for noun in adjectives.get(word, ()):
            lay.append(" ".join([*words[:index], noun, *words[index + 1 :]]))
    for phrase in lay:
        if phrase != key:
            variants.append(phrase)
        organ, _, change = phrase.rpartition(" ")
        wordings, with_plural = _ORGAN_CHANGES.get(change, ((), False))
        if wordings and organ and " " not in organ:
            # "liver fibrosis" = "scarring of the liver"; "testicle atrophy" = "shrunken
            # testicles"
            organs = sorted({organ, _plural_word(organ)}) if with_plural else [organ]
            variants += [wording.format(o) for o in organs for wording in wordings]
        part, _, head = phrase.partition(" ")
        if part in nouns and head and " of " not in head:  # "kidney cysts" -> "cysts of the kidney"
            heads = {head, _plural_word(head)}
            parts = {part, _plural_word(part)}
            variants += sorted(f"{h} of {a}{p}" for h in heads for p in parts for a in ("the ", ""))
        of = _OF.fullmatch(phrase)
        if of and of.group("part") in nouns:  # "abnormality of the kidney" -> "kidney abnormality"
            variants.append(f"{of.group('part')} {of.group('head')}")
        before, _, last = phrase.rpartition(" ")
        said = NOMINAL_ADJECTIVES.get(last)
        if said and before and before.count(" ") < 2 and " of" not in f" {before}":
            # "muscle weakness" -> "weak muscle", "weak muscles"
            plural = " ".join([*before.split(" ")[:-1], _plural_word(before.split(" ")[-1])])
            variants += [f"{said} {before}", f"{said} {plural}"]
    # "hypertrophy of retinal pigment epithelium" reads "... of the retinal ..." too
    variants += [_OF_BARE.sub(" of the ", v) for v in [key, *variants] if _OF_BARE.search(v)]
    return variants


#: "of" before a bare noun phrase in a name (lay text puts "the" there)
_OF_BARE = re.compile(r" of (?!(?:the|a|an) )")


#: UBERON organ (UBERON:0000062), tissue (UBERON:0000479), anatomical system
#: (UBERON:0000467) and the immune system, which UBERON files apart from the systems.
_ORGAN_ROOTS = ("UBERON:0000062", "UBERON:0000479", "UBERON:0000467", "UBERON:0002405")
#: HPO's grouping classes: named for a place or a kind of finding, not a finding.
_GROUPING = re.compile(
    r"^(?:Abnormality of|Abnormal .*(?:morphology|physiology)$|Morphological abnormality|"
    r"Functional abnormality)"
)
_AGENT_WORDS = ("drug", "medication", "medicine")


def singular_word(word: str) -> str:
    """The singular of an English plural noun (regular rules only).

    >>> singular_word("arteries"), singular_word("patches"), singular_word("iris")
    ('artery', 'patch', 'iris')
    """
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


#: Procedures that examine rather than treat: not a ``treated_by`` object.
_DIAGNOSTIC = re.compile(
    r"\b(?:tests?|testing|counts?|screening|imaging|biops(?:y|ies)|scans?|scanning|"
    r"diagnos\w*|examinations?|measurements?|monitoring|assessments?|evaluations?|"
    r"genetic counsel\w*|\w+graphy|ultrasound)\b",
    re.IGNORECASE,
)


#: A diet named for what it limits or gives plenty of ("low protein diet", "fat-restricted
#: diet", "high-calorie diet"), and the lay ways of saying what it limits.
_DIET = re.compile(
    r"(?:low[ -](?P<low>[a-z]+)|(?P<limited>[a-z]+)[ -]restricted|high[ -](?P<high>[a-z]+))"
    r" diets?"
)
_LOW_IN = ("low in", "that limits", "that restricts", "restricted in", "limited in")


def _treatment_wordings(text: str) -> list[str]:
    """Return a treatment name with the lay wordings of a class name.

    Class names are often plural ("MTOR Inhibitors"): the singular is added (plurals of
    every name are added anyway). A class of "agents" is what lay text calls drugs,
    medications or medicines ("chelating agents" = "chelating drugs").

    >>> _treatment_wordings("Chelating Agents")[1:3]
    ['chelating agent', 'chelating drug']
    >>> _treatment_wordings("liver transplantation")
    ['liver transplantation', 'liver transplant']
    """
    found = [text]
    key = _key(text)
    diet = _DIET.fullmatch(key)
    if diet:  # "low-protein diet" = "a diet low in protein"; "high-fat diet" = "rich in fat"
        limited = diet.group("low") or diet.group("limited")
        if limited:
            found += [f"diet {words} {limited}" for words in _LOW_IN]
        else:
            found += [f"diet {word} in {diet.group('high')}" for word in ("high", "rich")]
    if key.startswith("prophylactic "):  # "risk-reducing mastectomy", "preventive ..."
        rest = key[len("prophylactic ") :]
        found += [f"risk-reducing {rest}", f"preventive {rest}"]
    head, _, last = key.rpartition(" ")
    if not head or not last.isalpha():
        return found
    if last == "transplantation":  # "liver transplantation" = "liver transplant"
        found.append(f"{head} transplant")
    single = singular_word(last)
    if single != last:
        found.append(f"{head} {single}")
    if single == "agent":
        found += [f"{head} {word}" for word in _AGENT_WORDS]
    return found


def _removal_wordings(noun: str) -> list[str]:
    """The lay wordings of the surgical removal of an organ.

    >>> _removal_wordings("spleen")[:3]
    ['removal of the spleen', 'surgical removal of the spleen', 'surgery to remove the spleen']
    """
    found = [
        f"removal of the {noun}",
        f"surgical removal of the {noun}",
        f"surgery to remove the {noun}",
        f"removal of their {noun}",
        f"surgery to remove their {noun}",
        f"{noun} removal",
        f"{noun} removed",
        f"{noun} surgically removed",
    ]
    head, _, last = noun.rpartition(" ")
    single = singular_word(last)
    if single != last:  # a noun names what it modifies in the singular: "adenoid removal"
        found.append(f"{head} {single} removal" if head else f"{single} removal")
    return found


_INVERTED = re.compile(r"(?P<head>[A-Za-z][A-Za-z-]*(?: [A-Za-z-]+){0,2}), "
                       r"(?P<modifier>[A-Za-z][A-Za-z-]*(?: [A-Za-z-]+){0,2})")


def _uninverted(text: str) -> str | None:
    """The natural order of a MeSH inverted name, or ``None`` for other comma names.

    >>> _uninverted("Pacemaker, Artificial"), _uninverted("Diet, Low Sodium")
    ('Artificial Pacemaker', 'Low Sodium Diet')
    >>> _uninverted("Acid, 5-(methylamino)-2-oxo") is None
    True
    """
    match = _INVERTED.fullmatch(text)
    return f"{match.group('modifier')} {match.group('head')}" if match else None


def _is_abbreviation(text: str) -> bool:
    letters = text.replace(" ", "").replace("-", "")
    return len(letters) <= 6 and letters.upper() == letters and any(c.isalpha() for c in letters)


def build_lexicon(paths: dict[str, Path] | None = None) -> dict[str, Any]:
    """Build the lexicon payload (plain JSON data) from the ontology and data files.

    Labels come first in every list of ids, so the first id of a name is its best reading.
    """
    paths = paths or _inputs()
    forms: dict[str, dict[str, list[str]]] = {}
    labels: dict[str, str] = {}
    treatment_kinds: dict[str, str] = {}

    # lay phrases first: a curated reading wins over an ontology synonym of the same words
    for row in _read_table(paths["lay_terms"]):
        if row[0] == "kind":
            continue
        kind, phrase, curie = row[0], row[1], row[2]
        _add_noun(forms, phrase, kind, curie)
        if kind == "treatment" and len(row) > 3 and row[3]:
            treatment_kinds.setdefault(curie, row[3])

    # HPO: phenotypic abnormalities and modes of inheritance
    hp_parents: dict[str, list[str]] = {}
    hp: list[_Stanza] = []
    for stanza in _scan_obo(paths["hp"]):
        if stanza.obsolete:
            continue
        hp.append(stanza)
        hp_parents[stanza.curie] = stanza.parents
    phenotypes = _below(hp_parents, _PHENOTYPE_ROOT)
    inheritance = _below(hp_parents, _INHERITANCE_ROOT)
    adjectives: dict[str, list[str]] = {}
    for row in _read_table(paths["anatomy_adjectives"]):
        if row[0] != "adjective":
            adjectives.setdefault(row[0], []).append(row[1])
    nouns = frozenset(noun for listed in adjectives.values() for noun in listed)
    measures: dict[str, list[str]] = {}  # measure_key -> ids, labels first
    later: list[tuple[str, str]] = []  # derived wordings, added after every real name
    several: list[tuple[str, str]] = []  # "Multiple X" terms and their plural X
    later_first: list[tuple[str, str]] = []  # wordings whose reading is this term first
    for stanza in hp:
        if stanza.curie in phenotypes:
            kind = "phenotype"
        elif stanza.curie in inheritance:
            kind = "inheritance"
        else:
            continue
        labels[stanza.curie] = stanza.name
        if stanza.curie in (_PHENOTYPE_ROOT, _INHERITANCE_ROOT):
            continue
        names = [stanza.name]
        for text, scope, synonym_type in stanza.synonyms:
            if synonym_type in _SKIP_SYNONYM_TYPES or _is_abbreviation(text):
                continue
            if scope == "EXACT" or (synonym_type == "layperson" and scope != "BROAD"):
                names.append(text)
        grouping = bool(_GROUPING.match(stanza.name))
        if grouping:  # "liver disease": too vague a phrase for "Abnormality of the liver"
            names = [n for n in names if not n.lower().endswith(" disease")]
        for text in names:
            _add_noun(forms, text, kind, stanza.curie)
            measured = _measured_name(_key(text)) if kind == "phenotype" else None
            if measured and stanza.curie not in measures.get(measured, ()):
                measures.setdefault(measured, []).append(stanza.curie)
            if kind == "phenotype":
                variants = _phenotype_variants(_key(text), adjectives, nouns, grouping)
                later += [(v, stanza.curie) for v in variants]
        if kind == "phenotype" and stanza.name.startswith("Multiple "):
            several.append((_key(stanza.name)[len("multiple ") :], stanza.curie))
        elif kind == "phenotype" and stanza.name.endswith(" polyposis"):
            # many polyps: "large intestinal polyposis" reads "large intestinal polyps"
            polyps = _key(stanza.name)[: -len("osis")] + "s"
            several.append((polyps, stanza.curie))
            variants = _phenotype_variants(polyps, adjectives, nouns)
            later_first += [(v, stanza.curie) for v in variants]
    for variant, curie in later:
        _add_noun(forms, variant, "phenotype", curie)
    for plural, curie in several:  # "cafe-au-lait spots" reads "Multiple cafe-au-lait spots"
        if plural_variants(singular_word(plural)) == [plural] and plural != singular_word(plural):
            _put_first(forms, plural, curie)
    for wording, curie in later_first:  # "small intestine polyps": the polyposis
        _put_first(forms, wording, curie)
    kept_parents = {c: p for c, p in hp_parents.items() if c in phenotypes or c in inheritance}

    # UBERON: organs and tissues, without the branches listed in organ_exclude.tsv
    excluded_roots: list[str] = []
    excluded_terms: set[str] = set()
    for row in _read_table(paths["organ_exclude"]):
        if row[0] == "subtree":
            excluded_roots.append(row[1])
        elif row[0] == "term":
            excluded_terms.add(row[1])
    uberon = [s for s in _scan_obo(paths["uberon"]) if not s.obsolete and s.name]
    uberon_parents = {s.curie: s.parents for s in uberon}
    for root in excluded_roots:
        excluded_terms |= _below(uberon_parents, root)
    # only organs, tissues and organ systems (and their parts) name an affected organ:
    # body regions, cell types, fluids and collections of structures do not
    organ_like: set[str] = set()
    for root in _ORGAN_ROOTS:
        organ_like |= _below(uberon_parents, root)
    for stanza in uberon:
        labels[stanza.curie] = stanza.name
        if (
            stanza.curie in excluded_terms
            or stanza.curie not in organ_like
            or not stanza.curie.startswith("UBERON:")
            # UBERON:2xxxxxx terms come from the zebrafish anatomy ("tip", "ball")
            or stanza.curie.startswith("UBERON:2")
        ):
            continue
        _add_noun(forms, stanza.name, "organ", stanza.curie)
        for text, _scope, _type in stanza.synonyms:
            # drop a trailing bracketed code: "optic nerve [II]", "ophthalmic nerve [V1]"
            text = _BRACKETED_TAIL.sub("", text)
            if not _is_abbreviation(text) and " of " not in text and len(text) > 3:
                _add_noun(forms, text, "organ", stanza.curie)

    # ordinary words of the definitions, guarding them against typo correction
    # ("flashing lights" is not a misspelt "flushing"; see raregraph.extract.typos)
    definition_words: set[str] = set()
    for stanza in (*hp, *uberon):
        definition_words.update(_DEFINITION_WORD.findall(stanza.definition.lower()))

    # treatments: MAxO / MeSH procedures and drug classes / ChEBI drug roles
    removals = {
        row[0]: row[1].split("|") for row in _read_table(paths["removals"]) if row[0] != "procedure"
    }
    for stanza in _scan_obo(paths["treatment"]):
        definition_words.update(_DEFINITION_WORD.findall(stanza.definition.lower()))
        if stanza.obsolete or not stanza.name:
            continue
        if _DIAGNOSTIC.search(stanza.name):
            continue  # "genetic testing", "platelet count": finding out, not treating
        labels[stanza.curie] = stanza.name
        is_procedure = "procedure" in stanza.subsets
        treatment_kinds.setdefault(stanza.curie, "procedure" if is_procedure else "drug_class")
        for text in _treatment_wordings(stanza.name):
            _add_noun(forms, text, "treatment", stanza.curie)
        for noun in removals.get(_key(stanza.name), ()):
            for text in _removal_wordings(noun):
                _add(forms, text, "treatment", stanza.curie)
        for synonym, scope, _type in stanza.synonyms:
            if scope != "EXACT" or _is_abbreviation(synonym):
                continue
            natural = _uninverted(synonym) if ", " in synonym else synonym
            if natural:
                for wording in _treatment_wordings(natural):
                    _add_noun(forms, wording, "treatment", stanza.curie)
    common_words = {row[0].lower() for row in _read_table(paths["common_words"])} - {"word"}
    for row in _read_table(paths["mesh_drugs"]):
        if row[0] == "id":
            continue
        curie, kind, label = row[0], row[1], row[2]
        labels.setdefault(curie, label)
        treatment_kinds.setdefault(curie, kind)
        for name in (label, *(s for s in row[3].split("|") if s)):
            natural = _uninverted(name) if ", " in name else name
            if not natural or _is_abbreviation(natural) or len(natural) < 4:
                continue
            if natural.lower() in common_words or _SYSTEMATIC_NAME.search(natural):
                continue
            for wording in _treatment_wordings(natural):
                _add_noun(forms, wording, "drug", curie)

    # HGNC genes: symbols (case-sensitive, outside ``forms``) and full names
    genes: dict[str, list[str]] = {}
    symbols: dict[str, list[str]] = {}
    for row in _read_table(paths["hgnc"]):
        if row[0] == "hgnc_id":
            continue
        curie, symbol, name, aliases, previous, ncbigene = row[:6]
        genes[curie] = [symbol, name, ncbigene]
        symbols.setdefault(symbol, []).insert(0, curie)
        for other in (*previous.split("|"), *aliases.split("|")):
            if other and curie not in symbols.setdefault(other, []):
                symbols[other].append(curie)
        if name and len(name) > 6 and "pseudogene" not in name:
            _add(forms, _key(name), "gene", curie)

    # MONDO diseases: names (folded) -> ids; xrefs to ORPHA, OMIM and GARD
    diseases: dict[str, list[str]] = {}
    disease_info: dict[str, list[Any]] = {}
    for stanza in _scan_obo(paths["mondo"]):
        if stanza.obsolete or not stanza.name:
            continue
        xrefs = [x for x in stanza.xrefs if x.split(":", 1)[0] in ("ORPHA", "OMIM", "GARD")]
        disease_info[stanza.curie] = [stanza.name, sorted(xrefs)]
        for text in (stanza.name, *(s[0] for s in stanza.synonyms)):
            names = diseases.setdefault(_key(text), [])
            if stanza.curie not in names:
                names.append(stanza.curie)

    return {
        "version": _LEXICON_VERSION,
        "forms": forms,
        "labels": labels,
        "treatment_kinds": treatment_kinds,
        "hp_parents": kept_parents,
        "measures": measures,
        "genes": genes,
        "gene_symbols": symbols,
        "diseases": diseases,
        "anatomy_nouns": adjectives,
        "disease_info": disease_info,
        "definition_words": sorted(definition_words),
    }


# --------------------------------------------------------------------------- packing
# The cache file holds the lexicon *packed*: every table is two strings (its keys, its
# values) whose records are split by control characters that no name or id contains
# (checked when packing). Reading it back is a few ``str.split`` and ``dict(zip(...))``
# calls instead of decoding hundreds of thousands of JSON objects; a value that is a list
# (ids of a name, a gene's symbol and name, ...) is split on first use.
_RS, _US, _GS = "\x1e", "\x1f", "\x1d"  # record, unit and group separators
_SEPARATORS = (_RS, _US, _GS)


def _pack_keys(table: Mapping[str, Any]) -> str:
    text = "".join([_RS + key for key in table])
    if text.count(_RS) != len(table) or _US in text or _GS in text:
        raise ValueError("a lexicon name or id contains an ASCII separator character")
    return text


def _pack_strings(table: dict[str, str]) -> str:
    text = "".join([_RS + value for value in table.values()])
    if text.count(_RS) != len(table) or _US in text or _GS in text:
        raise ValueError("a lexicon name or id contains an ASCII separator character")
    return text


def _pack_lists(table: dict[str, list[str]]) -> str:
    text = "".join([_RS + "".join([_US + item for item in items]) for items in table.values()])
    units = sum(map(len, table.values()))
    if text.count(_RS) != len(table) or text.count(_US) != units or _GS in text:
        raise ValueError("a lexicon name or id contains an ASCII separator character")
    return text


def _records(text: str) -> list[str]:
    return text.split(_RS)[1:]


def _unpack_list(value: str) -> list[str]:
    return value.split(_US)[1:]


def _unpack_disease(value: str) -> list[Any]:
    name, *xrefs = value.split(_US)[1:]
    return [name, xrefs]


def _pack_forms(forms: dict[str, dict[str, list[str]]]) -> tuple[str, str]:
    keys = _RS.join(forms)
    values = _RS.join(
        [
            _US.join([_GS.join([kind, *curies]) for kind, curies in found.items()])
            for found in forms.values()
        ]
    )
    groups = sum(map(len, forms.values()))
    curies = sum(len(c) for found in forms.values() for c in found.values())
    if (
        keys.count(_RS) != max(len(forms) - 1, 0)
        or _US in keys
        or _GS in keys
        or values.count(_RS) != max(len(forms) - 1, 0)
        or values.count(_US) != groups - len(forms)
        or values.count(_GS) != curies
    ):
        raise ValueError("a lexicon name or id contains an ASCII separator character")
    return keys, values


def _decode_kinds(value: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for group in value.split(_US):
        kind, *curies = group.split(_GS)
        found[kind] = curies
    return found


#: the shortest word that :mod:`raregraph.extract.typos` corrects
LONG_WORD = 8
#: A systematic chemical name among a drug's MeSH entry terms ("3,5-dichloro-2,6-dimethyl-
#: 4-pyridinol", "5-(methylamino)-2-((3,9,11-trimethyl..."): locants with brackets or
#: commas, or a name too long for prose. No page writes them; they only slow the matcher.
_SYSTEMATIC_NAME = re.compile(r"\d.*[(\[,]|[(\[,].*\d|^.{61,}$")
_DEFINITION_WORD = re.compile(rf"\b[a-z]{{{LONG_WORD},}}\b")


def pack_payload(payload: dict[str, Any]) -> dict[str, Any]:
    """Pack a :func:`build_lexicon` payload into the cache layout (plain strings)."""
    keys, values = _pack_forms(payload["forms"])
    phenotype_words = sorted(
        {key.split(" ", 1)[0] for key, found in payload["forms"].items() if "phenotype" in found}
    )
    # long words, for reading misspelt findings (see raregraph.extract.typos)
    long_phenotype_words: set[str] = set()
    vocabulary: set[str] = set()
    for key, found in payload["forms"].items():
        words = [w for w in key.split(" ") if len(w) >= LONG_WORD and w.isalpha()]
        vocabulary.update(words)
        if "phenotype" in found:
            long_phenotype_words.update(words)
    for key in payload["diseases"]:
        vocabulary.update(w for w in key.split(" ") if len(w) >= LONG_WORD and w.isalpha())
    vocabulary.update(payload["definition_words"])
    disease_info = {c: [name, *xrefs] for c, (name, xrefs) in payload["disease_info"].items()}
    return {
        "version": _LEXICON_VERSION,
        "packed": True,
        "form_keys": keys,
        "form_values": values,
        "max_words": max((key.count(" ") + 1 for key in payload["forms"]), default=1),
        "phenotype_first_words": _pack_keys(dict.fromkeys(phenotype_words)),
        "long_phenotype_words": _pack_keys(dict.fromkeys(sorted(long_phenotype_words))),
        "long_words": _pack_keys(dict.fromkeys(sorted(vocabulary))),
        **{f"{name}_keys": _pack_keys(payload[name]) for name in _STRING_TABLES + _LIST_TABLES},
        **{f"{name}_values": _pack_strings(payload[name]) for name in _STRING_TABLES},
        **{f"{name}_values": _pack_lists(payload[name]) for name in _LIST_TABLES[:-1]},
        "disease_info_values": _pack_lists(disease_info),
    }


_STRING_TABLES = ("labels", "treatment_kinds")
_LIST_TABLES = (
    "hp_parents",
    "measures",
    "genes",
    "gene_symbols",
    "diseases",
    "anatomy_nouns",
    "disease_info",  # last: packed on its own
)
_PACKED_STRINGS = (
    "form_keys",
    "form_values",
    "phenotype_first_words",
    "long_phenotype_words",
    "long_words",
    *(f"{name}_{part}" for name in _STRING_TABLES + _LIST_TABLES for part in ("keys", "values")),
)


class _Lists(Mapping[str, list[Any]]):
    """A table of lists: key -> packed value, each value unpacked on first use."""

    __slots__ = ("_decoded", "_raw", "_unpack")

    def __init__(self, raw: dict[str, str], unpack: Callable[[str], list[Any]]) -> None:
        self._raw = raw
        self._unpack = unpack
        self._decoded: dict[str, list[Any]] = {}

    def __getitem__(self, key: str) -> list[Any]:
        found = self._decoded.get(key)
        if found is None:
            found = self._decoded[key] = self._unpack(self._raw[key])
        return found

    def get(self, key: str, default: Any = None) -> Any:  # faster than Mapping.get
        if key in self._raw:
            return self[key]
        return default

    def __contains__(self, key: object) -> bool:
        return key in self._raw

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


class _Forms(Mapping[str, dict[str, list[str]]]):
    """The names of the lexicon: folded key -> {kind: ids}, each entry unpacked on use."""

    __slots__ = ("_decoded", "_raw")

    def __init__(self, raw: dict[str, str]) -> None:
        self._raw = raw
        self._decoded: dict[str, dict[str, list[str]]] = {}

    def __getitem__(self, key: str) -> dict[str, list[str]]:
        found = self._decoded.get(key)
        if found is None:
            found = self._decoded[key] = _decode_kinds(self._raw[key])
        return found

    def get(self, key: str, default: Any = None) -> Any:  # faster than Mapping.get
        if key in self._raw:
            return self[key]
        return default

    def __contains__(self, key: object) -> bool:
        return key in self._raw

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


# --------------------------------------------------------------------------- the lexicon
class Lexicon:
    """The compiled lexicon: names by folded key, labels, gene and disease tables.

    Use :func:`get_lexicon` rather than building one; :meth:`matches` finds every name of
    the lexicon in a folded text (with pyahocorasick when installed, else by word n-grams).
    ``payload`` is the result of :func:`build_lexicon` or its packed form
    (:func:`pack_payload`, the layout of the cache file).
    """

    def __init__(self, payload: dict[str, Any]) -> None:
        packed = payload if payload.get("packed") else pack_payload(payload)
        for name in _PACKED_STRINGS:
            if not isinstance(packed.get(name), str):
                raise ValueError(f"lexicon payload: {name!r} is missing or not a string")
        if not isinstance(packed.get("max_words"), int):
            raise ValueError("lexicon payload: 'max_words' is missing or not a number")
        with gc_paused():
            keys_text, values_text = packed["form_keys"], packed["form_values"]
            keys = keys_text.split(_RS) if keys_text else []
            values = values_text.split(_RS) if values_text else []
            if len(keys) != len(values):
                raise ValueError("lexicon payload: names and their ids do not pair up")
            self._form_keys: list[str] = keys
            raw = dict(zip(keys, values, strict=True))
            self.forms: Mapping[str, dict[str, list[str]]] = _Forms(raw)
        self.max_words: int = packed["max_words"]
        tables: dict[str, Any] = {}
        with gc_paused():
            for name in _STRING_TABLES + _LIST_TABLES:
                keys = _records(packed[f"{name}_keys"])
                values = _records(packed[f"{name}_values"])
                if len(keys) != len(values):
                    raise ValueError(f"lexicon payload: the {name} table does not pair up")
                raw = dict(zip(keys, values, strict=True))
                if name in _STRING_TABLES:
                    tables[name] = raw
                else:
                    unpack = _unpack_disease if name == "disease_info" else _unpack_list
                    tables[name] = _Lists(raw, unpack)
        self._tables = tables
        self._packed = packed
        self._automaton: Any = None
        self._ancestors: dict[str, frozenset[str]] = {}
        self._first_words: frozenset[str] | None = None
        self._best: dict[str, tuple[tuple[str, str], ...]] = {}
        #: Per-process caches of the extractor (term nodes, resolved diseases).
        self.memo: dict[Any, Any] = {}

    @property
    def labels(self) -> dict[str, str]:
        """Term id -> label (HPO, UBERON, treatments, MeSH drugs)."""
        found: dict[str, str] = self._tables["labels"]
        return found

    @property
    def treatment_kinds(self) -> dict[str, str]:
        """Treatment id -> procedure, drug, drug_class or device."""
        found: dict[str, str] = self._tables["treatment_kinds"]
        return found

    @property
    def hp_parents(self) -> Mapping[str, list[str]]:
        """HPO id -> parent ids (phenotype and inheritance subtrees)."""
        found: Mapping[str, list[str]] = self._tables["hp_parents"]
        return found

    @property
    def anatomy_nouns(self) -> Mapping[str, list[str]]:
        """Relational adjective of anatomy -> the lay nouns it stands for ("renal": kidney)."""
        found: Mapping[str, list[str]] = self._tables["anatomy_nouns"]
        return found

    @property
    def measures(self) -> Mapping[str, list[str]]:
        """:func:`measure_key` of an HPO measurement name -> HPO ids (labels first)."""
        found: Mapping[str, list[str]] = self._tables["measures"]
        return found

    @property
    def genes(self) -> Mapping[str, list[str]]:
        """HGNC id -> [symbol, name, NCBI gene id]."""
        found: Mapping[str, list[str]] = self._tables["genes"]
        return found

    @property
    def gene_symbols(self) -> Mapping[str, list[str]]:
        """Symbol, previous symbol or alias -> HGNC ids (approved symbol first)."""
        found: Mapping[str, list[str]] = self._tables["gene_symbols"]
        return found

    @property
    def diseases(self) -> Mapping[str, list[str]]:
        """Folded MONDO name -> MONDO ids."""
        found: Mapping[str, list[str]] = self._tables["diseases"]
        return found

    @property
    def disease_info(self) -> Mapping[str, list[Any]]:
        """MONDO id -> [label, sorted ORPHA/OMIM/GARD xrefs]."""
        found: Mapping[str, list[Any]] = self._tables["disease_info"]
        return found

    def best(self, key: str) -> tuple[tuple[str, str], ...]:
        """Return ``(kind, best id)`` for every kind that the folded ``key`` names."""
        found = self._best.get(key)
        if found is None:
            found = self._best[key] = tuple(
                (kind, curies[0]) for kind, curies in self.forms[key].items() if curies
            )
        return found

    def lookup(self, text: str, kind: str) -> str | None:
        """Return the best id that ``text`` names as ``kind``, or ``None``.

        >>> get_lexicon().lookup("Autosomal recessive", "inheritance")
        'HP:0000007'
        """
        found = self.forms.get(_key(text), {}).get(kind)
        return found[0] if found else None

    def starts_phenotype(self, word: str) -> bool:
        """Tell whether some phenotype name begins with the folded ``word``.

        >>> get_lexicon().starts_phenotype("enlarged"), get_lexicon().starts_phenotype("zzz")
        (True, False)
        """
        if self._first_words is None:
            self._first_words = frozenset(_records(self._packed["phenotype_first_words"]))
        return word in self._first_words

    def long_words(self, phenotype: bool = False) -> frozenset[str]:
        """Words of eight letters or more in the lexicon's names (of phenotypes only).

        >>> "cardiomyopathy" in get_lexicon().long_words(phenotype=True)
        True
        """
        name = "long_phenotype_words" if phenotype else "long_words"
        found = self.memo.get(name)
        if found is None:
            found = self.memo[name] = frozenset(_records(self._packed[name]))
        return found

    def hp_ancestors(self, curie: str) -> frozenset[str]:
        """Return every broader HPO term of ``curie`` (phenotype or inheritance subtree).

        >>> "HP:0001433" in get_lexicon().hp_ancestors("HP:0001744")  # hepatosplenomegaly? no
        False
        """
        found = self._ancestors.get(curie)
        if found is None:
            parents = self.hp_parents
            seen: set[str] = set()
            todo = list(parents.get(curie, ()))
            while todo:
                parent = todo.pop()
                if parent not in seen:
                    seen.add(parent)
                    todo.extend(parents.get(parent, ()))
            found = self._ancestors[curie] = frozenset(seen)
        return found

    def matches(self, folded: str) -> Iterator[tuple[int, int, str]]:
        """Yield ``(start, end, key)`` for every lexicon name in ``folded`` on word bounds.

        >>> [key for _, _, key in get_lexicon().matches("an enlarged spleen")][-1]
        'spleen'
        """
        automaton = self._get_automaton()
        if automaton is not None:
            size = len(folded)
            for end_index, key in automaton.iter(folded):
                end = end_index + 1
                start = end - len(key)
                if (start == 0 or not folded[start - 1].isalnum()) and (
                    end == size or not folded[end].isalnum()
                ):
                    yield start, end, key
            return
        yield from self._ngram_matches(folded)

    def _ngram_matches(self, folded: str) -> Iterator[tuple[int, int, str]]:
        words = [(m.start(), m.end()) for m in _WORD.finditer(folded)]
        for i, (start, _) in enumerate(words):
            for j in range(i, min(i + self.max_words, len(words))):
                end = words[j][1]
                key = " ".join(folded[start:end].split())
                if key in self.forms and _bounded(folded, start, end):
                    yield start, end, key

    def _get_automaton(self) -> Any:
        if self._automaton is None and os.environ.get("RAREGRAPH_NO_AHOCORASICK") != "1":
            try:
                import ahocorasick
            except ImportError:  # pragma: no cover - depends on the environment
                self._automaton = False
                return None
            automaton = ahocorasick.Automaton()
            keys = self._form_keys
            with gc_paused():
                deque(map(automaton.add_word, keys, keys), maxlen=0)
                automaton.make_automaton()
            self._automaton = automaton
        return self._automaton or None


_WORD = re.compile(r"[^\W_]+(?:'s)?|[^\w\s]", re.UNICODE)


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())


# --------------------------------------------------------------------------- caching
def _cache_key(paths: dict[str, Path]) -> str:
    digest = hashlib.sha256(f"lexicon-v{_LEXICON_VERSION}".encode())
    for name in sorted(paths):
        digest.update(f"{name}:{file_sha256(paths[name])}".encode())
    return digest.hexdigest()[:24]


def load_lexicon(paths: dict[str, Path] | None = None, *, use_cache: bool = True) -> Lexicon:
    """Load the lexicon from the cache, building and caching it when missing or stale."""
    paths = paths or _inputs()
    target = cache_dir() / f"extract-lexicon-{_cache_key(paths)}.bin"
    if use_cache and target.is_file():
        try:
            return Lexicon(_read_packed(target.read_bytes()))
        except (OSError, ValueError, KeyError, TypeError):
            pass
    with gc_paused():  # hundreds of thousands of containers, none of them in a cycle
        packed = pack_payload(build_lexicon(paths))
    if use_cache:
        _write_atomically(target, packed)
    return Lexicon(packed)


#: First line of a cache file; the second is a JSON header (version, section sizes),
#: then come the sections: the packed strings of :func:`pack_payload`, UTF-8, back to back.
_MAGIC = b"raregraph-lexicon\n"


def _read_packed(data: bytes) -> dict[str, Any]:
    """Parse a cache file: a JSON header and UTF-8 text sections (nothing is executed)."""
    if not data.startswith(_MAGIC):
        raise ValueError("not a raregraph lexicon cache file")
    newline = data.index(b"\n", len(_MAGIC))
    header = json.loads(data[len(_MAGIC) : newline])
    if header.get("version") != _LEXICON_VERSION:
        raise ValueError("stale lexicon cache file")
    payload: dict[str, Any] = {"version": _LEXICON_VERSION, "packed": True}
    payload["max_words"] = header["max_words"]
    offset = newline + 1
    view = memoryview(data)
    for name, size in header["sections"]:
        if name not in _PACKED_STRINGS or not isinstance(size, int) or size < 0:
            raise ValueError(f"bad lexicon cache section {name!r}")
        payload[name] = str(view[offset : offset + size], "utf-8")
        offset += size
    if offset != len(data):
        raise ValueError("truncated lexicon cache file")
    return payload


def _write_atomically(target: Path, payload: dict[str, Any]) -> None:
    sections = [(name, payload[name].encode("utf-8")) for name in _PACKED_STRINGS]
    header = {
        "version": _LEXICON_VERSION,
        "max_words": payload["max_words"],
        "sections": [[name, len(blob)] for name, blob in sections],
    }
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(_MAGIC + json.dumps(header).encode("utf-8") + b"\n")
            for _, blob in sections:
                out.write(blob)
        os.replace(name, target)
    except OSError:  # a read-only cache folder: the lexicon still works, unsaved
        return


@cache
def get_lexicon() -> Lexicon:
    """Return the lexicon of this process (loaded or built on first use)."""
    return load_lexicon()


def iter_kinds(found: dict[str, list[str]], kinds: Iterable[str]) -> Iterator[tuple[str, str]]:
    """Yield ``(kind, best id)`` for the ``kinds`` a key names, in the order given."""
    for kind in kinds:
        curies = found.get(kind)
        if curies:
            yield kind, curies[0]
