"""The data model of raregraph: what a node, an edge and its evidence are.

Read this module first. A knowledge graph holds typed **nodes** (a disease, a gene, a
symptom, ...) joined by typed **edges** whose subject is always the disease. Each edge
carries **qualifiers** (how often, how sure, negated or not) and one or more pieces of
**evidence** (which document, which sentence, where in the file, who asserted it).

Categories and predicates are the Biolink Model 4.4.6 classes and slots; their CURIEs
were checked against ``biolink_model/schema/biolink_model.yaml`` of the
``biolink-model==4.4.6`` wheel. The source document of a statement is an *information
resource* in the issue tracker's words; Biolink 4.x has no such class any more, so it
is typed ``biolink:Publication`` (Biolink counts web pages as publications).

:data:`ALLOWED` lists which categories each predicate may join; the graph refuses
anything else with :class:`~raregraph.errors.SchemaError`.

Examples
--------
>>> fas = Node("HGNC:11920", Category.GENE, "FAS", symbol="FAS", synonyms=("APT1", "CD95"))
>>> fas.category.curie, fas.synonyms
('biolink:Gene', ('APT1', 'CD95'))
>>> Predicate.HAS_PHENOTYPE.curie
'biolink:has_phenotype'
>>> Qualifiers(percentage=75.0, hedge="about").is_empty()
False

"""

from __future__ import annotations

import enum
import functools
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from json.encoder import encode_basestring as _json_string

__all__ = [
    "ALLOWED",
    "TREATMENT_CATEGORIES",
    "AgentType",
    "Category",
    "Edge",
    "Evidence",
    "KnowledgeLevel",
    "Node",
    "Predicate",
    "Qualifiers",
    "association_digest",
]


class Category(enum.Enum):
    """Node categories; the value is the Biolink class CURIE."""

    DISEASE = "biolink:Disease"
    GENE = "biolink:Gene"
    GENETIC_INHERITANCE = "biolink:GeneticInheritance"
    ANATOMICAL_ENTITY = "biolink:AnatomicalEntity"
    PHENOTYPIC_FEATURE = "biolink:PhenotypicFeature"
    DRUG = "biolink:Drug"
    PROCEDURE = "biolink:Procedure"
    TREATMENT = "biolink:Treatment"
    PUBLICATION = "biolink:Publication"

    @property
    def curie(self) -> str:
        """The Biolink CURIE, e.g. ``biolink:Disease``."""
        return self.value

    @property
    def label(self) -> str:
        """The class name without prefix, e.g. ``Disease``."""
        return self.value.split(":", 1)[1]

    @classmethod
    def from_curie(cls, curie: str) -> Category:
        """Return the category for a Biolink CURIE or bare class name.

        >>> Category.from_curie("biolink:Gene") is Category.GENE
        True
        """
        text = curie if ":" in curie else f"biolink:{curie}"
        for member in cls:
            if member.value == text:
                return member
        raise ValueError(f"unknown node category {curie!r}")


#: The categories that count as a treatment (``kg.treatments()`` returns all of them).
TREATMENT_CATEGORIES = frozenset({Category.DRUG, Category.PROCEDURE, Category.TREATMENT})


class Predicate(enum.Enum):
    """Edge predicates; the value is the Biolink slot CURIE. The subject is a disease."""

    HAS_PHENOTYPE = "biolink:has_phenotype"
    HAS_MODE_OF_INHERITANCE = "biolink:has_mode_of_inheritance"
    CONDITION_ASSOCIATED_WITH_GENE = "biolink:condition_associated_with_gene"
    CAUSED_BY = "biolink:caused_by"
    DISEASE_HAS_LOCATION = "biolink:disease_has_location"
    TREATED_BY = "biolink:treated_by"

    @property
    def curie(self) -> str:
        """The Biolink CURIE, e.g. ``biolink:has_phenotype``."""
        return self.value

    @property
    def label(self) -> str:
        """The slot name without prefix, e.g. ``has_phenotype``."""
        return self.value.split(":", 1)[1]

    @property
    def association(self) -> str:
        """The Biolink association class that reifies an edge with this predicate."""
        return _ASSOCIATION_CLASS[self]

    @classmethod
    def from_curie(cls, curie: str) -> Predicate:
        """Return the predicate for a Biolink CURIE or bare slot name.

        >>> Predicate.from_curie("treated_by") is Predicate.TREATED_BY
        True
        """
        text = curie if ":" in curie else f"biolink:{curie}"
        for member in cls:
            if member.value == text:
                return member
        raise ValueError(f"unknown predicate {curie!r}")


_ASSOCIATION_CLASS = {
    Predicate.HAS_PHENOTYPE: "biolink:DiseaseToPhenotypicFeatureAssociation",
    Predicate.HAS_MODE_OF_INHERITANCE: (
        "biolink:DiseaseOrPhenotypicFeatureToGeneticInheritanceAssociation"
    ),
    Predicate.CONDITION_ASSOCIATED_WITH_GENE: "biolink:Association",
    Predicate.CAUSED_BY: "biolink:Association",
    Predicate.DISEASE_HAS_LOCATION: "biolink:DiseaseOrPhenotypicFeatureToLocationAssociation",
    Predicate.TREATED_BY: "biolink:Association",
}

#: predicate -> (allowed subject categories, allowed object categories)
ALLOWED: dict[Predicate, tuple[frozenset[Category], frozenset[Category]]] = {
    Predicate.HAS_PHENOTYPE: (
        frozenset({Category.DISEASE}),
        frozenset({Category.PHENOTYPIC_FEATURE}),
    ),
    Predicate.HAS_MODE_OF_INHERITANCE: (
        frozenset({Category.DISEASE}),
        frozenset({Category.GENETIC_INHERITANCE}),
    ),
    Predicate.CONDITION_ASSOCIATED_WITH_GENE: (
        frozenset({Category.DISEASE}),
        frozenset({Category.GENE}),
    ),
    Predicate.CAUSED_BY: (frozenset({Category.DISEASE}), frozenset({Category.GENE})),
    Predicate.DISEASE_HAS_LOCATION: (
        frozenset({Category.DISEASE}),
        frozenset({Category.ANATOMICAL_ENTITY}),
    ),
    Predicate.TREATED_BY: (frozenset({Category.DISEASE}), TREATMENT_CATEGORIES),
}


class AgentType(str, enum.Enum):
    """Who made an assertion (Biolink ``AgentTypeEnum``)."""

    MANUAL_AGENT = "manual_agent"
    AUTOMATED_AGENT = "automated_agent"
    TEXT_MINING_AGENT = "text_mining_agent"
    NOT_PROVIDED = "not_provided"


class KnowledgeLevel(str, enum.Enum):
    """What kind of statement an edge is (Biolink ``KnowledgeLevelEnum``)."""

    KNOWLEDGE_ASSERTION = "knowledge_assertion"
    STATISTICAL_ASSOCIATION = "statistical_association"
    NOT_PROVIDED = "not_provided"


def _unique_sorted(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({v for v in values if v}))


@dataclass(frozen=True, slots=True)
class Node:
    """A typed node. ``id`` is a CURIE (``HP:0001744``, ``HGNC:11920``, ``raregraph:...``).

    Nodes are values: merging two nodes gives a new one (see :meth:`merged_with`).
    ``synonyms``, ``xrefs`` and ``provided_by`` are kept sorted and free of repeats.
    """

    id: str
    category: Category
    name: str
    synonyms: tuple[str, ...] = ()
    xrefs: tuple[str, ...] = ()
    provided_by: tuple[str, ...] = ()
    symbol: str | None = None
    description: str | None = None

    def __post_init__(self) -> None:
        if not self.id or ":" not in self.id:
            raise ValueError(f"node id must be a CURIE, got {self.id!r}")
        object.__setattr__(
            self, "synonyms", _unique_sorted(s for s in self.synonyms if s != self.name)
        )
        object.__setattr__(self, "xrefs", _unique_sorted(x for x in self.xrefs if x != self.id))
        object.__setattr__(self, "provided_by", _unique_sorted(self.provided_by))

    @property
    def names(self) -> tuple[str, ...]:
        """The name, the symbol and every synonym: all the strings the node is known by."""
        extra = (self.symbol,) if self.symbol and self.symbol != self.name else ()
        return (self.name, *extra, *self.synonyms)

    def merged_with(self, other: Node) -> Node:
        """Return the union of two descriptions of the same node.

        The name of ``self`` is kept; a different name of ``other`` becomes a synonym,
        so nothing is overwritten silently. The categories must agree (the graph checks).

        >>> a = Node("HP:0001744", Category.PHENOTYPIC_FEATURE, "Splenomegaly")
        >>> b = Node("HP:0001744", Category.PHENOTYPIC_FEATURE, "Enlarged spleen")
        >>> a.merged_with(b).synonyms
        ('Enlarged spleen',)
        """
        return replace(
            self,
            synonyms=(*self.synonyms, *other.synonyms, other.name),
            xrefs=(*self.xrefs, *other.xrefs),
            provided_by=(*self.provided_by, *other.provided_by),
            symbol=self.symbol or other.symbol,
            description=self.description or other.description,
        )


@dataclass(frozen=True, slots=True)
class Qualifiers:
    """How an edge holds: frequency, hedges, negation, onset and sex.

    ``percentage`` is the stated share of cases (75.0 for "in about 75% of cases"),
    ``hedge`` the word that softens it ("about", "may", "usually"), ``qualifier_text``
    free text that limits it ("some severe cases"). ``frequency`` is an HPO frequency
    term (``HP:0040281``) or a ratio ``"3/7"``.
    """

    negated: bool = False
    percentage: float | None = None
    frequency: str | None = None
    hedge: str | None = None
    qualifier_text: str | None = None
    onset: str | None = None
    sex: str | None = None
    modifiers: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.percentage is not None and not 0.0 <= self.percentage <= 100.0:
            raise ValueError(f"percentage must be within 0..100, got {self.percentage}")
        object.__setattr__(self, "modifiers", _unique_sorted(self.modifiers))

    def is_empty(self) -> bool:
        """Tell whether no qualifier is set."""
        return self == _NO_QUALIFIERS

    def fingerprint(self) -> str:
        """A short stable digest of the qualifiers ('' when there are none)."""
        return _qualifier_fingerprint(self)

    def as_dict(self) -> dict[str, object]:
        """The qualifiers that are set, as a plain dict (stable key order)."""
        out: dict[str, object] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value not in (None, False, ()):
                out[f.name] = list(value) if isinstance(value, tuple) else value
        return out


_NO_QUALIFIERS = Qualifiers()


@functools.lru_cache(maxsize=1 << 14)
def _qualifier_fingerprint(qualifiers: Qualifiers) -> str:
    """Digest of a qualifier set; cached, since a graph holds few distinct sets."""
    if qualifiers == _NO_QUALIFIERS:
        return ""
    return _digest(qualifiers.as_dict())[:12]


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where an edge comes from.

    ``source`` is the CURIE of the document node (a GARD page, an annotation file),
    ``sentence`` the supporting sentence, ``span`` the (start, end) character offsets of
    the mention in the original file (Python ``str`` indices of the decoded text, end
    exclusive), ``knowledge_source`` an ``infores:`` CURIE. ``biocuration`` records who
    curated the statement and when, as the source writes it (HPO's
    ``HPO:probinson[2021-06-21]``); it is empty for text-mined evidence.
    """

    source: str
    knowledge_source: str
    agent_type: AgentType = AgentType.NOT_PROVIDED
    knowledge_level: KnowledgeLevel = KnowledgeLevel.KNOWLEDGE_ASSERTION
    sentence: str | None = None
    span: tuple[int, int] | None = None
    evidence_codes: tuple[str, ...] = ()
    publications: tuple[str, ...] = ()
    biocuration: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.span is not None:
            start, end = self.span
            if not 0 <= start <= end:
                raise ValueError(f"bad character span {self.span!r}")
            object.__setattr__(self, "span", (int(start), int(end)))
        if self.evidence_codes != ():  # () is already unique and sorted (the common case)
            object.__setattr__(self, "evidence_codes", _unique_sorted(self.evidence_codes))
        if self.publications != ():
            object.__setattr__(self, "publications", _unique_sorted(self.publications))
        if self.biocuration != ():
            object.__setattr__(self, "biocuration", _unique_sorted(self.biocuration))

    def sort_key(self) -> tuple[str, str, int, int, str]:
        """A total order on evidence, for deterministic output."""
        start, end = self.span if self.span else (-1, -1)
        return (self.source, self.knowledge_source, start, end, self.sentence or "")

    def identifier(self) -> str:
        """A stable digest of everything this evidence says.

        ``biocuration`` enters the digest only when set, so evidence without it keeps
        the identifier it had before the field existed.
        """
        return hashlib.sha256(self.canonical_json().encode("utf-8")).hexdigest()[:16]

    def canonical_json(self) -> str:
        """The digested text: every field as compact JSON with sorted keys.

        Written out by hand because a full graph digests ~45,000 pieces of evidence per
        export; the text is byte for byte what ``json.dumps(..., sort_keys=True,
        ensure_ascii=False, separators=(",", ":"))`` gives for the same dict.

        >>> Evidence("GARD:1", "infores:gard").canonical_json()[:44]
        '{"agent_type":"not_provided","evidence_codes'
        """
        span = "null" if self.span is None else f"[{self.span[0]},{self.span[1]}]"
        sentence = "null" if self.sentence is None else _json_string(self.sentence)
        biocuration = (
            f'"biocuration":{_json_strings(self.biocuration)},' if self.biocuration else ""
        )
        # the enums are str enums: their text is their value
        return (
            f'{{"agent_type":{_json_string(self.agent_type)},{biocuration}'
            f'"evidence_codes":{_json_strings(self.evidence_codes)},'
            f'"knowledge_level":{_json_string(self.knowledge_level)},'
            f'"knowledge_source":{_json_string(self.knowledge_source)},'
            f'"publications":{_json_strings(self.publications)},'
            f'"sentence":{sentence},"source":{_json_string(self.source)},"span":{span}}}'
        )


@dataclass(frozen=True, slots=True)
class Edge:
    """A typed statement ``subject --predicate--> object`` with qualifiers and evidence.

    Two edges with the same subject, predicate, object and qualifiers are the same
    statement: adding both to a graph keeps one edge with the union of their evidence.
    """

    subject: str
    predicate: Predicate
    object: str
    qualifiers: Qualifiers = field(default_factory=Qualifiers)
    evidence: tuple[Evidence, ...] = ()

    def __post_init__(self) -> None:
        if len(self.evidence) < 2:  # nothing to deduplicate or sort (the common case)
            object.__setattr__(self, "evidence", tuple(self.evidence))
            return
        # equal evidence has equal identifiers and the other way round (the identifier
        # digests every field), so deduplicating by value keeps the same pieces, cheaper
        unique = dict.fromkeys(self.evidence)
        object.__setattr__(self, "evidence", tuple(sorted(unique, key=Evidence.sort_key)))

    @property
    def negated(self) -> bool:
        """True for a stated absence ("does not cause seizures")."""
        return self.qualifiers.negated

    @property
    def key(self) -> str:
        """The networkx edge key: the predicate CURIE, plus a qualifier digest if any."""
        digest = self.qualifiers.fingerprint()
        return f"{self.predicate.curie}|{digest}" if digest else self.predicate.curie

    @property
    def association_id(self) -> str:
        """The stable CURIE of the reified association (``raregraph:association/...``).

        It is a digest of subject, predicate, object and qualifiers, so the same
        statement gets the same identifier in every run and every export.
        """
        digest = association_digest(
            self.subject, self.predicate.value, self.object, self.qualifiers.fingerprint()
        )
        return f"raregraph:association/{digest}"

    def with_evidence(self, evidence: Iterable[Evidence]) -> Edge:
        """Return the same statement with more evidence (duplicates dropped)."""
        return replace(self, evidence=(*self.evidence, *evidence))


def association_digest(subject: str, predicate: str, object: str, fingerprint: str) -> str:
    """The digest that names an association: subject, predicate CURIE, object, qualifiers.

    ``fingerprint`` is :meth:`Qualifiers.fingerprint`. Writers that already hold the
    fingerprint call this directly instead of :attr:`Edge.association_id`.

    >>> association_digest("MONDO:1", "biolink:has_phenotype", "HP:2", "")[:8]
    'ce3dead7'
    """
    key = f"{subject}\x1f{predicate}\x1f{object}\x1f{fingerprint}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def _json_strings(values: tuple[str, ...]) -> str:
    if len(values) == 1:
        return "[" + _json_string(values[0]) + "]"
    return "[" + ",".join(map(_json_string, values)) + "]"


def _digest(payload: object) -> str:
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
