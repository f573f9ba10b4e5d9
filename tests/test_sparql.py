"""One SPARQL test suite that every backend passes."""

import pytest

from helpers import small_graph
from raregraph.cli import main
from raregraph.errors import QueryError
from raregraph.export.rdf import Literal
from raregraph.model import Category, Node

BACKENDS = ["oxigraph", "rdflib"]

DISEASES_OF_GENE = """
SELECT ?gene ?disease ?name WHERE {
  ?disease biolink:caused_by|biolink:condition_associated_with_gene ?gene ;
           rdfs:label ?name .
} ORDER BY ?disease
"""

BY_LABEL = "SELECT ?label ?node WHERE { ?node rdfs:label ?label }"


@pytest.fixture(params=BACKENDS)
def backend(request):
    return request.param


def test_diseases_of_a_gene(backend):
    rows = small_graph().sparql(DISEASES_OF_GENE, {"gene": "HGNC:11920"}, backend=backend)
    assert [r["disease"] for r in rows] == ["MONDO:0017979", "ORPHA:117"]
    assert rows[0]["gene"] == "HGNC:11920" and rows.variables == ["gene", "disease", "name"]
    assert "Behçet disease" in str(rows)
    assert list(rows.to_pandas()["disease"]) == ["MONDO:0017979", "ORPHA:117"]


def test_phenotypes_with_qualifiers_and_evidence(backend):
    query = """
    SELECT ?disease ?phenotype ?text WHERE {
      ?a biolink:subject ?disease ; biolink:predicate biolink:has_phenotype ;
         biolink:object ?phenotype ; rgv:evidence ?e .
      ?e biolink:supporting_text ?text .
      FILTER NOT EXISTS { ?a biolink:negated true }
    }"""
    rows = small_graph().sparql(query, {"disease": "MONDO:0017979"}, backend=backend)
    assert [(r["phenotype"], r["text"]) for r in rows] == [
        ("HP:0001744", "enlargement of the spleen")
    ]


def test_typed_bindings_and_ask(backend):
    kg = small_graph()
    query = "SELECT ?p ?a WHERE { ?a biolink:has_percentage ?p }"
    assert [r["p"] for r in kg.sparql(query, {"p": 75.0}, backend=backend)] == [75.0]
    assert kg.sparql(query, {"p": 74.0}, backend=backend) == []
    assert kg.sparql("ASK { ?a biolink:negated ?n }", {"n": True}, backend=backend) is True
    assert kg.sparql("ASK { ?g biolink:symbol ?s }", {"s": "FSA"}, backend=backend) is False
    node = kg.node("HGNC:11920")
    rows = kg.sparql("SELECT ?g ?s WHERE { ?g biolink:symbol ?s }", {"g": node}, backend=backend)
    assert [r["s"] for r in rows] == ["FAS"]
    # an explicit Literal keeps a CURIE-looking string a string
    rows = kg.sparql(BY_LABEL, {"label": Literal("HP:0001744")}, backend=backend)
    assert rows == []


INJECTIONS = [
    'x" } UNION { ?node ?p ?label } #',
    "x' } UNION { ?node ?p ?label } #",
    '"} UNION {?node rdfs:label ?label} . FILTER("a"="a") #',
    'Splenomegaly" . ?node ?p ?label . #',
    '}}}{{{ ;;; <http://x> \\" \\u0022',
    "?label",
    "<http://purl.obolibrary.org/obo/HP_0001744>",
    "\n} UNION {\n",
]


@pytest.mark.parametrize("value", INJECTIONS)
def test_a_binding_cannot_change_the_query(backend, value):
    kg = small_graph()
    assert kg.sparql(BY_LABEL, {"label": value}, backend=backend) == []
    # the same value, stored as a label, is found as exactly that label and nothing more
    kg.add_node(Node("HP:0009999", Category.PHENOTYPIC_FEATURE, value))
    rows = kg.sparql(BY_LABEL, {"label": value}, backend=backend)
    assert [(r["node"], r["label"]) for r in rows] == [("HP:0009999", value)]


def test_view_is_rebuilt_when_the_graph_changes(backend):
    kg = small_graph()
    count = "SELECT (COUNT(?d) AS ?n) WHERE { ?d a biolink:Disease }"
    assert kg.sparql(count, backend=backend)[0]["n"] == 2
    kg.add_node(Node("ORPHA:1", Category.DISEASE, "another"))
    assert kg.sparql(count, backend=backend)[0]["n"] == 3


def test_errors(backend):
    kg = small_graph()
    with pytest.raises(QueryError, match="bad SPARQL"):
        kg.sparql("SELECT WHERE {", backend=backend)
    with pytest.raises(QueryError, match="not a SPARQL variable"):
        kg.sparql(BY_LABEL, {"label }": "x"}, backend=backend)
    with pytest.raises(QueryError, match="cannot bind"):
        kg.sparql(BY_LABEL, {"label": object()}, backend=backend)


def test_unknown_backend_and_construct():
    kg = small_graph()
    with pytest.raises(QueryError, match="unknown SPARQL backend"):
        kg.sparql(BY_LABEL, backend="virtuoso")
    triples = kg.sparql(
        "CONSTRUCT { ?g biolink:symbol ?s } WHERE { ?g biolink:symbol ?s }", backend="oxigraph"
    )
    assert triples == [("HGNC:11920", "biolink:symbol", "FAS")]


def test_cli_sparql(tmp_path, capsys):
    from raregraph.export import write_graph

    out, query = tmp_path / "g.ttl", tmp_path / "q.rq"
    write_graph(small_graph(), out)
    query.write_text(DISEASES_OF_GENE)
    assert main(["sparql", str(out), str(query), "--bind", "gene=HGNC:11920"]) == 0
    assert "ORPHA:117" in capsys.readouterr().out
    assert main(["sparql", str(out), str(tmp_path / "missing.rq")]) == 2
