import os
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from helpers import small_graph
from raregraph.errors import InputError
from raregraph.export import read_graph, write_graph
from raregraph.export.rdf import read_rdf, to_ntriples, to_turtle
from raregraph.graph import KnowledgeGraph
from raregraph.model import Category, Edge, Evidence, Node, Predicate, Qualifiers

ROOT = Path(__file__).parents[1]


def _rdflib(path, fmt):
    graph = rdflib.Graph()
    graph.parse(path, format=fmt)
    return graph


def test_turtle_ntriples_jsonld_hold_the_same_triples(tmp_path):
    kg = small_graph()
    for suffix in ("ttl", "nt", "jsonld"):
        write_graph(kg, tmp_path / f"g.{suffix}")
    ttl = _rdflib(tmp_path / "g.ttl", "turtle")
    nt = _rdflib(tmp_path / "g.nt", "nt")
    jsonld = _rdflib(tmp_path / "g.jsonld", "json-ld")
    assert len(ttl) == len(nt) == len(jsonld) > 50
    assert isomorphic(ttl, nt)
    assert isomorphic(ttl, jsonld)


def test_pyoxigraph_parses_our_turtle(tmp_path):
    pyoxigraph = pytest.importorskip("pyoxigraph")
    kg = small_graph()
    write_graph(kg, tmp_path / "g.ttl")
    with (tmp_path / "g.ttl").open("rb") as handle:
        quads = list(pyoxigraph.parse(handle, pyoxigraph.RdfFormat.TURTLE))
    assert len(quads) == len(_rdflib(tmp_path / "g.ttl", "turtle"))


def test_vocabulary_and_iri_scheme(tmp_path):
    kg = small_graph()
    text = to_ntriples(kg)
    assert (
        "<http://purl.obolibrary.org/obo/MONDO_0017979> <https://w3id.org/biolink/vocab/"
        "has_phenotype> <http://purl.obolibrary.org/obo/HP_0001744> ."
    ) in text
    # the negated edge is only on its association, never as a direct triple
    assert "biolink/vocab/has_phenotype> <http://purl.obolibrary.org/obo/HP_0001250>" not in text
    assert '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>' in text
    assert "<https://w3id.org/raregraph/association/" in text
    assert '"75.0"^^<http://www.w3.org/2001/XMLSchema#double>' in text
    assert "<https://w3id.org/biolink/vocab/DiseaseToPhenotypicFeatureAssociation>" in text


@pytest.mark.parametrize("suffix", ["ttl", "nt", "jsonld"])
def test_round_trip_is_lossless_and_byte_identical(tmp_path, suffix):
    kg = small_graph()
    first = tmp_path / f"a.{suffix}"
    second = tmp_path / f"b.{suffix}"
    write_graph(kg, first)
    back = read_graph(first)
    write_graph(back, second)
    assert first.read_bytes() == second.read_bytes()
    assert {n for n in back} == {n for n in kg}
    assert set(back.edges()) == set(kg.edges())


def test_output_is_deterministic_across_processes(tmp_path):
    script = (
        "import sys; sys.path.insert(0, 'tests'); from helpers import small_graph; "
        "from raregraph.export import write_graph; "
        "[write_graph(small_graph(), sys.argv[1] + '.' + s) for s in ('ttl', 'nt', 'jsonld')]"
    )
    outputs = []
    for seed in ("1", "2"):
        base = tmp_path / f"seed{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", script, str(base)], check=True, cwd=ROOT, env=env)
        outputs.append(
            [(base.parent / f"{base.name}.{s}").read_bytes() for s in ("ttl", "nt", "jsonld")]
        )
    assert outputs[0] == outputs[1]


def test_bad_rdf_is_an_input_error(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is @not turtle <<<", encoding="utf-8")
    with pytest.raises(InputError, match="bad.ttl"):
        read_rdf(bad)


def test_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "g.ttl"
    target.write_text("old content\n", encoding="utf-8")
    import raregraph.export.rdfstream as rdfstream

    def explode(renderer, node):
        raise RuntimeError("disk full")

    monkeypatch.setattr(rdfstream._Renderer, "node_objects", explode)
    with pytest.raises(RuntimeError):
        write_graph(small_graph(), target)
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["g.ttl"]


_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=30)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=_text.filter(lambda s: s.strip() != ""),
    synonyms=st.lists(_text, max_size=3),
    sentence=_text,
    percentage=st.none() | st.floats(min_value=0, max_value=100, allow_nan=False),
    span=st.tuples(st.integers(0, 10_000), st.integers(0, 10_000)).map(lambda t: tuple(sorted(t))),
    negated=st.booleans(),
)
def test_property_any_text_round_trips(
    tmp_path, name, synonyms, sentence, percentage, span, negated
):
    kg = KnowledgeGraph()
    kg.add_node(Node("raregraph:document/x", Category.PUBLICATION, "doc"))
    kg.add_node(Node("MONDO:0000001", Category.DISEASE, name, synonyms=tuple(synonyms)))
    kg.add_node(Node("HP:0000001", Category.PHENOTYPIC_FEATURE, "All"))
    kg.add_edge(
        Edge(
            "MONDO:0000001",
            Predicate.HAS_PHENOTYPE,
            "HP:0000001",
            Qualifiers(negated=negated, percentage=percentage, qualifier_text=sentence),
            (Evidence("raregraph:document/x", "infores:gard", sentence=sentence, span=span),),
        )
    )
    for suffix in ("ttl", "nt"):
        path = tmp_path / f"p.{suffix}"
        write_graph(kg, path)
        back = read_rdf(path)
        assert set(back) == set(kg)
        assert set(back.edges()) == set(kg.edges())
    assert to_turtle(read_rdf(tmp_path / "p.ttl")) == to_turtle(kg)


def _hpo_graph_with_text():
    """The small HPO files plus a text-mined graph: evidence shared across diseases."""
    from raregraph.sources.hpo_annotations import read_hpo_annotations

    kg = read_hpo_annotations(Path(__file__).parent / "data" / "hpo")
    kg.merge(small_graph())
    return kg


@pytest.mark.parametrize("suffix", ["nt", "ttl"])
@pytest.mark.parametrize("processes", ["2", "3", "5"])
def test_forked_writers_give_the_same_bytes(tmp_path, monkeypatch, suffix, processes):
    kg = _hpo_graph_with_text()
    monkeypatch.setenv("RAREGRAPH_EXPORT_PROCESSES", "1")
    write_graph(kg, tmp_path / f"one.{suffix}")
    monkeypatch.setenv("RAREGRAPH_EXPORT_PROCESSES", processes)
    write_graph(kg, tmp_path / f"many.{suffix}")
    one = (tmp_path / f"one.{suffix}").read_bytes()
    assert one == (tmp_path / f"many.{suffix}").read_bytes()
    assert (to_ntriples(kg) if suffix == "nt" else to_turtle(kg)).encode() == one


def test_every_evidence_node_is_described_once(tmp_path, monkeypatch):
    import pyoxigraph as ox

    kg = _hpo_graph_with_text()
    monkeypatch.setenv("RAREGRAPH_EXPORT_PROCESSES", "3")
    write_graph(kg, tmp_path / "g.nt")
    lines = (tmp_path / "g.nt").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines))  # no triple written twice
    typed = [q for q in ox.parse(path=str(tmp_path / "g.nt")) if q.predicate.value.endswith("type")]
    evidence = {str(q.subject.value) for q in typed if q.object.value.endswith("/Evidence")}
    expected = {ev.identifier() for edge in kg.edges() for ev in edge.evidence}
    assert {iri.rsplit("/", 1)[1] for iri in evidence} == expected


def test_association_iris_are_the_edges_ids():
    from raregraph.curie import expand

    kg = _hpo_graph_with_text()
    text = to_ntriples(kg)
    written = {
        line.split(" ", 1)[0][1:-1]
        for line in text.splitlines()
        if "/association/" in line.split(" ", 1)[0]
    }
    assert written == {expand(edge.association_id) for edge in kg.edges()}


@pytest.mark.parametrize(
    ("failing", "processes"),
    [
        (0, "2"),  # the first node: in this process's range, while the others are forked
        (-1, "3"),  # the last node: in the forked writer of the last range
    ],
)
def test_a_failing_writer_is_raised_and_keeps_the_old_file(
    tmp_path, monkeypatch, failing, processes
):
    import multiprocessing

    import raregraph.export.rdfstream as rdfstream

    target = tmp_path / "g.nt"
    target.write_text("old content\n", encoding="utf-8")
    kg = _hpo_graph_with_text()
    chosen = rdfstream._sorted_nodes(kg)[failing].id

    def explode(renderer, node):
        if node.id == chosen:
            raise RuntimeError("disk full")
        return original(renderer, node)

    original = rdfstream._Renderer.node_objects
    monkeypatch.setattr(rdfstream._Renderer, "node_objects", explode)
    monkeypatch.setenv("RAREGRAPH_EXPORT_PROCESSES", processes)
    with pytest.raises(RuntimeError, match="disk full"):
        write_graph(kg, target)
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["g.nt"]
    assert multiprocessing.active_children() == []


def test_forked_writers_spill_what_waits_for_its_place_to_disk(tmp_path, monkeypatch):
    from raregraph.export import parallel

    kg = _hpo_graph_with_text()
    monkeypatch.setattr(parallel, "HOLD_BYTES", 3_000)  # the ranges write ~13 kB each
    monkeypatch.setattr(parallel, "WRITEBACK_BYTES", 4_000)
    monkeypatch.setenv("RAREGRAPH_EXPORT_PROCESSES", "3")
    write_graph(kg, tmp_path / "g.nt")
    assert (tmp_path / "g.nt").read_bytes() == to_ntriples(kg).encode()
    assert [p.name for p in tmp_path.iterdir()] == ["g.nt"]


@pytest.mark.parametrize("mode", ["w", "a"])
def test_forked_writers_add_to_what_an_open_file_holds(tmp_path, mode):
    from raregraph.export.parallel import write
    from raregraph.export.rdfstream import NTRIPLES

    kg = _hpo_graph_with_text()
    path = tmp_path / "g.nt"
    path.write_text("# before\n", encoding="utf-8")
    with open(path, mode, encoding="utf-8") as handle:
        handle.write("# first line\n")
        write(kg, handle, NTRIPLES, processes=2)
        handle.write("# last line\n")
    kept = "# before\n" if mode == "a" else ""
    expected = kept + "# first line\n" + to_ntriples(kg) + "# last line\n"
    assert path.read_text(encoding="utf-8") == expected


def test_forked_writers_into_a_pipe_or_a_string(tmp_path):
    import io
    import threading

    from raregraph.export.parallel import write
    from raregraph.export.rdfstream import NTRIPLES

    kg = _hpo_graph_with_text()
    reading, writing = os.pipe()
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(os.fdopen(reading, "rb").read()))
    reader.start()
    with open(writing, "w", encoding="utf-8") as handle:
        write(kg, handle, NTRIPLES, processes=2)
    reader.join()
    assert received == [to_ntriples(kg).encode()]
    text = io.StringIO()
    write(kg, text, NTRIPLES, processes=2)  # no byte stream: written by this process
    assert text.getvalue() == to_ntriples(kg)


def test_a_range_waits_for_its_place_in_memory_then_on_disk(tmp_path, monkeypatch):
    import multiprocessing

    from raregraph.export import parallel

    monkeypatch.setattr(parallel, "HOLD_BYTES", 10)
    path = tmp_path / "f"
    path.write_bytes(b"0123456789")
    ends = multiprocessing.get_context("fork").RawArray("q", 3)
    ends[0], ends[1], ends[2] = 0, parallel._UNKNOWN, parallel._UNKNOWN
    with open(path, "r+b") as handle:
        placed = parallel._Placed(handle.fileno(), ends, 1, tmp_path)
        placed.write("héllo ")  # 7 bytes: held in memory
        placed.write("wörld, then a spill")  # past 10 bytes: into a temporary file
        assert path.read_bytes() == b"0123456789"  # nothing written before the place
        assert placed.spill is not None
        ends[1] = 5
        placed.write("!")  # the place is known: what was held, then this
        assert placed.end() == 5 + len("héllo wörld, then a spill!".encode())
        placed.discard()
    assert path.read_bytes() == "01234héllo wörld, then a spill!".encode()


def test_a_bad_process_count_is_named_and_ignored(tmp_path, monkeypatch):
    kg = _hpo_graph_with_text()
    monkeypatch.setenv("RAREGRAPH_EXPORT_PROCESSES", "many")
    with pytest.warns(UserWarning, match="RAREGRAPH_EXPORT_PROCESSES='many'"):
        write_graph(kg, tmp_path / "g.nt")
    assert (tmp_path / "g.nt").read_text(encoding="utf-8") == to_ntriples(kg)
    assert [p.name for p in tmp_path.iterdir()] == ["g.nt"]


@settings(max_examples=60, deadline=None)
@given(
    sentence=st.none() | _text,
    span=st.none() | st.tuples(st.integers(0, 500), st.integers(0, 500)).map(sorted),
    codes=st.lists(st.sampled_from(["TAS", "IEA", "PCS", 'a "b"']), max_size=3),
    publications=st.lists(
        st.sampled_from(["PMID:1", "OMIM:2", "not a curie", "PMID:10"]), max_size=3
    ),
    biocuration=st.lists(_text, max_size=2),
)
def test_fast_evidence_blocks_equal_the_generic_ones(
    sentence, span, codes, publications, biocuration
):
    from raregraph.export import rdfstream
    from raregraph.export.rdf import _evidence_triples

    ev = Evidence(
        source="GARD:1",
        knowledge_source="infores:gard",
        sentence=sentence,
        span=tuple(span) if span else None,
        evidence_codes=tuple(codes),
        publications=tuple(publications),
        biocuration=tuple(biocuration),
    )
    for factory in (rdfstream.NTRIPLES, rdfstream.TURTLE):
        renderer = rdfstream._Renderer(factory())
        iri = renderer.evidence(ev)
        generic = renderer.block(iri, renderer.entries(_evidence_triples("", ev)))
        assert renderer.evidence_block(iri, ev) == generic


@settings(max_examples=60, deadline=None)
@given(
    category=st.sampled_from(list(Category)),
    name=_text.filter(lambda s: s.strip() != ""),
    synonyms=st.lists(_text, max_size=3),
    xrefs=st.lists(
        st.sampled_from(["MONDO:0017979", "ORPHA:3261", "not a curie", 'say "b"', "OMIM:601859"]),
        max_size=3,
    ),
    provided_by=st.lists(st.sampled_from(["infores:gard", "infores:hpo-annotations"]), max_size=2),
    symbol=st.none() | _text,
    description=st.none() | _text,
)
def test_fast_node_blocks_equal_the_generic_ones(
    category, name, synonyms, xrefs, provided_by, symbol, description
):
    """A node's block written by the renderer's fast path holds the triples of the
    generic property list, in the same order."""
    from raregraph.export import rdfstream
    from raregraph.export.rdf import _node_triples

    node = Node(
        "MONDO:0017979",
        category,
        name,
        synonyms=tuple(synonyms),
        xrefs=tuple(xrefs),
        provided_by=tuple(provided_by),
        symbol=symbol,
        description=description,
    )
    for factory in (rdfstream.NTRIPLES, rdfstream.TURTLE):
        renderer = rdfstream._Renderer(factory())
        s = renderer.node(node.id)
        generic = renderer.block(s, renderer.entries(_node_triples(node)))
        for _ in range(2):  # the second time from what the first one cached
            assert renderer.grouped_block(s, renderer.node_objects(node)) == generic


_qualifiers = st.builds(
    Qualifiers,
    negated=st.booleans(),
    percentage=st.none() | st.floats(0, 100),
    frequency=st.none() | st.sampled_from(["HP:0040281", "3/7", "12/40"]),
    hedge=st.none() | _text,
    qualifier_text=st.none() | _text,
    onset=st.none() | st.sampled_from(["HP:0003593", "HP:0011462"]),
    sex=st.none() | st.sampled_from(["female", "male"]),
    modifiers=st.lists(
        st.sampled_from(["HP:0012828", "HP:0003577", "not a curie", 'say "b"']), max_size=4
    ).map(tuple),
)


@settings(max_examples=80, deadline=None)
@given(first=_qualifiers, second=_qualifiers, evidence_count=st.integers(0, 2))
def test_fast_association_blocks_equal_the_generic_ones(first, second, evidence_count):
    """Blocks written from a shared filler (qualifier values as fields) are the blocks
    that the generic path sorts and groups triple by triple."""
    from raregraph.export import rdfstream
    from raregraph.export.rdf import _edge_triples, _expand

    evidence = tuple(Evidence(f"GARD:{k}", "infores:gard") for k in range(evidence_count))
    edges = [
        Edge("MONDO:1", Predicate.HAS_PHENOTYPE, "HP:2", qualifiers=q, evidence=evidence)
        for q in (first, second)
    ]
    for factory in (rdfstream.NTRIPLES, rdfstream.TURTLE):
        renderer = rdfstream._Renderer(factory())
        for edge in edges:  # the second may share the first one's filler
            kind = renderer.kind(edge.predicate, edge.qualifiers)
            digest = edge.association_id.rsplit("/", 1)[1]
            a = renderer.syntax.association(digest)
            s, o = renderer.node(edge.subject), renderer.node(edge.object)
            e = (
                rdfstream._Renderer(factory())
                .syntax.object_separator.replace("{a}", a)
                .join(sorted(renderer.evidence(ev) for ev in evidence))
            )
            fast = (kind.fill if evidence else kind.bare_fill)(digest, s, o, e)
            association = _expand(edge.association_id)
            generic = renderer.block(
                a,
                renderer.entries(t for t in _edge_triples(edge, {}) if t[0] == association),
            )
            assert fast == generic


def test_edges_added_to_networkx_under_other_keys_render_the_same_triples():
    """The renderer caches kinds by edge key only for the graph's own keys."""
    from raregraph.export.rdf import triples

    kg = small_graph()
    expected = to_ntriples(kg)
    rekeyed = small_graph()
    g = rekeyed.nx
    # the same edges, each under the key "0" (as a user's own networkx code might add them)
    edges = [(u, v, data) for u, v, data in g.edges(data=True)]
    g.remove_edges_from([(u, v, k) for u, v, k in g.edges(keys=True)])
    for u, v, data in edges:
        g.add_edge(u, v, key="0", **data)
    assert to_ntriples(rekeyed) == expected
    got = rdflib.Graph().parse(data=to_ntriples(rekeyed), format="nt")
    assert len(got) == len(set(triples(kg)))
