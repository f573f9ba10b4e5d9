import pandas as pd
import pytest

from helpers import DOC, small_graph
from raregraph.errors import QueryError
from raregraph.model import AgentType, Category, Edge, Evidence, Node, Predicate, Qualifiers
from raregraph.query.results import QueryResult


def test_query_methods_return_tables_that_are_still_lists():
    kg = small_graph()
    result = kg.diseases(gene="FAS")
    assert isinstance(result, QueryResult) and isinstance(result, list)
    assert result.ids == ["MONDO:0017979", "ORPHA:117"]
    assert all(isinstance(n, Node) for n in result)
    assert kg.diseases(phenotype="Seizure") == []
    text = str(result)
    assert text.splitlines()[0] == "diseases with FAS (2)"
    assert "Autoimmune lymphoproliferative syndrome" in text and "Behçet disease" in text
    assert str(kg.diseases(phenotype="Seizure")).endswith("(no results)")


def test_html_is_escaped():
    node = Node("HP:0000001", Category.PHENOTYPIC_FEATURE, "<script>alert('x')</script> & co")
    page = QueryResult([node], title="<b>title</b>")._repr_html_()
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "&lt;b&gt;title&lt;/b&gt;" in page and "&amp; co" in page


def test_to_pandas():
    frame = small_graph().treatments(disease="ALPS").to_pandas()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame["id"]) == ["CHEBI:50858", "MAXO:0001077"]
    assert list(frame.columns) == ["id", "category", "name", "symbol", "synonyms", "xrefs"]
    assert frame.loc[0, "synonyms"] == ["steroids"]


def test_long_results_are_cut_in_print_only():
    nodes = [Node(f"HP:{i:07d}", Category.PHENOTYPIC_FEATURE, f"term {i}") for i in range(120)]
    result = QueryResult(nodes, title="many")
    assert len(result) == 120
    assert "... and 70 more" in str(result)


def _filter_graph():
    kg = small_graph()
    kg.add_node(Node("HP:0002716", Category.PHENOTYPIC_FEATURE, "Lymphadenopathy"))
    curated = Evidence("infores:hpo-annotations", "infores:hpo-annotations", AgentType.MANUAL_AGENT)
    kg.add_edge(
        Edge(
            "MONDO:0017979",
            Predicate.HAS_PHENOTYPE,
            "HP:0002716",
            Qualifiers(frequency="HP:0040281"),  # very frequent: 80-99%
            (curated,),
        )
    )
    kg.add_edge(
        Edge(
            "ORPHA:117",
            Predicate.HAS_PHENOTYPE,
            "HP:0001744",
            Qualifiers(percentage=20.0),
            (curated,),
        )
    )
    return kg


def test_filters_percentage_source_and_agent():
    kg = _filter_graph()
    ids = lambda nodes: [n.id for n in nodes]  # noqa: E731
    assert ids(kg.phenotypes(disease="ALPS")) == ["HP:0001744", "HP:0002716"]
    assert ids(kg.phenotypes(disease="ALPS", min_percentage=50)) == ["HP:0002716"]
    assert ids(kg.phenotypes(disease="ALPS", curated_only=True)) == ["HP:0002716"]
    assert ids(kg.phenotypes(disease="ALPS", text_mined_only=True)) == ["HP:0001744"]
    assert ids(kg.phenotypes(disease="ALPS", source=DOC)) == ["HP:0001744"]
    assert ids(kg.phenotypes(disease="ALPS", source="infores:hpo-annotations")) == ["HP:0002716"]
    assert ids(kg.phenotypes(disease="ALPS", agent_type="manual_agent")) == ["HP:0002716"]
    assert ids(kg.diseases(phenotype="Splenomegaly")) == ["MONDO:0017979", "ORPHA:117"]
    assert ids(kg.diseases(phenotype="Splenomegaly", min_percentage=10)) == ["ORPHA:117"]
    assert ids(kg.diseases(phenotype="Splenomegaly", text_mined_only=True)) == ["MONDO:0017979"]
    assert ids(kg.diseases(curated_only=True)) == ["MONDO:0017979", "ORPHA:117"]
    assert ids(kg.genes(disease="Behcet disease", curated_only=True)) == ["HGNC:11920"]
    assert ids(kg.genes(disease="ALPS", curated_only=True)) == []
    assert ids(kg.treatments(disease="ALPS", category=Category.DRUG)) == ["CHEBI:50858"]
    with pytest.raises(QueryError, match="at most one"):
        kg.phenotypes(disease="ALPS", curated_only=True, text_mined_only=True)
    with pytest.raises(QueryError, match="unknown agent type"):
        kg.phenotypes(disease="ALPS", agent_type="robot")


def test_hierarchy_aware_under():
    kg = _filter_graph()
    kg.use_hierarchy("HP", {"HP:0001743": ["HP:0001744"]}.get)  # abnormality of the spleen
    assert [n.id for n in kg.phenotypes(disease="ALPS", under="HP:0001743")] == ["HP:0001744"]


def test_neighbors_paths_subgraph():
    kg = small_graph()
    assert kg.neighbors("FAS").ids == ["MONDO:0017979", "ORPHA:117"]
    assert kg.neighbors("ALPS", category=Category.GENE).ids == ["HGNC:11920"]
    assert kg.neighbors("ALPS", predicate=Predicate.TREATED_BY).ids == [
        "CHEBI:50858",
        "MAXO:0001077",
    ]
    assert "HP:0001250" not in kg.neighbors("ALPS").ids  # negated
    assert "HP:0001250" in kg.neighbors("ALPS", include_negated=True).ids

    paths = kg.paths("Behcet disease", "splenectomy")
    assert [str(p) for p in paths] == [
        "Behçet disease -condition_associated_with_gene-> Fas cell surface death receptor "
        "<-caused_by- Autoimmune lymphoproliferative syndrome -treated_by-> splenectomy"
    ]
    assert len(paths[0]) == 3 and "length" in str(paths)
    assert kg.paths("Behcet disease", "splenectomy", cutoff=2) == []

    part = kg.subgraph("ORPHA:117", depth=1)
    assert sorted(n.id for n in part) == ["HGNC:11920", "ORPHA:117"]
    assert len(list(part.edges())) == 1
    wider = kg.subgraph("ORPHA:117", depth=2)
    assert "MONDO:0017979" in wider and len(list(wider.edges())) == 2


def test_revision_counter_and_derived_cache():
    kg = small_graph()
    before = kg.revision
    calls = []
    build = lambda g: calls.append(1) or len(g)  # noqa: E731
    assert kg.derived("n", build) == kg.derived("n", build) == len(kg)
    assert len(calls) == 1
    kg.add_node(Node("HP:0000002", Category.PHENOTYPIC_FEATURE, "new"))
    assert kg.revision > before
    assert kg.derived("n", build) == len(kg) and len(calls) == 2
    same = kg.revision
    kg.add_node(Node("HP:0000002", Category.PHENOTYPIC_FEATURE, "new"))  # no change
    assert kg.revision == same
