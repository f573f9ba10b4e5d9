"""Compare sources: what the text states about a disease that curation lacks, and the reverse.

After :func:`raregraph.identity.merge_text_graph`, a disease node carries curated edges
and text-mined edges. :func:`compare_phenotypes` splits its phenotypes three ways:
stated only by text mining (``text_mining_agent`` evidence), only by curation (any
other agent), or by both. Negated statements ("does not cause ...") are left out on
both sides. Terms are compared by id; a text term that is a broader or narrower term
of a curated one is listed on its side (the report is for a curator to look at).

>>> from raregraph.model import AgentType, Category, Edge, Evidence, Node, Predicate
>>> kg = KnowledgeGraph()
>>> for node in (Node("ORPHA:1", Category.DISEASE, "D"),
...              Node("HP:1", Category.PHENOTYPIC_FEATURE, "a"),
...              Node("HP:2", Category.PHENOTYPIC_FEATURE, "b")):
...     _ = kg.add_node(node)
>>> text = Evidence("raregraph:document/x", "infores:gard", AgentType.TEXT_MINING_AGENT)
>>> hpo = Evidence("raregraph:document/y", "infores:hpo-annotations", AgentType.MANUAL_AGENT)
>>> _ = kg.add_edge(Edge("ORPHA:1", Predicate.HAS_PHENOTYPE, "HP:1", evidence=(text,)))
>>> _ = kg.add_edge(Edge("ORPHA:1", Predicate.HAS_PHENOTYPE, "HP:2", evidence=(hpo,)))
>>> report = compare_phenotypes(kg, "ORPHA:1")
>>> [n.id for n in report.text_only], [n.id for n in report.curated_only]
(['HP:1'], ['HP:2'])
"""

from __future__ import annotations

from dataclasses import dataclass

from raregraph.graph import KnowledgeGraph
from raregraph.model import AgentType, Category, Edge, Node, Predicate

__all__ = ["PhenotypeComparison", "compare_phenotypes", "format_comparison"]


@dataclass(frozen=True)
class PhenotypeComparison:
    """The phenotypes of ``diseases`` split by who states them (each list sorted by id)."""

    diseases: tuple[Node, ...]
    text_only: tuple[Node, ...]
    curated_only: tuple[Node, ...]
    both: tuple[Node, ...]


def _is_text_mined(edge: Edge) -> bool:
    return any(ev.agent_type is AgentType.TEXT_MINING_AGENT for ev in edge.evidence)


def _is_curated(edge: Edge) -> bool:
    return any(ev.agent_type is not AgentType.TEXT_MINING_AGENT for ev in edge.evidence)


def compare_phenotypes(kg: KnowledgeGraph, disease: str) -> PhenotypeComparison:
    """Compare text-mined and curated phenotypes of ``disease`` (a name or CURIE).

    A name shared by several disease nodes (an OMIM and an ORPHA entry of the same
    disease) compares their union; the nodes are listed in ``diseases``.
    """
    found = kg.find(disease, Category.DISEASE)
    nodes = found if found else [kg.resolve(disease, Category.DISEASE)]
    text: set[str] = set()
    curated: set[str] = set()
    for node in nodes:
        for edge in kg.edges(subject=node.id, predicate=Predicate.HAS_PHENOTYPE):
            if edge.negated:
                continue
            if _is_text_mined(edge):
                text.add(edge.object)
            if _is_curated(edge):
                curated.add(edge.object)

    def as_nodes(ids: set[str]) -> tuple[Node, ...]:
        return tuple(kg.node(i) for i in sorted(ids))

    return PhenotypeComparison(
        diseases=tuple(nodes),
        text_only=as_nodes(text - curated),
        curated_only=as_nodes(curated - text),
        both=as_nodes(text & curated),
    )


def format_comparison(report: PhenotypeComparison) -> str:
    """Render a comparison as plain text for the command line."""
    names = ", ".join(f"{n.id} ({n.name})" for n in report.diseases)
    lines = [f"disease: {names}"]
    for title, nodes in (
        ("stated by the text, not by curation", report.text_only),
        ("curated, not stated by the text", report.curated_only),
        ("stated by both", report.both),
    ):
        lines.append(f"{title}: {len(nodes)}")
        lines.extend(f"  {n.id}  {n.name}" for n in nodes)
    return "\n".join(lines)
