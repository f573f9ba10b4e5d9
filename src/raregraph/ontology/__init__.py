"""Bundled ontologies: loading, term index, hierarchy, id resolution, alignment, SSSOM.

HPO, MONDO, UBERON, a treatment vocabulary (MAxO, MeSH, ChEBI slim) and HGNC ship with
raregraph (see ``ontologies/README.md``) and load offline through an on-disk cache.

Examples
--------
>>> from raregraph.ontology import resolve_disease, resolve_gene
>>> resolve_disease("GARD:8686")
'MONDO:0017979'
>>> resolve_gene("APT1")
'HGNC:11920'

"""

from __future__ import annotations

from typing import TYPE_CHECKING

from raregraph._lazy import lazy_attributes

if TYPE_CHECKING:
    from raregraph.ontology.align import Candidate, align
    from raregraph.ontology.genes import Gene, GeneIndex
    from raregraph.ontology.index import SurfaceForm, Synonym, Term, TermIndex
    from raregraph.ontology.registry import (
        ancestors,
        descendants,
        is_a,
        load,
        ontology_for,
        surface_forms,
    )
    from raregraph.ontology.resolve import (
        disease_candidates,
        resolve_disease,
        resolve_gene,
        resolve_term,
        resolve_treatment,
    )
    from raregraph.ontology.sssom import Mapping, mapping_from_candidate, to_sssom

# imported on first use: the lexicon needs only the cache and the files, not pronto
_LAZY = {
    "Candidate": "raregraph.ontology.align",
    "align": "raregraph.ontology.align",
    "Gene": "raregraph.ontology.genes",
    "GeneIndex": "raregraph.ontology.genes",
    "SurfaceForm": "raregraph.ontology.index",
    "Synonym": "raregraph.ontology.index",
    "Term": "raregraph.ontology.index",
    "TermIndex": "raregraph.ontology.index",
    "ancestors": "raregraph.ontology.registry",
    "descendants": "raregraph.ontology.registry",
    "is_a": "raregraph.ontology.registry",
    "load": "raregraph.ontology.registry",
    "ontology_for": "raregraph.ontology.registry",
    "surface_forms": "raregraph.ontology.registry",
    "disease_candidates": "raregraph.ontology.resolve",
    "resolve_disease": "raregraph.ontology.resolve",
    "resolve_gene": "raregraph.ontology.resolve",
    "resolve_term": "raregraph.ontology.resolve",
    "resolve_treatment": "raregraph.ontology.resolve",
    "Mapping": "raregraph.ontology.sssom",
    "mapping_from_candidate": "raregraph.ontology.sssom",
    "to_sssom": "raregraph.ontology.sssom",
}
__getattr__, __dir__ = lazy_attributes(__name__, _LAZY)


__all__ = [
    "Candidate",
    "Gene",
    "GeneIndex",
    "Mapping",
    "SurfaceForm",
    "Synonym",
    "Term",
    "TermIndex",
    "align",
    "ancestors",
    "descendants",
    "disease_candidates",
    "is_a",
    "load",
    "mapping_from_candidate",
    "ontology_for",
    "resolve_disease",
    "resolve_gene",
    "resolve_term",
    "resolve_treatment",
    "surface_forms",
    "to_sssom",
]
