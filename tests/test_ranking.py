import math

import numpy as np
import pytest

from raregraph.errors import QueryError
from raregraph.graph import KnowledgeGraph
from raregraph.model import Category, Edge, Node, Predicate, Qualifiers
from raregraph.ontology.hierarchy import Hierarchy
from raregraph.query.ranking import PhenotypeIndex, phenotype_index, rank_diseases

# root
#  +- A (HP:10)           +- B (HP:20)
#     +- A1 (HP:11)          +- B1 (HP:21)
#     +- A2 (HP:12)          +- B2 (HP:22)
#        +- A2x (HP:13)
EDGES = [
    ("HP:10", "HP:1"),
    ("HP:20", "HP:1"),
    ("HP:11", "HP:10"),
    ("HP:12", "HP:10"),
    ("HP:13", "HP:12"),
    ("HP:21", "HP:20"),
    ("HP:22", "HP:20"),
]
NAMES = {
    "HP:1": "root",
    "HP:10": "A",
    "HP:11": "A1",
    "HP:12": "A2",
    "HP:13": "A2x",
    "HP:20": "B",
    "HP:21": "B1",
    "HP:22": "B2",
}
DISEASES = {
    "ORPHA:1": ["HP:11", "HP:13"],
    "ORPHA:2": ["HP:12", "HP:21"],
    "ORPHA:3": ["HP:21", "HP:22"],
    "ORPHA:4": ["HP:11", "HP:12", "HP:21", "HP:22"],
}


def graph():
    kg = KnowledgeGraph()
    for curie, name in NAMES.items():
        kg.add_node(Node(curie, Category.PHENOTYPIC_FEATURE, name))
    for disease, terms in DISEASES.items():
        kg.add_node(Node(disease, Category.DISEASE, f"disease {disease[-1]}"))
        for term in terms:
            kg.add_edge(Edge(disease, Predicate.HAS_PHENOTYPE, term))
    # a stated absence is not an annotation
    kg.add_edge(Edge("ORPHA:3", Predicate.HAS_PHENOTYPE, "HP:13", Qualifiers(negated=True)))
    return kg


HPO = Hierarchy(EDGES)


def test_information_content_propagates_to_ancestors():
    index = PhenotypeIndex(graph(), HPO)
    assert index.n_diseases == 4
    ic = index.information_content
    assert ic("HP:1") == 0.0
    assert ic("HP:10") == pytest.approx(-math.log(3 / 4))  # diseases 1, 2, 4 reach A
    assert ic("HP:13") == pytest.approx(math.log(4))  # only disease 1
    assert ic("HP:22") == pytest.approx(math.log(2))
    # the negated HP:13 of disease 3 does not count
    assert ic("HP:12") == pytest.approx(-math.log(3 / 4))


def brute_force(kg, terms):
    """Symmetric Resnik BMA, straight from the definition."""
    index = PhenotypeIndex(kg, HPO)

    def sim(a, b):
        common = index.ancestors(a) & index.ancestors(b)
        return max(index.information_content(t) for t in common)

    scores = {}
    for disease, own in DISEASES.items():
        one = sum(max(sim(q, d) for d in own) for q in terms) / len(terms)
        two = sum(max(sim(q, d) for q in terms) for d in own) / len(own)
        scores[disease] = (one + two) / 2
    return scores


@pytest.mark.parametrize(
    "terms", [["HP:13"], ["HP:11", "HP:13"], ["HP:21"], ["HP:10", "HP:22"], ["HP:1"]]
)
def test_vectorized_scores_equal_the_definition(terms):
    kg = graph()
    index = PhenotypeIndex(kg, HPO)
    expected = brute_force(kg, terms)
    got = dict(zip(index.disease_ids, index.scores(terms), strict=True))
    assert got == pytest.approx(expected)


def test_ranking_order_and_explanations():
    ranking = rank_diseases(graph(), ["HP:11", "HP:13"], ontology=HPO)
    assert ranking.ids[0] == "ORPHA:1"
    assert ranking[0].rank == 1 and ranking.total == 4
    first = {m.query: m for m in ranking[0].matches}
    assert first["HP:13"].disease_term == "HP:13" and first["HP:13"].mica == "HP:13"
    assert first["HP:13"].ic == pytest.approx(math.log(4))
    # disease 2 has A2 (HP:12): HP:13 matches it through HP:12 itself
    second = next(r for r in ranking if r.disease.id == "ORPHA:2")
    match = next(m for m in second.matches if m.query == "HP:13")
    assert (match.disease_term, match.mica) == ("HP:12", "HP:12")
    text = str(ranking)
    assert "disease 1" in text and "A2x ~ A2x" in text
    assert "common ancestor" in str(ranking[0].explain())
    frame = ranking.to_pandas()
    assert list(frame.columns) == ["rank", "id", "name", "score", "best matches"]


def test_names_and_top():
    kg = graph()
    by_name = rank_diseases(kg, ["B1", "b2"], ontology=HPO, top=2)
    assert by_name.ids == ["ORPHA:3", "ORPHA:4"] and by_name.query == ("HP:21", "HP:22")
    with pytest.raises(QueryError, match="no PhenotypicFeature named 'B3'"):
        rank_diseases(kg, ["B3"], ontology=HPO)
    with pytest.raises(QueryError, match="not a term of the phenotype ontology"):
        rank_diseases(kg, ["HP:99"], ontology=HPO)
    with pytest.raises(QueryError, match="no phenotype"):
        rank_diseases(kg, [], ontology=HPO)


def test_tables_are_cached_until_the_graph_changes():
    kg = graph()
    first = phenotype_index(kg, HPO)
    assert phenotype_index(kg, HPO) is first
    kg.add_node(Node("ORPHA:5", Category.DISEASE, "disease 5"))
    kg.add_edge(Edge("ORPHA:5", Predicate.HAS_PHENOTYPE, "HP:22"))
    assert phenotype_index(kg, HPO) is not first
    assert phenotype_index(kg, HPO).n_diseases == 5


def test_bundled_hpo_alt_ids_and_text():
    kg = KnowledgeGraph()
    for curie, name in [
        ("HP:0001744", "Splenomegaly"),
        ("HP:0002240", "Hepatomegaly"),
        ("HP:0001250", "Seizure"),
    ]:
        kg.add_node(Node(curie, Category.PHENOTYPIC_FEATURE, name))
    for disease, terms in {
        "ORPHA:1": ["HP:0001744", "HP:0002240"],
        "ORPHA:2": ["HP:0001250"],
    }.items():
        kg.add_node(Node(disease, Category.DISEASE, disease))
        for term in terms:
            kg.add_edge(Edge(disease, Predicate.HAS_PHENOTYPE, term))
    assert kg.rank_diseases(["HP:0001745"]).ids[0] == "ORPHA:1"  # alt id of splenomegaly
    ranking = kg.rank_diseases(text="Enlargement of the spleen and liver. No seizures.")
    assert ranking.query == ("HP:0001744", "HP:0002240")
    assert ranking.ids[0] == "ORPHA:1"
    assert isinstance(phenotype_index(kg).scores(["HP:0001250"]), np.ndarray)
    assert kg.ask("diseases matching seizure").ids[0] == "ORPHA:2"
