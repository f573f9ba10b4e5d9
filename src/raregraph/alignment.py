"""Align the nodes of a graph with ontology terms, and keep the mapping table.

:func:`align_graph` looks at every node and finds the term of the bundled ontology
that its category calls for (Disease -> MONDO, PhenotypicFeature and
GeneticInheritance -> HPO, AnatomicalEntity -> UBERON, Drug/Procedure/Treatment ->
the treatment vocabulary, Gene -> HGNC). A node whose id is already a term of that
ontology is aligned by id (obsolete ids follow their replacement); other nodes by
name, synonyms and, for diseases, ORPHA/OMIM/GARD/DOID xrefs. The term's id and its
own xrefs are added to the node's xrefs, so that one real disease or gene is found by
any of its ids, and every decision becomes an SSSOM :class:`Mapping`.

Examples
--------
>>> from raregraph.graph import KnowledgeGraph
>>> from raregraph.model import Category, Node
>>> kg = KnowledgeGraph()
>>> _ = kg.add_node(Node("ORPHA:3261", Category.DISEASE, "ALPS"))
>>> mappings = align_graph(kg)
>>> mappings[0].object_id, "GARD:8686" in kg.node("ORPHA:3261").xrefs
('MONDO:0017979', True)
>>> kg.resolve("GARD:8686").id
'ORPHA:3261'

"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from raregraph.errors import RaregraphError
from raregraph.graph import KnowledgeGraph
from raregraph.model import Category, Node
from raregraph.ontology import TermIndex, align, load
from raregraph.ontology.resolve import disease_candidates, resolve_gene, resolve_term
from raregraph.ontology.sssom import Mapping, mapping_from_candidate

__all__ = ["ONTOLOGY_FOR_CATEGORY", "align_graph", "align_node"]

#: The bundled ontology that each category is aligned with.
ONTOLOGY_FOR_CATEGORY: dict[Category, str] = {
    Category.DISEASE: "mondo",
    Category.PHENOTYPIC_FEATURE: "hp",
    Category.GENETIC_INHERITANCE: "hp",
    Category.ANATOMICAL_ENTITY: "uberon",
    Category.DRUG: "treatment",
    Category.PROCEDURE: "treatment",
    Category.TREATMENT: "treatment",
    Category.GENE: "hgnc",
}
_PREFIX_OF = {"mondo": "MONDO", "hp": "HP", "uberon": "UBERON", "hgnc": "HGNC"}
_ID_MATCH = "semapv:ManualMappingCuration"


def _terms(ontology: str) -> TermIndex:
    index = load(ontology)
    if not isinstance(index, TermIndex):  # pragma: no cover - only "hgnc" is a GeneIndex
        raise TypeError(f"{ontology} is not a term ontology")
    return index


def _by_id(node: Node, ontology: str) -> Mapping | None:
    """Align a node whose id (or an xref) already names a term of the ontology."""
    if ontology == "hgnc":
        for text in (node.id, *node.xrefs, node.symbol or ""):
            if not text:
                continue
            try:
                curie = resolve_gene(text)
            except RaregraphError:
                continue
            return Mapping(
                node.id,
                "skos:exactMatch",
                curie,
                "semapv:LexicalMatching",
                subject_label=node.name,
                object_label=load("hgnc")[curie].symbol,
                match_string=text,
                object_source="hgnc",
            )
        return None
    index = _terms(ontology)
    for curie in (node.id, *node.xrefs):
        try:
            current = resolve_term(curie)
        except RaregraphError:
            current = None
        if current is not None and current in index:
            return Mapping(
                node.id,
                "skos:exactMatch",
                current,
                _ID_MATCH,
                subject_label=node.name,
                object_label=index.label(current),
                match_string=curie,
                object_source=ontology,
            )
    if ontology == "mondo":
        for curie in (node.id, *node.xrefs):
            found = disease_candidates(curie)
            if len(found) == 1:
                return Mapping(
                    node.id,
                    "skos:exactMatch",
                    found[0],
                    "semapv:MappingChaining",
                    subject_label=node.name,
                    object_label=index.label(found[0]),
                    match_string=curie,
                    object_source="mondo",
                    comment=f"via the MONDO xref {curie}",
                )
    return None


def align_node(node: Node, *, fuzzy: bool = False) -> Mapping | None:
    """Return the best mapping of one node to its category's ontology, or ``None``."""
    ontology = ONTOLOGY_FOR_CATEGORY.get(node.category)
    if ontology is None:
        return None
    mapped = _by_id(node, ontology)
    if mapped is not None or ontology == "hgnc":
        return mapped
    for name in node.names:
        candidates = align(name, ontology, node.category.label, limit=2, fuzzy=fuzzy)
        if not candidates:
            continue
        best = candidates[0]
        tied = len(candidates) > 1 and candidates[1].score == best.score
        if tied and best.match_type == "fuzzy":
            continue
        return mapping_from_candidate(best, node.id, name)
    return None


def align_graph(
    kg: KnowledgeGraph,
    categories: Iterable[Category] | None = None,
    *,
    fuzzy: bool = False,
) -> list[Mapping]:
    """Align every node (of the given categories) and add the terms as xrefs.

    Only exact-match mappings (``skos:exactMatch``) add xrefs; related and fuzzy ones
    are kept in the mapping table for a curator. The table is stored on the graph
    (``kg.mappings``) and returned.
    """
    wanted = set(categories) if categories is not None else set(ONTOLOGY_FOR_CATEGORY)
    mappings: list[Mapping] = []
    for node in kg.nodes(wanted):
        mapping = align_node(node, fuzzy=fuzzy)
        if mapping is None:
            continue
        mappings.append(mapping)
        if mapping.predicate_id != "skos:exactMatch":
            continue
        xrefs = [mapping.object_id]
        ontology = ONTOLOGY_FOR_CATEGORY[node.category]
        if ontology == "hgnc":
            xrefs.extend(load("hgnc")[mapping.object_id].xrefs)
        else:
            term = _terms(ontology)[mapping.object_id]
            xrefs.extend(term.xrefs)
        kg.add_node(replace(node, synonyms=(), xrefs=tuple(xrefs), provided_by=()))
    kg.mappings = sorted(mappings, key=lambda m: (m.subject_id, m.object_id))
    return kg.mappings
