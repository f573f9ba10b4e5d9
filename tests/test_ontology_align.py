import pytest

from raregraph.ontology import align
from raregraph.ontology.align import Candidate


def test_enlarged_spleen_ranks_splenomegaly_first():
    best = align("enlarged spleen")[0]
    assert isinstance(best, Candidate)
    assert best.curie == "HP:0001744"
    assert best.ontology == "hp"


def test_canale_smith_syndrome_finds_alps():
    found = {c.curie: c for c in align("Canale-Smith syndrome")}
    assert "MONDO:0017979" in found
    assert found["MONDO:0017979"].match_type == "exact_synonym"


def test_exact_label_scores_highest():
    best = align("Splenomegaly")[0]
    assert (best.curie, best.match_type, best.score) == ("HP:0001744", "exact_label", 1.0)


@pytest.mark.parametrize(
    ("text", "curie", "match_type"),
    [
        ("splenomegaly", "HP:0001744", "case"),
        ("Spleen, large", "HP:0001744", "word_order"),
        ("haemolytic anaemia", "HP:0001878", None),
        ("Hepatomegalies", "HP:0002240", "plural"),
        ("Splenectomies", "MAXO:0001077", "exact_synonym"),  # a MeSH entry term
    ],
)
def test_normalized_matches(text, curie, match_type):
    candidates = align(text)
    assert candidates[0].curie == curie
    if match_type:
        assert candidates[0].match_type == match_type


def test_category_restricts_ontology_and_branch():
    found = align("corticosteroid", category="biolink:Drug")
    assert found and all(c.ontology == "treatment" for c in found)
    assert found[0].curie == "CHEBI:50858"
    assert all(
        c.ontology == "hp" for c in align("autosomal dominant", category="GeneticInheritance")
    )


def test_genes_can_be_aligned():
    assert align("FAS", ontology="hgnc")[0].curie == "HGNC:11920"


def test_nothing_found_for_noise():
    assert align("qqqq zzzz xxxx") == []
    assert align("   ") == []
