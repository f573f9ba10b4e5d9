"""Score extracted graphs against curator annotations (the ``*.gold.json`` dev set format).

Each entity type is scored on the set of (id, negated) pairs of a page: genes by HGNC id,
inheritance by HPO id (the gold's ``null`` id of "Unknown inheritance" is read as
HP:0000005, the id the extractor gives an unknown mode), phenotypes by HPO id, organs by
UBERON id, treatments by id, any of the gold's ``alt_ids``, or an id that the bundled
treatment vocabulary declares the same thing (a ChEBI drug and its MeSH xref, a MAxO
procedure and its MeSH xref). Counts are summed over the pages (micro average).

Examples
--------
>>> s = Score(tp=9, fp=1, fn=1)
>>> round(s.precision, 2), round(s.recall, 2), round(s.f1, 2)
(0.9, 0.9, 0.9)

"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from raregraph.graph import KnowledgeGraph
from raregraph.model import Category, Predicate

__all__ = [
    "TYPES",
    "Score",
    "gold_pairs",
    "graph_pairs",
    "score_pages",
    "score_predicted",
    "treatment_equivalents",
]

TYPES = ("genes", "inheritance", "phenotypes", "organs", "treatments")
_UNKNOWN = "HP:0000005"
_TREATMENT_PREFIXES = frozenset({"MAXO", "MESH", "CHEBI"})


@dataclass
class Score:
    """True positives, false positives and false negatives of one entity type."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Tp / (tp + fp); 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Tp / (tp + fn); 1.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


Pair = tuple[str, bool]


@functools.lru_cache(maxsize=1)
def _treatment_equivalents() -> dict[str, frozenset[str]]:
    """Treatment ids joined by the bundled vocabulary's xrefs (both directions)."""
    from raregraph.ontology import load

    same: dict[str, set[str]] = {}
    for curie, term in load("treatment").items():
        for xref in term.xrefs:
            if xref.split(":", 1)[0] in _TREATMENT_PREFIXES:
                same.setdefault(curie, set()).add(xref)
                same.setdefault(xref, set()).add(curie)
    return {curie: frozenset(ids) for curie, ids in same.items()}


def treatment_equivalents(curie: str) -> frozenset[str]:
    """Return the ids the treatment vocabulary declares equal to ``curie`` (itself included).

    >>> sorted(treatment_equivalents("MAXO:0001077"))
    ['MAXO:0001077', 'MESH:D013156']
    """
    return frozenset({curie, *_treatment_equivalents().get(curie, ())})


def gold_pairs(gold: dict[str, Any]) -> dict[str, list[set[Pair]]]:
    """Return, per type, one set of acceptable (id, negated) pairs per gold item."""
    out: dict[str, list[set[Pair]]] = {}
    for kind in TYPES:
        items = []
        for item in gold.get(kind, []):
            negated = bool(item.get("negated", False))
            ids = {item["id"] or _UNKNOWN, *item.get("alt_ids", [])}
            if kind == "treatments":
                ids = {same for i in ids for same in treatment_equivalents(i)}
            items.append({(i, negated) for i in ids})
        out[kind] = items
    return out


def graph_pairs(kg: KnowledgeGraph) -> dict[str, set[Pair]]:
    """Return, per type, the (id, negated) pairs of the graph's edges."""
    by_predicate = {
        Predicate.CAUSED_BY: "genes",
        Predicate.CONDITION_ASSOCIATED_WITH_GENE: "genes",
        Predicate.HAS_MODE_OF_INHERITANCE: "inheritance",
        Predicate.HAS_PHENOTYPE: "phenotypes",
        Predicate.DISEASE_HAS_LOCATION: "organs",
        Predicate.TREATED_BY: "treatments",
    }
    out: dict[str, set[Pair]] = {kind: set() for kind in TYPES}
    for edge in kg.edges():
        kind = by_predicate.get(edge.predicate)
        if kind is not None and kg.node(edge.object).category is not Category.PUBLICATION:
            out[kind].add((edge.object, edge.negated))
    return out


def score_page(kg: KnowledgeGraph, gold: dict[str, Any], totals: dict[str, Score]) -> None:
    """Add one page's counts to ``totals``."""
    score_predicted(graph_pairs(kg), gold, totals)


def score_predicted(
    predicted: dict[str, set[Pair]], gold: dict[str, Any], totals: dict[str, Score]
) -> None:
    """Add the counts of one page's predicted (id, negated) pairs per type to ``totals``.

    Types absent from ``predicted`` are not scored, so that a phenotype-only recognizer
    can be scored on phenotypes alone. A gold item is matched at most once, by any of its
    acceptable ids; every predicted pair left unmatched is a false positive.

    >>> gold = {"phenotypes": [{"id": "HP:0001744", "negated": False}]}
    >>> totals = {}
    >>> score_predicted({"phenotypes": {("HP:0001744", False), ("HP:0001945", False)}},
    ...                 gold, totals)
    >>> totals["phenotypes"]
    Score(tp=1, fp=1, fn=0)
    """
    for kind, items in gold_pairs(gold).items():
        if kind not in predicted:
            continue
        found = set(predicted[kind])
        score = totals.setdefault(kind, Score())
        for acceptable in items:
            hit = acceptable & found
            if hit:
                score.tp += 1
                found -= hit
            else:
                score.fn += 1
        score.fp += len(found)


def score_pages(pages: Iterable[tuple[KnowledgeGraph, Path]]) -> dict[str, Score]:
    """Score graphs against their gold files; returns one :class:`Score` per type."""
    totals = {kind: Score() for kind in TYPES}
    for kg, gold_path in pages:
        score_page(kg, json.loads(gold_path.read_text(encoding="utf-8")), totals)
    return totals
