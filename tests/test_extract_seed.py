"""Golden test: the graph of the seed page, exactly, with spans into the original file."""

from __future__ import annotations

from pathlib import Path

import pytest

from raregraph import graph_from_page, read_gard_page
from raregraph.model import AgentType, Category

SEED = Path(__file__).resolve().parent.parent / "examples" / "data" / "alps_gard.txt"

# (predicate, object, qualifiers, [(span, text at span in the original file), ...])
EXPECTED = [
    ("caused_by", "HGNC:11920", {"percentage": 75.0, "hedge": "about"}, [((1271, 1274), "FAS")]),
    ("disease_has_location", "UBERON:0000029", {}, [((772, 783), "lymph nodes")]),
    ("disease_has_location", "UBERON:0000165", {}, [((1152, 1157), "mouth")]),
    ("disease_has_location", "UBERON:0000970", {}, [((996, 1000), "eyes")]),
    ("disease_has_location", "UBERON:0001021", {}, [((1002, 1008), "nerves")]),
    ("disease_has_location", "UBERON:0001981", {}, [((1124, 1137), "blood vessels")]),
    ("disease_has_location", "UBERON:0002097", {}, [((1070, 1074), "skin")]),
    ("disease_has_location", "UBERON:0002106", {}, [((795, 801), "spleen")]),
    ("disease_has_location", "UBERON:0002107", {}, [((785, 790), "liver"), ((989, 994), "liver")]),
    ("disease_has_location", "UBERON:0002113", {}, [((980, 987), "kidneys")]),
    ("disease_has_location", "UBERON:0002384", {}, [((1013, 1031), "connective tissues")]),
    ("disease_has_location", "UBERON:0002405", {}, [((642, 655), "immune system")]),
    ("has_mode_of_inheritance", "HP:0000006", {"qualifier_text": "usually"},
     [((1333, 1351), "autosomal dominant")]),
    ("has_mode_of_inheritance", "HP:0000007", {"qualifier_text": "some severe cases"},
     [((1407, 1426), "autosomal recessive")]),
    ("has_phenotype", "HP:0000155", {}, [((1152, 1163), "mouth sores")]),
    ("has_phenotype", "HP:0000988", {"hedge": "may"}, [((1070, 1081), "skin rashes")]),
    ("has_phenotype", "HP:0001369", {"hedge": "may"}, [((1097, 1106), "arthritis")]),
    ("has_phenotype", "HP:0001744", {}, [((795, 801), "spleen")]),
    ("has_phenotype", "HP:0002240", {}, [((785, 790), "liver")]),
    ("has_phenotype", "HP:0002633", {},
     [((1108, 1137), "inflammation of blood vessels"), ((1139, 1149), "vasculitis")]),
    ("has_phenotype", "HP:0002716", {}, [((753, 783), "enlargement of the lymph nodes")]),
    ("has_phenotype", "HP:0002960", {"hedge": "can"},
     [((846, 866), "autoimmune disorders"), ((918, 938), "autoimmune disorders")]),
    ("has_phenotype", "HP:0008209", {}, [((1165, 1190), "premature ovarian failure")]),
    ("has_phenotype", "HP:0012490", {"hedge": "may"}, [((1085, 1097), "panniculitis")]),
    ("treated_by", "CHEBI:50858", {"hedge": "may", "qualifier_text": "other medications"},
     [((1461, 1469), "steroids")]),
    ("treated_by", "MAXO:0000756", {"hedge": "may", "qualifier_text": "other medications"},
     [((1492, 1510), "blood transfusions")]),
    ("treated_by", "MAXO:0001077", {"hedge": "may", "qualifier_text": "other medications"},
     [((1519, 1530), "splenectomy")]),
]


@pytest.fixture(scope="module")
def seed():  # type: ignore[no-untyped-def]
    page = read_gard_page(SEED)
    return page, graph_from_page(page)


def test_disease_is_aligned_to_mondo(seed) -> None:  # type: ignore[no-untyped-def]
    _, kg = seed
    (disease,) = kg.diseases()
    assert disease.id == "MONDO:0017979"
    assert {"ORPHA:3261", "GARD:8686"} <= set(disease.xrefs)


def test_seed_graph_is_exact(seed) -> None:  # type: ignore[no-untyped-def]
    page, kg = seed
    got = sorted(
        (
            e.predicate.label,
            e.object,
            e.qualifiers.as_dict(),
            [(ev.span, page.original[ev.span[0] : ev.span[1]]) for ev in e.evidence],
        )
        for e in kg.edges()
    )
    assert got == sorted(EXPECTED, key=lambda row: (row[0], row[1]))


def test_no_negated_or_extra_positive_edges(seed) -> None:  # type: ignore[no-untyped-def]
    _, kg = seed
    assert not [e for e in kg.edges() if e.negated]
    assert len(list(kg.edges())) == len(EXPECTED)


def test_evidence_and_categories(seed) -> None:  # type: ignore[no-untyped-def]
    page, kg = seed
    document = next(n for n in kg.nodes() if n.category is Category.PUBLICATION)
    for edge in kg.edges():
        for ev in edge.evidence:
            assert ev.source == document.id
            assert ev.knowledge_source == "infores:gard"
            assert ev.agent_type is AgentType.TEXT_MINING_AGENT
            assert ev.sentence and page.original[ev.span[0] : ev.span[1]] in ev.sentence
    fas = kg.node("HGNC:11920")
    assert fas.category is Category.GENE and fas.symbol == "FAS"
    assert "NCBIGene:355" in fas.xrefs
    assert kg.node("MAXO:0001077").category is Category.PROCEDURE
    assert kg.node("CHEBI:50858").category is Category.DRUG
    assert kg.node("HP:0000006").category is Category.GENETIC_INHERITANCE
