"""Phenotype-driven disease ranking: the diseases that best explain a set of symptoms.

Given HPO terms (or free text whose phenotype mentions the extractor finds),
:func:`rank_diseases` scores every disease of the graph that has phenotype annotations
by semantic similarity over the HPO hierarchy and returns the best, each with the
matches that explain its score.

Method
------
* **Information content** from the annotation corpus of the graph: a term annotates a
  disease if the disease has the term or one of its subterms (annotations propagate
  to ancestors); ``IC(t) = -ln(n_t / N)`` with ``N`` the number of annotated diseases.
  A term no disease reaches gets the largest IC, ``ln N``.
* **Resnik similarity** of two terms: the IC of their most informative common ancestor
  (MICA), found through precomputed ancestor sets.
* **Best-match average** (symmetric): the mean over query terms of their best match
  among the disease's terms, averaged with the mean over the disease's terms of their
  best match among the query terms. The second half keeps diseases with hundreds of
  annotations from winning every query.

Speed: the tables (term index, IC, the disease x term annotation arrays) are built
once per graph and cached until it changes. One query term costs a few numpy
operations over all annotations: for every ancestor ``a`` of the query term, the
annotated terms below ``a`` get ``IC(a)`` (in increasing IC order), which gives the
term's Resnik similarity to every annotated term at once; a segmented maximum then
gives its best match per disease. numpy is needed (``pip install 'raregraph[rank]'``).

Examples
--------
>>> from raregraph.graph import KnowledgeGraph
>>> from raregraph.model import Category, Edge, Node, Predicate
>>> from raregraph.ontology.hierarchy import Hierarchy
>>> hpo = Hierarchy([("HP:2", "HP:1"), ("HP:3", "HP:1"), ("HP:4", "HP:2"), ("HP:5", "HP:2")])
>>> kg = KnowledgeGraph()
>>> for i, name in [(2, "a"), (3, "b"), (4, "c"), (5, "d")]:
...     _ = kg.add_node(Node(f"HP:{i}", Category.PHENOTYPIC_FEATURE, name))
>>> for disease, terms in [("ORPHA:1", [4, 3]), ("ORPHA:2", [5]), ("ORPHA:3", [3])]:
...     _ = kg.add_node(Node(disease, Category.DISEASE, disease))
...     for t in terms:
...         _ = kg.add_edge(Edge(disease, Predicate.HAS_PHENOTYPE, f"HP:{t}"))
>>> ranking = rank_diseases(kg, ["HP:4"], ontology=hpo)
>>> [(r.disease.id, round(r.score, 2)) for r in ranking]
[('ORPHA:1', 0.82), ('ORPHA:2', 0.41), ('ORPHA:3', 0.0)]
>>> m = ranking[0].matches[0]
>>> (m.query, m.disease_term, m.mica, round(m.ic, 2))
('HP:4', 'HP:4', 'HP:4', 1.1)

"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from raregraph.curie import is_curie, normalize_curie
from raregraph.errors import CurieError, NotFoundError, QueryError
from raregraph.graph import KnowledgeGraph
from raregraph.model import Category, Node, Predicate
from raregraph.ontology.hierarchy import Hierarchy
from raregraph.query.results import Table, require

if TYPE_CHECKING:  # pragma: no cover
    from raregraph.ontology.index import TermIndex

__all__ = [
    "Match",
    "PhenotypeIndex",
    "RankedDisease",
    "Ranking",
    "phenotypes_in_text",
    "rank_diseases",
]


@dataclass(frozen=True)
class Match:
    """How one query term matched a disease: its best disease term, their MICA and its IC."""

    query: str
    query_label: str
    disease_term: str
    disease_term_label: str
    mica: str
    mica_label: str
    ic: float

    def __str__(self) -> str:
        return (
            f"{self.query_label} ~ {self.disease_term_label} "
            f"(via {self.mica_label}, IC {self.ic:.2f})"
        )


@dataclass(frozen=True)
class RankedDisease:
    """A disease, its score and the match of every query term."""

    rank: int
    disease: Node
    score: float
    matches: tuple[Match, ...]

    def explain(self) -> _MatchTable:
        """The matches as a table (query term, disease term, MICA, IC)."""
        return _MatchTable(self)


class _MatchTable(Table):
    def __init__(self, ranked: RankedDisease) -> None:
        self.ranked = ranked
        self.title = f"#{ranked.rank} {ranked.disease.name} ({ranked.disease.id})"

    def headers(self) -> list[str]:
        return ["query term", "best disease term", "common ancestor (MICA)", "IC"]

    def rows(self) -> list[list[object]]:
        return [
            [
                f"{m.query} {m.query_label}",
                f"{m.disease_term} {m.disease_term_label}",
                f"{m.mica} {m.mica_label}",
                round(m.ic, 3),
            ]
            for m in self.ranked.matches
        ]


class Ranking(Table, list[RankedDisease]):
    """The best diseases for a set of phenotypes, best first; prints as a table."""

    def __init__(
        self, ranked: Iterable[RankedDisease], query: Sequence[str], total: int, title: str = ""
    ) -> None:
        super().__init__(ranked)
        self.query = tuple(query)
        self.total = total
        self.title = title or f"diseases ranked by {len(self.query)} phenotype(s), of {total}"

    @property
    def ids(self) -> list[str]:
        """The disease ids, best first."""
        return [r.disease.id for r in self]

    def headers(self) -> list[str]:
        """The columns: rank, id, name, score, the strongest matches."""
        return ["rank", "id", "name", "score", "best matches"]

    def rows(self) -> list[list[object]]:
        """One row per disease."""
        out: list[list[object]] = []
        for r in self:
            strongest = [m for m in sorted(r.matches, key=lambda m: -m.ic) if m.ic > 0][:3]
            text = "; ".join(f"{m.query_label} ~ {m.disease_term_label}" for m in strongest)
            out.append([r.rank, r.disease.id, r.disease.name, round(r.score, 3), text])
        return out


class PhenotypeIndex:
    """The ranking tables of one graph: term index, information content, annotations.

    Parameters
    ----------
    kg:
        The graph; its non-negated ``has_phenotype`` edges are the annotation corpus.
    ontology:
        A :class:`~raregraph.ontology.index.TermIndex` or a
        :class:`~raregraph.ontology.hierarchy.Hierarchy` of the phenotype terms
        (default: the bundled HPO).

    """

    def __init__(self, kg: KnowledgeGraph, ontology: TermIndex | Hierarchy | None = None) -> None:
        np = require("numpy", "rank")
        if ontology is None:
            from raregraph.ontology import load

            ontology = load("hp")
        self.kg = kg
        self.ontology = ontology
        self.hierarchy: Hierarchy = (
            ontology if isinstance(ontology, Hierarchy) else ontology.hierarchy
        )
        per_disease: dict[str, set[str]] = {}
        for edge in kg.edges(predicate=Predicate.HAS_PHENOTYPE):
            if edge.negated:
                continue
            term = self.primary(edge.object)
            if term is not None:
                per_disease.setdefault(edge.subject, set()).add(term)
        self.disease_ids: list[str] = sorted(per_disease)
        annotated = sorted({t for terms in per_disease.values() for t in terms})
        self.terms: list[str] = annotated
        self.term_index: dict[str, int] = {t: i for i, t in enumerate(annotated)}
        # information content, over every term an annotation reaches
        self._ancestors: dict[str, frozenset[str]] = {}
        reach: dict[str, int] = {}
        for terms in per_disease.values():
            closure: set[str] = set()
            for term in terms:
                closure |= self.ancestors(term)
            for term in closure:
                reach[term] = reach.get(term, 0) + 1
        self.n_diseases = len(per_disease)
        self.max_ic = math.log(self.n_diseases) if self.n_diseases else 0.0
        self.ic: dict[str, float] = {t: -math.log(n / self.n_diseases) for t, n in reach.items()}
        # the disease x term annotations as flat arrays, grouped by disease
        flat: list[int] = []
        starts: list[int] = []
        for disease in self.disease_ids:
            starts.append(len(flat))
            flat.extend(sorted(self.term_index[t] for t in per_disease[disease]))
        self.annotations = np.asarray(flat, dtype=np.int32)
        self.starts = np.asarray(starts, dtype=np.int64)
        self.sizes = np.diff(np.append(self.starts, len(flat))).astype(np.float64)
        self._below: dict[str, Any] = {}

    # -- terms -----------------------------------------------------------------------
    def primary(self, curie: str) -> str | None:
        """Return the primary id of a term of the ontology, or ``None`` if it is not one."""
        if not isinstance(self.ontology, Hierarchy):
            try:
                curie = self.ontology.resolve(curie)
            except (NotFoundError, CurieError):
                return None
        return curie if curie in self.hierarchy else None

    def ancestors(self, term: str) -> frozenset[str]:
        """The term and every term above it."""
        found = self._ancestors.get(term)
        if found is None:
            found = self._ancestors[term] = self.hierarchy.ancestors(term) | {term}
        return found

    def information_content(self, term: str) -> float:
        """``-ln`` of the share of annotated diseases that the term (or a subterm) annotates."""
        return self.ic.get(term, self.max_ic)

    def label(self, term: str) -> str:
        """A readable name for a term: the graph's, else the ontology's, else the id."""
        if term in self.kg:
            return self.kg.node(term).name
        if not isinstance(self.ontology, Hierarchy):
            return self.ontology.label(term) or term
        return term

    def _annotated_below(self, term: str) -> Any:
        """Indices (into :attr:`terms`) of the annotated terms at or below ``term``."""
        found = self._below.get(term)
        if found is None:
            np = require("numpy", "rank")
            below = (self.hierarchy.descendants(term) | {term}) & self.term_index.keys()
            found = np.fromiter(
                (self.term_index[t] for t in below), dtype=np.int32, count=len(below)
            )
            self._below[term] = found
        return found

    def similarity_to_annotated(self, term: str) -> Any:
        """Resnik similarity of ``term`` to every annotated term (a numpy vector)."""
        np = require("numpy", "rank")
        sims = np.zeros(len(self.terms))
        for ancestor in sorted(self.ancestors(term), key=self.information_content):
            sims[self._annotated_below(ancestor)] = self.information_content(ancestor)
        return sims

    # -- scores ----------------------------------------------------------------------
    def scores(self, terms: Sequence[str]) -> Any:
        """Symmetric best-match-average Resnik score of every disease (numpy vector).

        Order follows :attr:`disease_ids`; ``terms`` must be primary ids of the ontology.
        """
        np = require("numpy", "rank")
        if not terms or not self.disease_ids:
            return np.zeros(len(self.disease_ids))
        query_side = np.zeros(len(self.disease_ids))
        disease_side = np.zeros(len(self.annotations))
        for term in terms:
            per_annotation = self.similarity_to_annotated(term)[self.annotations]
            query_side += np.maximum.reduceat(per_annotation, self.starts)
            np.maximum(disease_side, per_annotation, out=disease_side)
        query_side /= len(terms)
        disease_mean = np.add.reduceat(disease_side, self.starts) / self.sizes
        result: Any = 0.5 * (query_side + disease_mean)
        return result

    def explain(self, disease: str, terms: Sequence[str]) -> tuple[Match, ...]:
        """The best disease term and MICA of every query term for one disease."""
        position = self.disease_ids.index(disease)
        start = int(self.starts[position])
        own = [self.terms[i] for i in self.annotations[start : start + int(self.sizes[position])]]
        matches = []
        for term in terms:
            ancestors = self.ancestors(term)
            best: tuple[float, str, str] = (-1.0, own[0], term)
            for candidate in own:
                common = ancestors & self.ancestors(candidate)
                mica = max(common, key=lambda t: (self.information_content(t), t), default=None)
                ic = self.information_content(mica) if mica is not None else 0.0
                if ic > best[0]:
                    best = (ic, candidate, mica or "")
            ic, candidate, mica = best
            matches.append(
                Match(
                    term,
                    self.label(term),
                    candidate,
                    self.label(candidate),
                    mica,
                    self.label(mica) if mica else "",
                    ic,
                )
            )
        return tuple(matches)


def phenotypes_in_text(text: str) -> list[str]:
    """Return the HPO terms that the extractor finds in ``text`` (stated absences left out).

    >>> phenotypes_in_text("Enlarged spleen and liver, but no seizures.")
    ['HP:0001744', 'HP:0002240']
    """
    from raregraph.extract.mentions import find_mentions
    from raregraph.extract.negation import is_negated
    from raregraph.extract.sentences import split_sentences

    found: list[str] = []
    for sentence in split_sentences(text):
        for mention in find_mentions(sentence.text):
            if mention.kind != "phenotype" or is_negated(sentence.text, mention.start):
                continue
            if mention.curie not in found:
                found.append(mention.curie)
    return found


def _query_terms(kg: KnowledgeGraph, index: PhenotypeIndex, phenotypes: Iterable[str]) -> list[str]:
    from raregraph.query.names import hpo_terms_named, resolve_name

    terms: list[str] = []
    for text in phenotypes:
        if is_curie(text):
            term = index.primary(normalize_curie(text))
            if term is None:
                raise QueryError(f"{text!r} is not a term of the phenotype ontology")
        else:
            try:
                term = index.primary(resolve_name(kg, text, {Category.PHENOTYPIC_FEATURE}).id)
            except QueryError as err:
                named = [t for t in hpo_terms_named(text) if index.primary(t)]
                if len(named) != 1:
                    raise err from None
                term = named[0]
            if term is None:
                raise QueryError(f"{text!r} is not a term of the phenotype ontology")
        if term not in terms:
            terms.append(term)
    return terms


def phenotype_index(
    kg: KnowledgeGraph, ontology: TermIndex | Hierarchy | None = None
) -> PhenotypeIndex:
    """Return the graph's ranking tables, built once and cached until the graph changes."""
    if ontology is None:
        return kg.derived("ranking:hp", PhenotypeIndex)
    index = kg.derived("ranking:custom", lambda g: PhenotypeIndex(g, ontology))
    if index.ontology is not ontology:
        kg._derived.pop("ranking:custom", None)
        index = kg.derived("ranking:custom", lambda g: PhenotypeIndex(g, ontology))
    return index


def rank_diseases(
    kg: KnowledgeGraph,
    phenotypes: Iterable[str] = (),
    *,
    text: str | None = None,
    top: int = 10,
    ontology: TermIndex | Hierarchy | None = None,
) -> Ranking:
    """Rank the diseases of ``kg`` by how well their phenotypes match the query.

    Parameters
    ----------
    kg:
        The graph; diseases without phenotype annotations are not ranked.
    phenotypes:
        HPO CURIEs (alternative ids are resolved) or names (labels, synonyms).
    text:
        Free text; its phenotype mentions (:func:`phenotypes_in_text`) join the query.
    top:
        How many diseases to return.
    ontology:
        The phenotype ontology (default: the bundled HPO).

    Raises
    ------
    QueryError
        No phenotype given or found, or a name or id that is not a phenotype term.

    """
    np = require("numpy", "rank")
    index = phenotype_index(kg, ontology)
    queried = list(phenotypes)
    if text:
        queried += phenotypes_in_text(text)
    terms = _query_terms(kg, index, queried)
    if not terms:
        raise QueryError("no phenotype to rank by: give HPO terms or a text that names some")
    scores = index.scores(terms)
    count = min(top, len(scores))
    best = np.argpartition(-scores, count - 1)[:count] if count else np.array([], dtype=int)
    order = sorted(best.tolist(), key=lambda i: (-scores[i], index.disease_ids[i]))
    ranked = [
        RankedDisease(
            rank + 1,
            kg.node(index.disease_ids[i]),
            float(scores[i]),
            index.explain(index.disease_ids[i], terms),
        )
        for rank, i in enumerate(order)
    ]
    return Ranking(ranked, terms, total=len(scores))
