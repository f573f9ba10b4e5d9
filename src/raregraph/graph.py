"""`KnowledgeGraph`: the one core type of raregraph.

A :class:`KnowledgeGraph` stores typed :class:`~raregraph.model.Node` objects and
:class:`~raregraph.model.Edge` objects in a networkx ``MultiDiGraph`` keyed by
predicate, keeps look-up indexes (ids, names, synonyms, symbols, xrefs) and answers
questions with methods named after them.

Examples
--------
>>> from raregraph.model import Category, Edge, Node, Predicate
>>> kg = KnowledgeGraph()
>>> _ = kg.add_node(Node("ORPHA:3261", Category.DISEASE, "Autoimmune lymphoproliferative syndrome",
...                      synonyms=("ALPS",)))
>>> _ = kg.add_node(Node("HGNC:11920", Category.GENE, "FAS", symbol="FAS"))
>>> _ = kg.add_edge(Edge("ORPHA:3261", Predicate.CAUSED_BY, "HGNC:11920"))
>>> [d.id for d in kg.diseases(gene="fas")]
['ORPHA:3261']
>>> [g.symbol for g in kg.genes(disease="alps")]
['FAS']

"""

from __future__ import annotations

import difflib
import functools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from os import PathLike
from typing import TYPE_CHECKING, Any, TypeVar

import networkx as nx

from raregraph.curie import is_curie, normalize_curie
from raregraph.errors import (
    AmbiguousNameError,
    NodeConflictError,
    NotFoundError,
    SchemaError,
)
from raregraph.model import (
    ALLOWED,
    TREATMENT_CATEGORIES,
    Category,
    Edge,
    Node,
    Predicate,
    Qualifiers,
)
from raregraph.text import normalize_name

#: :func:`normalize_name`, memoized for indexing: graphs share most names (terms, ids).
_normalized = functools.lru_cache(maxsize=1 << 16)(normalize_name)

if TYPE_CHECKING:  # pragma: no cover
    from raregraph.ontology.sssom import Mapping
    from raregraph.query.filters import EdgeFilter
    from raregraph.query.paths import PathList
    from raregraph.query.results import QueryResult

__all__ = ["KnowledgeGraph"]

GENE_PREDICATES = frozenset({Predicate.CAUSED_BY, Predicate.CONDITION_ASSOCIATED_WITH_GENE})

#: Prefixes whose hierarchy the bundled ontologies provide (loaded on first use).
_BUNDLED_HIERARCHIES = frozenset({"HP", "MONDO", "UBERON", "MAXO", "CHEBI", "MESH"})

#: diseases() keyword -> (predicates that join a disease to it, categories it may name)
_DISEASE_FILTERS: dict[str, tuple[frozenset[Predicate], frozenset[Category]]] = {
    "gene": (GENE_PREDICATES, frozenset({Category.GENE})),
    "phenotype": (
        frozenset({Predicate.HAS_PHENOTYPE}),
        frozenset({Category.PHENOTYPIC_FEATURE}),
    ),
    "inheritance": (
        frozenset({Predicate.HAS_MODE_OF_INHERITANCE}),
        frozenset({Category.GENETIC_INHERITANCE}),
    ),
    "organ": (frozenset({Predicate.DISEASE_HAS_LOCATION}), frozenset({Category.ANATOMICAL_ENTITY})),
    "treatment": (frozenset({Predicate.TREATED_BY}), TREATMENT_CATEGORIES),
}

#: A function that maps a term CURIE to the CURIEs below it (for hierarchy-aware queries).
DescendantsFunction = Callable[[str], Iterable[str]]

T = TypeVar("T")


class KnowledgeGraph:
    """A typed, ontology-aligned rare-disease knowledge graph.

    Parameters
    ----------
    name:
        A label for the graph (shown by :meth:`stats`).

    Notes
    -----
    Nodes are created through :meth:`add_node` (which merges with an existing node of
    the same id) and edges through :meth:`add_edge` (which checks the model's allowed
    triples and merges evidence of the same statement). ``kg.nx`` is the underlying
    ``networkx.MultiDiGraph``: node attribute ``"node"`` holds the :class:`Node`, edge
    attribute ``"edge"`` the :class:`Edge`, and the edge key is :attr:`Edge.key`.
    Treat it as read-only; change the graph through the methods.

    """

    def __init__(self, name: str = "raregraph") -> None:
        self.name = name
        self._g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
        self._by_name: dict[str, set[str]] = {}
        self._by_xref: dict[str, set[str]] = {}
        self._descendants: dict[str, DescendantsFunction] = {}
        #: The SSSOM mappings made by :meth:`align` (empty until it runs).
        self.mappings: list[Mapping] = []
        self._revision = 0
        self._derived: dict[str, tuple[int, object]] = {}

    # ------------------------------------------------------------------ storage
    @property
    def nx(self) -> nx.MultiDiGraph[str]:
        """The underlying networkx ``MultiDiGraph`` (for users' own algorithms)."""
        return self._g

    def __len__(self) -> int:
        return int(self._g.number_of_nodes())

    def __iter__(self) -> Iterator[Node]:
        nodes = self._g.nodes
        for node_id in self._g:
            yield nodes[node_id]["node"]

    def __contains__(self, node_id: object) -> bool:
        return isinstance(node_id, str) and node_id in self._g

    def __repr__(self) -> str:
        return (
            f"<KnowledgeGraph {self.name!r}: {self._g.number_of_nodes()} nodes, "
            f"{self._g.number_of_edges()} edges>"
        )

    @property
    def revision(self) -> int:
        """A counter that grows with every change to the graph (for caches built on it)."""
        return self._revision

    def derived(self, key: str, build: Callable[[KnowledgeGraph], T]) -> T:
        """Return ``build(self)``, cached under ``key`` until the graph changes.

        Query helpers keep their indexes here (the RDF view, the ranking tables).

        >>> kg = KnowledgeGraph()
        >>> kg.derived("size", len), kg.derived("size", lambda g: -1)
        (0, 0)
        """
        cached = self._derived.get(key)
        if cached is not None and cached[0] == self._revision:
            return cached[1]  # type: ignore[return-value]
        value = build(self)
        self._derived[key] = (self._revision, value)
        return value

    def add_node(self, node: Node, *, strict: bool = False) -> Node:
        """Add a node, or merge it into the node of the same id; return the stored node.

        Merging keeps the existing name and adds a differing name as a synonym
        (``strict=True`` raises :class:`NodeConflictError` instead). Categories must
        agree.

        >>> kg = KnowledgeGraph()
        >>> _ = kg.add_node(Node("HP:0001744", Category.PHENOTYPIC_FEATURE, "Splenomegaly"))
        >>> kg.add_node(Node("HP:0001744", Category.PHENOTYPIC_FEATURE, "Enlarged spleen")).synonyms
        ('Enlarged spleen',)
        """
        existing: Node | None = self._g.nodes[node.id]["node"] if node.id in self._g else None
        if existing is not None:
            if existing.category is not node.category:
                raise NodeConflictError(
                    f"{node.id} is a {existing.category.label} ({existing.name!r}); "
                    f"cannot add it again as a {node.category.label} ({node.name!r})"
                )
            if strict and normalize_name(existing.name) != normalize_name(node.name):
                raise NodeConflictError(
                    f"{node.id} is named {existing.name!r} here and {node.name!r} in the input"
                )
            node = existing.merged_with(node)
            if node == existing:
                return existing
        self._g.add_node(node.id, node=node)
        self._index(node)
        self._revision += 1
        return node

    def add_edge(self, edge: Edge) -> Edge:
        """Add an edge, or merge its evidence into the same statement; return the stored edge.

        Both ends must already be in the graph, and their categories must be allowed for
        the predicate (:data:`raregraph.model.ALLOWED`), else :class:`SchemaError`.
        """
        subject = self._stored(edge.subject, role="subject")
        obj = self._stored(edge.object, role="object")
        allowed_subjects, allowed_objects = ALLOWED[edge.predicate]
        if subject.category not in allowed_subjects or obj.category not in allowed_objects:
            raise SchemaError(
                f"{edge.predicate.curie} cannot join a {subject.category.label} "
                f"({subject.id}) to a {obj.category.label} ({obj.id})"
            )
        key = edge.key
        current = self._g.get_edge_data(edge.subject, edge.object, key)
        if current is not None:
            edge = current["edge"].with_evidence(edge.evidence)
        self._g.add_edge(edge.subject, edge.object, key=key, edge=edge)
        self._revision += 1
        return edge

    def add_edges(self, edges: Iterable[Edge]) -> int:
        """Add many edges: the same schema check and merge as :meth:`add_edge`, faster.

        Node categories and edge keys are looked up once per node and per qualifier
        set instead of once per edge, and repeats within the batch are merged before
        they reach networkx, which matters for sources with 100,000s of edges.
        Returns the number of distinct statements in the batch.

        >>> kg = KnowledgeGraph()
        >>> _ = kg.add_node(Node("ORPHA:3261", Category.DISEASE, "ALPS"))
        >>> _ = kg.add_node(Node("HP:0001744", Category.PHENOTYPIC_FEATURE, "Splenomegaly"))
        >>> kg.add_edges([Edge("ORPHA:3261", Predicate.HAS_PHENOTYPE, "HP:0001744")] * 2)
        1
        """
        graph = self._g
        categories: dict[str, Category] = {}
        keys: dict[tuple[Predicate, Qualifiers], str] = {}
        batch: dict[tuple[str, str, str], Edge] = {}
        for edge in edges:
            subject_category = categories.get(edge.subject)
            if subject_category is None:
                subject_category = categories[edge.subject] = self._stored(
                    edge.subject, role="subject"
                ).category
            object_category = categories.get(edge.object)
            if object_category is None:
                object_category = categories[edge.object] = self._stored(
                    edge.object, role="object"
                ).category
            allowed_subjects, allowed_objects = ALLOWED[edge.predicate]
            if subject_category not in allowed_subjects or object_category not in allowed_objects:
                raise SchemaError(
                    f"{edge.predicate.curie} cannot join a {subject_category.label} "
                    f"({edge.subject}) to a {object_category.label} ({edge.object})"
                )
            key_of = (edge.predicate, edge.qualifiers)
            key = keys.get(key_of)
            if key is None:
                key = keys[key_of] = edge.key
            triple = (edge.subject, edge.object, key)
            seen = batch.get(triple)
            batch[triple] = edge if seen is None else seen.with_evidence(edge.evidence)
        check = next(iter(graph.edges), None) is not None  # any edge yet (O(1), not a count)
        for (subject, obj, key), edge in batch.items():
            current = graph.get_edge_data(subject, obj, key) if check else None
            if current is not None:
                current["edge"] = current["edge"].with_evidence(edge.evidence)
            else:
                graph.add_edge(subject, obj, key=key, edge=edge)
        self._revision += 1
        return len(batch)

    def merge(self, other: KnowledgeGraph) -> KnowledgeGraph:
        """Add every node and edge of ``other`` to this graph (evidence is kept); return self."""
        for node in other:
            self.add_node(node)
        for edge in other.edges():
            self.add_edge(edge)
        for prefix, function in other._descendants.items():
            self._descendants.setdefault(prefix, function)
        return self

    def _stored(self, node_id: str, *, role: str) -> Node:
        try:
            node: Node = self._g.nodes[node_id]["node"]
        except KeyError:
            raise SchemaError(f"the edge {role} {node_id} is not a node of the graph") from None
        return node

    def _index(self, node: Node) -> None:
        for text in (node.id, *node.names, *node.xrefs):
            self._by_name.setdefault(_normalized(text), set()).add(node.id)
        for xref in node.xrefs:
            self._by_xref.setdefault(xref, set()).add(node.id)

    # ------------------------------------------------------------------ look-ups
    def node(self, node_id: str) -> Node:
        """Return the node with this exact id; raise :class:`NotFoundError` if absent."""
        try:
            found: Node = self._g.nodes[node_id]["node"]
        except KeyError:
            raise NotFoundError(f"no node with id {node_id!r} in the graph") from None
        return found

    def find(self, text: str, category: Category | Iterable[Category] | None = None) -> list[Node]:
        """Return every node whose id, xref, name, synonym or symbol matches ``text``.

        Matching ignores case and punctuation. ``category`` narrows the result.
        """
        categories = _as_category_set(category)
        ids: set[str] = set()
        if is_curie(text):
            curie = normalize_curie(text)
            if curie in self._g:
                ids.add(curie)
            ids |= self._by_xref.get(curie, set())
        ids |= self._by_name.get(normalize_name(text), set())
        found = [self._g.nodes[i]["node"] for i in sorted(ids)]
        return [n for n in found if categories is None or n.category in categories]

    def resolve(self, text: str, category: Category | Iterable[Category] | None = None) -> Node:
        """Return the one node that ``text`` names; raise if none or several do.

        An unknown name raises :class:`NotFoundError` with close names as suggestions;
        a name shared by several nodes raises :class:`AmbiguousNameError` listing them.
        An exact id wins over names.
        """
        found = self.find(text, category)
        if is_curie(text):
            exact = [n for n in found if n.id == normalize_curie(text)]
            if exact:
                return exact[0]
        if len(found) == 1:
            return found[0]
        if found:
            raise AmbiguousNameError(text, [f"{n.id} ({n.name})" for n in found])
        categories = _as_category_set(category)
        kinds = "/".join(sorted(c.label for c in categories)) if categories else "node"
        close = difflib.get_close_matches(normalize_name(text), list(self._by_name), n=5)
        hint = ""
        if close:
            names = sorted({self._g.nodes[i]["node"].name for c in close for i in self._by_name[c]})
            hint = "; did you mean " + ", ".join(repr(n) for n in names[:5]) + "?"
        raise NotFoundError(f"no {kinds} named {text!r} in the graph{hint}")

    def nodes(self, category: Category | Iterable[Category] | None = None) -> list[Node]:
        """Return the nodes, optionally of one or more categories, sorted by id."""
        categories = _as_category_set(category)
        return sorted(
            (n for n in self if categories is None or n.category in categories),
            key=lambda n: n.id,
        )

    def edges(
        self,
        subject: str | None = None,
        predicate: Predicate | Iterable[Predicate] | None = None,
        object: str | None = None,
    ) -> Iterator[Edge]:
        """Iterate over edges, optionally only those with this subject/predicate/object.

        ``subject`` and ``object`` are node ids (use :meth:`resolve` for names).
        """
        predicates = _as_predicate_set(predicate)
        if subject is not None:
            triples: Iterable[tuple[str, str, Any]] = self._g.out_edges(subject, data="edge")
        elif object is not None:
            triples = self._g.in_edges(object, data="edge")
        else:
            triples = self._g.edges(data="edge")
        for _, target, edge in triples:
            if object is not None and target != object:
                continue
            if predicates is None or edge.predicate in predicates:
                yield edge

    # ------------------------------------------------------------------ hierarchy
    def use_hierarchy(self, prefix: str, descendants: DescendantsFunction) -> None:
        """Make queries on ``prefix`` terms (e.g. ``"HP"``) aware of their subclasses.

        ``descendants(curie)`` must return the CURIEs below ``curie`` in the ontology.
        """
        self._descendants[prefix] = descendants
        self._revision += 1

    def _expand(self, node_id: str, include_descendants: bool) -> set[str]:
        ids = {node_id}
        if include_descendants:
            prefix = node_id.split(":", 1)[0]
            function = self._descendants.get(prefix)
            if function is None and prefix in _BUNDLED_HIERARCHIES:
                from raregraph.ontology import descendants

                function = self._descendants[prefix] = descendants
            if function is None:
                raise NotFoundError(
                    f"no ontology hierarchy is known for {node_id}; "
                    "call kg.use_hierarchy(prefix, descendants_function) first"
                )
            ids.update(function(node_id))
        return ids

    # ------------------------------------------------------------------ alignment
    def align(
        self, categories: Iterable[Category] | None = None, *, fuzzy: bool = False
    ) -> list[Mapping]:
        """Align every node with the bundled ontologies; add the terms' ids as xrefs.

        Diseases go to MONDO, phenotypes and modes of inheritance to HPO, organs to
        UBERON, treatments to the treatment vocabulary, genes to HGNC. Returns the
        mapping table (also kept as ``kg.mappings``); see :mod:`raregraph.alignment`.
        """
        from raregraph.alignment import align_graph

        return align_graph(self, categories, fuzzy=fuzzy)

    def to_sssom(self, path: str | PathLike[str]) -> None:
        """Write the mapping table of :meth:`align` as SSSOM TSV to ``path``."""
        from raregraph.ontology.sssom import to_sssom

        to_sssom(self.mappings, path)

    # ------------------------------------------------------------------ queries
    def diseases(
        self,
        *,
        gene: str | None = None,
        phenotype: str | None = None,
        inheritance: str | None = None,
        organ: str | None = None,
        treatment: str | None = None,
        include_descendants: bool = False,
        include_negated: bool = False,
        min_percentage: float | None = None,
        source: str | None = None,
        agent_type: str | None = None,
        curated_only: bool = False,
        text_mined_only: bool = False,
    ) -> QueryResult:
        """Return the diseases linked to every given gene, phenotype, mode, organ, treatment.

        Each filter is a name, symbol, synonym or CURIE. With ``include_descendants``
        a term also matches its subterms (needs :meth:`use_hierarchy`). Negated edges
        ("does not cause seizures") never count unless ``include_negated``.
        With no filter, every disease is returned.

        The edge filters ``min_percentage``, ``source`` (an ``infores:`` CURIE or a
        document id), ``agent_type``, ``curated_only`` and ``text_mined_only`` limit
        which statements count (see :mod:`raregraph.query.filters`). The result is a
        :class:`~raregraph.query.results.QueryResult`: a list of nodes that prints as a
        table.
        """
        from raregraph.query.results import QueryResult

        where = _edge_filter(
            min_percentage, source, agent_type, curated_only, text_mined_only, include_negated
        )
        asked = {
            "gene": gene,
            "phenotype": phenotype,
            "inheritance": inheritance,
            "organ": organ,
            "treatment": treatment,
        }
        filters = [
            (text, *_DISEASE_FILTERS[keyword])
            for keyword, text in asked.items()
            if text is not None
        ]
        if not filters:
            if where.is_trivial():
                return QueryResult(self.nodes(Category.DISEASE), title="diseases")
            ids = {e.subject for e in self.edges() if where(e)}
            return QueryResult((self._g.nodes[i]["node"] for i in sorted(ids)), title="diseases")
        result: set[str] | None = None
        for text, predicates, categories in filters:
            targets = self._expand(self._resolve_term(text, categories), include_descendants)
            hits = {
                edge.subject
                for target in targets
                if target in self._g
                for edge in self.edges(object=target, predicate=predicates)
                if where(edge)
            }
            result = hits if result is None else result & hits
        title = "diseases with " + ", ".join(text for text, _, _ in filters)
        return QueryResult((self._g.nodes[i]["node"] for i in sorted(result or ())), title=title)

    def _resolve_term(self, text: str, categories: frozenset[Category]) -> str:
        if is_curie(text):
            curie = normalize_curie(text)
            if curie not in self._g:
                found = self.find(curie, categories)
                return found[0].id if len(found) == 1 else curie
            return curie
        return self.resolve(text, categories).id

    def _objects(
        self,
        disease: str,
        predicates: frozenset[Predicate],
        where: EdgeFilter,
        what: str,
        under: str | None = None,
    ) -> QueryResult:
        from raregraph.query.results import QueryResult

        subject = self.resolve(disease, Category.DISEASE)
        ids = {
            edge.object
            for edge in self.edges(subject=subject.id, predicate=predicates)
            if where(edge)
        }
        if under is not None:
            categories = frozenset(ALLOWED[next(iter(predicates))][1])
            ids &= self._expand(self._resolve_term(under, categories), True)
        title = f"{what} of {subject.name}"
        return QueryResult((self._g.nodes[i]["node"] for i in sorted(ids)), title=title)

    def genes(
        self,
        *,
        disease: str,
        include_negated: bool = False,
        min_percentage: float | None = None,
        source: str | None = None,
        agent_type: str | None = None,
        curated_only: bool = False,
        text_mined_only: bool = False,
    ) -> QueryResult:
        """Return the genes that cause or are associated with ``disease``.

        The edge filters are those of :meth:`diseases`.
        """
        where = _edge_filter(
            min_percentage, source, agent_type, curated_only, text_mined_only, include_negated
        )
        return self._objects(disease, GENE_PREDICATES, where, "genes")

    def phenotypes(
        self,
        *,
        disease: str,
        include_negated: bool = False,
        under: str | None = None,
        min_percentage: float | None = None,
        source: str | None = None,
        agent_type: str | None = None,
        curated_only: bool = False,
        text_mined_only: bool = False,
    ) -> QueryResult:
        """Return the phenotypic features of ``disease`` (stated absences excluded).

        ``under`` keeps only the features at or below a term of the hierarchy (e.g.
        ``"HP:0001939"``, abnormality of metabolism). The edge filters are those of
        :meth:`diseases`: ``kg.phenotypes(disease="ALPS", min_percentage=50)``.
        """
        where = _edge_filter(
            min_percentage, source, agent_type, curated_only, text_mined_only, include_negated
        )
        predicates = frozenset({Predicate.HAS_PHENOTYPE})
        return self._objects(disease, predicates, where, "phenotypes", under)

    def inheritance(
        self,
        *,
        disease: str,
        source: str | None = None,
        agent_type: str | None = None,
        curated_only: bool = False,
        text_mined_only: bool = False,
    ) -> QueryResult:
        """Return the modes of inheritance of ``disease``."""
        where = _edge_filter(None, source, agent_type, curated_only, text_mined_only, False)
        predicates = frozenset({Predicate.HAS_MODE_OF_INHERITANCE})
        return self._objects(disease, predicates, where, "inheritance")

    def organs(
        self,
        *,
        disease: str,
        under: str | None = None,
        source: str | None = None,
        agent_type: str | None = None,
        curated_only: bool = False,
        text_mined_only: bool = False,
    ) -> QueryResult:
        """Return the anatomical entities that ``disease`` affects (``under`` as in phenotypes)."""
        where = _edge_filter(None, source, agent_type, curated_only, text_mined_only, False)
        predicates = frozenset({Predicate.DISEASE_HAS_LOCATION})
        return self._objects(disease, predicates, where, "organs", under)

    def treatments(
        self,
        *,
        disease: str,
        category: Category | Iterable[Category] | None = None,
        source: str | None = None,
        agent_type: str | None = None,
        curated_only: bool = False,
        text_mined_only: bool = False,
    ) -> QueryResult:
        """Return the drugs, procedures and other treatments of ``disease``.

        ``category`` keeps one kind: ``kg.treatments(disease="ALPS", category=Category.DRUG)``.
        """
        where = _edge_filter(None, source, agent_type, curated_only, text_mined_only, False)
        found = self._objects(disease, frozenset({Predicate.TREATED_BY}), where, "treatments")
        categories = _as_category_set(category)
        if categories is None:
            return found
        return found.of_category(*categories)

    # ------------------------------------------------------------------ exploring
    def neighbors(
        self,
        node: str,
        *,
        predicate: Predicate | Iterable[Predicate] | None = None,
        category: Category | Iterable[Category] | None = None,
        include_negated: bool = False,
        min_percentage: float | None = None,
        source: str | None = None,
        agent_type: str | None = None,
        curated_only: bool = False,
        text_mined_only: bool = False,
    ) -> QueryResult:
        """Return the nodes joined to ``node`` by an edge in either direction.

        ``node`` is a name or id; ``predicate`` and ``category`` narrow the edges and the
        neighbours; the edge filters are those of :meth:`diseases`.

        >>> from raregraph.model import Category, Edge, Node, Predicate
        >>> kg = KnowledgeGraph()
        >>> _ = kg.add_node(Node("ORPHA:3261", Category.DISEASE, "ALPS"))
        >>> _ = kg.add_node(Node("HGNC:11920", Category.GENE, "FAS", symbol="FAS"))
        >>> _ = kg.add_edge(Edge("ORPHA:3261", Predicate.CAUSED_BY, "HGNC:11920"))
        >>> kg.neighbors("FAS").ids
        ['ORPHA:3261']
        """
        from raregraph.query.results import QueryResult

        where = _edge_filter(
            min_percentage, source, agent_type, curated_only, text_mined_only, include_negated
        )
        center = self.resolve(node)
        predicates = _as_predicate_set(predicate)
        categories = _as_category_set(category)
        ids: set[str] = set()
        for edge in (*self.edges(subject=center.id), *self.edges(object=center.id)):
            if (predicates is None or edge.predicate in predicates) and where(edge):
                ids.add(edge.object if edge.subject == center.id else edge.subject)
        found = (self._g.nodes[i]["node"] for i in sorted(ids))
        return QueryResult(
            (n for n in found if categories is None or n.category in categories),
            title=f"neighbours of {center.name}",
        )

    def paths(self, source: str, target: str, *, cutoff: int = 3, limit: int = 20) -> PathList:
        """Return up to ``limit`` shortest paths between two nodes (edges in either direction).

        Each path is a :class:`raregraph.query.paths.Path` of nodes and the edges between
        them; it prints as ``FAS <-caused_by- ALPS -has_phenotype-> Splenomegaly``.
        Paths longer than ``cutoff`` edges are not searched.
        """
        from raregraph.query.paths import find_paths

        return find_paths(self, self.resolve(source).id, self.resolve(target).id, cutoff, limit)

    def subgraph(self, node: str, depth: int = 1) -> KnowledgeGraph:
        """Return a new graph of ``node`` and everything within ``depth`` edges of it.

        >>> from raregraph.model import Category, Edge, Node, Predicate
        >>> kg = KnowledgeGraph()
        >>> _ = kg.add_node(Node("ORPHA:3261", Category.DISEASE, "ALPS"))
        >>> _ = kg.add_node(Node("HGNC:11920", Category.GENE, "FAS", symbol="FAS"))
        >>> _ = kg.add_edge(Edge("ORPHA:3261", Predicate.CAUSED_BY, "HGNC:11920"))
        >>> kg.subgraph("ALPS")
        <KnowledgeGraph 'ALPS (depth 1)': 2 nodes, 1 edges>
        """
        center = self.resolve(node)
        undirected = self._g.to_undirected(as_view=True)
        keep = nx.single_source_shortest_path_length(undirected, center.id, cutoff=depth)
        part = KnowledgeGraph(name=f"{center.name} (depth {depth})")
        for node_id in sorted(keep):
            part.add_node(self._g.nodes[node_id]["node"])
        part.add_edges(e for n in sorted(keep) for e in self.edges(subject=n) if e.object in keep)
        part._descendants.update(self._descendants)
        return part

    # ------------------------------------------------------------------ asking
    def ask(self, question: str) -> Any:
        """Answer a question in raregraph's plain query language (see ``docs/query.md``).

        ``kg.ask("diseases involving gene FAS")``, ``kg.ask("phenotypes of ALPS")``,
        ``kg.ask("diseases inherited autosomal recessive with phenotype seizure")``.
        An unknown or ambiguous name raises :class:`~raregraph.errors.QueryError`
        listing the candidates.

        >>> from raregraph.model import Category, Edge, Node, Predicate
        >>> kg = KnowledgeGraph()
        >>> _ = kg.add_node(Node("ORPHA:3261", Category.DISEASE, "ALPS"))
        >>> _ = kg.add_node(Node("HGNC:11920", Category.GENE, "FAS", symbol="FAS"))
        >>> _ = kg.add_edge(Edge("ORPHA:3261", Predicate.CAUSED_BY, "HGNC:11920"))
        >>> kg.ask("diseases involving gene fas").ids
        ['ORPHA:3261']
        """
        from raregraph.query.language import ask

        return ask(self, question)

    def sparql(
        self, query: str, bindings: dict[str, object] | None = None, *, backend: str = "auto"
    ) -> Any:
        """Run a SPARQL query over the RDF view of the graph; values go in ``bindings``.

        Never paste values into the query text: ``kg.sparql("SELECT ?d WHERE { ?d
        biolink:caused_by ?g }", bindings={"g": "HGNC:11920"})``. The prefixes of
        :data:`raregraph.curie.PREFIX_MAP` (and ``rgv:``) are declared for you. See
        :mod:`raregraph.query.sparql`.
        """
        from raregraph.query.sparql import sparql

        return sparql(self, query, bindings, backend=backend)

    def rank_diseases(
        self,
        phenotypes: Iterable[str] = (),
        *,
        text: str | None = None,
        top: int = 10,
        ontology: Any = None,
    ) -> Any:
        """Rank diseases by phenotype similarity (Resnik, best-match average over HPO).

        ``phenotypes`` are HPO CURIEs or names; ``text`` is free text whose phenotype
        mentions are found by the extractor. Returns a
        :class:`~raregraph.query.ranking.Ranking` with the matched terms per disease.
        See :mod:`raregraph.query.ranking`.
        """
        from raregraph.query.ranking import rank_diseases

        return rank_diseases(self, phenotypes, text=text, top=top, ontology=ontology)

    def plot(
        self, node: str, depth: int = 1, *, backend: str = "matplotlib", **options: Any
    ) -> Any:
        """Draw the typed neighbourhood of ``node`` (colours by category, labelled edges).

        ``backend="matplotlib"`` returns the matplotlib ``Axes`` (``raregraph[plot]``);
        ``backend="html"`` returns an :class:`~raregraph.query.plot.HtmlView`, a
        self-contained interactive SVG page (``.save(path)``; shown inline in Jupyter).
        """
        from raregraph.query.plot import plot

        return plot(self, node, depth, backend=backend, **options)

    def stats(self) -> dict[str, Any]:
        """Return counts of nodes per category and edges per predicate.

        >>> KnowledgeGraph("empty").stats()["nodes"]
        0
        """
        categories = Counter(n.category.label for n in self)
        predicates = Counter(e.predicate.label for e in self.edges())
        negated = sum(1 for e in self.edges() if e.negated)
        return {
            "name": self.name,
            "nodes": self._g.number_of_nodes(),
            "edges": self._g.number_of_edges(),
            "negated_edges": negated,
            "nodes_by_category": dict(sorted(categories.items())),
            "edges_by_predicate": dict(sorted(predicates.items())),
        }


def _edge_filter(
    min_percentage: float | None,
    source: str | None,
    agent_type: str | None,
    curated_only: bool,
    text_mined_only: bool,
    include_negated: bool,
) -> EdgeFilter:
    from raregraph.query.filters import EdgeFilter

    return EdgeFilter.from_keywords(
        min_percentage=min_percentage,
        source=source,
        agent_type=agent_type,
        curated_only=curated_only,
        text_mined_only=text_mined_only,
        include_negated=include_negated,
    )


def _as_category_set(
    category: Category | Iterable[Category] | None,
) -> frozenset[Category] | None:
    if category is None:
        return None
    if isinstance(category, Category):
        return frozenset({category})
    return frozenset(category)


def _as_predicate_set(
    predicate: Predicate | Iterable[Predicate] | None,
) -> frozenset[Predicate] | None:
    if predicate is None:
        return None
    if isinstance(predicate, Predicate):
        return frozenset({predicate})
    return frozenset(predicate)
