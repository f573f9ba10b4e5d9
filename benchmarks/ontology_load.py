"""Cold (pronto parse) versus cached HPO load time, measured in one run.

Usage: python benchmarks/ontology_load.py [--repeat N] [NAME ...]

Cold: pronto parses the bundled OBO file and raregraph extracts its term records.
Cached: the same records read back from raregraph's on-disk cache (a fresh temporary
cache folder, so the run never depends on an earlier one). Prints seconds and the ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time


def measure(name: str, repeat: int) -> tuple[float, float, float]:
    from raregraph.ontology.files import ontology_path
    from raregraph.ontology.index import TermIndex
    from raregraph.ontology.obo import parse_obo

    path = ontology_path(name)
    pronto_only = []
    cold = []
    warm = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as folder:
            os.environ["RAREGRAPH_CACHE_DIR"] = folder
            start = time.perf_counter()
            parse_obo(path)
            pronto_only.append(time.perf_counter() - start)
            start = time.perf_counter()
            TermIndex.from_file(name, path)  # cold: parse + write the cache
            cold.append(time.perf_counter() - start)
            start = time.perf_counter()
            TermIndex.from_file(name, path)  # warm: read the cache
            warm.append(time.perf_counter() - start)
    return statistics.median(pronto_only), statistics.median(cold), statistics.median(warm)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", default=["hp"])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'ontology':10} {'parse s':>8} {'cold s':>8} {'cached s':>9} {'cached/cold':>12}")
    for name in args.names:
        parse, cold, warm = measure(name, args.repeat)
        print(f"{name:10} {parse:8.3f} {cold:8.3f} {warm:9.3f} {warm / cold:12.3f}")


if __name__ == "__main__":
    main()
