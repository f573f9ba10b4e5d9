"""Extraction quality and speed on the GARD dev set, beside an HPO concept recognizer.

Usage::

    python benchmarks/extraction_quality.py [--set NAME] [--split all|dev|rest] [--repeat N]

``NAME`` is any evaluation set ``tests/data/gard_NAME`` (dev, dev2, ..., heldout2).

Prints precision, recall and F1 per entity type (micro average over pages) for
raregraph's text-mining extractor, then the phenotype figures of every peer HPO concept
recognizer that runs here, scored by the same rules (a term the peer marks as excluded
counts as a negated phenotype), then the index build time (cold: a fresh cache folder;
warm: from the cache) and pages per second after the index is built, single process.

Peers:

* fenominal 0.3.4 (PyPI wheel, Rust; the ``bench`` extra) runs offline on an obographs
  JSON of the bundled HPO that :func:`fenominal_hpo_json` derives into the cache folder;
  only its terms under "Phenotypic abnormality" are scored.
* txt2hpo 2021.0 pins spacy==2.2.4, scispacy==0.2.4 and gensim==3.8.1, which have no
  wheels for current Pythons and fail to build here; it is tried and reported as not run.
* clinphen 1.28 is an sdist whose ``setup.py`` calls ``nltk.download("wordnet")`` and
  whose HPO setup script downloads hp.obo: it cannot install offline; tried, not run.
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
from raregraph.extract.lexicon import get_lexicon
from raregraph.extract.scoring import Score, score_pages, score_predicted

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
#: every evaluation set: ``tests/data/gard_<name>`` (``--set <name>``)
SETS = {
    folder.name.removeprefix("gard_"): folder
    for folder in sorted(DATA.glob("gard_*"))
    if any(folder.glob("*.gold.json"))
}
DEV = SETS["dev"]  # rebound by --set


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
    return lambda text: {(hit["hpid"][0], False) for hit in extractor.hpo(text).entries}


def peer_clinphen():  # type: ignore[no-untyped-def]
    from clinphen_src import get_phenotypes

    def run(text: str) -> set[str]:
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
            handle.write(text)
        table = get_phenotypes.extract_phenotypes(handle.name, {}, {})
        return {(curie, False) for curie in re.findall(r"HP:\d{7}", str(table))}

    return run


def fenominal_hpo_json() -> Path:
    """Write the bundled HPO as obographs JSON (fenominal's input) into the cache folder.

    The file is derived at benchmark time from ``ontologies/hp.obo.gz`` (never committed)
    and keyed by that file's sha256, so a new HPO release gives a new file.
    """
    from raregraph.curie import expand
    from raregraph.ontology import load
    from raregraph.ontology.cache import cache_dir
    from raregraph.ontology.files import file_sha256, ontology_path

    target = cache_dir() / f"fenominal-hp-{file_sha256(ontology_path('hp'))[:16]}.json"
    if target.is_file():
        return target
    scopes = {
        "EXACT": "hasExactSynonym",
        "RELATED": "hasRelatedSynonym",
        "BROAD": "hasBroadSynonym",
        "NARROW": "hasNarrowSynonym",
    }
    nodes, edges = [], []
    for curie, term in load("hp").items():
        if term.obsolete:
            continue
        iri = expand(curie)
        synonyms = [{"pred": scopes[s.scope], "val": s.text} for s in term.synonyms]
        meta = {"synonyms": synonyms} if synonyms else {}
        nodes.append({"id": iri, "lbl": term.label or "", "type": "CLASS", "meta": meta})
        edges += [{"sub": iri, "pred": "is_a", "obj": expand(p)} for p in term.parents]
    graph = {"id": "http://purl.obolibrary.org/obo/hp.json", "nodes": nodes, "edges": edges}
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps({"graphs": [graph]}), encoding="utf-8")
    tmp.replace(target)
    return target


def peer_fenominal():  # type: ignore[no-untyped-def]
    from fenominal import Fenominal

    recognizer = Fenominal(str(fenominal_hpo_json()))

    lexicon = get_lexicon()

    def run(text: str) -> set[tuple[str, bool]]:
        hits = json.loads(recognizer.map_text(text))
        return {
            (hit["termId"], bool(hit["excluded"]))
            for hit in hits
            if "HP:0000118" in lexicon.hp_ancestors(hit["termId"])
        }

    return run


PEERS = {"txt2hpo": peer_txt2hpo, "clinphen": peer_clinphen, "fenominal": peer_fenominal}


def score_peer(  # type: ignore[no-untyped-def]
    run, paths: list[Path], repeat: int
) -> tuple[Score, float]:
    """Score a phenotype recognizer by the extractor's rules; time it on the texts alone."""
    bodies = [read_gard_page(path).body for path in paths]
    found = [run(body) for body in bodies]  # warms the recognizer up, like our index
    started = time.perf_counter()
    for _ in range(repeat):
        for body in bodies:
            run(body)
    rate = repeat * len(paths) / (time.perf_counter() - started)
    totals: dict[str, Score] = {}
    for path, pairs in zip(paths, found, strict=True):
        gold = json.loads((DEV / f"{path.stem}.gold.json").read_text(encoding="utf-8"))
        score_predicted({"phenotypes": set(pairs)}, gold, totals)
    return totals["phenotypes"], rate


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="all", choices=("all", "dev", "rest"))
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument(
        "--set",
        default="dev",
        choices=sorted(SETS),
        help="dev, dev2: the pages developed on; dev3, dev4 (session 9), dev5-dev8 (session "
        "10), dev9-dev17 (session 14), dev18-dev25 (session 15): written apart from the "
        "extractor, measured before tuning; heldout, heldout2: "
        "pages written apart from the extractor (heldout was read for tuning in session 8; "
        "heldout2 was not)",
    )
    args = parser.parse_args()
    global DEV
    DEV = SETS[args.set]
    paths = pages(args.split)

    cold, warm = build_times()
    graph_from_page(read_gard_page(paths[0]))  # build the index in this process
    results = [(graph_from_page(read_gard_page(p)), DEV / f"{p.stem}.gold.json") for p in paths]
    ours = score_pages(results)
    print_scores(f"raregraph text-mining extractor ({args.split}: {len(paths)} pages)", ours)

    texts = [read_gard_page(p) for p in paths]
    started = time.perf_counter()
    for _ in range(args.repeat):
        for page in texts:
            graph_from_page(page)
    rate = args.repeat * len(texts) / (time.perf_counter() - started)

    print("\npeers (phenotypes; same scoring: negated terms count as (id, negated))")
    peer_rates = {}
    mine = ours["phenotypes"]
    print(f"  {'raregraph':10s} P={mine.precision:.3f} R={mine.recall:.3f} F1={mine.f1:.3f}")
    for name, make in PEERS.items():
        try:
            run = make()
            score, peer_rate = score_peer(run, paths, max(1, args.repeat // 4))
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
