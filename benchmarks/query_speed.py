"""Query speed on the full HPO graph: indexed queries against a full scan of the edges.

Usage: python benchmarks/query_speed.py [--hpo PATH] [--check]

Times ``kg.diseases(gene=...)`` and ``kg.phenotypes(disease=...)`` in microseconds per
query, and a baseline that answers the same questions by scanning every edge.
``--check`` exits 1 when a query takes 1 ms or more.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from raregraph.model import Predicate
from raregraph.sources.hpo_annotations import read_hpo_annotations

MAX_MICROSECONDS = 1000.0


def per_call(function, repeat: int) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    for _ in range(repeat):
        function()
    return (time.perf_counter() - start) / repeat * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hpo", type=Path)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    kg = read_hpo_annotations(args.hpo)
    edges = list(kg.edges())

    def scan_gene() -> set[str]:
        return {e.subject for e in edges if e.object == "HGNC:11920"}

    def scan_phenotypes() -> set[str]:
        return {
            e.object
            for e in edges
            if e.subject == "ORPHA:3261" and e.predicate is Predicate.HAS_PHENOTYPE
        }

    ok = True
    for name, query, scan in (
        ("diseases(gene='FAS')", lambda: kg.diseases(gene="FAS"), scan_gene),
        (
            "phenotypes(disease='ORPHA:3261')",
            lambda: kg.phenotypes(disease="ORPHA:3261"),
            scan_phenotypes,
        ),
    ):
        ours, baseline = per_call(query, 2000), per_call(scan, 5)
        print(
            f"{name:34} {ours:8.1f} µs   full scan {baseline:10.1f} µs   "
            f"speed-up {baseline / ours:8.0f}x"
        )
        ok = ok and ours < MAX_MICROSECONDS
    if args.check and not ok:
        print("FAILED: a query is not in microseconds", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
