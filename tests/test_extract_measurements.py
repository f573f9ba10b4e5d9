"""Laboratory findings in lay wording ("high levels of ammonia in the blood")."""

from __future__ import annotations

import pytest

from raregraph.extract.lexicon import fold, get_lexicon
from raregraph.extract.measurements import find_measurements
from raregraph.extract.mentions import find_mentions


def measured(text: str) -> list[str]:
    lexicon = get_lexicon()
    return [lexicon.labels[curie] for curie, _, _ in find_measurements(fold(text), lexicon)]


@pytest.mark.parametrize(
    ("sentence", "labels"),
    [
        ("Children have high levels of ammonia in the blood.", ["Hyperammonemia"]),
        ("In XLH, the blood phosphate stays low.", ["Hypophosphatemia"]),
        ("Too much calcium in the blood can cause kidney stones.", ["Hypercalcemia"]),
        ("Their cholesterol levels in the blood are usually low.", ["Hypocholesterolemia"]),
        ("People have low levels of potassium and magnesium in the blood.",
         ["Hypokalemia", "Hypomagnesemia"]),
        ("Blood levels of potassium and magnesium are low.", ["Hypokalemia", "Hypomagnesemia"]),
        ("Uric acid builds up in the blood and urine.", ["Hyperuricemia", "Hyperuricosuria"]),
        ("Some have low calcium.", ["Hypocalcemia"]),
        ("a high protein level in the spinal fluid", ["Increased CSF protein concentration"]),
        ("high levels of lactic acid", ["Increased circulating lactate concentration"]),
        # a one-word HPO name built on the substance: hyper-phenylalanin-emia
        ("high levels of phenylalanine in the blood", ["Hyperphenylalaninemia"]),
        ("high levels of leucine, isoleucine, and valine in the blood",
         ["Hyperleucinemia", "Hyperisoleucinemia", "Hypervalinemia"]),
        ("a buildup of ammonia in the blood", ["Hyperammonemia"]),
        ("the level of glucose in the blood is low", ["Hypoglycemia"]),
        ("too much protein in the urine", ["Proteinuria"]),
        ("higher than normal amounts of very long chain fatty acids",
         ["Increased circulating very long-chain fatty acid concentration"]),
        # the kidneys losing a substance into the urine: HPO's renal wasting
        ("The kidneys lose too much potassium in the urine.", ["Renal potassium wasting"]),
        ("They waste phosphate into the urine.", ["Renal phosphate wasting"]),
        ("The kidneys lose salt, potassium and magnesium in the urine.",
         ["Renal salt wasting", "Renal potassium wasting", "Renal magnesium wasting"]),
        # HPO's "High blood pressure" is read the same way
        ("Blood pressure is often high.", ["Hypertension"]),
        # a list that ends at a comma before another finding
        ("It causes extremely high cholesterol, xanthomas on the skin and heart attacks.",
         ["Hypercholesterolemia"]),
    ],
)
def test_lay_wordings_of_a_measured_finding(sentence: str, labels: list[str]) -> None:
    assert measured(sentence) == labels


@pytest.mark.parametrize(
    "sentence",
    [
        "They eat a high protein diet.",  # the substance modifies another noun
        "Copper builds up in the liver.",  # storage in an organ, not a blood level
        "too much copper in the liver",
        "Statins were tried to lower 7-dehydrocholesterol.",  # a verb, not a level
        "There is an increased risk of infections.",  # not a substance
        "Treatment removes excess copper.",  # an amount, with no body fluid named
    ],
)
def test_phrases_that_are_not_measured_findings(sentence: str) -> None:
    assert measured(sentence) == []


def test_a_measured_finding_glossed_in_brackets_is_left_to_the_gloss() -> None:
    sentence = "A buildup of lactic acid in the blood (lactic acidosis) may cause fast breathing."
    found = find_mentions(sentence)
    span = next(m for m in found if m.how == "measurement")
    assert sentence[span.start : span.end] == "buildup of lactic acid in the blood"


def test_measurement_names_of_hpo_are_indexed() -> None:
    measures = get_lexicon().measures
    assert measures["down|blood|phosphate"][0] == "HP:0002148"
    assert measures["up|csf|protein"][0] == "HP:0002922"
    assert measures["up|blood|~phenylalanin"][0] == "HP:0004923"
