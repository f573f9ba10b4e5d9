import networkx as nx
import pytest

from helpers import DOC, evidence, small_graph
from raregraph.errors import (
    AmbiguousNameError,
    NodeConflictError,
    NotFoundError,
    RaregraphError,
    SchemaError,
)
from raregraph.graph import KnowledgeGraph
from raregraph.model import Category, Edge, Node, Predicate, Qualifiers


def ids(nodes):
    return [n.id for n in nodes]


def test_diseases_by_gene_symbol_id_alias_and_xref():
    kg = small_graph()
    expected = ["MONDO:0017979", "ORPHA:117"]
    assert ids(kg.diseases(gene="FAS")) == expected
    assert ids(kg.diseases(gene="fas")) == expected
    assert ids(kg.diseases(gene="CD95")) == expected
    assert ids(kg.diseases(gene="HGNC:11920")) == expected
    assert ids(kg.diseases(gene="NCBIGene:355")) == expected


def test_disease_lookups_ignore_case_and_punctuation():
    kg = small_graph()
    assert kg.resolve("canale smith SYNDROME").id == "MONDO:0017979"
    assert kg.resolve("Orphanet:3261").id == "MONDO:0017979"  # through xrefs
    assert kg.resolve("behcet disease").id == "ORPHA:117"  # accents folded
    assert [g.symbol for g in kg.genes(disease="ALPS")] == ["FAS"]


def test_queries_per_relation():
    kg = small_graph()
    assert ids(kg.phenotypes(disease="ALPS")) == ["HP:0001744"]
    assert ids(kg.phenotypes(disease="ALPS", include_negated=True)) == ["HP:0001250", "HP:0001744"]
    assert ids(kg.inheritance(disease="ALPS")) == ["HP:0000006"]
    assert ids(kg.organs(disease="ALPS")) == ["UBERON:0002106"]
    assert ids(kg.treatments(disease="ALPS")) == ["CHEBI:50858", "MAXO:0001077"]
    assert ids(kg.diseases(phenotype="enlarged spleen")) == ["MONDO:0017979"]
    assert kg.diseases(phenotype="Seizure") == []  # negated edges never count
    assert ids(kg.diseases(gene="FAS", treatment="steroids")) == ["MONDO:0017979"]
    assert ids(kg.diseases()) == ["MONDO:0017979", "ORPHA:117"]


def test_unknown_and_ambiguous_names_are_errors_with_candidates():
    kg = small_graph()
    with pytest.raises(NotFoundError, match="did you mean"):
        kg.genes(disease="Canale-Smyth syndrom")
    kg.add_node(Node("OMIM:601859", Category.DISEASE, "ALPS type IA", synonyms=("ALPS",)))
    with pytest.raises(AmbiguousNameError) as info:
        kg.genes(disease="ALPS")
    assert any("OMIM:601859" in c for c in info.value.candidates)
    assert isinstance(info.value, RaregraphError)


def test_add_node_merges_and_never_overwrites_names():
    kg = small_graph()
    merged = kg.add_node(
        Node("HP:0001744", Category.PHENOTYPIC_FEATURE, "Big spleen", xrefs=("UMLS:C0038002",))
    )
    assert merged.name == "Splenomegaly"
    assert "Big spleen" in merged.synonyms and "Enlarged spleen" in merged.synonyms
    assert kg.resolve("big spleen").id == "HP:0001744"
    with pytest.raises(NodeConflictError):
        kg.add_node(Node("HP:0001744", Category.PHENOTYPIC_FEATURE, "Other"), strict=True)
    with pytest.raises(NodeConflictError):
        kg.add_node(Node("HP:0001744", Category.DISEASE, "Splenomegaly"))


def test_schema_is_enforced():
    kg = small_graph()
    with pytest.raises(SchemaError):
        kg.add_edge(Edge("MONDO:0017979", Predicate.HAS_PHENOTYPE, "HGNC:11920"))
    with pytest.raises(SchemaError):
        kg.add_edge(Edge("MONDO:0017979", Predicate.HAS_PHENOTYPE, "HP:9999999"))


def test_same_statement_merges_evidence_and_different_qualifiers_stay_apart():
    kg = small_graph()
    before = kg.nx.number_of_edges()
    kg.add_edge(
        Edge(
            "MONDO:0017979",
            Predicate.HAS_PHENOTYPE,
            "HP:0001744",
            evidence=(evidence("another sentence", 100, 110),),
        )
    )
    assert kg.nx.number_of_edges() == before
    edge = next(kg.edges(subject="MONDO:0017979", object="HP:0001744"))
    assert len(edge.evidence) == 2
    kg.add_edge(
        Edge(
            "MONDO:0017979",
            Predicate.HAS_PHENOTYPE,
            "HP:0001744",
            Qualifiers(frequency="HP:0040281"),
        )
    )
    assert kg.nx.number_of_edges() == before + 1


def test_merge_of_two_graphs_keeps_all_evidence():
    a, b = small_graph(), KnowledgeGraph()
    b.add_node(Node("MONDO:0017979", Category.DISEASE, "ALPS"))
    b.add_node(Node("HP:0001744", Category.PHENOTYPIC_FEATURE, "Splenomegaly"))
    b.add_node(Node(DOC, Category.PUBLICATION, "doc"))
    b.add_edge(
        Edge(
            "MONDO:0017979",
            Predicate.HAS_PHENOTYPE,
            "HP:0001744",
            evidence=(evidence("other page", 1, 5),),
        )
    )
    a.merge(b)
    edge = next(a.edges(subject="MONDO:0017979", object="HP:0001744"))
    assert {e.sentence for e in edge.evidence} == {"enlargement of the spleen", "other page"}


def test_hierarchy_aware_queries():
    kg = small_graph()
    with pytest.raises(NotFoundError, match="hierarchy"):
        kg.diseases(gene="HGNC:11920", include_descendants=True)  # genes have none
    # a user-supplied hierarchy wins over the bundled one
    kg.use_hierarchy("HP", lambda curie: {"HP:0001744"} if curie == "HP:9999999" else set())
    assert ids(kg.diseases(phenotype="HP:9999999", include_descendants=True)) == ["MONDO:0017979"]
    assert kg.diseases(phenotype="HP:9999999") == []


def test_hierarchy_from_the_bundled_hpo():
    kg = small_graph()
    # HP:0001743 abnormality of the spleen is above splenomegaly in the bundled HPO
    assert ids(kg.diseases(phenotype="HP:0001743", include_descendants=True)) == ["MONDO:0017979"]


def test_networkx_view_len_iter_stats():
    kg = small_graph()
    assert isinstance(kg.nx, nx.MultiDiGraph)
    assert len(kg) == kg.nx.number_of_nodes() == 10
    assert {n.id for n in kg} == set(kg.nx.nodes)
    keys = {k for _, _, k in kg.nx.edges(keys=True)}
    assert "biolink:caused_by|" + Qualifiers(percentage=75.0, hedge="about").fingerprint() in keys
    stats = kg.stats()
    assert stats["nodes_by_category"]["Disease"] == 2
    assert stats["edges_by_predicate"]["treated_by"] == 2
    assert stats["negated_edges"] == 1
    assert (
        nx.shortest_path_length(kg.nx.to_undirected(as_view=True), "ORPHA:117", "HP:0001744") == 3
    )
