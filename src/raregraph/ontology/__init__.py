"""Bundled ontologies: loading, term index, hierarchy, id resolution, alignment, SSSOM.

HPO, MONDO, UBERON, a treatment vocabulary (MAxO, MeSH, ChEBI slim) and HGNC ship with
raregraph (see ``ontologies/README.md``) and load offline through an on-disk cache.

Examples
--------
>>> resolve_disease("GARD:8686")
'MONDO:0017979'
>>> resolve_gene("APT1")
'HGNC:11920'

"""

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
