"""Paths between two nodes: how is a gene connected to a symptom, a disease to another.

Every edge of raregraph starts at a disease, so paths follow edges in either direction:
``FAS <-caused_by- ALPS -has_phenotype-> Splenomegaly``. :func:`find_paths` returns the
shortest ones first (breadth-first over the undirected view, at most ``cutoff`` edges).

Examples
--------
>>> from raregraph.graph import KnowledgeGraph
>>> from raregraph.model import Category, Edge, Node, Predicate
>>> kg = KnowledgeGraph()
>>> _ = kg.add_node(Node("ORPHA:3261", Category.DISEASE, "ALPS"))
>>> _ = kg.add_node(Node("HGNC:11920", Category.GENE, "FAS", symbol="FAS"))
>>> _ = kg.add_node(Node("HP:0001744", Category.PHENOTYPIC_FEATURE, "Splenomegaly"))
>>> _ = kg.add_edge(Edge("ORPHA:3261", Predicate.CAUSED_BY, "HGNC:11920"))
>>> _ = kg.add_edge(Edge("ORPHA:3261", Predicate.HAS_PHENOTYPE, "HP:0001744"))
>>> print(find_paths(kg, "HGNC:11920", "HP:0001744")[0])
FAS <-caused_by- ALPS -has_phenotype-> Splenomegaly

"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from raregraph.model import Edge, Node
from raregraph.query.results import Table

if TYPE_CHECKING:  # pragma: no cover
    from raregraph.graph import KnowledgeGraph

__all__ = ["Path", "PathList", "find_paths"]


@dataclass(frozen=True)
class Path:
    """Nodes ``n0 .. nk`` and the edges ``e1 .. ek`` between them (``len(edges) == k``)."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]

    def __len__(self) -> int:
        return len(self.edges)

    def __str__(self) -> str:
        parts = [self.nodes[0].name]
        for before, edge, after in zip(self.nodes, self.edges, self.nodes[1:], strict=False):
            label = edge.predicate.label
            arrow = f"-{label}->" if edge.subject == before.id else f"<-{label}-"
            parts += [arrow, after.name]
        return " ".join(parts)


class PathList(Table, list[Path]):
    """The paths found, shortest first; prints as a table."""

    def __init__(self, paths: list[Path], title: str = "") -> None:
        super().__init__(paths)
        self.title = title

    def headers(self) -> list[str]:
        """The columns: length and the path."""
        return ["length", "path"]

    def rows(self) -> list[list[object]]:
        """One row per path."""
        return [[len(p), str(p)] for p in self]


def _walks(kg: KnowledgeGraph, source: str, target: str, cutoff: int) -> Iterator[list[str]]:
    """Yield simple node walks from source to target, shortest first (breadth-first)."""
    graph = kg.nx
    frontier: list[list[str]] = [[source]]
    for _ in range(cutoff):
        following: list[list[str]] = []
        for walk in frontier:
            last = walk[-1]
            for nxt in sorted({*graph.successors(last), *graph.predecessors(last)}):
                if nxt in walk:
                    continue
                if nxt == target:
                    yield [*walk, nxt]
                else:
                    following.append([*walk, nxt])
        frontier = following
        if len(frontier) > 200_000:  # pragma: no cover - guard against hubs
            break


def find_paths(
    kg: KnowledgeGraph, source: str, target: str, cutoff: int = 3, limit: int = 20
) -> PathList:
    """Return up to ``limit`` shortest simple paths between two node ids.

    Parallel edges (the same pair joined with other qualifiers) give one path, through
    the first edge in key order.
    """
    graph = kg.nx
    found: list[Path] = []
    for walk in _walks(kg, source, target, cutoff):
        edges = []
        for a, b in pairwise(walk):
            data = graph.get_edge_data(a, b) or graph.get_edge_data(b, a)
            edges.append(data[min(data, key=str)]["edge"])
        found.append(Path(tuple(kg.node(n) for n in walk), tuple(edges)))
        if len(found) >= limit:
            break
    return PathList(found, title=f"paths from {kg.node(source).name} to {kg.node(target).name}")
