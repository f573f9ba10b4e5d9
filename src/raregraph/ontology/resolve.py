"""One node per real thing: resolve the many ids and names of a thing to one CURIE.

Diseases resolve to MONDO (through MONDO's xrefs to ORPHA, OMIM, GARD, DOID, ...), genes
to HGNC (from symbols, aliases, previous symbols, NCBIGene or Ensembl ids), treatments to
MAxO where a MAxO-MeSH mapping exists, and any term to its current id (alt_ids and
obsolete terms to their replacement).

Examples
--------
>>> resolve_treatment("MESH:D013156")
'MAXO:0001077'

"""

from __future__ import annotations

from raregraph.curie import normalize_curie
from raregraph.errors import AmbiguousNameError, CurieError, NotFoundError
from raregraph.ontology.index import TermIndex, normalize_xref
from raregraph.ontology.registry import load, ontology_for

__all__ = [
    "disease_candidates",
    "resolve_disease",
    "resolve_gene",
    "resolve_term",
    "resolve_treatment",
]


def resolve_term(curie: str) -> str:
    """Return the current id of ``curie`` in its bundled ontology (alt_id, obsolete).

    >>> resolve_term("MAXO:0001077")
    'MAXO:0001077'
    """
    index = load(ontology_for(curie))
    if not isinstance(index, TermIndex):
        return index.resolve(curie)
    return index.resolve(curie)


def _collapse(index: TermIndex, curies: list[str]) -> list[str]:
    """Drop candidates that lie below another candidate (keep the most general)."""
    return [c for c in curies if not any(o != c and index.is_a(c, o) for o in curies)]


def disease_candidates(curie: str) -> list[str]:
    """Return every MONDO term that ``curie`` (MONDO, ORPHA, OMIM, GARD, DOID, ...) names.

    >>> disease_candidates("GARD:0008686")
    ['MONDO:0017979']
    """
    try:
        normalized = normalize_xref(normalize_curie(curie))
    except CurieError as err:
        raise NotFoundError(str(err)) from None
    mondo = load("mondo")
    if normalized.startswith("MONDO:"):
        return [mondo.resolve(normalized)]
    return mondo.by_xref(normalized)


def resolve_disease(curie: str) -> str:
    """Return the MONDO term for a disease known by a MONDO, ORPHA, OMIM, GARD or DOID id.

    When several MONDO terms carry the xref and one of them is above all the others, that
    one is returned; otherwise :class:`~raregraph.errors.AmbiguousNameError` lists them.
    Raises :class:`~raregraph.errors.NotFoundError` when no MONDO term carries the id.

    >>> resolve_disease("ORPHA:3261")
    'MONDO:0017979'
    """
    found = disease_candidates(curie)
    if not found:
        raise NotFoundError(f"no MONDO term has the xref {curie!r}")
    if len(found) > 1:
        found = _collapse(load("mondo"), found)
    if len(found) > 1:
        raise AmbiguousNameError(curie, found)
    return found[0]


def resolve_gene(text: str) -> str:
    """Return the HGNC CURIE for a gene symbol, alias, previous symbol or gene id.

    >>> resolve_gene("CD95")
    'HGNC:11920'
    """
    return load("hgnc").resolve(text)


def resolve_treatment(curie: str) -> str:
    """Return the treatment node for ``curie``: MESH ids with a MAxO mapping go to MAxO.

    >>> resolve_treatment("MESH:D001803")
    'MAXO:0000756'
    """
    index = load("treatment")
    try:
        return index.resolve(curie)
    except NotFoundError:
        found = index.by_xref(curie)
        if len(found) == 1:
            return found[0]
        raise
