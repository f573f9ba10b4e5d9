"""Fast, canonical N-Triples and Turtle writers.

The triples are those of :func:`raregraph.export.rdf.triples`; this module only
decides how fast and in which order they are written. The order is canonical, so the
same graph always gives the same bytes, whatever order it was built in: every node,
sorted by IRI, followed by the associations it is the subject of, sorted by
association IRI, then by the evidence nodes that no earlier node's associations cite,
sorted by IRI.

Within a subject, ``rdf:type`` comes first, then predicates by IRI, objects by their
written form.

A full HPO graph has ~2.5 million triples, most of them on ~280,000 reified
associations that look alike. Instead of rendering triple by triple, each predicate and
qualifier shape (which qualifiers, how many objects each) gets its block cut once at
the fields that vary, with all fixed lines in canonical order; each qualifier set binds
its own objects, and an association then costs one ``str.join`` of the cut pieces and
its IRI, subject, object and evidence. A large graph is written by several processes,
each rendering a range of that order (:mod:`raregraph.export.parallel`).

>>> from raregraph.graph import KnowledgeGraph
>>> from raregraph.model import Category, Node
>>> kg = KnowledgeGraph()
>>> _ = kg.add_node(Node("HP:0001744", Category.PHENOTYPIC_FEATURE, "Splenomegaly"))
>>> print(render(kg, NTRIPLES)[1].split()[2])
<https://w3id.org/biolink/vocab/PhenotypicFeature>
"""

from __future__ import annotations

import functools
import hashlib
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from raregraph.export.rdf import (
    _BIOLINK_DESCRIPTION,
    _BIOLINK_PROVIDED_BY,
    _BIOLINK_PUBLICATIONS,
    _BIOLINK_SUPPORTING_TEXT,
    _BIOLINK_SYMBOL,
    _BIOLINK_SYNONYM,
    _BIOLINK_XREF,
    _CATEGORY_IRI,
    _RG_BIOCURATION,
    _RG_EVIDENCE_CODE,
    _RG_SPAN_END,
    _RG_SPAN_START,
    _TURTLE_PREFIXES,
    RDF_TYPE,
    RDFS_LABEL,
    XSD_INTEGER,
    XSD_STRING,
    Literal,
    Term,
    _escape,
    _evidence_properties,
    _expand,
    _iri,
    _iri_or_literal,
    _qualifier_pairs,
    _TurtleNames,
)
from raregraph.graph import KnowledgeGraph
from raregraph.model import Edge, Evidence, Node, Predicate, Qualifiers
from raregraph.ontology.cache import gc_paused
from raregraph.vocab import BIOLINK, RG

__all__ = ["NTRIPLES", "TURTLE", "Syntax", "render"]

_SUBJECT = str(BIOLINK.subject)
_PREDICATE = str(BIOLINK.predicate)
_OBJECT = str(BIOLINK.object)
_EVIDENCE = str(RG.evidence)
# association and evidence ids are digests (``raregraph:association/<hex>``): their IRIs
# are a fixed base and the digest
_ASSOCIATION_BASE = _expand("raregraph:association/x")[:-1]
_EVIDENCE_BASE = _expand("raregraph:evidence/x")[:-1]
_sha256 = hashlib.sha256

Entry = tuple[tuple[bool, str], str, str]  # (sort key of the predicate, verb, object)

# how an evidence code, a publication and a curator become RDF terms
_EVIDENCE_OBJECT: tuple[Callable[[str], Term], ...] = (Literal, _iri_or_literal, Literal)


def _order(predicate: str) -> tuple[bool, str]:
    return (predicate != RDF_TYPE, predicate)


@dataclass
class Syntax:
    """How one RDF syntax writes terms, blocks and its header."""

    name: str
    iri: Callable[[str], str]
    literal: Callable[[Literal], str]
    block: Callable[[str, list[tuple[str, list[str]]]], str]
    association: Callable[[str], str]  # the written IRI of an association, from its digest
    evidence: Callable[[str], str]  # the written IRI of an evidence node, from its digest
    object_separator: str
    header: Callable[[set[str]], str] = field(default=lambda used: "")
    used: set[str] = field(default_factory=set)  # prefixes the header must declare
    string: Callable[[str], str] = field(default=lambda value: _string(value))

    def term(self, term: Term) -> str:
        """Render an IRI or a literal."""
        return self.literal(term) if isinstance(term, Literal) else self.iri(term)


def _string(value: str) -> str:
    """A plain string literal, written alike in N-Triples and Turtle."""
    return f'"{_escape(value)}"'


def _nt_literal(literal: Literal) -> str:
    if literal.datatype is None or literal.datatype == XSD_STRING:
        return _string(literal.value)
    return f'"{_escape(literal.value)}"^^<{literal.datatype}>'


def _nt_block(subject: str, groups: list[tuple[str, list[str]]]) -> str:
    # one join per predicate, its subject and predicate the separator between objects
    lines = []
    for p, objects in groups:
        if objects:
            lead = f"{subject} {p} "
            lines.append(lead + (" .\n" + lead).join(objects) + " .\n")
    return "".join(lines)


def _ntriples() -> Syntax:
    iris: dict[str, str] = {}

    def iri(value: str) -> str:
        found = iris.get(value)
        if found is None:
            found = iris[value] = _iri(value)
        return found

    return Syntax(
        name="nt",
        iri=iri,
        literal=_nt_literal,
        block=_nt_block,
        association=lambda digest: f"<{_ASSOCIATION_BASE}{digest}>",
        evidence=lambda digest: f"<{_EVIDENCE_BASE}{digest}>",
        object_separator=" .\n{a} <" + _EVIDENCE + "> ",
    )


def _turtle() -> Syntax:
    names = _TurtleNames()

    def literal(value: Literal) -> str:
        if value.datatype is None or value.datatype == XSD_STRING:
            return _string(value.value)
        return f'"{_escape(value.value)}"^^{names(value.datatype)}'

    def block(subject: str, groups: list[tuple[str, list[str]]]) -> str:
        parts = [f"    {p} " + " ,\n        ".join(objects) for p, objects in groups]
        return subject + "\n" + " ;\n".join(parts) + " .\n\n"

    def header(used: set[str]) -> str:
        lines = [f"@prefix {p}: <{_TURTLE_PREFIXES[p]}> .\n" for p in sorted(used)]
        return "".join(lines) + "\n"

    def iri(value: str) -> str:
        return "a" if value == RDF_TYPE else names(value)

    def association(digest: str) -> str:
        names.used.add("rgassoc")
        return "rgassoc:" + digest  # a hex digest is always a valid local name

    def evidence(digest: str) -> str:
        names.used.add("rgev")
        return "rgev:" + digest

    return Syntax(
        name="ttl",
        iri=iri,
        literal=literal,
        block=block,
        association=association,
        evidence=evidence,
        object_separator=" ,\n        ",
        header=header,
        used=names.used,
    )


#: Factories of the two syntaxes (a syntax caches names, so make one per export).
NTRIPLES: Callable[[], Syntax] = _ntriples
TURTLE: Callable[[], Syntax] = _turtle


class _Kind(NamedTuple):
    """What every association of one predicate and qualifier set shares."""

    negated: bool
    verb: str  # the written predicate
    digest_middle: str  # the digested text between subject and object
    digest_end: str  # ... and after the object
    fill: Filler  # the block with evidence, from (a, s, o, e): a is the digest
    bare_fill: Filler  # the same without evidence (made on first use)


#: Which qualifier predicates an association has, each with its number of objects.
Shape = tuple[tuple[str, int], ...]

#: Writes a block from its varying values, passed one by one in an order it knows.
Filler = Callable[..., str]

#: Markers in a block that become fields: a letter of "asoe" (association digest,
#: subject, object, evidence) or "q" and a number (a qualifier object) in association
#: blocks, a six-digit value number in evidence blocks.
_FIELD = re.compile(r"\x03([asoe]|q\d{3})")
_VALUE = re.compile(r"\x03(\d{6})")


class _Cut(NamedTuple):
    """A block cut at its fields: the fixed text between them, and their order.

    ``order`` lists, by position in ``values + fixed`` (``width`` values first), the
    pieces of the block. A filler writes them with one f-string made for that order
    (:func:`_writer`): building the string straight from the pieces is about twice as
    fast as ``str.join`` over an ``itemgetter`` of a concatenated tuple, and much faster
    than ``%``-formatting a long template, which scans the whole template on every call.
    """

    fixed: tuple[str, ...]
    order: tuple[int, ...]
    width: int

    @classmethod
    def of(
        cls, body: str, marker: re.Pattern[str], index: Callable[[str], int], width: int
    ) -> _Cut:
        """Cut ``body`` at ``marker``; ``index`` maps a marker's group to its value."""
        pieces = marker.split(body)  # fixed text, group, fixed text, ..., fixed text
        fixed = tuple(pieces[0::2])
        positions = [index(group) for group in pieces[1::2]]
        order: list[int] = []
        for number, text in enumerate(fixed):
            if text:
                order.append(width + number)
            if number < len(positions):
                order.append(positions[number])
        return cls(fixed, tuple(order), width)

    def filler(self, bound: tuple[str, ...] = ()) -> Filler:
        """A writer of the block from its values, the last of them ``bound`` here.

        >>> cut = _Cut.of("<\x03a> p <\x03o> .", _FIELD, "asoe".index, 4)
        >>> cut.filler()("A", "S", "O", "E")
        '<A> p <O> .'
        >>> cut.filler(("E",))("A", "S", "O")
        '<A> p <O> .'
        """
        free = self.width - len(bound)
        return _writer(self.order, free, self.width + len(self.fixed))(*bound, *self.fixed)


@functools.cache
def _writer(order: tuple[int, ...], free: int, count: int) -> Callable[..., Filler]:
    """A maker of fillers that write the pieces at ``order`` as one f-string.

    The pieces are numbered ``0 .. count - 1``; the filler takes the first ``free`` as
    its arguments and the maker binds the rest. The generated code names only numbered
    variables (no text of the block), so it is the same for every block cut alike, and
    made once per order.

    >>> _writer((2, 0, 1), 1, 3)("-", "!")("x")
    '!x-'
    """
    names = [f"v{k}" for k in range(count)]
    fields = "".join(f"{{{names[k]}}}" for k in order)
    source = (
        f"def make({', '.join(names[free:])}):\n"
        f"    def fill({', '.join(names[:free])}):\n"
        f"        return f'{fields}'\n"
        f"    return fill\n"
    )
    namespace: dict[str, Any] = {}
    exec(source, namespace)  # the source names numbered variables only, no text
    maker: Callable[..., Filler] = namespace["make"]
    return maker


def _once(make: Callable[[], Filler]) -> Filler:
    """A filler made by ``make`` on its first call (most kinds never need it)."""
    made: list[Filler] = []

    def fill(*values: str) -> str:
        if not made:
            made.append(make())
        return made[0](*values)

    return fill


def _field_index(marker: str) -> int:
    """The position of a field's value in ``(a, s, o, e, *qualifier_values)``."""
    return 4 + int(marker[1:]) if marker[0] == "q" else "asoe".index(marker)


def _association_cut(syntax: Syntax, predicate: Predicate, shape: Shape, evidence: bool) -> _Cut:
    """An association block cut at its fields, ``(a, s, o, e, *qualifier objects)``.

    The fields are the association's digest (the cut holds the rest of its IRI, once in
    Turtle, on every line in N-Triples), the subject, the object, (with ``evidence``)
    the evidence IRIs, and the written qualifier objects that ``shape`` announces (each
    predicate's objects sorted). The qualifier objects are fields, so associations that
    differ only in them (frequencies, onsets) share one cut; each qualifier set binds its
    own objects.
    """
    fields = {"s": "\x03s", "o": "\x03o", "e": "\x03e"}  # markers of the fields
    entries: list[Entry] = [
        (_order(RDF_TYPE), RDF_TYPE, syntax.iri(_expand(predicate.association))),
        (_order(_SUBJECT), _SUBJECT, fields["s"]),
        (_order(_PREDICATE), _PREDICATE, syntax.iri(_expand(predicate.value))),
        (_order(_OBJECT), _OBJECT, fields["o"]),
    ]
    if evidence:
        entries.append((_order(_EVIDENCE), _EVIDENCE, fields["e"]))
    number = 0
    for qp, count in shape:
        for _ in range(count):
            entries.append((_order(qp), qp, f"\x03q{number:03d}"))
            number += 1
    entries.sort(key=lambda entry: (entry[0], entry[2]))
    groups: dict[str, list[str]] = {}
    for _, predicate_iri, rendered in entries:
        groups.setdefault(syntax.iri(predicate_iri), []).append(rendered)
    body = syntax.block(syntax.association("\x03a"), list(groups.items()))
    return _Cut.of(body, _FIELD, _field_index, 4 + number)


#: Association cuts made so far, by (id(predicate), qualifier shape, with evidence).
Cuts = dict[tuple[int, Shape, bool], _Cut]


def _association_filler(
    cuts: Cuts,
    syntax: Syntax,
    predicate: Predicate,
    shape: Shape,
    evidence: bool,
    bound: tuple[str, ...],
) -> Filler:
    """The filler of one qualifier set's associations (its cut made once per shape).

    A module function over the cache, not a renderer method: a renderer's kinds hold
    these fillers, and a filler that held the renderer would tie them in a cycle that
    only the garbage collector frees.
    """
    key = (id(predicate), shape, evidence)
    cut = cuts.get(key)
    if cut is None:
        cut = cuts[key] = _association_cut(syntax, predicate, shape, evidence)
    return cut.filler(bound)


class _Renderer:
    """Renders the blocks of one export in one syntax (one per process: it caches).

    The caches keyed by ``id()`` hold objects that the graph keeps alive for the whole
    export, so an id is never reused while they are in use. They spare hashing frozen
    dataclasses, which costs more than the rest of a look-up.
    """

    def __init__(self, syntax: Syntax) -> None:
        self.syntax = syntax
        self.terms: dict[Term, str] = {}
        self.verbs: dict[str, tuple[tuple[bool, str], str]] = {}  # predicate IRI -> key, verb
        self.verb_order: dict[str, tuple[bool, str]] = {}  # written predicate -> sort key
        # (id(predicate), id(qualifiers)) -> what every association of that kind shares
        self.kinds: dict[tuple[int, int], _Kind] = {}
        # the same by networkx edge key (Edge.key: the predicate and a qualifier digest,
        # so one key is one kind), for the keys that are the edge's own: a string look-up
        # instead of a tuple of two ids
        self.kinds_by_key: dict[str, _Kind] = {}
        # predicates by id: an enum member is a singleton, and hashing one runs Python
        self.predicates: dict[int, tuple[tuple[bool, str], str]] = {}
        self.nodes: dict[str, str] = {}  # CURIE -> written IRI
        # a node's own triples: the written predicates (made at the first node), the
        # written category IRIs by id(category) (an enum member is a singleton, and
        # hashing one runs Python) and the written xrefs and providers
        self.node_verbs: tuple[str, ...] = ()
        self.categories: dict[int, str] = {}
        self.curies: dict[str, str] = {}
        # qualifiers: id -> (fingerprint, number of the distinct value)
        self.qualifiers_by_id: dict[int, tuple[str, int]] = {}
        self.qualifiers_by_value: dict[Qualifiers, tuple[str, int]] = {}
        # (id(predicate), number of the qualifiers' value) -> kind: equal qualifier sets
        # held by distinct objects share one kind
        self.kinds_by_value: dict[tuple[int, int], _Kind] = {}
        self.cuts: Cuts = {}
        self.evidence_by_id: dict[int, str] = {}
        self.evidence_met: set[str] = set()  # the written IRIs of the evidence met
        # evidence described before this renderer's range, and evidence met for the
        # first time in the node being rendered (described after its associations)
        self.described_before: set[Evidence] = set()
        # evidence fillers by shape, and the written codes, publications and curators
        self.evidence_fillers: dict[tuple[object, ...], Filler] = {}
        self.evidence_objects: tuple[dict[str, str], ...] = ({}, {}, {})
        self.pending: list[tuple[str, Evidence]] = []
        separator = syntax.object_separator
        # N-Triples repeats the subject on each evidence line: a placeholder stands for
        # it until the association's IRI is known
        self.evidence_separator = separator.replace("{a}", "\x00")

    def term(self, term: Term) -> str:
        """The written form of an IRI or literal (cached: values repeat a lot)."""
        found = self.terms.get(term)
        if found is None:
            found = self.terms[term] = self.syntax.term(term)
        return found

    def block(self, subject: str, entries: Iterable[Entry]) -> str:
        """The block of one (written) subject: entries sorted and grouped by predicate."""
        groups: dict[str, list[str]] = {}
        for _, verb, rendered in sorted(entries):
            groups.setdefault(verb, []).append(rendered)
        return self.syntax.block(subject, list(groups.items()))

    def grouped_block(self, subject: str, groups: dict[str, set[str]]) -> str:
        """The block of a subject from its objects by written predicate (see :meth:`block`)."""
        order = self.verb_order
        ranked = sorted(groups, key=order.__getitem__)
        return self.syntax.block(subject, [(verb, sorted(groups[verb])) for verb in ranked])

    def verb(self, predicate: str) -> tuple[tuple[bool, str], str]:
        """The sort key and written form of a predicate IRI."""
        found = self.verbs.get(predicate)
        if found is None:
            found = self.verbs[predicate] = (_order(predicate), self.term(predicate))
            self.verb_order[found[1]] = found[0]
        return found

    def entries(self, triples: Iterable[tuple[str, str, Term]]) -> set[Entry]:
        """The sortable entries of some triples of one subject."""
        verbs, terms = self.verbs, self.terms
        found: set[Entry] = set()
        for _, p, o in triples:
            verb = verbs.get(p) or self.verb(p)
            written = terms.get(o)
            if written is None:
                written = self.term(o)
            found.add((verb[0], verb[1], written))
        return found

    def node(self, curie: str) -> str:
        """The written IRI of a node."""
        found = self.nodes.get(curie)
        if found is None:
            found = self.nodes[curie] = self.syntax.iri(_expand(curie))
        return found

    def predicate(self, predicate: Predicate) -> tuple[tuple[bool, str], str]:
        """The sort key and written IRI of an edge predicate."""
        found = self.predicates.get(id(predicate))
        if found is None:
            expanded = _expand(predicate.value)
            found = (_order(expanded), self.syntax.iri(expanded))
            self.predicates[id(predicate)] = found
            self.verb_order[found[1]] = found[0]
        return found

    def node_objects(self, node: Node) -> dict[str, set[str]]:
        """The written objects of a node's own triples, by written predicate.

        These are the triples of :func:`raregraph.export.rdf._node_properties` (a test
        keeps the two in step), written faster: names, synonyms, symbols and
        descriptions are nearly all unique, so they are written directly instead of
        through the term cache, which would only grow.
        """
        if not self.node_verbs:
            self.node_verbs = tuple(
                self.verb(predicate)[1]
                for predicate in (
                    RDF_TYPE,
                    RDFS_LABEL,
                    _BIOLINK_SYNONYM,
                    _BIOLINK_XREF,
                    _BIOLINK_PROVIDED_BY,
                    _BIOLINK_SYMBOL,
                    _BIOLINK_DESCRIPTION,
                )
            )
        a, label, synonym, xref, provided_by, symbol, description = self.node_verbs
        string, curies = self.syntax.string, self.curies
        category = self.categories.get(id(node.category))
        if category is None:
            category = self.categories[id(node.category)] = self.term(
                _CATEGORY_IRI[node.category]
            )
        groups = {a: {category}, label: {string(node.name)}}
        if node.synonyms:
            groups[synonym] = set(map(string, node.synonyms))
        if node.xrefs:  # nearly all unique
            groups[xref] = set(map(self.curie, node.xrefs))
        if node.provided_by:  # a few sources, over and over
            groups[provided_by] = {
                curies.get(c) or curies.setdefault(c, self.curie(c)) for c in node.provided_by
            }
        if node.symbol:
            groups[symbol] = {string(node.symbol)}
        if node.description:
            groups[description] = {string(node.description)}
        return groups

    def curie(self, curie: str) -> str:
        """The written form of an xref or provider: an IRI, or a literal if not a CURIE."""
        return self.syntax.term(_iri_or_literal(curie))

    def qualifiers(self, qualifiers: Qualifiers) -> tuple[str, int]:
        """The fingerprint of a qualifier set and the number of its distinct value."""
        found = self.qualifiers_by_id.get(id(qualifiers))
        if found is None:
            found = self.qualifiers_by_value.get(qualifiers)
            if found is None:
                number = len(self.qualifiers_by_value)
                found = self.qualifiers_by_value[qualifiers] = (qualifiers.fingerprint(), number)
            self.qualifiers_by_id[id(qualifiers)] = found
        return found

    def evidence(self, ev: Evidence) -> str:
        """The written IRI of an evidence node.

        Equal evidence has one IRI (its identifier digests every field), so the IRIs
        met tell the evidence met by value. That spares hashing the frozen dataclass
        (which runs Python) twice per evidence, for digesting again the few equal
        copies held by distinct objects.
        """
        found = self.evidence_by_id.get(id(ev))
        if found is None:
            found = self.evidence_by_id[id(ev)] = self.syntax.evidence(ev.identifier())
            if found not in self.evidence_met:
                self.evidence_met.add(found)
                # hashing the evidence is needed only where an earlier range described some
                if not self.described_before or ev not in self.described_before:
                    self.pending.append((found, ev))
        return found

    def kind(self, predicate: Predicate, qualifiers: Qualifiers) -> _Kind:
        """What the associations of one predicate and qualifier set share."""
        key = (id(predicate), id(qualifiers))
        found = self.kinds.get(key)
        if found is not None:
            return found
        fingerprint, number = self.qualifiers(qualifiers)
        found = self.kinds_by_value.get((id(predicate), number))
        if found is None:
            _, verb = self.predicate(predicate)
            shape, values = self.qualifier_objects(qualifiers)
            filler = functools.partial(
                _association_filler, self.cuts, self.syntax, predicate, shape
            )
            found = self.kinds_by_value[(id(predicate), number)] = _Kind(
                qualifiers.negated,
                verb,
                f"\x1f{predicate.value}\x1f",
                f"\x1f{fingerprint}",
                filler(True, values),
                _once(functools.partial(filler, False, values)),
            )
        self.kinds[key] = found
        return found

    def qualifier_objects(self, qualifiers: Qualifiers) -> tuple[Shape, tuple[str, ...]]:
        """The shape of a qualifier set and its written objects (sorted per predicate)."""
        groups: dict[str, list[str]] = {}
        for qp, qo in _qualifier_pairs(qualifiers):
            groups.setdefault(qp, []).append(self.term(qo))
        shape = tuple((qp, len(objects)) for qp, objects in groups.items())
        return shape, tuple(value for objects in groups.values() for value in sorted(objects))

    def node_part(self, adjacency: Adjacency, nodes: Sequence[Node]) -> Iterator[str]:
        """Yield the blocks of these nodes, each followed by its associations' blocks."""
        # the hot loop: one dict look-up per cached value, no method calls when cached
        node_iris, kinds_by_key, evidence_by_id = self.nodes, self.kinds_by_key, self.evidence_by_id
        association, separator, sha256 = self.syntax.association, self.evidence_separator, _sha256
        for node in nodes:
            # the node's objects by written predicate (a set each: a triple is written once)
            groups = self.node_objects(node)
            subject = node.id
            s = node_iris.get(subject) or self.node(subject)
            # association blocks, each led by its IRI: sorting them sorts by digest
            texts: list[str] = []
            for object_id, keyed in adjacency[subject].items():
                o = node_iris.get(object_id) or self.node(object_id)
                for key, data in keyed.items():
                    edge: Edge = data["edge"]
                    kind = kinds_by_key.get(key)
                    if kind is None:
                        kind = self.kind(edge.predicate, edge.qualifiers)
                        if key == edge.key:  # the graph's own key (not one set by hand)
                            kinds_by_key[key] = kind
                    negated, verb, middle, end, fill, bare_fill = kind
                    if not negated:
                        objects = groups.get(verb)
                        if objects is None:
                            objects = groups[verb] = set()
                        objects.add(o)
                    # raregraph.model.association_digest, inlined (tested to agree)
                    a = sha256(f"{subject}{middle}{object_id}{end}".encode()).hexdigest()[:20]
                    evidence = edge.evidence
                    if len(evidence) == 1:
                        first = evidence[0]
                        joined = evidence_by_id.get(id(first)) or self.evidence(first)
                        text = fill(a, s, o, joined)
                    elif evidence:
                        joined = separator.replace("\x00", association(a)).join(
                            sorted(self.evidence(ev) for ev in evidence)
                        )
                        text = fill(a, s, o, joined)
                    else:
                        text = bare_fill(a, s, o, "")
                    texts.append(text)
            yield self.grouped_block(s, groups)
            texts.sort()
            yield from texts
            if self.pending:
                yield from self.evidence_blocks()

    def evidence_blocks(self) -> Iterator[str]:
        """Yield the blocks of the evidence first met in the last node, sorted by IRI."""
        pending, self.pending = self.pending, []
        pending.sort(key=lambda item: item[0])
        for iri, ev in pending:
            yield self.evidence_block(iri, ev)

    def evidence_block(self, iri: str, ev: Evidence) -> str:
        """The block of an evidence node (what :meth:`block` gives, faster).

        Evidence of one shape (same source, agent and level, same fields set, as many
        codes, publications and curators) shares a filler; only the IRI and the varying
        objects are written per evidence.
        """
        term, written = self.term, self.evidence_objects
        values: list[str] = [iri]
        if ev.sentence is not None:
            values.append(self.syntax.string(ev.sentence))
        if ev.span is not None:
            values.append(term(Literal(str(ev.span[0]), XSD_INTEGER)))
            values.append(term(Literal(str(ev.span[1]), XSD_INTEGER)))
        counts = []
        for kind, items in (
            (0, ev.evidence_codes),
            (1, ev.publications),
            (2, ev.biocuration),
        ):
            table = written[kind]
            if len(items) == 1:  # the common case: nothing to deduplicate or sort
                item = items[0]
                values.append(table.get(item) or self.evidence_object(kind, item))
                counts.append(1)
                continue
            objects = {table.get(item) or self.evidence_object(kind, item) for item in items}
            values.extend(sorted(objects))
            counts.append(len(objects))
        # the enum members by identity (each is a singleton; hashing one runs Python)
        shape = (
            ev.source,
            ev.knowledge_source,
            id(ev.agent_type),
            id(ev.knowledge_level),
            ev.sentence is not None,
            ev.span is not None,
            *counts,
        )
        fill = self.evidence_fillers.get(shape)
        if fill is None:
            fill = self.evidence_fillers[shape] = self.evidence_filler(ev, counts)
        return fill(*values)

    def evidence_object(self, kind: int, item: str) -> str:
        """The written form of an evidence code (kind 0), publication (1) or curator (2)."""
        found = self.evidence_objects[kind][item] = self.term(_EVIDENCE_OBJECT[kind](item))
        return found

    def evidence_filler(self, ev: Evidence, counts: Sequence[int]) -> Filler:
        """The filler of evidence shaped like ``ev`` (see :meth:`evidence_block`).

        It is called with the evidence IRI followed by the varying objects in the order
        that :meth:`evidence_block` lists them (each group already sorted).
        """
        varying = {
            _BIOLINK_SUPPORTING_TEXT: 1 if ev.sentence is not None else 0,
            _RG_SPAN_START: 1 if ev.span is not None else 0,
            _RG_SPAN_END: 1 if ev.span is not None else 0,
            _RG_EVIDENCE_CODE: counts[0],
            _BIOLINK_PUBLICATIONS: counts[1],
            _RG_BIOCURATION: counts[2],
        }
        number = 1  # value 0 is the evidence IRI
        groups: list[tuple[tuple[bool, str], str, list[str]]] = []
        for predicate, objects in _evidence_properties(ev):
            verb = self.verb(predicate)
            if predicate in varying:
                markers = [f"\x03{number + k:06d}" for k in range(varying[predicate])]
                number += len(markers)
            else:
                markers = sorted({self.term(o) for o in objects})
            groups.append((verb[0], verb[1], markers))
        groups.sort()
        body = self.syntax.block("\x03000000", [(verb, objects) for _, verb, objects in groups])
        return _Cut.of(body, _VALUE, int, number).filler()

    def skip(self, adjacency: Adjacency, nodes: Sequence[Node]) -> None:
        """Note the evidence of these nodes' edges as described (by an earlier range)."""
        # by id first: an evidence object cited by many edges is hashed once
        cited = {
            id(ev): ev
            for node in nodes
            for keyed in adjacency[node.id].values()
            for data in keyed.values()
            for ev in data["edge"].evidence
        }
        self.described_before.update(cited.values())


#: A graph's edges by subject: {object: {key: {"edge": Edge}}} (networkx's own dicts).
Adjacency = dict[str, dict[str, dict[Any, dict[str, Any]]]]


def _adjacency(kg: KnowledgeGraph) -> Adjacency:
    """The graph's edges by subject, as plain dicts (a look-up costs no view object)."""
    return dict(kg.nx.adjacency())


def _sorted_nodes(kg: KnowledgeGraph) -> list[Node]:
    """The graph's nodes sorted by IRI."""
    nodes: list[Node] = [node for _, node in kg.nx.nodes(data="node")]  # type: ignore[misc]
    iris = [_expand(node.id) for node in nodes]
    return [node for _, node in sorted(zip(iris, nodes, strict=True), key=_first)]


_first = operator.itemgetter(0)


def render(kg: KnowledgeGraph, syntax_factory: Callable[[], Syntax]) -> list[str]:
    """Return the document as a list of strings (header first), in canonical order."""
    syntax = syntax_factory()
    with gc_paused():
        body = list(_Renderer(syntax).node_part(_adjacency(kg), _sorted_nodes(kg)))
    return [syntax.header(syntax.used), *body]
