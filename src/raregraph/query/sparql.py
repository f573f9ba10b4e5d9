"""SPARQL over the RDF view of a graph, with values passed as bindings.

:func:`sparql` runs a SPARQL 1.1 query over the triples of
:func:`raregraph.export.rdf.triples` (the same triples that the Turtle export writes,
described in ``docs/rdf.md``). The view is built on first use, in a pyoxigraph store
when ``raregraph[fast]`` is installed and in an rdflib graph otherwise, and cached
until the graph changes.

Values never enter the query text: pass them as ``bindings`` and they are handed to
the engine as RDF terms (pyoxigraph ``substitutions``, rdflib ``initBindings``), so a
value holding quotes, braces or ``} UNION {`` is only ever a value. A ``str`` that is a
CURIE with a known prefix becomes its IRI (``"HGNC:11920"``); any other ``str`` a plain
literal; ``int``, ``float`` and ``bool`` typed literals; a :class:`~raregraph.model.Node`
its IRI; a :class:`raregraph.export.rdf.Literal` the literal it spells. The prefixes
of :data:`raregraph.curie.PREFIX_MAP` and ``rgv:`` (raregraph's vocabulary) are
declared for every query. As SPARQL substitution (SEP-0007) requires, a bound
variable must be selected (``SELECT ?g ?d ...`` or ``SELECT *``); it comes back with
its bound value in every row.

Examples
--------
>>> from raregraph.graph import KnowledgeGraph
>>> from raregraph.model import Category, Edge, Node, Predicate
>>> kg = KnowledgeGraph()
>>> _ = kg.add_node(Node("ORPHA:3261", Category.DISEASE, "ALPS"))
>>> _ = kg.add_node(Node("HGNC:11920", Category.GENE, "FAS", symbol="FAS"))
>>> _ = kg.add_edge(Edge("ORPHA:3261", Predicate.CAUSED_BY, "HGNC:11920"))
>>> rows = sparql(kg, "SELECT ?g ?d ?name WHERE { ?d biolink:caused_by ?g ; rdfs:label ?name }",
...               {"g": "HGNC:11920"})
>>> list(rows)
[{'g': 'HGNC:11920', 'd': 'ORPHA:3261', 'name': 'ALPS'}]
>>> print(rows)
g           d           name
----------  ----------  ----
HGNC:11920  ORPHA:3261  ALPS
>>> sparql(kg, "ASK { ?g biolink:symbol ?s }", {"s": "FAS"})
True

"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from raregraph.curie import PREFIX_MAP, compress, expand, is_curie
from raregraph.errors import CurieError, QueryError
from raregraph.export.rdf import XSD, Literal, triples
from raregraph.graph import KnowledgeGraph
from raregraph.model import Node
from raregraph.query.results import Table
from raregraph.vocab import RG

__all__ = ["BACKENDS", "PREFIXES", "SparqlResult", "sparql", "to_term"]

#: Every prefix a query may use without declaring it.
PREFIXES: dict[str, str] = {**PREFIX_MAP, "rgv": str(RG._NS)}

#: The engines :func:`sparql` can use; ``"auto"`` picks pyoxigraph when installed.
BACKENDS = ("auto", "oxigraph", "rdflib")

_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_NUMERIC = {XSD + "integer": int, XSD + "int": int, XSD + "long": int}
_FLOATS = {XSD + "double", XSD + "float", XSD + "decimal"}


class SparqlResult(Table, list[dict[str, Any]]):
    """The rows of a SELECT query: one ``dict`` per solution, IRIs as CURIEs when known.

    ``variables`` lists the projected variables in order; unbound values are ``None``.
    """

    def __init__(
        self, variables: list[str], rows: Iterable[dict[str, Any]], title: str = ""
    ) -> None:
        super().__init__(rows)
        self.variables = variables
        self.title = title

    def headers(self) -> list[str]:
        """The projected variables."""
        return list(self.variables)

    def rows(self) -> list[list[object]]:
        """One row per solution, in variable order."""
        return [[row.get(v) for v in self.variables] for row in self]


def _backend(name: str) -> str:
    if name not in BACKENDS:
        raise QueryError(f"unknown SPARQL backend {name!r}; use one of {', '.join(BACKENDS)}")
    if name != "auto":
        return name
    try:
        import pyoxigraph  # noqa: F401
    except ImportError:
        return "rdflib"
    return "oxigraph"


# ---------------------------------------------------------------- terms in and out
def to_term(value: object) -> Literal | str:
    """Convert a binding value to an IRI (``str``) or a :class:`Literal`.

    >>> to_term("HP:0001744")
    'http://purl.obolibrary.org/obo/HP_0001744'
    >>> to_term('x" } UNION { ?s ?p ?o')
    Literal(value='x" } UNION { ?s ?p ?o', datatype=None)
    >>> to_term(3), to_term(True)
    (Literal(value='3', datatype='http://www.w3.org/2001/XMLSchema#integer'), Literal(value='true', datatype='http://www.w3.org/2001/XMLSchema#boolean'))
    """
    if isinstance(value, Literal):
        return value
    if isinstance(value, Node):
        return expand(value.id)
    if isinstance(value, bool):
        return Literal("true" if value else "false", XSD + "boolean")
    if isinstance(value, int):
        return Literal(str(value), XSD + "integer")
    if isinstance(value, float):
        return Literal(repr(value), XSD + "double")
    if isinstance(value, str):
        if is_curie(value):
            try:
                return expand(value)
            except CurieError:  # pragma: no cover - is_curie checked the prefix
                pass
        return Literal(value)
    raise QueryError(f"cannot bind a {type(value).__name__} value; use str, int, float or bool")


def _from_iri(iri: str) -> str:
    try:
        return compress(iri)
    except CurieError:
        return iri


def _python(value: str, datatype: str | None) -> object:
    if datatype in _NUMERIC:
        return int(value)
    if datatype in _FLOATS:
        return float(value)
    if datatype == XSD + "boolean":
        return value in ("true", "1")
    return value


def _bindings(bindings: Mapping[str, object] | None) -> dict[str, Literal | str]:
    terms: dict[str, Literal | str] = {}
    for name, value in (bindings or {}).items():
        variable = name.lstrip("?$")
        if not _VARIABLE.match(variable):
            raise QueryError(f"{name!r} is not a SPARQL variable name")
        terms[variable] = to_term(value)
    return terms


# ---------------------------------------------------------------- pyoxigraph
def _ox_term(term: Literal | str) -> Any:
    import pyoxigraph as ox

    if isinstance(term, Literal):
        if term.datatype is None:
            return ox.Literal(term.value)
        return ox.Literal(term.value, datatype=ox.NamedNode(term.datatype))
    return ox.NamedNode(term)


def _ox_store(kg: KnowledgeGraph) -> Any:
    import pyoxigraph as ox

    store = ox.Store()
    graph = ox.DefaultGraph()
    nodes: dict[str, Any] = {}

    def iri(value: str) -> Any:
        node = nodes.get(value)
        if node is None:
            node = nodes[value] = ox.NamedNode(value)
        return node

    store.bulk_extend(
        ox.Quad(iri(s), iri(p), _ox_term(o) if isinstance(o, Literal) else iri(o), graph)
        for s, p, o in triples(kg)
    )
    return store


def _ox_value(term: Any) -> object:
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return _from_iri(term.value)
    if isinstance(term, ox.Literal):
        return _python(term.value, term.datatype.value)
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else str(term)


def _run_oxigraph(kg: KnowledgeGraph, query: str, terms: dict[str, Literal | str]) -> Any:
    import pyoxigraph as ox

    store = kg.derived("sparql:oxigraph", _ox_store)
    substitutions = {ox.Variable(k): _ox_term(v) for k, v in terms.items()}
    try:
        answer = store.query(query, prefixes=PREFIXES, substitutions=substitutions)
    except SyntaxError as err:
        raise QueryError(f"bad SPARQL: {err}") from None
    except RuntimeError as err:
        if "projection" not in str(err):
            raise
        raise QueryError(
            f"{err}: a bound variable must be selected (SELECT ?x ... or SELECT *), "
            "as SPARQL substitution (SEP-0007) requires"
        ) from None
    if isinstance(answer, ox.QueryBoolean):
        return bool(answer)
    if isinstance(answer, ox.QuerySolutions):
        variables = [v.value for v in answer.variables]
        rows = [{v: _ox_value(solution[v]) for v in variables} for solution in answer]
        return SparqlResult(variables, rows)
    return [tuple(_ox_value(t) for t in (x.subject, x.predicate, x.object)) for x in answer]


# ---------------------------------------------------------------- rdflib
def _rdflib_term(term: Literal | str) -> Any:
    import rdflib

    if isinstance(term, Literal):
        datatype = rdflib.URIRef(term.datatype) if term.datatype else None
        return rdflib.Literal(term.value, datatype=datatype)
    return rdflib.URIRef(term)


def _rdflib_graph(kg: KnowledgeGraph) -> Any:
    import rdflib

    graph = rdflib.Graph()
    for s, p, o in triples(kg):
        graph.add((rdflib.URIRef(s), rdflib.URIRef(p), _rdflib_term(o)))
    return graph


def _rdflib_value(term: Any) -> object:
    import rdflib

    if term is None:
        return None
    if isinstance(term, rdflib.URIRef):
        return _from_iri(str(term))
    if isinstance(term, rdflib.Literal):
        return _python(str(term), str(term.datatype) if term.datatype else None)
    return f"_:{term}" if isinstance(term, rdflib.BNode) else str(term)


def _run_rdflib(kg: KnowledgeGraph, query: str, terms: dict[str, Literal | str]) -> Any:
    import rdflib
    from rdflib.plugins.sparql import prepareQuery

    graph = kg.derived("sparql:rdflib", _rdflib_graph)
    try:
        prepared = prepareQuery(query, initNs=PREFIXES)
    except Exception as err:  # pyparsing raises several types for bad syntax
        raise QueryError(f"bad SPARQL: {err}") from None
    answer = graph.query(
        prepared, initBindings={rdflib.Variable(k): _rdflib_term(v) for k, v in terms.items()}
    )
    if answer.type == "ASK":
        return bool(answer.askAnswer)
    if answer.type == "SELECT":
        variables = [str(v) for v in answer.vars or ()]
        rows = [{v: _rdflib_value(row[i]) for i, v in enumerate(variables)} for row in answer]
        return SparqlResult(variables, rows)
    return [tuple(_rdflib_value(t) for t in triple) for triple in answer]


def sparql(
    kg: KnowledgeGraph,
    query: str,
    bindings: Mapping[str, object] | None = None,
    *,
    backend: str = "auto",
) -> Any:
    """Run a SPARQL query over the RDF view of ``kg``.

    Parameters
    ----------
    kg:
        The graph.
    query:
        SPARQL 1.1 text; the prefixes of :data:`PREFIXES` need no declaration.
    bindings:
        Variable name (without ``?``) -> value, converted by :func:`to_term`.
    backend:
        ``"auto"`` (pyoxigraph if installed), ``"oxigraph"`` or ``"rdflib"``.

    Returns
    -------
    SparqlResult | bool | list[tuple]
        Rows for SELECT, a ``bool`` for ASK, triples for CONSTRUCT and DESCRIBE;
        IRIs come back as CURIEs where the prefix map knows them, literals as Python
        values.

    """
    terms = _bindings(bindings)
    if _backend(backend) == "oxigraph":
        return _run_oxigraph(kg, query, terms)
    return _run_rdflib(kg, query, terms)
