"""Fast, canonical N-Triples and Turtle writers.

The triples are those of :func:`raregraph.export.rdf.triples`; this module only
decides how fast and in which order they are written. The order is canonical, so the
same graph always gives the same bytes: subjects sorted by IRI; within a subject,
``rdf:type`` first, then predicates by IRI, objects by their written form.

A full HPO graph has ~2.5 million triples, most of them on ~280,000 reified
associations that look alike. Instead of rendering triple by triple, each distinct
(predicate, qualifiers) pair gets a block template once, rendered with all its fixed
lines in canonical order; an association then costs one ``str.format`` call.

>>> from raregraph.graph import KnowledgeGraph
>>> from raregraph.model import Category, Node
>>> kg = KnowledgeGraph()
>>> _ = kg.add_node(Node("HP:0001744", Category.PHENOTYPIC_FEATURE, "Splenomegaly"))
>>> print(render(kg, NTRIPLES)[1].split()[2])
<https://w3id.org/biolink/vocab/PhenotypicFeature>
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TextIO

from raregraph.export.rdf import (
    _TURTLE_PREFIXES,
    RDF_TYPE,
    XSD_STRING,
    Literal,
    Term,
    _escape,
    _evidence_iri,
    _evidence_triples,
    _expand,
    _iri,
    _node_triples,
    _qualifier_pairs,
    _TurtleNames,
)
from raregraph.graph import KnowledgeGraph
from raregraph.model import Edge, Evidence, Predicate, Qualifiers
from raregraph.vocab import BIOLINK, RG

__all__ = ["NTRIPLES", "TURTLE", "Syntax", "render", "write"]

_SUBJECT = str(BIOLINK.subject)
_PREDICATE = str(BIOLINK.predicate)
_OBJECT = str(BIOLINK.object)
_EVIDENCE = str(RG.evidence)
# association ids are digests (``raregraph:association/<hex>``): expand them by slicing
_ASSOCIATION_BASE = _expand("raregraph:association/x")[:-1]
_ASSOCIATION_CUT = len("raregraph:association/")


def _order(predicate: str) -> tuple[bool, str]:
    return (predicate != RDF_TYPE, predicate)


@dataclass
class Syntax:
    """How one RDF syntax writes terms, blocks and its header."""

    name: str
    iri: Callable[[str], str]
    literal: Callable[[Literal], str]
    block: Callable[[str, list[tuple[str, list[str]]]], str]
    line_start: str  # what starts a predicate line inside a block template
    object_separator: str
    header: Callable[[], str] = field(default=lambda: "")

    def term(self, term: Term) -> str:
        """Render an IRI or a literal."""
        return self.literal(term) if isinstance(term, Literal) else self.iri(term)


def _nt_literal(literal: Literal) -> str:
    if literal.datatype is None or literal.datatype == XSD_STRING:
        return f'"{_escape(literal.value)}"'
    return f'"{_escape(literal.value)}"^^<{literal.datatype}>'


def _nt_block(subject: str, groups: list[tuple[str, list[str]]]) -> str:
    return "".join(f"{subject} {p} {o} .\n" for p, objects in groups for o in objects)


def _ntriples() -> Syntax:
    return Syntax(
        name="nt",
        iri=functools.lru_cache(maxsize=1 << 20)(_iri),
        literal=_nt_literal,
        block=_nt_block,
        line_start="{a} ",
        object_separator=" .\n{a} <" + _EVIDENCE + "> ",
    )


def _turtle() -> Syntax:
    names = _TurtleNames()

    def literal(value: Literal) -> str:
        if value.datatype is None or value.datatype == XSD_STRING:
            return f'"{_escape(value.value)}"'
        return f'"{_escape(value.value)}"^^{names(value.datatype)}'

    def block(subject: str, groups: list[tuple[str, list[str]]]) -> str:
        parts = [f"    {p} " + " ,\n        ".join(objects) for p, objects in groups]
        return subject + "\n" + " ;\n".join(parts) + " .\n\n"

    def header() -> str:
        lines = [f"@prefix {p}: <{_TURTLE_PREFIXES[p]}> .\n" for p in sorted(names.used)]
        return "".join(lines) + "\n"

    def iri(value: str) -> str:
        return "a" if value == RDF_TYPE else names(value)

    return Syntax(
        name="ttl",
        iri=iri,
        literal=literal,
        block=block,
        line_start="    ",
        object_separator=" ,\n        ",
        header=header,
    )


#: Factories of the two syntaxes (a syntax caches names, so make one per export).
NTRIPLES: Callable[[], Syntax] = _ntriples
TURTLE: Callable[[], Syntax] = _turtle


class _Blocks:
    """Collects the triples of one export, grouped by subject."""

    def __init__(self, syntax: Syntax) -> None:
        self.syntax = syntax
        self.loose: dict[str, set[tuple[tuple[bool, str], str, str]]] = defaultdict(set)
        self.done: list[tuple[str, str]] = []  # (subject IRI, rendered block)
        self.templates: dict[tuple[Predicate, Qualifiers, bool], str] = {}
        self.evidence: dict[Evidence, str] = {}
        # by object identity first: equal evidence is often the very same object, and
        # hashing a dataclass costs more than the rest of the lookup (the graph keeps
        # every Evidence alive during the export, so ids are not reused)
        self.evidence_by_id: dict[int, str] = {}

    def add(self, subject: str, predicate: str, obj: Term) -> None:
        """Add one triple to the block of its subject (rendered when the export ends)."""
        syntax = self.syntax
        self.loose[subject].add((_order(predicate), syntax.iri(predicate), syntax.term(obj)))

    def template(self, predicate: Predicate, qualifiers: Qualifiers, evidence: bool) -> str:
        """The ``str.format`` template of an association block (a, s, p, o, e fields).

        Without ``evidence`` the block has no evidence line (and no ``e`` field).
        """
        key = (predicate, qualifiers, evidence)
        found = self.templates.get(key)
        if found is not None:
            return found
        syntax = self.syntax
        entries: list[tuple[tuple[bool, str], str, str]] = [
            (_order(RDF_TYPE), RDF_TYPE, syntax.iri(_expand(predicate.association))),
            (_order(_SUBJECT), _SUBJECT, "{s}"),
            (_order(_PREDICATE), _PREDICATE, "{p}"),
            (_order(_OBJECT), _OBJECT, "{o}"),
        ]
        if evidence:
            entries.append((_order(_EVIDENCE), _EVIDENCE, "{e}"))
        for qp, qo in _qualifier_pairs(qualifiers):
            rendered = syntax.term(qo).replace("{", "{{").replace("}", "}}")
            entries.append((_order(qp), qp, rendered))
        entries.sort(key=lambda entry: (entry[0], entry[2]))
        groups: dict[str, list[str]] = {}
        for _, predicate_iri, rendered in entries:
            verb = syntax.iri(predicate_iri).replace("{", "{{").replace("}", "}}")
            groups.setdefault(verb, []).append(rendered)
        if syntax.name == "nt":
            body = "".join(
                f"{{a}} {verb} {obj} .\n" for verb, objects in groups.items() for obj in objects
            )
        else:
            parts = [f"    {verb} " + " ,\n        ".join(objs) for verb, objs in groups.items()]
            body = "{a}\n" + " ;\n".join(parts) + " .\n\n"
        self.templates[key] = body
        return body

    def evidence_iri(self, ev: Evidence) -> str:
        """The rendered IRI of an evidence node; describe the node the first time."""
        rendered = self.evidence_by_id.get(id(ev))
        if rendered is not None:
            return rendered
        rendered = self.evidence.get(ev)
        if rendered is None:
            iri = _evidence_iri(ev)
            for s, p, o in _evidence_triples(iri, ev):
                self.add(s, p, o)
            rendered = self.evidence[ev] = self.syntax.iri(iri)
        self.evidence_by_id[id(ev)] = rendered
        return rendered

    def finish(self) -> list[tuple[str, str]]:
        """Render the loose subjects and return every block in canonical order."""
        block = self.syntax.block
        for subject, entries in self.loose.items():
            groups: dict[str, list[str]] = {}
            for _, verb, rendered in sorted(entries):
                groups.setdefault(verb, []).append(rendered)
            self.done.append((subject, block(self.syntax.iri(subject), list(groups.items()))))
        self.loose.clear()
        self.done.sort(key=lambda item: item[0])
        return self.done


def _blocks(kg: KnowledgeGraph, syntax: Syntax) -> list[tuple[str, str]]:
    blocks = _Blocks(syntax)
    for node in kg.nodes():
        for s, p, o in _node_triples(node):
            blocks.add(s, p, o)
    iri = syntax.iri
    object_separator = syntax.object_separator
    if syntax.name == "nt":
        object_separator = object_separator.replace("{a}", "\x00")
    # the hot loop: locals only, one dict look-up per node and per predicate
    node_terms: dict[str, tuple[str, str]] = {}
    predicate_terms: dict[Predicate, tuple[str, str, tuple[bool, str]]] = {}
    loose, done, template, evidence_iri = (
        blocks.loose,
        blocks.done,
        blocks.template,
        blocks.evidence_iri,
    )
    edge: Edge
    for _, _, edge in kg.nx.edges(data="edge"):
        subject = node_terms.get(edge.subject)
        if subject is None:
            expanded = _expand(edge.subject)
            subject = node_terms[edge.subject] = (expanded, iri(expanded))
        obj = node_terms.get(edge.object)
        if obj is None:
            expanded = _expand(edge.object)
            obj = node_terms[edge.object] = (expanded, iri(expanded))
        predicate = predicate_terms.get(edge.predicate)
        if predicate is None:
            expanded = _expand(edge.predicate.value)
            predicate = predicate_terms[edge.predicate] = (
                expanded,
                iri(expanded),
                _order(expanded),
            )
        qualifiers: Qualifiers = edge.qualifiers
        if not qualifiers.negated:
            loose[subject[0]].add((predicate[2], predicate[1], obj[1]))
        a_iri = _ASSOCIATION_BASE + edge.association_id[_ASSOCIATION_CUT:]
        a = iri(a_iri)
        evidence: tuple[Evidence, ...] = edge.evidence
        if len(evidence) == 1:
            joined = evidence_iri(evidence[0])
        elif evidence:
            joined = object_separator.join(sorted(evidence_iri(ev) for ev in evidence))
            joined = joined.replace("\x00", a)
        else:
            joined = ""
        text = template(edge.predicate, qualifiers, bool(evidence)).format(
            a=a, s=subject[1], p=predicate[1], o=obj[1], e=joined
        )
        done.append((a_iri, text))
    return blocks.finish()


def render(kg: KnowledgeGraph, syntax_factory: Callable[[], Syntax]) -> list[str]:
    """Return the document as a list of strings (header first), in canonical order."""
    syntax = syntax_factory()
    body = [text for _, text in _blocks(kg, syntax)]
    return [syntax.header(), *body]


def write(kg: KnowledgeGraph, out: TextIO, syntax_factory: Callable[[], Syntax]) -> None:
    """Write the document to an open text stream."""
    out.writelines(_nonempty(render(kg, syntax_factory)))


def _nonempty(parts: Iterable[str]) -> Iterable[str]:
    return (part for part in parts if part)
