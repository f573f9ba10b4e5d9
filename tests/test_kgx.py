import csv

import pytest

from helpers import small_graph
from raregraph.errors import InputError
from raregraph.export import read_graph, write_graph
from raregraph.export.kgx import EDGE_COLUMNS, NODE_COLUMNS, read_kgx, write_kgx


def test_kgx_columns_and_biolink_values(tmp_path):
    write_kgx(small_graph(), tmp_path)
    with (tmp_path / "nodes.tsv").open(encoding="utf-8") as handle:
        nodes = list(csv.DictReader(handle, delimiter="\t"))
    with (tmp_path / "edges.tsv").open(encoding="utf-8") as handle:
        edges = list(csv.DictReader(handle, delimiter="\t"))
    assert tuple(nodes[0]) == NODE_COLUMNS and tuple(edges[0]) == EDGE_COLUMNS
    fas = next(n for n in nodes if n["id"] == "HGNC:11920")
    assert fas["category"] == "biolink:Gene" and fas["synonym"] == "APT1|CD95"
    caused = next(e for e in edges if e["predicate"] == "biolink:caused_by")
    assert caused["subject"] == "MONDO:0017979" and caused["object"] == "HGNC:11920"
    assert caused["has_percentage"] == "75.0" and caused["hedge"] == "about"
    assert caused["agent_type"] == "text_mining_agent"
    assert caused["primary_knowledge_source"] == "infores:gard"
    assert any(e["negated"] == "True" for e in edges)


def test_kgx_round_trip_is_lossless_and_byte_identical(tmp_path):
    kg = small_graph()
    write_graph(kg, tmp_path / "a", "kgx")
    back = read_graph(tmp_path / "a")
    write_graph(back, tmp_path / "b", "kgx")
    for name in ("nodes.tsv", "edges.tsv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert set(back) == set(kg)
    assert set(back.edges()) == set(kg.edges())


def test_kgx_errors_name_the_file(tmp_path):
    with pytest.raises(InputError, match="nodes.tsv"):
        read_kgx(tmp_path)
    (tmp_path / "nodes.tsv").write_text("id\tcategory\tname\nHP:1\tbiolink:Nonsense\tx\n")
    (tmp_path / "edges.tsv").write_text("id\tsubject\tpredicate\tobject\n")
    with pytest.raises(InputError, match=r"nodes.tsv: line 2"):
        read_kgx(tmp_path)
    target = tmp_path / "file"
    target.write_text("x")
    with pytest.raises(InputError, match="not a directory"):
        write_kgx(small_graph(), target)
