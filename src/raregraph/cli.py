"""The ``raregraph`` command: thin wrappers that parse arguments, call the library, print.

Bad input prints one line naming the input and the problem on standard error and exits
with status 2; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from raregraph.errors import RaregraphError
from raregraph.export import FORMATS, read_graph, write_graph
from raregraph.extract import graph_from_page
from raregraph.graph import KnowledgeGraph
from raregraph.model import Node
from raregraph.sources.gard import read_gard_page

__all__ = ["main"]

_DESCRIPTION = """\
raregraph turns rare-disease descriptions (NIH GARD pages saved as text or HTML)
into a typed knowledge graph: diseases, genes, modes of inheritance, organs,
symptoms and treatments, each edge with the sentence it came from. The graph is
written as RDF (Turtle, N-Triples, JSON-LD) or KGX TSV and can be queried here.
"""

_EPILOG = """\
examples:
  raregraph extract examples/data/alps_gard.txt -o alps.ttl
  raregraph extract pages/*.txt -o graph_dir --format kgx
  raregraph stats alps.ttl
  raregraph query alps.ttl genes --disease ALPS
  raregraph query alps.ttl diseases --gene FAS
"""

_QUERIES = ("diseases", "genes", "phenotypes", "inheritance", "organs", "treatments")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="raregraph",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    extract = commands.add_parser(
        "extract",
        help="build a graph from one or more GARD pages and write it",
        description="Read GARD pages (.txt or .html), build one graph, write it to OUT.",
    )
    extract.add_argument("pages", nargs="+", metavar="PAGE", help="GARD page files")
    extract.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="output file (.ttl, .nt, .jsonld) or directory (KGX)",
    )
    extract.add_argument(
        "--format",
        choices=sorted(FORMATS),
        help="output format (default: from the suffix of OUT; none = kgx)",
    )

    stats = commands.add_parser(
        "stats",
        help="count the nodes and edges of a graph file",
        description="Print node and edge counts of a graph.",
    )
    stats.add_argument("graph", metavar="GRAPH", help="a .ttl/.nt/.jsonld file or KGX directory")
    stats.add_argument("--json", action="store_true", help="print JSON instead of a table")

    query = commands.add_parser(
        "query",
        help="ask a graph a question, e.g. 'diseases --gene FAS'",
        description="List the diseases linked to a gene/phenotype/..., or what a disease "
        "is linked to. Names match ids, labels, synonyms and gene symbols, ignoring case.",
    )
    query.add_argument("graph", metavar="GRAPH", help="a .ttl/.nt/.jsonld file or KGX directory")
    query.add_argument("what", choices=_QUERIES, help="what to list")
    query.add_argument("--disease", help="the disease (for genes, phenotypes, ...)")
    query.add_argument("--gene", help="filter diseases by gene")
    query.add_argument("--phenotype", help="filter diseases by phenotype")
    query.add_argument("--inheritance", help="filter diseases by mode of inheritance")
    query.add_argument("--organ", help="filter diseases by affected organ")
    query.add_argument("--treatment", help="filter diseases by treatment")
    return parser


def _print_nodes(nodes: Sequence[Node]) -> None:
    if not nodes:
        print("(no results)")
        return
    width = max(len(n.id) for n in nodes)
    for node in nodes:
        print(f"{node.id:<{width}}  {node.name}")


def _extract(args: argparse.Namespace) -> None:
    kg = KnowledgeGraph(name="raregraph")
    for page_path in args.pages:
        page = read_gard_page(page_path)
        graph_from_page(page, graph=kg)
    fmt = write_graph(kg, args.output, args.format)
    stats = kg.stats()
    print(f"read {len(args.pages)} page(s): {stats['nodes']} nodes, {stats['edges']} edges")
    for category, count in stats["nodes_by_category"].items():
        print(f"  {category:<20} {count}")
    for predicate, count in stats["edges_by_predicate"].items():
        print(f"  {predicate:<32} {count}")
    print(f"wrote {FORMATS[fmt].description} to {Path(args.output)}")


def _stats(args: argparse.Namespace) -> None:
    stats = read_graph(args.graph).stats()
    if args.json:
        print(json.dumps(stats, indent=2, sort_keys=True))
        return
    print(f"{stats['nodes']} nodes, {stats['edges']} edges ({stats['negated_edges']} negated)")
    for category, count in stats["nodes_by_category"].items():
        print(f"  {category:<32} {count}")
    for predicate, count in stats["edges_by_predicate"].items():
        print(f"  {predicate:<32} {count}")


def _query(args: argparse.Namespace) -> None:
    kg = read_graph(args.graph)
    if args.what == "diseases":
        nodes = kg.diseases(
            gene=args.gene,
            phenotype=args.phenotype,
            inheritance=args.inheritance,
            organ=args.organ,
            treatment=args.treatment,
        )
    else:
        if not args.disease:
            raise RaregraphError(f"'query {args.what}' needs --disease NAME")
        nodes = getattr(kg, args.what)(disease=args.disease)
    _print_nodes(nodes)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    handlers = {"extract": _extract, "stats": _stats, "query": _query}
    try:
        handlers[args.command](args)
    except RaregraphError as err:
        if args.debug:
            raise
        print(f"raregraph: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # pragma: no cover - interactive
        return 130
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
