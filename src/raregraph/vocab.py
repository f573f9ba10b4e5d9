"""RDF vocabularies as closed namespaces: a misspelt term fails at attribute access.

``BIOLINK`` holds the Biolink Model 4.4.6 classes and slots raregraph writes; ``RG``
holds raregraph's own few terms for what Biolink has no slot for (the hedge word, a
free-text qualifier, the evidence link and character offsets).

>>> str(BIOLINK.Disease)
'https://w3id.org/biolink/vocab/Disease'
>>> BIOLINK.Diseas  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
AttributeError: term 'Diseas' not in namespace 'https://w3id.org/biolink/vocab/'
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

from raregraph.curie import PREFIX_MAP

__all__ = ["BIOLINK", "RG"]


class BIOLINK(DefinedNamespace):
    """The Biolink Model terms that raregraph uses."""

    _NS = Namespace(PREFIX_MAP["biolink"])
    _fail = True

    # classes
    Disease: URIRef
    Gene: URIRef
    GeneticInheritance: URIRef
    AnatomicalEntity: URIRef
    PhenotypicFeature: URIRef
    Drug: URIRef
    Procedure: URIRef
    Treatment: URIRef
    Publication: URIRef
    Association: URIRef
    DiseaseToPhenotypicFeatureAssociation: URIRef
    DiseaseOrPhenotypicFeatureToGeneticInheritanceAssociation: URIRef
    DiseaseOrPhenotypicFeatureToLocationAssociation: URIRef
    # predicates between nodes
    has_phenotype: URIRef
    has_mode_of_inheritance: URIRef
    condition_associated_with_gene: URIRef
    caused_by: URIRef
    disease_has_location: URIRef
    treated_by: URIRef
    # node properties
    synonym: URIRef
    xref: URIRef
    provided_by: URIRef
    symbol: URIRef
    description: URIRef
    # association slots
    subject: URIRef
    predicate: URIRef
    object: URIRef
    negated: URIRef
    has_percentage: URIRef
    frequency_qualifier: URIRef
    onset_qualifier: URIRef
    sex_qualifier: URIRef
    primary_knowledge_source: URIRef
    agent_type: URIRef
    knowledge_level: URIRef
    supporting_text: URIRef
    publications: URIRef


class RG(DefinedNamespace):
    """raregraph's own terms (``https://w3id.org/raregraph/vocab/``)."""

    _NS = Namespace(PREFIX_MAP["raregraph"] + "vocab/")
    _fail = True

    Evidence: URIRef
    evidence: URIRef
    source: URIRef
    span_start: URIRef
    span_end: URIRef
    hedge: URIRef
    qualifier_text: URIRef
    modifier: URIRef
    evidence_code: URIRef
    biocuration: URIRef
