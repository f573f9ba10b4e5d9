"""The extractor's lexicon: every name it looks for in text, built once and cached.

The lexicon joins the surface forms of the bundled ontologies (HPO phenotypes and modes of
inheritance, UBERON anatomy, the treatment vocabulary, HGNC genes, MONDO diseases) with the
extractor's own data files in ``extract/data/`` (MeSH drugs and devices, a hand-curated list
of lay phrases). Names are *folded* with :func:`fold` so that matching is case-insensitive
and treats hyphens as spaces, and plural forms are added for nouns.

Building reads the ontology files with a lean line scanner (only ids, names, synonyms,
parents and xrefs) and stores the result as one JSON file in the ontology cache folder,
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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from raregraph.ontology.cache import cache_dir, gc_paused
from raregraph.ontology.files import file_sha256, ontology_path

__all__ = ["KINDS", "Lexicon", "build_lexicon", "fold", "get_lexicon", "plural_variants"]

#: The kinds of names in the lexicon.
KINDS = ("phenotype", "inheritance", "organ", "treatment", "drug", "gene")

DATA_DIR = Path(__file__).resolve().parent / "data"
_LEXICON_VERSION = 6
_PHENOTYPE_ROOT = "HP:0000118"
_INHERITANCE_ROOT = "HP:0000005"
_FOLD = str.maketrans({"-": " ", "\u2010": " ", "\u2011": " ", "\u2013": " ", "\u2019": "'"})
_SKIP_SYNONYM_TYPES = frozenset({"abbreviation", "obsolete_synonym", "HP:0034334"})
_IRREGULAR_PLURALS = {
    "tooth": "teeth",
    "foot": "feet",
    "child": "children",
    "ovum": "ova",
    "vertebra": "vertebrae",
    "bronchus": "bronchi",
    "phalanx": "phalanges",
}


def fold(text: str) -> str:
    """Fold ``text`` for matching without changing its length (lower case, hyphens as spaces).

    >>> fold("Café-Au-Lait")
    'café au lait'
    """
    lowered = text.lower()
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
        "organ_exclude": DATA_DIR / "organ_exclude.tsv",
        "anatomy_adjectives": DATA_DIR / "anatomy_adjectives.tsv",
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
_SAME_ADJECTIVES = (("large", ("enlarged",)), ("swollen", ("enlarged",)), ("big", ("enlarged",)))
_OF = re.compile(r"(?P<head>[a-z][a-z ]*?) of (?:the )?(?P<part>[a-z]+(?: [a-z]+)?)")


def _plural_word(word: str) -> str:
    found = plural_variants(word)
    return found[0] if found else word


def _phenotype_variants(key: str, adjectives: dict[str, list[str]]) -> list[str]:
    """Return other wordings of a phenotype name.

    ``adjectives`` maps relational adjectives of anatomy to lay nouns ("renal" -> "kidney").
    "large spleen" also reads "enlarged spleen" and "enlargement of the spleen"; "renal
    failure" reads "kidney failure"; "abnormality of the kidney" reads "kidney
    abnormality" and the other way round, when the part is an anatomy noun of the table.

    >>> table = {"renal": ["kidney"]}
    >>> found = _phenotype_variants("renal amyloidosis", table)
    >>> found[0], "amyloidosis of the kidneys" in found
    ('kidney amyloidosis', True)
    """
    first, _, rest = key.partition(" ")
    variants = []
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
    nouns = {noun for listed in adjectives.values() for noun in listed}
    words = key.split(" ")
    lay = [key]
    for index, word in enumerate(words):
        for noun in adjectives.get(word, ()):
            lay.append(" ".join([*words[:index], noun, *words[index + 1 :]]))
    for phrase in lay:
        if phrase != key:
            variants.append(phrase)
        part, _, head = phrase.partition(" ")
        if part in nouns and head and " of " not in head:  # "kidney cysts" -> "cysts of the kidney"
            heads = {head, _plural_word(head)}
            parts = {part, _plural_word(part)}
            variants += sorted(f"{h} of {a}{p}" for h in heads for p in parts for a in ("the ", ""))
        of = _OF.fullmatch(phrase)
        if of and of.group("part") in nouns:  # "abnormality of the kidney" -> "kidney abnormality"
            variants.append(f"{of.group('part')} {of.group('head')}")
    return variants


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
    later: list[tuple[str, str]] = []  # derived wordings, added after every real name
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
        for text in names:
            _add_noun(forms, text, kind, stanza.curie)
            if kind == "phenotype":
                later += [(v, stanza.curie) for v in _phenotype_variants(_key(text), adjectives)]
    for variant, curie in later:
        _add_noun(forms, variant, "phenotype", curie)
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
    for stanza in uberon:
        labels[stanza.curie] = stanza.name
        if stanza.curie in excluded_terms or not stanza.curie.startswith("UBERON:"):
            continue
        _add_noun(forms, stanza.name, "organ", stanza.curie)
        for text, _scope, _type in stanza.synonyms:
            if not _is_abbreviation(text) and " of " not in text and len(text) > 3:
                _add_noun(forms, text, "organ", stanza.curie)

    # treatments: MAxO / MeSH procedures and drug classes / ChEBI drug roles
    for stanza in _scan_obo(paths["treatment"]):
        if stanza.obsolete or not stanza.name:
            continue
        labels[stanza.curie] = stanza.name
        is_procedure = "procedure" in stanza.subsets
        treatment_kinds.setdefault(stanza.curie, "procedure" if is_procedure else "drug_class")
        _add_noun(forms, stanza.name, "treatment", stanza.curie)
        for text, scope, _type in stanza.synonyms:
            if scope == "EXACT" and not _is_abbreviation(text) and ", " not in text:
                _add_noun(forms, text, "treatment", stanza.curie)
    for row in _read_table(paths["mesh_drugs"]):
        if row[0] == "id":
            continue
        curie, kind, label = row[0], row[1], row[2]
        labels.setdefault(curie, label)
        treatment_kinds.setdefault(curie, kind)
        for text in (label, *(s for s in row[3].split("|") if s)):
            if ", " in text or _is_abbreviation(text) or len(text) < 4:
                continue
            _add_noun(forms, text, "drug", curie)

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
        if name and len(name) > 6:
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
        "genes": genes,
        "gene_symbols": symbols,
        "diseases": diseases,
        "disease_info": disease_info,
    }


# --------------------------------------------------------------------------- the lexicon
class Lexicon:
    """The compiled lexicon: names by folded key, labels, gene and disease tables.

    Use :func:`get_lexicon` rather than building one; :meth:`matches` finds every name of
    the lexicon in a folded text (with pyahocorasick when installed, else by word n-grams).
    """

    def __init__(self, payload: dict[str, Any]) -> None:
        self.forms: dict[str, dict[str, list[str]]] = payload["forms"]
        self.labels: dict[str, str] = payload["labels"]
        self.treatment_kinds: dict[str, str] = payload["treatment_kinds"]
        self.hp_parents: dict[str, list[str]] = payload["hp_parents"]
        self.genes: dict[str, list[str]] = payload["genes"]
        self.gene_symbols: dict[str, list[str]] = payload["gene_symbols"]
        self.diseases: dict[str, list[str]] = payload["diseases"]
        self.disease_info: dict[str, list[Any]] = payload["disease_info"]
        self.max_words = max((key.count(" ") + 1 for key in self.forms), default=1)
        self._automaton: Any = None
        self._ancestors: dict[str, frozenset[str]] = {}
        self._first_words: frozenset[str] | None = None

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
            self._first_words = frozenset(
                key.split(" ", 1)[0] for key, found in self.forms.items() if "phenotype" in found
            )
        return word in self._first_words

    def hp_ancestors(self, curie: str) -> frozenset[str]:
        """Return every broader HPO term of ``curie`` (phenotype or inheritance subtree).

        >>> "HP:0001433" in get_lexicon().hp_ancestors("HP:0001744")  # hepatosplenomegaly? no
        False
        """
        found = self._ancestors.get(curie)
        if found is None:
            seen: set[str] = set()
            todo = list(self.hp_parents.get(curie, ()))
            while todo:
                parent = todo.pop()
                if parent not in seen:
                    seen.add(parent)
                    todo.extend(self.hp_parents.get(parent, ()))
            found = self._ancestors[curie] = frozenset(seen)
        return found

    def matches(self, folded: str) -> Iterator[tuple[int, int, str]]:
        """Yield ``(start, end, key)`` for every lexicon name in ``folded`` on word bounds.

        >>> [key for _, _, key in get_lexicon().matches("an enlarged spleen")][-1]
        'spleen'
        """
        automaton = self._get_automaton()
        if automaton is not None:
            for end_index, key in automaton.iter(folded):
                end = end_index + 1
                start = end - len(key)
                if _bounded(folded, start, end):
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
            for key in self.forms:
                automaton.add_word(key, key)
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
    target = cache_dir() / f"extract-lexicon-{_cache_key(paths)}.json"
    if use_cache and target.is_file():
        try:
            with gc_paused():
                payload = json.loads(target.read_text(encoding="utf-8"))
            if payload.get("version") == _LEXICON_VERSION:
                return Lexicon(payload)
        except (OSError, ValueError):
            pass
    payload = build_lexicon(paths)
    if use_cache:
        _write_atomically(target, payload)
    return Lexicon(payload)


def _write_atomically(target: Path, payload: dict[str, Any]) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(payload, out, ensure_ascii=False, separators=(",", ":"))
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
