import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from raregraph.model import (
    ALLOWED,
    AgentType,
    Category,
    Edge,
    Evidence,
    Node,
    Predicate,
    Qualifiers,
)


def test_categories_and_predicates_are_biolink_curies():
    assert Category.DISEASE.curie == "biolink:Disease"
    assert Category.GENETIC_INHERITANCE.curie == "biolink:GeneticInheritance"
    assert Predicate.HAS_MODE_OF_INHERITANCE.curie == "biolink:has_mode_of_inheritance"
    assert Predicate.DISEASE_HAS_LOCATION.curie == "biolink:disease_has_location"
    assert set(ALLOWED) == set(Predicate)


def test_biolink_terms_exist_in_the_biolink_4_4_6_schema():
    # The names were checked against biolink_model.yaml of biolink-model==4.4.6; this
    # guards the spelling against the prefix map shipped with raregraph's vocabulary.
    from raregraph.vocab import BIOLINK

    for category in Category:
        assert str(BIOLINK[category.label]).endswith(category.label)
    for predicate in Predicate:
        assert str(BIOLINK[predicate.label]).endswith(predicate.label)
        assert predicate.association.startswith("biolink:")


def test_node_requires_curie_and_sorts_lists():
    with pytest.raises(ValueError):
        Node("spleen", Category.ANATOMICAL_ENTITY, "spleen")
    node = Node("HGNC:11920", Category.GENE, "FAS", synonyms=("CD95", "APT1", "CD95", "FAS"))
    assert node.synonyms == ("APT1", "CD95")


def test_merge_keeps_first_name_and_unions_everything():
    a = Node(
        "ORPHA:3261", Category.DISEASE, "ALPS", xrefs=("OMIM:601859",), provided_by=("infores:a",)
    )
    b = Node(
        "ORPHA:3261",
        Category.DISEASE,
        "Canale-Smith syndrome",
        xrefs=("GARD:8686",),
        provided_by=("infores:b",),
    )
    merged = a.merged_with(b)
    assert merged.name == "ALPS"
    assert merged.synonyms == ("Canale-Smith syndrome",)
    assert merged.xrefs == ("GARD:8686", "OMIM:601859")
    assert merged.provided_by == ("infores:a", "infores:b")


def test_qualifiers_fingerprint_and_range():
    assert Qualifiers().fingerprint() == ""
    assert Qualifiers(percentage=75.0).fingerprint() != Qualifiers(percentage=70.0).fingerprint()
    with pytest.raises(ValueError):
        Qualifiers(percentage=175.0)


def test_edge_evidence_is_deduplicated_and_sorted():
    e1 = Evidence("raregraph:document/b", "infores:gard", sentence="x", span=(5, 9))
    e2 = Evidence("raregraph:document/a", "infores:gard", sentence="y", span=(1, 2))
    edge = Edge("MONDO:1", Predicate.HAS_PHENOTYPE, "HP:1", evidence=(e1, e2, e1))
    assert edge.evidence == (e2, e1)
    assert edge.key == "biolink:has_phenotype"
    negated = Edge("MONDO:1", Predicate.HAS_PHENOTYPE, "HP:1", Qualifiers(negated=True))
    assert negated.key != edge.key
    assert negated.association_id != edge.association_id
    # the association id is a pure function of the statement
    assert Edge("MONDO:1", Predicate.HAS_PHENOTYPE, "HP:1").association_id == edge.association_id


def test_bad_span_rejected():
    with pytest.raises(ValueError):
        Evidence("raregraph:document/a", "infores:gard", span=(9, 5))


_texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)


@settings(max_examples=200, deadline=None)
@given(
    sentence=st.none() | _texts,
    span=st.none() | st.tuples(st.integers(0, 10**6), st.integers(0, 10**6)).map(sorted),
    codes=st.lists(_texts, max_size=3),
    publications=st.lists(_texts, max_size=3),
    biocuration=st.lists(_texts, max_size=3),
    source=_texts,
    agent=st.sampled_from(list(AgentType)),
)
def test_evidence_canonical_json_is_what_json_dumps_writes(
    sentence, span, codes, publications, biocuration, source, agent
):
    ev = Evidence(
        source=source,
        knowledge_source="infores:x",
        agent_type=agent,
        sentence=sentence,
        span=tuple(span) if span else None,
        evidence_codes=tuple(codes),
        publications=tuple(publications),
        biocuration=tuple(biocuration),
    )
    payload = {
        "source": ev.source,
        "knowledge_source": ev.knowledge_source,
        "agent_type": ev.agent_type.value,
        "knowledge_level": ev.knowledge_level.value,
        "sentence": ev.sentence,
        "span": list(ev.span) if ev.span else None,
        "evidence_codes": list(ev.evidence_codes),
        "publications": list(ev.publications),
    }
    if ev.biocuration:
        payload["biocuration"] = list(ev.biocuration)
    expected = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert ev.canonical_json() == expected
