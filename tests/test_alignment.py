import pytest

from raregraph.errors import NotFoundError
from raregraph.graph import KnowledgeGraph
from raregraph.model import Category, Edge, Node, Predicate


@pytest.fixture(scope="module")
def aligned():
    kg = KnowledgeGraph()
    kg.add_node(Node("ORPHA:3261", Category.DISEASE, "Autoimmune lymphoproliferative syndrome"))
    kg.add_node(Node("raregraph:disease/fabry-disease", Category.DISEASE, "Fabry disease"))
    kg.add_node(Node("NCBIGene:355", Category.GENE, "FAS", symbol="FAS"))
    kg.add_node(Node("HP:0001744", Category.PHENOTYPIC_FEATURE, "Splenomegaly"))
    kg.add_node(Node("raregraph:phenotype/x", Category.PHENOTYPIC_FEATURE, "enlarged liver"))
    kg.add_node(Node("HP:0000057", Category.PHENOTYPIC_FEATURE, "an obsolete id"))
    kg.add_node(Node("raregraph:organ/spleen", Category.ANATOMICAL_ENTITY, "Spleen"))
    kg.add_node(Node("raregraph:tx/1", Category.PROCEDURE, "splenectomy"))
    kg.add_edge(Edge("ORPHA:3261", Predicate.CAUSED_BY, "NCBIGene:355"))
    kg.add_edge(Edge("ORPHA:3261", Predicate.HAS_PHENOTYPE, "HP:0001744"))
    kg.add_node(Node("HP:0001903", Category.PHENOTYPIC_FEATURE, "Anemia"))
    kg.add_edge(Edge("raregraph:disease/fabry-disease", Predicate.HAS_PHENOTYPE, "HP:0001903"))
    kg.align()
    return kg


def test_align_adds_ontology_ids_and_their_xrefs(aligned):
    alps = aligned.node("ORPHA:3261")
    assert "MONDO:0017979" in alps.xrefs and "GARD:8686" in alps.xrefs
    assert aligned.resolve("GARD:8686").id == "ORPHA:3261"
    assert "HGNC:11920" in aligned.node("NCBIGene:355").xrefs
    assert aligned.resolve("HGNC:11920").id == "NCBIGene:355"
    fabry = aligned.node("raregraph:disease/fabry-disease")
    assert any(x.startswith("MONDO:") for x in fabry.xrefs)
    assert "HP:0002240" in aligned.node("raregraph:phenotype/x").xrefs  # hepatomegaly
    assert "HP:0008665" in aligned.node("HP:0000057").xrefs  # obsolete -> replacement
    assert "UBERON:0002106" in aligned.node("raregraph:organ/spleen").xrefs
    assert "MAXO:0001077" in aligned.node("raregraph:tx/1").xrefs


def test_mapping_table_and_sssom(aligned, tmp_path):
    by_subject = {m.subject_id: m for m in aligned.mappings}
    assert by_subject["ORPHA:3261"].object_id == "MONDO:0017979"
    assert by_subject["raregraph:phenotype/x"].predicate_id == "skos:exactMatch"
    out = tmp_path / "mappings.sssom.tsv"
    aligned.to_sssom(out)
    text = out.read_text(encoding="utf-8")
    assert "MONDO:0017979" in text and "#curie_map:" in text


def test_hierarchy_aware_queries_use_the_bundled_hpo(aligned):
    # HP:0001871 abnormality of blood and blood-forming tissues covers anemia
    blood = aligned.diseases(phenotype="HP:0001871", include_descendants=True)
    assert [d.id for d in blood] == ["raregraph:disease/fabry-disease"]
    assert aligned.diseases(phenotype="HP:0001871") == []
    # HP:0002715 abnormality of the immune system covers splenomegaly (HPO 2025-01-16)
    immune = aligned.diseases(phenotype="HP:0002715", include_descendants=True)
    assert [d.id for d in immune] == ["ORPHA:3261"]
    with pytest.raises(NotFoundError):
        aligned.diseases(gene="HGNC:1", include_descendants=True)
