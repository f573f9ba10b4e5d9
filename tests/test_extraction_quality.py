"""Extraction quality on the GARD dev set: regressions below the measured figures fail.

The issue's bars for phenotypes (F1 >= 0.90) and organs (>= 0.85) are not met yet; they
are kept as expected failures so that reaching them shows up as XPASS. Treatments are
scored with the treatment vocabulary's equivalences (a ChEBI drug and its MeSH xref are
one treatment), see :mod:`raregraph.extract.scoring`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from raregraph import graph_from_page, read_gard_page
from raregraph.extract.scoring import Score, score_pages

DEV = Path(__file__).resolve().parent / "data" / "gard_dev"

#: Floors just under the figures measured (all 19 pages; session 10).
FLOORS = {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.72, "organs": 0.80, "treatments": 0.95}
#: The untouched held-out set: measured only, never read for tuning. Floors just under
#: the session 10 figures guard against regressions on unseen wording.
HELDOUT = Path(__file__).resolve().parent / "data" / "gard_heldout2"
HELDOUT_FLOORS = {
    "genes": 0.95,
    "inheritance": 0.89,
    "phenotypes": 0.59,
    "organs": 0.74,
    "treatments": 0.81,
}
#: The other sets by separate authors (read for tuning after a first measurement): floors
#: just under the session 10 figures.
OTHER_SETS = {
    "gard_dev2": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.71, "organs": 0.67,
                  "treatments": 0.83},
    # treatments 0.871 -> 0.854 in session 15: its curator left "drinking plenty of
    # water" out (two later curators chose Fluid Therapy), and belzutifan got its MeSH id
    "gard_dev3": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.69, "organs": 0.74,
                  "treatments": 0.83},
    "gard_dev4": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.71, "organs": 0.78,
                  "treatments": 0.90},
    "gard_dev5": {"genes": 1.0, "inheritance": 0.96, "phenotypes": 0.63, "organs": 0.64,
                  "treatments": 0.84},
    "gard_dev6": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.75, "organs": 0.72,
                  "treatments": 0.87},
    "gard_dev7": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.71, "organs": 0.78,
                  "treatments": 0.89},
    "gard_dev8": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.68, "organs": 0.74,
                  "treatments": 0.91},
    # written in session 14 by six separate authors; floors under the session 14 figures
    # organs 0.705 -> 0.690 in session 18: "limited movement of the eyes" now reads
    # Ophthalmoparesis, and an eye named once inside a finding is no affected organ
    "gard_dev12": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.61, "organs": 0.68,
                   "treatments": 0.86},
    "gard_dev15": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.63, "organs": 0.63,
                   "treatments": 0.78},
    "gard_dev16": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.70, "organs": 0.80,
                   "treatments": 0.91},
    "gard_dev17": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.59, "organs": 0.74,
                   "treatments": 0.76},
    "gard_dev13": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.69, "organs": 0.74,
                   "treatments": 0.81},
    "gard_dev14": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.62, "organs": 0.62,
                   "treatments": 0.83},
    "gard_dev9": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.75, "organs": 0.63,
                  "treatments": 0.88},
    "gard_dev10": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.64, "organs": 0.62,
                   "treatments": 0.85},
    # inheritance 1.0 -> 0.963 in session 17: "not everyone who inherits it will have
    # symptoms" reads incomplete penetrance, as dev34's curator and the earlier rule's
    # curators read it; Brugada's curator chose not to annotate it (the gold's notes say so)
    "gard_dev11": {"genes": 1.0, "inheritance": 0.96, "phenotypes": 0.63, "organs": 0.64,
                   "treatments": 0.84},
    # written in session 15 by four separate authors; floors under the session 15 figures
    "gard_dev18": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.74, "organs": 0.67,
                   "treatments": 0.82},
    "gard_dev19": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.70, "organs": 0.63,
                   "treatments": 0.87},
    "gard_dev20": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.74, "organs": 0.63,
                   "treatments": 0.77},
    "gard_dev21": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.64, "organs": 0.71,
                   "treatments": 0.72},
    "gard_dev22": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.69, "organs": 0.73,
                   "treatments": 0.84},
    "gard_dev23": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.56, "organs": 0.55,
                   "treatments": 0.76},
    "gard_dev24": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.68, "organs": 0.80,
                   "treatments": 0.79},
    "gard_dev25": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.60, "organs": 0.50,
                   "treatments": 0.86},
    "gard_dev26": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.70, "organs": 0.65,
                   "treatments": 0.84},
    "gard_dev27": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.57, "organs": 0.56,
                   "treatments": 0.80},
    "gard_dev28": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.54, "organs": 0.44,
                   "treatments": 0.75},
    "gard_dev29": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.72, "organs": 0.66,
                   "treatments": 0.77},
    "gard_dev30": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.72, "organs": 0.77,
                   "treatments": 0.74},
    "gard_dev31": {"genes": 1.0, "inheritance": 0.95, "phenotypes": 0.67, "organs": 0.55,
                   "treatments": 0.83},
    "gard_dev32": {"genes": 0.95, "inheritance": 1.0, "phenotypes": 0.60, "organs": 0.70,
                   "treatments": 0.73},
    "gard_dev33": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.54, "organs": 0.51,
                   "treatments": 0.69},
    # written in session 17 by four separate authors; floors under the session 17 figures
    # (dev36: NPHS2 of "congenital nephrotic syndrome outside Finland ... other genes, such
    # as NPHS2", which the curator leaves to the other forms; dev37: a "highly variable age
    # of onset" that three other curators did not annotate)
    "gard_dev34": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.60, "organs": 0.41,
                   "treatments": 0.92},
    "gard_dev35": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.75, "organs": 0.74,
                   "treatments": 0.77},
    "gard_dev36": {"genes": 0.97, "inheritance": 1.0, "phenotypes": 0.69, "organs": 0.78,
                   "treatments": 0.88},
    # organs 0.632 -> 0.619 in session 18: "make the eyes dry" now reads Keratoconjunctivitis
    # sicca, and an eye named once inside a finding is no affected organ
    "gard_dev37": {"genes": 1.0, "inheritance": 0.96, "phenotypes": 0.53, "organs": 0.61,
                   "treatments": 0.76},
    # treatments 0.925 -> 0.900 in session 10: "growth hormone" now reads Human Growth
    # Hormone (four of five curators' id); Noonan's curator chose Growth Hormone
    # organs 0.841 -> 0.817 in session 16: "breathing muscles" reads the respiratory
    # muscles (two curators of dev27 listed them; Pompe's curator did not)
    "gard_heldout": {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.81, "organs": 0.81,
                     "treatments": 0.89},
}
#: The bars of the issue.
BARS = {"genes": 1.0, "inheritance": 1.0, "phenotypes": 0.90, "organs": 0.85, "treatments": 0.85}


def _scores(folder: Path) -> dict[str, Score]:
    pages = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html"))
    return score_pages(
        (graph_from_page(read_gard_page(p)), folder / f"{p.stem}.gold.json") for p in pages
    )


@pytest.fixture(scope="module")
def scores() -> dict[str, Score]:
    assert len([p for p in DEV.iterdir() if p.suffix in (".txt", ".html")]) >= 15
    return _scores(DEV)


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_no_regression(scores: dict[str, Score], kind: str) -> None:
    assert scores[kind].f1 >= FLOORS[kind]


@pytest.fixture(scope="module")
def heldout_scores() -> dict[str, Score]:
    return _scores(HELDOUT)


@pytest.mark.parametrize("kind", sorted(HELDOUT_FLOORS))
def test_no_regression_on_unseen_pages(heldout_scores: dict[str, Score], kind: str) -> None:
    assert heldout_scores[kind].f1 >= HELDOUT_FLOORS[kind]


@pytest.mark.parametrize("folder", sorted(OTHER_SETS))
def test_no_regression_on_the_other_sets(folder: str) -> None:
    found = _scores(DEV.parent / folder)
    low = {kind: round(found[kind].f1, 3) for kind, floor in OTHER_SETS[folder].items()
           if found[kind].f1 < floor}
    assert not low, f"{folder}: below the floor: {low}"


@pytest.mark.parametrize(
    "kind",
    [
        "genes",
        "inheritance",
        pytest.param(
            "phenotypes", marks=pytest.mark.xfail(reason="recall of paraphrases (0.74 measured)")
        ),
        pytest.param(
            "organs", marks=pytest.mark.xfail(reason="precision of organ words (0.81 measured)")
        ),
        "treatments",
    ],
)
def test_issue_bar(scores: dict[str, Score], kind: str) -> None:
    assert scores[kind].f1 >= BARS[kind]
