"""Identity across sources: which nodes of two graphs are the same disease.

HPO annotates OMIM, ORPHA and DECIPHER entries; a GARD page names a disease in words.
raregraph keeps each curated entry as its own node (so ``kg.diseases(gene="FAS")``
answers with the ids HPO uses) and joins them through MONDO:

* :func:`add_mondo_xrefs` gives every disease node the MONDO terms that carry its id as
  an xref, and the OMIM, ORPHA and GARD ids of those terms, so ``kg.resolve("MONDO:0017979")``,
  ``kg.resolve("GARD:8686")`` and the OMIM id of an ORPHA entry find the node.
* :func:`merge_text_graph` merges a text-derived graph into a curated one. The rule: the
  text disease (``raregraph:disease/<slug>``, a GARD id or a MONDO id) is mapped to MONDO
  terms by its id and xrefs, else by its exact name or synonyms (MONDO labels and
  synonyms, ignoring case and punctuation); its statements are attached to **every
  curated disease node that carries exactly that MONDO term** (ORPHA:3261 for the ALPS
  page: OMIM:601859 is MONDO:0011158, the narrower type 1A, and is left alone). Without
  a MONDO match, curated nodes with exactly the same name are used. The text id is
  kept as an xref of each target and returned, so the mapping stays on record. A text
  disease that matches nothing stays a node of its own.

Every edge keeps its evidence: after the merge a curated node carries its curated edges
(``manual_agent``, ``infores:hpo-annotations``) and the text-mined ones
(``text_mining_agent``, ``infores:gard``) side by side; a statement made by both keeps
both pieces of evidence.

Examples
--------
>>> from raregraph.model import Category, Node
>>> kg = KnowledgeGraph()
>>> _ = kg.add_node(Node("ORPHA:3261", Category.DISEASE, "Autoimmune lymphoproliferative syndrome"))
>>> text = KnowledgeGraph()
>>> _ = text.add_node(Node("raregraph:disease/alps", Category.DISEASE,
...                        "Autoimmune lymphoproliferative syndrome"))
>>> merge_text_graph(kg, text, use_mondo=False)
{'raregraph:disease/alps': ('ORPHA:3261',)}
>>> kg.resolve("raregraph:disease/alps").id
'ORPHA:3261'

"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from raregraph.graph import KnowledgeGraph
from raregraph.model import Category, Edge, Node
from raregraph.text import normalize_name

if TYPE_CHECKING:
    from raregraph.ontology.index import TermIndex

__all__ = ["add_mondo_xrefs", "disease_mondo_terms", "merge_text_graph"]

#: The xref prefixes copied from a MONDO term onto the curated nodes it covers.
_SHARED_PREFIXES = ("MONDO:", "OMIM:", "ORPHA:", "GARD:", "DECIPHER:")


def _mondo() -> TermIndex:
    from raregraph.ontology.registry import load

    return load("mondo")


def add_mondo_xrefs(kg: KnowledgeGraph, mondo: TermIndex | None = None) -> int:
    """Give each disease node its MONDO terms and their OMIM/ORPHA/GARD ids as xrefs.

    Returns the number of nodes that gained an xref. ``mondo`` defaults to the bundled
    MONDO.
    """
    index = mondo if mondo is not None else _mondo()
    changed = 0
    for node in kg.nodes(Category.DISEASE):
        terms = disease_mondo_terms(node, index, by_name=False)
        if not terms:
            continue
        extra = set(terms)
        for term in terms:
            extra.update(x for x in index[term].xrefs if x.startswith(_SHARED_PREFIXES))
        extra.discard(node.id)
        if not extra.issubset(node.xrefs):
            kg.add_node(replace(node, xrefs=(*node.xrefs, *sorted(extra))))
            changed += 1
    return changed


def disease_mondo_terms(node: Node, mondo: TermIndex, *, by_name: bool = True) -> list[str]:
    """Return the MONDO terms of a disease node: by id, by xrefs, then by exact name.

    >>> from raregraph.ontology.registry import load
    >>> disease_mondo_terms(Node("GARD:8686", Category.DISEASE, "ALPS"), load("mondo"))
    ['MONDO:0017979']
    """
    if node.id.startswith("MONDO:") and node.id in mondo:
        return [mondo.resolve(node.id)]
    for curie in (node.id, *node.xrefs):
        if curie.startswith("MONDO:") and curie in mondo:
            return [mondo.resolve(curie)]
        found = mondo.by_xref(curie)
        if found:
            return found
    if not by_name:
        return []
    # tiers: the node's name as a MONDO label, then as an EXACT synonym, then any of
    # its names as any label or synonym; the first tier that matches gives the answer
    name = normalize_name(node.name)
    names = {normalize_name(text) for text in node.names}
    tiers: tuple[set[str], set[str], set[str]] = (set(), set(), set())
    for form in mondo.surface_forms():
        key = normalize_name(form.text)
        if key not in names:
            continue
        if key == name and form.kind == "label":
            tiers[0].add(form.curie)
        elif key == name and form.scope == "EXACT":
            tiers[1].add(form.curie)
        else:
            tiers[2].add(form.curie)
    for tier in tiers:
        if tier:
            return sorted(tier)
    return []


def _targets(kg: KnowledgeGraph, node: Node, mondo: TermIndex | None) -> tuple[str, ...]:
    if node.id in kg:
        return (node.id,)
    if mondo is not None:
        hits = {
            found.id
            for term in disease_mondo_terms(node, mondo)
            for found in kg.find(term, Category.DISEASE)
            if term in found.xrefs
        }
        if hits:
            return tuple(sorted(hits))
    wanted = {normalize_name(node.name)}
    hits = {
        found.id
        for found in kg.find(node.name, Category.DISEASE)
        if normalize_name(found.name) in wanted
    }
    return tuple(sorted(hits))


def merge_text_graph(
    kg: KnowledgeGraph,
    text: KnowledgeGraph,
    *,
    use_mondo: bool = True,
    mondo: TermIndex | None = None,
) -> dict[str, tuple[str, ...]]:
    """Merge ``text`` into ``kg``, landing text diseases on the curated nodes.

    Returns ``{text disease id: curated ids it was attached to}`` for every text disease
    that found curated nodes (see the module docstring for the rule). All other nodes
    and edges merge as in :meth:`KnowledgeGraph.merge`, evidence kept.
    """
    index = mondo if mondo is not None else (_mondo() if use_mondo else None)
    mapping: dict[str, tuple[str, ...]] = {}
    for node in text.nodes(Category.DISEASE):
        targets = _targets(kg, node, index)
        if targets and targets != (node.id,):
            mapping[node.id] = targets
    for node in text:
        if node.id not in mapping:
            kg.add_node(node)
            continue
        for target in mapping[node.id]:
            curated = kg.node(target)
            kg.add_node(
                Node(
                    target,
                    Category.DISEASE,
                    curated.name,
                    synonyms=node.names,
                    xrefs=(node.id, *node.xrefs),
                    provided_by=node.provided_by,
                    description=node.description,
                )
            )
    kg.add_edges(_retarget(text.edges(), mapping))
    return mapping


def _retarget(edges: Iterable[Edge], mapping: dict[str, tuple[str, ...]]) -> Iterable[Edge]:
    for edge in edges:
        for subject in mapping.get(edge.subject, (edge.subject,)):
            yield replace(edge, subject=subject) if subject != edge.subject else edge
