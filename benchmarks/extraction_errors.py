"""List the extractor's false positives and false negatives per page of a GARD page set.

Usage::

    python benchmarks/extraction_errors.py [--type phenotypes] [--dir FOLDER] [PAGE_STEM ...]

For each page, prints the gold items that were missed (with the gold's text) and the
extracted items that the gold lacks (with the words they were read from), so that a
reviewer can tell a missing general rule from a curator paraphrase or a gold error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from raregraph import graph_from_page, read_gard_page
from raregraph.extract.scoring import TYPES, gold_pairs, graph_pairs

DEV = Path(__file__).resolve().parent.parent / "tests" / "data" / "gard_dev"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--type", default="phenotypes", choices=TYPES)
    parser.add_argument("--dir", type=Path, default=DEV, help="a folder of pages and gold")
    parser.add_argument("stems", nargs="*")
    args = parser.parse_args()
    folder = args.dir
    pages = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html"))
    for path in pages:
        if args.stems and path.stem not in args.stems:
            continue
        page = read_gard_page(path)
        kg = graph_from_page(page)
        gold = json.loads((folder / f"{path.stem}.gold.json").read_text(encoding="utf-8"))
        found = graph_pairs(kg)[args.type]
        items = gold.get(args.type, [])
        missed, matched = [], set()
        for item, acceptable in zip(items, gold_pairs(gold)[args.type], strict=True):
            hit = acceptable & found
            if hit:
                matched |= hit
            else:
                missed.append(item)
        words = {
            (e.object, e.negated): " | ".join(
                sorted({page.original[slice(*ev.span)] for ev in e.evidence if ev.span})
            )
            for e in kg.edges()
        }
        extra = sorted(found - matched)
        if not missed and not extra:
            continue
        print(f"== {path.stem}")
        for item in missed:
            neg = " NEG" if item.get("negated") else ""
            print(f"  FN {item['id']} {item.get('label', '')!r}{neg} text={item.get('text')!r}")
        for curie, negated in extra:
            node = kg.node(curie)
            neg = " NEG" if negated else ""
            print(f"  FP {curie} {node.name!r}{neg} from {words.get((curie, negated), '')!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
