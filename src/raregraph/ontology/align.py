"""Align free text with ontology terms: ranked candidates with a match type and a score.

Matching goes from strict to loose: the exact label or synonym, then the same after each
normalization step of :mod:`raregraph.ontology.normalize` (case, punctuation, spelling,
plural, word order), then, if nothing matched, fuzzy matching over character trigrams.

Examples
--------
>>> best = align("Palliative cares", ontology="treatment")[0]
>>> best.curie, best.match_type, best.matched_text
('MAXO:0000021', 'plural', 'palliative care')

"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from raregraph.errors import NotFoundError
from raregraph.ontology.cache import gc_paused
from raregraph.ontology.genes import GeneIndex
from raregraph.ontology.index import SurfaceForm, TermIndex
from raregraph.ontology.normalize import STEPS, match_step, normalize, trigrams, word_order_key
from raregraph.ontology.registry import load

__all__ = ["CATEGORY_ONTOLOGIES", "Candidate", "MatchType", "align"]

MatchType = Literal[
    "exact_label",
    "exact_synonym",
    "case",
    "punctuation",
    "spelling",
    "plural",
    "word_order",
    "fuzzy",
]

#: Default ontologies searched by :func:`align`.
DEFAULT_ONTOLOGIES = ("hp", "mondo", "uberon", "treatment")

#: Biolink category (without ``biolink:``) -> (ontology, root term or subset, or None).
CATEGORY_ONTOLOGIES: dict[str, tuple[tuple[str, str | None], ...]] = {
    "PhenotypicFeature": (("hp", "HP:0000118"),),
    "GeneticInheritance": (("hp", "HP:0000005"),),
    "Disease": (("mondo", None),),
    "DiseaseOrPhenotypicFeature": (("mondo", None), ("hp", "HP:0000118")),
    "AnatomicalEntity": (("uberon", None),),
    "GrossAnatomicalStructure": (("uberon", None),),
    "Treatment": (("treatment", None),),
    "Procedure": (("treatment", "procedure"),),
    "Drug": (("treatment", "drug"),),
    "ChemicalEntity": (("treatment", "drug"),),
    "Gene": (("hgnc", None),),
}

_BASE: dict[str, float] = {
    "exact_label": 1.0,
    "exact_synonym": 0.95,
    "case": 0.93,
    "punctuation": 0.91,
    "spelling": 0.9,
    "plural": 0.89,
    "word_order": 0.87,
}
_SCOPE_PENALTY = {"EXACT": 0.0, "RELATED": 0.03, "BROAD": 0.08, "NARROW": 0.08}
_FUZZY_WEIGHT = 0.8


@dataclass(frozen=True, slots=True)
class Candidate:
    """A term that a piece of text may name.

    Attributes
    ----------
    curie, label, ontology:
        The term, its label and the short name of its ontology.
    matched_text:
        The label or synonym that matched.
    match_type:
        ``exact_label``, ``exact_synonym``, a normalization step (``case``,
        ``punctuation``, ``spelling``, ``plural``, ``word_order``) or ``fuzzy``.
    score:
        In (0, 1]; 1 for an exact label.
    scope, synonym_type:
        The synonym's scope and type when a synonym matched (``None`` for labels).

    """

    curie: str
    label: str | None
    matched_text: str
    match_type: MatchType
    score: float
    ontology: str
    scope: str | None = None
    synonym_type: str | None = None


class _Lexicon:
    """Lookup tables over the surface forms of one index, built on first use."""

    def __init__(self, forms: Iterable[SurfaceForm]) -> None:
        self.forms = list(forms)
        self.exact: defaultdict[str, list[int]] = defaultdict(list)
        self.loose: defaultdict[str, list[int]] = defaultdict(list)
        self.by_plural: defaultdict[str, list[int]] = defaultdict(list)
        for number, form in enumerate(self.forms):
            self.exact[form.text].append(number)
            self.by_plural[normalize(form.key, "plural")].append(number)
        for key, numbers in self.by_plural.items():
            self.loose[word_order_key(key)] += numbers
        self._fuzzy_keys: list[str] | None = None
        self._fuzzy_forms: list[list[int]] = []
        self._postings: defaultdict[str, list[int]] = defaultdict(list)

    def _build_fuzzy(self) -> list[str]:
        if self._fuzzy_keys is None:
            with gc_paused():
                return self._index_trigrams()
        return self._fuzzy_keys

    def _index_trigrams(self) -> list[str]:
        if self._fuzzy_keys is None:
            self._fuzzy_keys = list(self.by_plural)
            self._fuzzy_forms = list(self.by_plural.values())
            postings = self._postings
            for key_number, key in enumerate(self._fuzzy_keys):
                for gram in trigrams(key):
                    postings[gram].append(key_number)
        return self._fuzzy_keys

    def matches(self, text: str) -> list[tuple[SurfaceForm, MatchType, float]]:
        found: list[tuple[SurfaceForm, MatchType, float]] = []
        for number in self.exact.get(text, []):
            form = self.forms[number]
            found.append((form, "exact_label" if form.kind == "label" else "exact_synonym", 1.0))
        for number in self.loose.get(normalize(text), []):
            form = self.forms[number]
            if form.text != text:
                step = match_step(text, form.text) or "word_order"
                found.append((form, step, 1.0))
        return found

    def fuzzy(
        self, text: str, min_similarity: float, pool: int = 40
    ) -> list[tuple[SurfaceForm, MatchType, float]]:
        keys = self._build_fuzzy()
        query = normalize(text, "plural")
        grams = trigrams(query)
        shared: Counter[int] = Counter()
        for gram in grams:
            shared.update(self._postings.get(gram, []))
        ranked = sorted(
            shared.items(),
            key=lambda item: -2 * item[1] / (len(grams) + len(keys[item[0]]) + 2),
        )[:pool]
        found: list[tuple[SurfaceForm, MatchType, float]] = []
        for key_number, _ in ranked:
            similarity = difflib.SequenceMatcher(None, query, keys[key_number]).ratio()
            if similarity >= min_similarity:
                found += [
                    (self.forms[n], "fuzzy", similarity) for n in self._fuzzy_forms[key_number]
                ]
        return found


_lexicons: dict[int, tuple[TermIndex | GeneIndex, _Lexicon]] = {}


def _lexicon(index: TermIndex | GeneIndex) -> _Lexicon:
    entry = _lexicons.get(id(index))
    if entry is None or entry[0] is not index:
        with gc_paused():
            entry = (index, _Lexicon(index.surface_forms()))
        _lexicons[id(index)] = entry
    return entry[1]


def _label(index: TermIndex | GeneIndex, curie: str) -> str | None:
    if isinstance(index, GeneIndex):
        return index[curie].symbol
    return index[curie].label


def _score(match_type: MatchType, form: SurfaceForm, similarity: float) -> float:
    if match_type == "fuzzy":
        score = _FUZZY_WEIGHT * similarity
    else:
        score = _BASE[match_type]
        if form.kind == "synonym" and match_type != "exact_synonym":
            score -= 0.02
    if form.kind == "synonym":
        score -= _SCOPE_PENALTY.get(form.scope or "", 0.05)
        if form.synonym_type == "obsolete_synonym":
            score -= 0.1
    return round(max(score, 0.01), 4)


def _targets(
    ontology: str | Sequence[str] | None, category: str | None
) -> list[tuple[str, str | None]]:
    if category is not None:
        key = category.removeprefix("biolink:")
        if key not in CATEGORY_ONTOLOGIES:
            raise NotFoundError(
                f"no ontology for category {category!r}; known: {', '.join(CATEGORY_ONTOLOGIES)}"
            )
        targets = list(CATEGORY_ONTOLOGIES[key])
        if ontology is not None:
            wanted = {ontology} if isinstance(ontology, str) else set(ontology)
            targets = [target for target in targets if target[0] in wanted]
        return targets
    if ontology is None:
        return [(name, None) for name in DEFAULT_ONTOLOGIES]
    names = [ontology] if isinstance(ontology, str) else list(ontology)
    return [(name, None) for name in names]


def _allowed(index: TermIndex | GeneIndex, curie: str, restriction: str | None) -> bool:
    if restriction is None or isinstance(index, GeneIndex):
        return True
    if ":" in restriction:
        return index.hierarchy.is_a(curie, restriction)
    return restriction in index[curie].subsets


def align(
    text: str,
    ontology: str | Sequence[str] | None = None,
    category: str | None = None,
    *,
    limit: int = 10,
    fuzzy: bool = True,
    min_similarity: float = 0.75,
) -> list[Candidate]:
    """Return the terms that ``text`` may name, best first.

    Parameters
    ----------
    text:
        A name as written, e.g. ``"enlarged spleen"``.
    ontology:
        ``"hp"``, ``"mondo"``, ``"uberon"``, ``"treatment"``, ``"hgnc"`` or several of
        them; default: all but ``"hgnc"``.
    category:
        A Biolink category (``"biolink:PhenotypicFeature"``, ``"Disease"``, ``"Drug"``,
        ...) that restricts the ontologies and, for some, the branch or subset searched.
    limit:
        Most candidates returned.
    fuzzy:
        Fall back on fuzzy matching when no exact or normalized match is found.
    min_similarity:
        Lowest character similarity (0-1) a fuzzy match needs.

    Returns
    -------
    list of Candidate
        At most one per term, sorted by score, then by ontology order and CURIE.

    Examples
    --------
    >>> [c.curie for c in align("Blood transfusion", category="biolink:Procedure")][:1]
    ['MAXO:0000756']

    """
    text = text.strip()
    if not text:
        return []
    order = {name: number for number, (name, _) in enumerate(_targets(ontology, category))}
    best: dict[tuple[str, str], Candidate] = {}
    for fuzzy_round in (False, True):
        if fuzzy_round and (best or not fuzzy):
            break
        for name, restriction in _targets(ontology, category):
            index = load(name)
            lexicon = _lexicon(index)
            found = lexicon.fuzzy(text, min_similarity) if fuzzy_round else lexicon.matches(text)
            for form, match_type, similarity in found:
                if not _allowed(index, form.curie, restriction):
                    continue
                candidate = Candidate(
                    curie=form.curie,
                    label=_label(index, form.curie),
                    matched_text=form.text,
                    match_type=match_type,
                    score=_score(match_type, form, similarity),
                    ontology=name,
                    scope=form.scope,
                    synonym_type=form.synonym_type,
                )
                key = (name, form.curie)
                if key not in best or candidate.score > best[key].score:
                    best[key] = candidate
    ranked = sorted(best.values(), key=lambda c: (-c.score, order[c.ontology], c.curie))
    return ranked[:limit]


assert set(_BASE) | {"fuzzy"} == {"exact_label", "exact_synonym", *STEPS, "fuzzy"}
