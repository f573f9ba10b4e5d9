"""Load the bundled ontologies by name, once per process, and route CURIEs to them.

Examples
--------
>>> load("treatment").name
'treatment'
>>> ontology_for("MAXO:0001077"), ontology_for("Orphanet:3261")
('treatment', 'mondo')

"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Literal, overload

from raregraph.curie import normalize_curie
from raregraph.errors import CurieError, NotFoundError
from raregraph.ontology.files import ONTOLOGY_FILES, ontology_path
from raregraph.ontology.genes import GeneIndex
from raregraph.ontology.index import SurfaceForm, TermIndex

__all__ = [
    "OntologyName",
    "ancestors",
    "descendants",
    "is_a",
    "load",
    "ontology_for",
    "surface_forms",
]

OntologyName = Literal["hp", "mondo", "uberon", "treatment", "hgnc"]

#: CURIE prefix -> the bundled ontology whose terms (or xrefs) use it.
_PREFIX_ONTOLOGY: dict[str, str] = {
    "HP": "hp",
    "MONDO": "mondo",
    "ORPHA": "mondo",
    "OMIM": "mondo",
    "GARD": "mondo",
    "DOID": "mondo",
    "UBERON": "uberon",
    "MAXO": "treatment",
    "MESH": "treatment",
    "CHEBI": "treatment",
    "HGNC": "hgnc",
    "NCBIGene": "hgnc",
    "ENSEMBL": "hgnc",
}


@overload
def load(name: Literal["hgnc"]) -> GeneIndex: ...
@overload
def load(name: Literal["hp", "mondo", "uberon", "treatment"]) -> TermIndex: ...
@overload
def load(name: str) -> TermIndex | GeneIndex: ...
@cache
def load(name: str) -> TermIndex | GeneIndex:
    """Return the index of the bundled ontology ``name``, loaded once per process.

    ``name`` is one of ``"hp"``, ``"mondo"``, ``"uberon"``, ``"treatment"`` (a
    :class:`TermIndex`) or ``"hgnc"`` (a :class:`GeneIndex`).

    >>> load("treatment")["MAXO:0001077"].label
    'splenectomy'
    """
    if name not in ONTOLOGY_FILES:
        raise NotFoundError(f"unknown ontology {name!r}; known: {', '.join(ONTOLOGY_FILES)}")
    path = ontology_path(name)
    if name == "hgnc":
        return GeneIndex.from_file(path)
    return TermIndex.from_file(name, path)


def ontology_for(curie: str) -> str:
    """Return the name of the bundled ontology that covers ``curie``'s prefix.

    >>> ontology_for("hp:0001744")
    'hp'
    """
    try:
        prefix = normalize_curie(curie).split(":", 1)[0]
    except CurieError as err:
        raise NotFoundError(str(err)) from None
    try:
        return _PREFIX_ONTOLOGY[prefix]
    except KeyError:
        raise NotFoundError(f"no bundled ontology covers {curie!r}") from None


def _term_index(curie: str) -> TermIndex:
    index = load(ontology_for(curie))
    if not isinstance(index, TermIndex):
        raise NotFoundError(f"{curie!r} belongs to a gene index, which has no hierarchy")
    return index


def ancestors(curie: str) -> frozenset[str]:
    """Return every broader term of ``curie`` in its bundled ontology.

    >>> "MAXO:0001077" in ancestors("MAXO:0001077")
    False
    """
    return _term_index(curie).ancestors(curie)


def descendants(curie: str) -> frozenset[str]:
    """Return every narrower term of ``curie`` in its bundled ontology.

    >>> "CHEBI:35705" in descendants("CHEBI:23888")  # immunosuppressive agent below drug
    True
    """
    return _term_index(curie).descendants(curie)


def is_a(child: str, parent: str) -> bool:
    """Tell whether ``child`` is ``parent`` or a narrower term of it.

    >>> is_a("CHEBI:35705", "CHEBI:52217")
    True
    """
    return _term_index(child).is_a(child, parent)


def surface_forms(
    names: Iterable[str] = ("hp", "uberon", "treatment", "hgnc"),
) -> Iterator[SurfaceForm]:
    """Yield every label and synonym of the named ontologies (not obsolete terms).

    Each :class:`~raregraph.ontology.index.SurfaceForm` carries ``key`` (the case-folded,
    whitespace-collapsed text, ready for an Aho-Corasick automaton), the original text,
    the CURIE, ``kind`` (label/synonym), the synonym scope and type, and the ontology.

    >>> form = next(surface_forms(["treatment"]))
    >>> form.kind, form.ontology
    ('label', 'treatment')
    """
    for name in names:
        yield from load(name).surface_forms()
