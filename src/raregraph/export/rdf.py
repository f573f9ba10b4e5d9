"""RDF export and import: Turtle, N-Triples and JSON-LD.

The IRI scheme (stable across runs, documented in ``docs/rdf.md``):

* a node is the IRI of its CURIE (``HP:0001744`` -> ``http://purl.obolibrary.org/obo/HP_0001744``);
  ``rdf:type`` its Biolink category, ``rdfs:label`` its name, ``biolink:synonym``,
  ``biolink:xref``, ``biolink:provided_by``, ``biolink:symbol``, ``biolink:description``;
* an edge is a direct triple ``subject predicate object`` (left out when negated: a
  stated absence must not read as a fact) **and** an association node
  ``https://w3id.org/raregraph/association/<digest>`` of subject, predicate, object
  and qualifiers, typed with the Biolink association class, carrying
  ``biolink:subject/predicate/object``, ``biolink:negated``, ``biolink:has_percentage``,
  ``biolink:frequency_qualifier``, ``biolink:onset_qualifier``, ``biolink:sex_qualifier``
  and raregraph's ``hedge``, ``qualifier_text`` and ``modifier``;
* each piece of evidence is ``https://w3id.org/raregraph/evidence/<digest>`` linked
  from the association by ``rgv:evidence``, with ``rgv:source`` (the document),
  ``biolink:supporting_text``, ``rgv:span_start``/``rgv:span_end``,
  ``biolink:primary_knowledge_source``, ``biolink:agent_type``,
  ``biolink:knowledge_level``, ``biolink:publications`` and ``rgv:evidence_code``.

Turtle and N-Triples are written by raregraph's own streaming writers (fast, sorted,
byte-identical for the same graph), and so is JSON-LD, in flattened form with full
IRIs. Reading uses pyoxigraph when it
is installed, else rdflib.

>>> from raregraph.graph import KnowledgeGraph
>>> from raregraph.model import Category, Node
>>> kg = KnowledgeGraph()
>>> _ = kg.add_node(Node("HP:0001744", Category.PHENOTYPIC_FEATURE, "Splenomegaly"))
>>> for line in to_ntriples(kg).splitlines():
...     print(line.split()[-2])
<https://w3id.org/biolink/vocab/PhenotypicFeature>
"Splenomegaly"
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterator
from os import PathLike
from pathlib import Path
from typing import NamedTuple

from raregraph.curie import PREFIX_MAP, compress, expand
from raregraph.errors import CurieError, InputError
from raregraph.fileio import atomic_writer
from raregraph.graph import KnowledgeGraph
from raregraph.model import (
    AgentType,
    Category,
    Edge,
    Evidence,
    KnowledgeLevel,
    Node,
    Predicate,
    Qualifiers,
)
from raregraph.vocab import BIOLINK, RG

__all__ = [
    "read_rdf",
    "to_ntriples",
    "to_turtle",
    "triples",
    "write_jsonld",
    "write_ntriples",
    "write_turtle",
]

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
XSD = PREFIX_MAP["xsd"]
XSD_BOOLEAN = XSD + "boolean"
XSD_DOUBLE = XSD + "double"
XSD_INTEGER = XSD + "integer"
XSD_STRING = XSD + "string"


class Literal(NamedTuple):
    """An RDF literal: lexical value and datatype IRI (``None`` for a plain string)."""

    value: str
    datatype: str | None = None


Term = str | Literal  # an IRI (plain str) or a literal
Triple = tuple[str, str, Term]


@functools.lru_cache(maxsize=1 << 18)
def _expand(curie: str) -> str:
    """Expand a CURIE (cached: a full graph expands the same ids 100,000s of times)."""
    return expand(curie)


@functools.lru_cache(maxsize=1 << 16)
def _iri_or_literal(curie: str) -> Term:
    try:
        return _expand(curie)
    except CurieError:
        return Literal(curie)


_BIOLINK_SYNONYM = str(BIOLINK.synonym)
_BIOLINK_XREF = str(BIOLINK.xref)
_BIOLINK_PROVIDED_BY = str(BIOLINK.provided_by)
_BIOLINK_SUBJECT = str(BIOLINK.subject)
_BIOLINK_PREDICATE = str(BIOLINK.predicate)
_BIOLINK_OBJECT = str(BIOLINK.object)
_RG_EVIDENCE = str(RG.evidence)


_BIOLINK_SYMBOL = str(BIOLINK.symbol)
_BIOLINK_DESCRIPTION = str(BIOLINK.description)
_CATEGORY_IRI = {category: str(BIOLINK[category.label]) for category in Category}


def _node_properties(node: Node) -> list[tuple[str, tuple[Term, ...]]]:
    """The properties of a node: each predicate once, with its objects."""
    found: list[tuple[str, tuple[Term, ...]]] = [
        (RDF_TYPE, (_CATEGORY_IRI[node.category],)),
        (RDFS_LABEL, (Literal(node.name),)),
    ]
    if node.synonyms:
        found.append((_BIOLINK_SYNONYM, tuple(map(Literal, node.synonyms))))
    if node.xrefs:
        found.append((_BIOLINK_XREF, tuple(map(_iri_or_literal, node.xrefs))))
    if node.provided_by:
        found.append((_BIOLINK_PROVIDED_BY, tuple(map(_iri_or_literal, node.provided_by))))
    if node.symbol:
        found.append((_BIOLINK_SYMBOL, (Literal(node.symbol),)))
    if node.description:
        found.append((_BIOLINK_DESCRIPTION, (Literal(node.description),)))
    return found


def _node_triples(node: Node) -> Iterator[Triple]:
    s = _expand(node.id)
    for predicate, objects in _node_properties(node):
        for value in objects:
            yield s, predicate, value


@functools.lru_cache(maxsize=1 << 12)
def _qualifier_pairs(q: Qualifiers) -> tuple[tuple[str, Term], ...]:
    """The (predicate, object) pairs of a qualifier set (cached: few distinct sets)."""
    return tuple((p, o) for _, p, o in _qualifier_triples("", q))


def _qualifier_triples(a: str, q: Qualifiers) -> Iterator[Triple]:
    if q.negated:
        yield a, str(BIOLINK.negated), Literal("true", XSD_BOOLEAN)
    if q.percentage is not None:
        yield a, str(BIOLINK.has_percentage), Literal(repr(float(q.percentage)), XSD_DOUBLE)
    if q.frequency:
        yield a, str(BIOLINK.frequency_qualifier), _iri_or_literal(q.frequency)
    if q.onset:
        yield a, str(BIOLINK.onset_qualifier), _iri_or_literal(q.onset)
    if q.sex:
        yield a, str(BIOLINK.sex_qualifier), _iri_or_literal(q.sex)
    if q.hedge:
        yield a, str(RG.hedge), Literal(q.hedge)
    if q.qualifier_text:
        yield a, str(RG.qualifier_text), Literal(q.qualifier_text)
    for modifier in q.modifiers:
        yield a, str(RG.modifier), _iri_or_literal(modifier)


def _evidence_iri(ev: Evidence) -> str:
    return _expand(f"raregraph:evidence/{ev.identifier()}")


_RG_EVIDENCE_CLASS = str(RG.Evidence)
_RG_SOURCE = str(RG.source)
_RG_SPAN_START = str(RG.span_start)
_RG_SPAN_END = str(RG.span_end)
_RG_EVIDENCE_CODE = str(RG.evidence_code)
_RG_BIOCURATION = str(RG.biocuration)
_BIOLINK_KNOWLEDGE_SOURCE = str(BIOLINK.primary_knowledge_source)
_BIOLINK_AGENT_TYPE = str(BIOLINK.agent_type)
_BIOLINK_KNOWLEDGE_LEVEL = str(BIOLINK.knowledge_level)
_BIOLINK_SUPPORTING_TEXT = str(BIOLINK.supporting_text)
_BIOLINK_PUBLICATIONS = str(BIOLINK.publications)


def _evidence_properties(ev: Evidence) -> list[tuple[str, tuple[Term, ...]]]:
    """The (predicate, objects) pairs that describe an evidence node."""
    properties: list[tuple[str, tuple[Term, ...]]] = [
        (RDF_TYPE, (_RG_EVIDENCE_CLASS,)),
        (_RG_SOURCE, (_expand(ev.source),)),
        (_BIOLINK_KNOWLEDGE_SOURCE, (_iri_or_literal(ev.knowledge_source),)),
        (_BIOLINK_AGENT_TYPE, (Literal(ev.agent_type.value),)),
        (_BIOLINK_KNOWLEDGE_LEVEL, (Literal(ev.knowledge_level.value),)),
    ]
    if ev.sentence is not None:
        properties.append((_BIOLINK_SUPPORTING_TEXT, (Literal(ev.sentence),)))
    if ev.span is not None:
        properties.append((_RG_SPAN_START, (Literal(str(ev.span[0]), XSD_INTEGER),)))
        properties.append((_RG_SPAN_END, (Literal(str(ev.span[1]), XSD_INTEGER),)))
    if ev.evidence_codes:
        properties.append((_RG_EVIDENCE_CODE, tuple(Literal(c) for c in ev.evidence_codes)))
    if ev.publications:
        properties.append(
            (_BIOLINK_PUBLICATIONS, tuple(_iri_or_literal(p) for p in ev.publications))
        )
    if ev.biocuration:
        properties.append((_RG_BIOCURATION, tuple(Literal(b) for b in ev.biocuration)))
    return properties


def _evidence_triples(e: str, ev: Evidence) -> Iterator[Triple]:
    for predicate, objects in _evidence_properties(ev):
        for obj in objects:
            yield e, predicate, obj


def _edge_triples(edge: Edge, evidence_iris: dict[Evidence, str]) -> Iterator[Triple]:
    """Yield the triples of an edge.

    Evidence not yet in ``evidence_iris`` is added to it and described, so each evidence
    node is described once per export.
    """
    s, p, o = _expand(edge.subject), _expand(edge.predicate.curie), _expand(edge.object)
    if not edge.negated:
        yield s, p, o
    a = _expand(edge.association_id)
    yield a, RDF_TYPE, _expand(edge.predicate.association)
    yield a, _BIOLINK_SUBJECT, s
    yield a, _BIOLINK_PREDICATE, p
    yield a, _BIOLINK_OBJECT, o
    for qp, qo in _qualifier_pairs(edge.qualifiers):
        yield a, qp, qo
    for ev in edge.evidence:
        e = evidence_iris.get(ev)
        if e is None:
            e = evidence_iris[ev] = _evidence_iri(ev)
            yield from _evidence_triples(e, ev)
        yield a, _RG_EVIDENCE, e


def triples(kg: KnowledgeGraph) -> Iterator[Triple]:
    """Yield the RDF triples of a graph (IRIs as ``str``, literals as :class:`Literal`).

    Each evidence node is described once, however many edges share it.
    """
    for node in kg.nodes():
        yield from _node_triples(node)
    evidence_iris: dict[Evidence, str] = {}
    for edge in kg.edges():
        yield from _edge_triples(edge, evidence_iris)


# ------------------------------------------------------------------ serializers
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')


_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f\x7f"\\]')


def _escape(value: str) -> str:
    if not _NEEDS_ESCAPE.search(value):  # most values (a regex scan is much cheaper)
        return value
    escaped = value.translate(_ESCAPES)
    if _CONTROL.search(escaped):
        escaped = _CONTROL.sub(lambda m: f"\\u{ord(m.group(0)):04X}", escaped)
    return escaped


def _iri(iri: str) -> str:
    if _IRI_UNSAFE.search(iri):
        iri = _IRI_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group(0).encode()), iri)
    return f"<{iri}>"


def to_ntriples(kg: KnowledgeGraph) -> str:
    """Return the graph as N-Triples (canonical order, so output is deterministic)."""
    from raregraph.export.rdfstream import NTRIPLES, render

    return "".join(render(kg, NTRIPLES))


def write_ntriples(kg: KnowledgeGraph, path: str | PathLike[str]) -> None:
    """Write the graph as N-Triples to ``path`` (atomically)."""
    from raregraph.export.parallel import write_file
    from raregraph.export.rdfstream import NTRIPLES

    write_file(kg, path, NTRIPLES)


_TURTLE_PREFIXES: dict[str, str] = {
    **{p: iri for p, iri in PREFIX_MAP.items() if p != "raregraph"},
    "rgv": str(RG._NS),
    "rgassoc": PREFIX_MAP["raregraph"] + "association/",
    "rgev": PREFIX_MAP["raregraph"] + "evidence/",
    "rgdoc": PREFIX_MAP["raregraph"] + "document/",
    "rgdisease": PREFIX_MAP["raregraph"] + "disease/",
}
_NAMESPACE_TO_PREFIX = {iri: prefix for prefix, iri in _TURTLE_PREFIXES.items()}
_PN_LOCAL = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?$")


class _TurtleNames:
    """Shortens IRIs to prefixed names where that is safe (cached per IRI)."""

    def __init__(self) -> None:
        self.cache: dict[str, str] = {}
        self.used: set[str] = set()

    def __call__(self, iri: str) -> str:
        cached = self.cache.get(iri)
        if cached is not None:
            return cached
        short = _iri(iri)
        for separator in ("#", "/", "_"):
            cut = iri.rfind(separator) + 1
            prefix = _NAMESPACE_TO_PREFIX.get(iri[:cut]) if cut else None
            if prefix is not None and _PN_LOCAL.match(iri[cut:]):
                short = f"{prefix}:{iri[cut:]}"
                self.used.add(prefix)
                break
        self.cache[iri] = short
        return short


def to_turtle(kg: KnowledgeGraph) -> str:
    """Return the graph as Turtle (canonical order, deterministic)."""
    from raregraph.export.rdfstream import TURTLE, render

    return "".join(render(kg, TURTLE))


def write_turtle(kg: KnowledgeGraph, path: str | PathLike[str]) -> None:
    """Write the graph as Turtle to ``path`` (atomically)."""
    from raregraph.export.parallel import write_file
    from raregraph.export.rdfstream import TURTLE

    write_file(kg, path, TURTLE)


def _jsonld_document(kg: KnowledgeGraph) -> dict[str, object]:
    by_subject: dict[str, dict[str, set[tuple[str, str, str]]]] = defaultdict(
        lambda: defaultdict(set)
    )
    for s, p, o in triples(kg):
        if isinstance(o, Literal):
            by_subject[s][p].add(("@value", o.value, o.datatype or ""))
        else:
            by_subject[s][p].add(("@id", o, ""))
    graph: list[dict[str, object]] = []
    for subject in sorted(by_subject):
        item: dict[str, object] = {"@id": subject}
        for predicate, objects in sorted(by_subject[subject].items()):
            if predicate == RDF_TYPE:
                item["@type"] = sorted(value for _, value, _ in objects)
                continue
            values: list[dict[str, str]] = []
            for kind, value, datatype in sorted(objects):
                entry = {kind: value}
                if datatype and datatype != XSD_STRING:
                    entry["@type"] = datatype
                values.append(entry)
            item[predicate] = values
        graph.append(item)
    return {"@graph": graph}


def write_jsonld(kg: KnowledgeGraph, path: str | PathLike[str]) -> None:
    """Write the graph as JSON-LD (flattened, full IRIs, sorted: deterministic)."""
    import json

    with atomic_writer(path) as handle:
        json.dump(_jsonld_document(kg), handle, ensure_ascii=False, indent=1, sort_keys=True)
        handle.write("\n")


# ------------------------------------------------------------------ reading
_FORMAT_NAMES = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}


def _parse(path: Path, fmt: str) -> Iterator[Triple]:
    if fmt in ("ttl", "nt"):
        try:
            import pyoxigraph
        except ImportError:
            pass
        else:
            rdf_format = (
                pyoxigraph.RdfFormat.TURTLE if fmt == "ttl" else pyoxigraph.RdfFormat.N_TRIPLES
            )
            try:
                with path.open("rb") as handle:
                    for quad in pyoxigraph.parse(handle, rdf_format):
                        yield (
                            str(quad.subject.value),
                            quad.predicate.value,
                            _from_oxigraph(quad.object),
                        )
            except SyntaxError as err:
                raise InputError(path, f"is not valid {fmt.upper()}: {err}") from None
            return
    import rdflib

    graph = rdflib.Graph()
    try:
        graph.parse(path, format=_FORMAT_NAMES[fmt])
    except Exception as err:  # rdflib raises many types for bad syntax
        raise InputError(path, f"is not valid {fmt}: {err}") from None
    for s, p, o in graph:
        if isinstance(o, rdflib.Literal):
            datatype = str(o.datatype) if o.datatype else None
            yield str(s), str(p), Literal(str(o), datatype)
        else:
            yield str(s), str(p), str(o)


def _from_oxigraph(term: object) -> Term:
    import pyoxigraph

    if isinstance(term, pyoxigraph.Literal):
        datatype = term.datatype.value
        if datatype == XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype)
    return str(getattr(term, "value", term))


def _curie(term: Term) -> str:
    if isinstance(term, Literal):
        return term.value
    return compress(term)


def read_rdf(path: str | PathLike[str], fmt: str | None = None) -> KnowledgeGraph:
    """Read a graph written by :func:`write_turtle`, :func:`write_ntriples` or JSON-LD.

    Raises :class:`~raregraph.errors.InputError` naming the file if it cannot be parsed.
    """
    file = Path(path)
    if not file.is_file():
        raise InputError(file, "no such file")
    fmt = fmt or {".ttl": "ttl", ".nt": "nt", ".jsonld": "jsonld", ".json": "jsonld"}.get(
        file.suffix.lower(), "ttl"
    )
    subjects: dict[str, dict[str, list[Term]]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in _parse(file, fmt):
        subjects[s][p].append(o)
    try:
        return _rebuild(subjects, name=file.stem)
    except (CurieError, ValueError, KeyError) as err:
        raise InputError(file, f"is not a raregraph graph: {err}") from None


def _one(values: list[Term]) -> Term | None:
    return values[0] if values else None


def _text(values: list[Term]) -> str | None:
    value = _one(values)
    return value.value if isinstance(value, Literal) else value


def _rebuild(subjects: dict[str, dict[str, list[Term]]], name: str) -> KnowledgeGraph:
    kg = KnowledgeGraph(name=name)
    category_by_iri = {str(BIOLINK[c.label]): c for c in Category}
    associations: list[dict[str, list[Term]]] = []
    for iri in sorted(subjects):
        props = subjects[iri]
        if str(BIOLINK.subject) in props:
            associations.append(props)
            continue
        types = [t for t in props.get(RDF_TYPE, []) if isinstance(t, str) and t in category_by_iri]
        if not types:
            continue
        symbol = _text(props.get(str(BIOLINK.symbol), []))
        description = _text(props.get(str(BIOLINK.description), []))
        kg.add_node(
            Node(
                id=compress(iri),
                category=category_by_iri[types[0]],
                name=_text(props.get(RDFS_LABEL, [])) or "",
                synonyms=tuple(str(_text([v])) for v in props.get(str(BIOLINK.synonym), [])),
                xrefs=tuple(_curie(v) for v in props.get(str(BIOLINK.xref), [])),
                provided_by=tuple(_curie(v) for v in props.get(str(BIOLINK.provided_by), [])),
                symbol=symbol,
                description=description,
            )
        )
    for props in associations:
        kg.add_edge(_rebuild_edge(props, subjects))
    return kg


def _rebuild_edge(props: dict[str, list[Term]], subjects: dict[str, dict[str, list[Term]]]) -> Edge:
    def get(term: object) -> list[Term]:
        return props.get(str(term), [])

    percentage = _text(get(BIOLINK.has_percentage))
    frequency, onset, sex = (
        _one(get(t))
        for t in (BIOLINK.frequency_qualifier, BIOLINK.onset_qualifier, BIOLINK.sex_qualifier)
    )
    qualifiers = Qualifiers(
        negated=_text(get(BIOLINK.negated)) == "true",
        percentage=float(percentage) if percentage is not None else None,
        frequency=_curie(frequency) if frequency is not None else None,
        onset=_curie(onset) if onset is not None else None,
        sex=_curie(sex) if sex is not None else None,
        hedge=_text(get(RG.hedge)),
        qualifier_text=_text(get(RG.qualifier_text)),
        modifiers=tuple(_curie(m) for m in get(RG.modifier)),
    )
    evidence = []
    for ev_iri in get(RG.evidence):
        ev = subjects[str(ev_iri)]

        def field(term: object, ev: dict[str, list[Term]] = ev) -> list[Term]:
            return ev.get(str(term), [])

        start, end = _text(field(RG.span_start)), _text(field(RG.span_end))
        evidence.append(
            Evidence(
                source=_curie(field(RG.source)[0]),
                knowledge_source=_curie(field(BIOLINK.primary_knowledge_source)[0]),
                agent_type=AgentType(_text(field(BIOLINK.agent_type))),
                knowledge_level=KnowledgeLevel(_text(field(BIOLINK.knowledge_level))),
                sentence=_text(field(BIOLINK.supporting_text)),
                span=(int(start), int(end)) if start is not None and end is not None else None,
                evidence_codes=tuple(str(_text([c])) for c in field(RG.evidence_code)),
                publications=tuple(_curie(p) for p in field(BIOLINK.publications)),
                biocuration=tuple(str(_text([c])) for c in field(RG.biocuration)),
            )
        )
    return Edge(
        subject=_curie(get(BIOLINK.subject)[0]),
        predicate=Predicate.from_curie(_curie(get(BIOLINK.predicate)[0])),
        object=_curie(get(BIOLINK.object)[0]),
        qualifiers=qualifiers,
        evidence=tuple(evidence),
    )
