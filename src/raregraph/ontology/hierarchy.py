"""A subsumption hierarchy over ontology terms, backed by a networkx DiGraph.

Edges point from child to parent. Ancestor sets are memoized; descendant sets of the
most recently asked terms too.

Examples
--------
>>> h = Hierarchy([("HP:3", "HP:2"), ("HP:2", "HP:1")])
>>> sorted(h.ancestors("HP:3"))
['HP:1', 'HP:2']
>>> sorted(h.descendants("HP:1"))
['HP:2', 'HP:3']
>>> h.is_a("HP:3", "HP:1"), h.is_a("HP:1", "HP:3")
(True, False)

"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable

import networkx as nx

__all__ = ["Hierarchy"]


class Hierarchy:
    """Ancestors, descendants and subsumption over ``(child, parent)`` edges.

    Parameters
    ----------
    edges:
        ``(child, parent)`` pairs.
    nodes:
        Extra nodes without edges (roots and isolated terms).
    relation:
        Name of the relation the edges stand for, e.g. ``"is_a"``; stored on each edge.

    """

    def __init__(
        self,
        edges: Iterable[tuple[str, str]],
        nodes: Iterable[str] = (),
        relation: str = "is_a",
        memo_size: int = 2048,
    ) -> None:
        graph: nx.DiGraph[str] = nx.DiGraph()
        graph.add_nodes_from(nodes)
        graph.add_edges_from(edges, relation=relation)
        self.graph = graph
        self.relation = relation
        self._ancestors: dict[str, frozenset[str]] = {}
        self._descendants: OrderedDict[str, frozenset[str]] = OrderedDict()
        self._memo_size = memo_size

    def __contains__(self, curie: object) -> bool:
        return curie in self.graph

    def parents(self, curie: str) -> list[str]:
        """Return the direct parents of ``curie`` (empty for unknown terms).

        >>> Hierarchy([("a:1", "a:0")]).parents("a:1")
        ['a:0']
        """
        return sorted(self.graph.successors(curie)) if curie in self.graph else []

    def children(self, curie: str) -> list[str]:
        """Return the direct children of ``curie`` (empty for unknown terms).

        >>> Hierarchy([("a:1", "a:0")]).children("a:0")
        ['a:1']
        """
        return sorted(self.graph.predecessors(curie)) if curie in self.graph else []

    def ancestors(self, curie: str) -> frozenset[str]:
        """Return every term above ``curie`` (not ``curie`` itself).

        >>> sorted(Hierarchy([("a:2", "a:1"), ("a:1", "a:0")]).ancestors("a:2"))
        ['a:0', 'a:1']
        """
        found = self._ancestors.get(curie)
        if found is None:
            found = (
                frozenset(nx.descendants(self.graph, curie)) if curie in self.graph else frozenset()
            )
            self._ancestors[curie] = found
        return found

    def descendants(self, curie: str) -> frozenset[str]:
        """Return every term below ``curie`` (not ``curie`` itself).

        >>> sorted(Hierarchy([("a:2", "a:1"), ("a:1", "a:0")]).descendants("a:0"))
        ['a:1', 'a:2']
        """
        found = self._descendants.get(curie)
        if found is not None:
            self._descendants.move_to_end(curie)
            return found
        found = frozenset(nx.ancestors(self.graph, curie)) if curie in self.graph else frozenset()
        self._descendants[curie] = found
        if len(self._descendants) > self._memo_size:
            self._descendants.popitem(last=False)
        return found

    def is_a(self, child: str, parent: str) -> bool:
        """Tell whether ``child`` is ``parent`` or lies below it (reflexive subsumption).

        >>> h = Hierarchy([("a:1", "a:0")])
        >>> h.is_a("a:1", "a:0"), h.is_a("a:0", "a:0"), h.is_a("a:0", "a:1")
        (True, True, False)
        """
        return child == parent or parent in self.ancestors(child)
