"""KGX TSV export and import: ``nodes.tsv`` and ``edges.tsv`` in a directory.

Columns follow the KGX TSV convention: CURIE ids, Biolink ``category`` and
``predicate``, multi-valued cells joined by ``|``. Edges carry the Biolink qualifier
and provenance columns (``negated``, ``has_percentage``, ``frequency_qualifier``,
``primary_knowledge_source``, ``agent_type``, ``knowledge_level``, ``publications``,
``supporting_text``) and, so that nothing is lost, a ``raregraph_evidence`` column
holding every piece of evidence as JSON. Rows are sorted, so output is deterministic.

>>> import tempfile
>>> from raregraph.graph import KnowledgeGraph
>>> from raregraph.model import Category, Node
>>> kg = KnowledgeGraph()
>>> _ = kg.add_node(Node("HGNC:11920", Category.GENE, "FAS", symbol="FAS"))
>>> out = tempfile.mkdtemp()
>>> write_kgx(kg, out)
>>> [n.id for n in read_kgx(out)]
['HGNC:11920']
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from os import PathLike
from pathlib import Path
from typing import Any, TextIO

from raregraph.errors import InputError
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

__all__ = ["EDGE_COLUMNS", "NODE_COLUMNS", "read_kgx", "write_kgx"]

NODE_COLUMNS = ("id", "category", "name", "synonym", "xref", "provided_by", "symbol", "description")
EDGE_COLUMNS = (
    "id",
    "subject",
    "predicate",
    "object",
    "category",
    "negated",
    "has_percentage",
    "frequency_qualifier",
    "onset_qualifier",
    "sex_qualifier",
    "qualifier_text",
    "hedge",
    "modifiers",
    "primary_knowledge_source",
    "agent_type",
    "knowledge_level",
    "publications",
    "supporting_text",
    "raregraph_evidence",
)


_ESCAPE = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r", "|": "\\|"})
_UNESCAPE = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r", "|": "|"}
_ESCAPED = re.compile(r"\\(.)")
_LIST_SEPARATOR = re.compile(r"(?<!\\)((?:\\\\)*)\|")


def _cell(value: object) -> str:
    """Render a value as one TSV cell; tabs, newlines, backslashes and ``|`` are escaped."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "|".join(_cell(v) for v in value)
    if isinstance(value, bool):
        return "True" if value else "False"
    return str(value).translate(_ESCAPE)


def _unescape(cell: str) -> str:
    return _ESCAPED.sub(lambda m: _UNESCAPE.get(m.group(1), m.group(1)), cell)


def _split(cell: str) -> tuple[str, ...]:
    if not cell:
        return ()
    parts = _LIST_SEPARATOR.sub(lambda m: m.group(1) + "\x00", cell).split("\x00")
    return tuple(_unescape(p) for p in parts if p)


def _write_rows(handle: TextIO, header: tuple[str, ...], rows: Iterable[list[str]]) -> None:
    handle.write("\t".join(header) + "\n")
    for row in rows:
        handle.write("\t".join(row) + "\n")


def _read_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="\n") as handle:
        header = handle.readline().rstrip("\n").split("\t")
        for number, line in enumerate(handle, start=2):
            cells = line.rstrip("\n").split("\t")
            yield number, dict(zip(header, cells, strict=False))


def _evidence_json(ev: Evidence) -> dict[str, Any]:
    item: dict[str, Any] = {
        "source": ev.source,
        "knowledge_source": ev.knowledge_source,
        "agent_type": ev.agent_type.value,
        "knowledge_level": ev.knowledge_level.value,
        "sentence": ev.sentence,
        "span": list(ev.span) if ev.span else None,
        "evidence_codes": list(ev.evidence_codes),
        "publications": list(ev.publications),
    }
    if ev.biocuration:  # only when set, so older files stay byte-identical
        item["biocuration"] = list(ev.biocuration)
    return item


def _edge_row(edge: Edge) -> list[str]:
    q = edge.qualifiers
    ev = edge.evidence
    evidence = json.dumps(
        [_evidence_json(e) for e in ev], ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )
    values: list[object] = [
        edge.association_id,
        edge.subject,
        edge.predicate.curie,
        edge.object,
        edge.predicate.association,
        q.negated,
        repr(float(q.percentage)) if q.percentage is not None else None,
        q.frequency,
        q.onset,
        q.sex,
        q.qualifier_text,
        q.hedge,
        list(q.modifiers),
        sorted({e.knowledge_source for e in ev}),
        sorted({e.agent_type.value for e in ev}),
        sorted({e.knowledge_level.value for e in ev}),
        sorted({p for e in ev for p in (e.source, *e.publications)}),
        sorted({e.sentence for e in ev if e.sentence}),
    ]
    return [_cell(v) for v in values] + [evidence]


def write_kgx(kg: KnowledgeGraph, directory: str | PathLike[str]) -> None:
    """Write ``nodes.tsv`` and ``edges.tsv`` into ``directory`` (each file atomically)."""
    out = Path(directory)
    if out.exists() and not out.is_dir():
        raise InputError(out, "exists and is not a directory (KGX output is a directory)")
    out.mkdir(parents=True, exist_ok=True)
    node_rows = (
        [
            _cell(v)
            for v in (
                node.id,
                node.category.curie,
                node.name,
                list(node.synonyms),
                list(node.xrefs),
                list(node.provided_by),
                node.symbol,
                node.description,
            )
        ]
        for node in kg.nodes()
    )
    with atomic_writer(out / "nodes.tsv") as handle:
        _write_rows(handle, NODE_COLUMNS, node_rows)
    with atomic_writer(out / "edges.tsv") as handle:
        _write_rows(handle, EDGE_COLUMNS, sorted(_edge_row(e) for e in kg.edges()))


def read_kgx(directory: str | PathLike[str]) -> KnowledgeGraph:
    """Read a graph written by :func:`write_kgx` (a directory with the two TSV files)."""
    folder = Path(directory)
    nodes_file, edges_file = folder / "nodes.tsv", folder / "edges.tsv"
    for file in (nodes_file, edges_file):
        if not file.is_file():
            raise InputError(
                file, "no such file (a KGX graph is a directory with nodes.tsv and edges.tsv)"
            )
    kg = KnowledgeGraph(name=folder.name)
    for line, row in _read_rows(nodes_file):
        try:
            kg.add_node(
                Node(
                    id=row["id"],
                    category=Category.from_curie(_split(row["category"])[0]),
                    name=_unescape(row["name"]),
                    synonyms=_split(row.get("synonym", "")),
                    xrefs=_split(row.get("xref", "")),
                    provided_by=_split(row.get("provided_by", "")),
                    symbol=_unescape(row.get("symbol", "")) or None,
                    description=_unescape(row.get("description", "")) or None,
                )
            )
        except (KeyError, IndexError, ValueError, TypeError) as err:
            raise InputError(nodes_file, f"line {line}: {err}") from None
    for line, row in _read_rows(edges_file):
        try:
            kg.add_edge(_read_edge(row))
        except (KeyError, IndexError, ValueError, TypeError) as err:
            raise InputError(edges_file, f"line {line}: {err}") from None
    return kg


def _read_edge(row: dict[str, str]) -> Edge:
    percentage = row.get("has_percentage") or None
    qualifiers = Qualifiers(
        negated=row.get("negated", "").lower() == "true",
        percentage=float(percentage) if percentage else None,
        frequency=row.get("frequency_qualifier") or None,
        onset=row.get("onset_qualifier") or None,
        sex=row.get("sex_qualifier") or None,
        qualifier_text=_unescape(row.get("qualifier_text", "")) or None,
        hedge=_unescape(row.get("hedge", "")) or None,
        modifiers=_split(row.get("modifiers", "")),
    )
    evidence = tuple(
        Evidence(
            source=item["source"],
            knowledge_source=item["knowledge_source"],
            agent_type=AgentType(item["agent_type"]),
            knowledge_level=KnowledgeLevel(item["knowledge_level"]),
            sentence=item["sentence"],
            span=(item["span"][0], item["span"][1]) if item["span"] else None,
            evidence_codes=tuple(item["evidence_codes"]),
            publications=tuple(item["publications"]),
            biocuration=tuple(item.get("biocuration", ())),
        )
        for item in json.loads(row.get("raregraph_evidence") or "[]")
    )
    return Edge(
        subject=row["subject"],
        predicate=Predicate.from_curie(row["predicate"]),
        object=row["object"],
        qualifiers=qualifiers,
        evidence=evidence,
    )
