"""Graph formats behind one registry: a new format is one module plus one line here.

>>> sorted(FORMATS)
['jsonld', 'kgx', 'nt', 'ttl']
>>> format_for_path("graph.nt"), format_for_path("out_dir")
('nt', 'kgx')
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from raregraph.errors import InputError
from raregraph.graph import KnowledgeGraph

__all__ = ["FORMATS", "Format", "format_for_path", "read_graph", "write_graph"]


@dataclass(frozen=True)
class Format:
    """A graph format: its name, file suffixes, writer and reader."""

    name: str
    suffixes: tuple[str, ...]
    writer: Callable[[KnowledgeGraph, str | PathLike[str]], None]
    reader: Callable[[str | PathLike[str]], KnowledgeGraph]
    description: str


def _rdf_reader(fmt: str) -> Callable[[str | PathLike[str]], KnowledgeGraph]:
    def read(path: str | PathLike[str]) -> KnowledgeGraph:
        from raregraph.export.rdf import read_rdf

        return read_rdf(path, fmt)

    return read


def _lazy_writer(
    module: str, function: str
) -> Callable[[KnowledgeGraph, str | PathLike[str]], None]:
    def write(kg: KnowledgeGraph, path: str | PathLike[str]) -> None:
        import importlib

        getattr(importlib.import_module(module), function)(kg, path)

    return write


def _kgx_reader(path: str | PathLike[str]) -> KnowledgeGraph:
    from raregraph.export.kgx import read_kgx

    return read_kgx(path)


FORMATS: dict[str, Format] = {
    "ttl": Format(
        "ttl",
        (".ttl", ".turtle"),
        _lazy_writer("raregraph.export.rdf", "write_turtle"),
        _rdf_reader("ttl"),
        "RDF Turtle",
    ),
    "nt": Format(
        "nt",
        (".nt",),
        _lazy_writer("raregraph.export.rdf", "write_ntriples"),
        _rdf_reader("nt"),
        "RDF N-Triples",
    ),
    "jsonld": Format(
        "jsonld",
        (".jsonld", ".json"),
        _lazy_writer("raregraph.export.rdf", "write_jsonld"),
        _rdf_reader("jsonld"),
        "RDF JSON-LD",
    ),
    "kgx": Format(
        "kgx",
        (),
        _lazy_writer("raregraph.export.kgx", "write_kgx"),
        _kgx_reader,
        "KGX TSV (a directory with nodes.tsv and edges.tsv)",
    ),
}
_ALIASES = {"turtle": "ttl", "ntriples": "nt", "n-triples": "nt", "json-ld": "jsonld", "tsv": "kgx"}


def format_for_path(path: str | PathLike[str], fmt: str | None = None) -> str:
    """Return the format name for ``path`` (by ``fmt``, else suffix; no suffix means KGX)."""
    if fmt:
        name = _ALIASES.get(fmt.lower(), fmt.lower())
        if name not in FORMATS:
            raise InputError(str(fmt), f"unknown format (choose from {', '.join(sorted(FORMATS))})")
        return name
    suffix = Path(path).suffix.lower()
    for format_ in FORMATS.values():
        if suffix in format_.suffixes:
            return format_.name
    if suffix in ("", ".kgx") or Path(path).is_dir():
        return "kgx"
    raise InputError(path, f"cannot tell the format from the suffix {suffix!r}; use --format")


def write_graph(kg: KnowledgeGraph, path: str | PathLike[str], fmt: str | None = None) -> str:
    """Write ``kg`` to ``path`` in ``fmt`` (or the format the suffix names); return the format."""
    name = format_for_path(path, fmt)
    FORMATS[name].writer(kg, path)
    return name


def read_graph(path: str | PathLike[str], fmt: str | None = None) -> KnowledgeGraph:
    """Read a graph file (Turtle, N-Triples, JSON-LD) or a KGX directory."""
    if not Path(path).exists():
        raise InputError(path, "no such file or directory")
    return FORMATS[format_for_path(path, fmt)].reader(path)
