import pytest

from raregraph.errors import AmbiguousNameError, NotFoundError
from raregraph.ontology import (
    descendants,
    disease_candidates,
    is_a,
    resolve_disease,
    resolve_gene,
    resolve_term,
    resolve_treatment,
)


@pytest.mark.parametrize(
    "curie",
    ["ORPHA:3261", "Orphanet:3261", "GARD:8686", "GARD:0008686", "DOID:6688", "MONDO:0017979"],
)
def test_alps_ids_resolve_to_one_mondo_term(curie):
    assert resolve_disease(curie) == "MONDO:0017979"


def test_omim_id_resolves_to_mondo():
    assert resolve_disease("OMIM:601859") == "MONDO:0011158"


def test_unknown_disease_id_raises():
    with pytest.raises(NotFoundError):
        resolve_disease("ORPHA:999999999")


def test_ambiguous_xref_lists_candidates_or_picks_the_most_general():
    found = disease_candidates("ORPHA:899")
    assert len(found) > 1
    try:
        chosen = resolve_disease("ORPHA:899")
    except AmbiguousNameError as err:
        assert set(err.candidates) <= set(found)
    else:
        assert chosen in found


@pytest.mark.parametrize("text", ["FAS", "APT1", "CD95", "NCBIGene:355", "HGNC:11920"])
def test_fas_names_and_ids_resolve_to_hgnc(text):
    assert resolve_gene(text) == "HGNC:11920"


def test_unknown_gene_raises():
    with pytest.raises(NotFoundError):
        resolve_gene("NOT-A-GENE-123")


def test_obsolete_term_resolves_through_the_registry():
    assert resolve_term("HP:0000057") == "HP:0008665"


def test_mesh_with_maxo_mapping_resolves_to_maxo():
    assert resolve_treatment("MESH:D013156") == "MAXO:0001077"
    assert resolve_treatment("MESH:D000305") == "MESH:D000305"


def test_module_level_hierarchy_helpers():
    assert "HP:0001744" in descendants("HP:0000118")
    assert is_a("HP:0001744", "HP:0000118")
