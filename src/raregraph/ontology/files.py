"""Locate the ontology files bundled with raregraph.

A wheel carries them as ``raregraph/_ontologies``; an editable install or a source checkout
reads the repository's ``ontologies/`` folder next to ``src/``.

Examples
--------
>>> ontology_path("hp").name
'hp.obo.gz'
>>> sorted(ONTOLOGY_FILES)
['hgnc', 'hp', 'mondo', 'treatment', 'uberon']

"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import resources
from pathlib import Path

from raregraph.errors import NotFoundError, OntologyError

__all__ = ["ONTOLOGY_FILES", "file_sha256", "manifest", "ontology_dir", "ontology_path"]

#: Short name -> file name inside the ontology folder.
ONTOLOGY_FILES: dict[str, str] = {
    "hp": "hp.obo.gz",
    "mondo": "mondo.obo.gz",
    "uberon": "uberon.obo.gz",
    "treatment": "treatment.obo.gz",
    "hgnc": "hgnc.tsv.gz",
}


@cache
def ontology_dir() -> Path:
    """Return the folder that holds the bundled ontology files.

    >>> (ontology_dir() / "MANIFEST.json").is_file()
    True
    """
    bundled = resources.files("raregraph") / "_ontologies"
    if isinstance(bundled, Path) and (bundled / "MANIFEST.json").is_file():
        return bundled
    checkout = Path(__file__).resolve().parents[3] / "ontologies"
    if (checkout / "MANIFEST.json").is_file():
        return checkout
    raise OntologyError(
        f"no bundled ontologies found (looked in {bundled} and {checkout}); "
        "reinstall raregraph or run scripts/build_ontologies.py"
    )


def ontology_path(name: str) -> Path:
    """Return the path of the bundled file for ontology ``name`` (e.g. ``"hp"``).

    >>> ontology_path("hgnc").name
    'hgnc.tsv.gz'
    """
    try:
        file_name = ONTOLOGY_FILES[name]
    except KeyError:
        known = ", ".join(sorted(ONTOLOGY_FILES))
        raise NotFoundError(f"unknown ontology {name!r}; known: {known}") from None
    path = ontology_dir() / file_name
    if not path.is_file():
        raise OntologyError(f"{path} is missing; run scripts/build_ontologies.py")
    return path


@cache
def manifest() -> dict[str, dict[str, object]]:
    """Return the ``files`` records of ``MANIFEST.json`` (file name -> provenance).

    >>> manifest()["hp.obo.gz"]["release"]
    'hp/releases/2025-01-16'
    """
    document = json.loads((ontology_dir() / "MANIFEST.json").read_text(encoding="utf-8"))
    files: dict[str, dict[str, object]] = document["files"]
    return files


def file_sha256(path: Path) -> str:
    """Return the hex sha256 of the file at ``path``.

    >>> len(file_sha256(ontology_path("treatment")))
    64
    """
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
