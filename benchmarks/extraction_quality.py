"""Extraction quality and speed on the GARD dev set, beside an HPO concept recognizer.

Usage::

    python benchmarks/extraction_quality.py [--split all|dev|rest] [--repeat N]

Prints precision, recall and F1 per entity type (micro average over pages) for
raregraph's text-mining extractor, then the same for the phenotype type of every peer
recognizer that imports here (txt2hpo, clinphen, fenominal; absent ones are named with
the reason), then the index build time (cold: a fresh cache folder; warm: from the
cache) and pages per second after the index is built, single process.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from raregraph import graph_from_page, read_gard_page
from raregraph.extract.scoring import Score, gold_pairs, score_pages

DEV = Path(__file__).resolve().parent.parent / "tests" / "data" / "gard_dev"


def pages(split: str) -> list[Path]:
    found = sorted(p for p in DEV.iterdir() if p.suffix in (".txt", ".html"))
    cut = round(len(found) * 2 / 3)
    return {"all": found, "dev": found[:cut], "rest": found[cut:]}[split]


def print_scores(title: str, scores: dict[str, Score]) -> None:
    print(f"\n{title}")
    print(f"  {'type':12s} {'P':>6s} {'R':>6s} {'F1':>6s}   tp  fp  fn")
    for kind, s in scores.items():
        figures = f"{s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}"
        print(f"  {kind:12s} {figures} {s.tp:4d}{s.fp:4d}{s.fn:4d}")


def build_times() -> tuple[float, float]:
    code = (
        "import time; t=time.perf_counter();"
        "from raregraph.extract.lexicon import get_lexicon;"
        "lx=get_lexicon(); list(lx.matches('x'));"
        "print(time.perf_counter()-t)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, RAREGRAPH_CACHE_DIR=tmp)
        run = [sys.executable, "-c", code]
        times = [
            float(subprocess.run(run, env=env, capture_output=True, text=True, check=True).stdout)
            for _ in range(2)
        ]
        cold, warm = times
    return cold, warm


# --------------------------------------------------------------------------- peers
def peer_txt2hpo():  # type: ignore[no-untyped-def]
    from txt2hpo.extract import Extractor

    extractor = Extractor()
    return lambda text: {hit["hpid"][0] for hit in extractor.hpo(text).entries}


def peer_clinphen():  # type: ignore[no-untyped-def]
    from clinphen_src import get_phenotypes

    def run(text: str) -> set[str]:
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
            handle.write(text)
        table = get_phenotypes.extract_phenotypes(handle.name, {}, {})
        return set(re.findall(r"HP:\d{7}", str(table)))

    return run


def peer_fenominal():  # type: ignore[no-untyped-def]
    raise ImportError("fenominal is a Java library (no PyPI package)")


PEERS = {"txt2hpo": peer_txt2hpo, "clinphen": peer_clinphen, "fenominal": peer_fenominal}


def score_peer(run, paths: list[Path]) -> tuple[Score, float]:  # type: ignore[no-untyped-def]
    score = Score()
    started = time.perf_counter()
    for path in paths:
        page = read_gard_page(path)
        found = set(run(page.body))
        gold = json.loads((DEV / f"{path.stem}.gold.json").read_text(encoding="utf-8"))
        expected = [i for i in gold_pairs(gold)["phenotypes"] if not next(iter(i))[1]]
        wanted = {next(iter(i))[0] for i in expected}
        score.tp += len(found & wanted)
        score.fp += len(found - wanted)
        score.fn += len(wanted - found)
    return score, len(paths) / (time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="all", choices=("all", "dev", "rest"))
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    paths = pages(args.split)

    cold, warm = build_times()
    graph_from_page(read_gard_page(paths[0]))  # build the index in this process
    results = [(graph_from_page(read_gard_page(p)), DEV / f"{p.stem}.gold.json") for p in paths]
    print_scores(
        f"raregraph text-mining extractor ({args.split}: {len(paths)} pages)", score_pages(results)
    )

    texts = [read_gard_page(p) for p in paths]
    started = time.perf_counter()
    for _ in range(args.repeat):
        for page in texts:
            graph_from_page(page)
    rate = args.repeat * len(texts) / (time.perf_counter() - started)

    print("\npeers (phenotypes only; positive gold items, no negation)")
    peer_rates = {}
    for name, make in PEERS.items():
        try:
            run = make()
            score, peer_rate = score_peer(run, paths)
        except Exception as err:
            print(f"  {name:10s} not run: {type(err).__name__}: {str(err)[:100]}")
            continue
        peer_rates[name] = peer_rate
        print(f"  {name:10s} P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f}")

    print("\nspeed (single process, index built)")
    print(f"  index build: cold {cold:.2f} s, warm {warm:.2f} s")
    print(f"  raregraph: {rate:,.0f} pages/s (graph_from_page incl. parsing-free extraction)")
    for name, peer_rate in peer_rates.items():
        print(f"  {name}: {peer_rate:,.1f} pages/s  (raregraph is {rate / peer_rate:,.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
