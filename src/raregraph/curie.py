"""The prefix map and the one converter between CURIEs and IRIs.

Every CURIE/IRI conversion in raregraph goes through :data:`CONVERTER`; no other module
builds IRIs from strings. OBO ontologies expand to OBO PURLs, other sources to the IRIs
that the Biolink Model 4.4.6 prefix map gives them, and a few (ORPHA, GARD, infores)
to their providers' own IRIs.

Examples
--------
>>> expand("HP:0001744")
'http://purl.obolibrary.org/obo/HP_0001744'
>>> compress("http://purl.obolibrary.org/obo/MONDO_0017979")
'MONDO:0017979'
>>> normalize_curie("Orphanet:3261")
'ORPHA:3261'

"""

from __future__ import annotations

import re

import curies

from raregraph.errors import CurieError

__all__ = [
    "CONVERTER",
    "PREFIX_MAP",
    "RAREGRAPH_NAMESPACE",
    "compress",
    "expand",
    "is_curie",
    "normalize_curie",
]

#: Base IRI of everything raregraph mints itself (associations, local nodes, documents).
RAREGRAPH_NAMESPACE = "https://w3id.org/raregraph/"

_OBO = "http://purl.obolibrary.org/obo/"

#: prefix -> (IRI prefix, synonyms of the prefix). Order is the order of ``PREFIX_MAP``.
_RECORDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "biolink": ("https://w3id.org/biolink/vocab/", ()),
    "HP": (_OBO + "HP_", ("HPO",)),
    "MONDO": (_OBO + "MONDO_", ()),
    "OMIM": (_OBO + "OMIM_", ("MIM",)),
    "ORPHA": ("http://www.orpha.net/ORDO/Orphanet_", ("Orphanet", "ORDO", "orphanet.ordo")),
    "GARD": ("https://rarediseases.info.nih.gov/diseases/", ()),
    "DECIPHER": ("https://www.deciphergenomics.org/syndrome/", ()),
    "DOID": (_OBO + "DOID_", ()),
    "HGNC": ("http://identifiers.org/hgnc/", ()),
    "NCBIGene": ("http://identifiers.org/ncbigene/", ("NCBIGENE", "EntrezGene", "NCBIGENE.GENE")),
    "ENSEMBL": ("http://identifiers.org/ensembl/", ("Ensembl",)),
    "UniProtKB": ("http://purl.uniprot.org/uniprot/", ("UNIPROT", "UniProt")),
    "UBERON": (_OBO + "UBERON_", ()),
    "MAXO": (_OBO + "MAXO_", ()),
    "CHEBI": (_OBO + "CHEBI_", ()),
    "NCIT": (_OBO + "NCIT_", ()),
    "MESH": ("http://id.nlm.nih.gov/mesh/", ("MSH", "MeSH")),
    "UMLS": ("http://identifiers.org/umls/", ("UMLS_CUI",)),
    "ECO": (_OBO + "ECO_", ()),
    "PMID": ("http://www.ncbi.nlm.nih.gov/pubmed/", ("PUBMED",)),
    "infores": ("https://w3id.org/information-resource-registry/", ()),
    "raregraph": (RAREGRAPH_NAMESPACE, ()),
    "rdf": ("http://www.w3.org/1999/02/22-rdf-syntax-ns#", ()),
    "rdfs": ("http://www.w3.org/2000/01/rdf-schema#", ()),
    "owl": ("http://www.w3.org/2002/07/owl#", ()),
    "xsd": ("http://www.w3.org/2001/XMLSchema#", ()),
    "skos": ("http://www.w3.org/2004/02/skos/core#", ()),
    "dct": ("http://purl.org/dc/terms/", ()),
    "oboInOwl": ("http://www.geneontology.org/formats/oboInOwl#", ()),
}

#: The prefix map as a plain dict (prefix -> IRI prefix), e.g. to bind namespaces in RDF.
PREFIX_MAP: dict[str, str] = {prefix: iri for prefix, (iri, _) in _RECORDS.items()}

#: The one converter. Prefix synonyms are accepted on input and standardized on output.
CONVERTER: curies.Converter = curies.Converter(
    [
        curies.Record(prefix=prefix, uri_prefix=iri, prefix_synonyms=list(synonyms))
        for prefix, (iri, synonyms) in _RECORDS.items()
    ]
)

_CASEFOLDED_PREFIXES: dict[str, str] = {}
for _prefix, (_iri, _synonyms) in _RECORDS.items():
    for _name in (_prefix, *_synonyms):
        _CASEFOLDED_PREFIXES[_name.casefold()] = _prefix

_CURIE_SHAPE = re.compile(r"^[A-Za-z][A-Za-z0-9_.\-]*:[^\s:]?\S*$")


def is_curie(text: str) -> bool:
    """Tell whether ``text`` is a CURIE with a prefix that raregraph knows.

    >>> is_curie("HP:0001744"), is_curie("orphanet:3261"), is_curie("spleen")
    (True, True, False)
    """
    if not _CURIE_SHAPE.match(text):
        return False
    return text.split(":", 1)[0].casefold() in _CASEFOLDED_PREFIXES


def normalize_curie(curie: str) -> str:
    """Return ``curie`` with its prefix standardized (synonyms and case resolved).

    Raises :class:`~raregraph.errors.CurieError` if the prefix is unknown.

    >>> normalize_curie("hp:0001744")
    'HP:0001744'
    """
    prefix, sep, local = curie.strip().partition(":")
    if not sep or not local:
        raise CurieError(f"{curie!r} is not a CURIE (expected PREFIX:ID)")
    try:
        standard = _CASEFOLDED_PREFIXES[prefix.casefold()]
    except KeyError:
        raise CurieError(f"{curie!r} has an unknown prefix {prefix!r}") from None
    if standard in {"HP", "MONDO", "UBERON", "MAXO", "CHEBI", "DOID", "ECO"} and local.startswith(
        standard + "_"
    ):
        local = local[len(standard) + 1 :]
    if standard == "HGNC" and local.upper().startswith("HGNC:"):
        local = local[5:]
    return f"{standard}:{local}"


def expand(curie: str) -> str:
    """Expand a CURIE to its IRI; raise :class:`~raregraph.errors.CurieError` if unknown.

    >>> expand("ORPHA:3261")
    'http://www.orpha.net/ORDO/Orphanet_3261'
    """
    prefix, _, local = normalize_curie(curie).partition(":")
    # the same result as CONVERTER.expand (IRI prefix + local id), without its per-call
    # rebuilding of the prefix map, which dominates exporting a graph of 100,000s of edges
    return PREFIX_MAP[prefix] + local


def compress(iri: str) -> str:
    """Compress an IRI to a CURIE; raise :class:`~raregraph.errors.CurieError` if unknown.

    >>> compress("http://identifiers.org/hgnc/11920")
    'HGNC:11920'
    """
    curie = CONVERTER.compress(iri)
    if curie is None:
        raise CurieError(f"no prefix in the prefix map covers the IRI {iri!r}")
    return curie
