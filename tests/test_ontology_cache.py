import json
import time
import warnings
from pathlib import Path

import pytest

from raregraph.errors import RaregraphWarning
from raregraph.ontology import cache
from raregraph.ontology.files import file_sha256, ontology_path
from raregraph.ontology.index import TermIndex


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("RAREGRAPH_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(cache, "_warned", set())
    return tmp_path / "ontologies"


def _treatment_cache_file() -> Path:
    return cache.cache_file("treatment", file_sha256(ontology_path("treatment")))


def test_cold_then_warm_load_give_the_same_terms(fresh_cache):
    cold = TermIndex.from_file("treatment", ontology_path("treatment"))
    assert _treatment_cache_file().is_file()
    warm = TermIndex.from_file("treatment", ontology_path("treatment"))
    assert len(cold) == len(warm)
    assert cold["MAXO:0001077"] == warm["MAXO:0001077"]


def test_cache_file_is_plain_json_with_a_checked_header(fresh_cache):
    TermIndex.from_file("treatment", ontology_path("treatment"))
    head, _, body = _treatment_cache_file().read_bytes().partition(b"\n")
    header = json.loads(head)
    assert header["format"] == "raregraph-ontology-cache"
    assert isinstance(json.loads(body), list)
    assert not list(fresh_cache.glob(".*"))  # no temporary file left behind


def test_truncated_cache_file_is_detected_and_rebuilt(fresh_cache):
    TermIndex.from_file("treatment", ontology_path("treatment"))
    path = _treatment_cache_file()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.warns(RaregraphWarning, match="unusable"):
        index = TermIndex.from_file("treatment", ontology_path("treatment"))
    assert "MAXO:0001077" in index
    assert path.read_bytes() == data  # rewritten whole


def test_garbage_cache_file_is_rebuilt(fresh_cache):
    TermIndex.from_file("treatment", ontology_path("treatment"))
    _treatment_cache_file().write_bytes(b"\x80\x04not json at all")
    with pytest.warns(RaregraphWarning):
        index = TermIndex.from_file("treatment", ontology_path("treatment"))
    assert len(index) > 1000


def test_unwritable_cache_dir_falls_back_and_warns_once(tmp_path, monkeypatch):
    # Tests may run as root, where chmod does not stop writes: make the cache folder a
    # path below a regular file, so creating it fails for real (NotADirectoryError).
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("RAREGRAPH_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(cache, "_warned", set())
    with pytest.warns(RaregraphWarning, match="cannot write") as caught:
        first = TermIndex.from_file("treatment", ontology_path("treatment"))
        second = TermIndex.from_file("treatment", ontology_path("treatment"))
    assert len([w for w in caught if issubclass(w.category, RaregraphWarning)]) == 1
    assert len(first) == len(second) > 1000


def test_read_only_cache_dir_falls_back(tmp_path, monkeypatch):
    folder = tmp_path / "ro"
    (folder / "ontologies").mkdir(parents=True)
    monkeypatch.setenv("RAREGRAPH_CACHE_DIR", str(folder))
    monkeypatch.setattr(cache, "_warned", set())
    (folder / "ontologies").chmod(0o555)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            index = TermIndex.from_file("treatment", ontology_path("treatment"))
        assert len(index) > 1000
        written = any((folder / "ontologies").iterdir())
        warned = any(issubclass(w.category, RaregraphWarning) for w in caught)
        assert written != warned  # as root the write succeeds; otherwise we warned
    finally:
        (folder / "ontologies").chmod(0o755)


def test_warm_hpo_load_is_much_faster_than_cold(fresh_cache):
    start = time.perf_counter()
    cold = TermIndex.from_file("hp", ontology_path("hp"))
    cold_seconds = time.perf_counter() - start
    start = time.perf_counter()
    warm = TermIndex.from_file("hp", ontology_path("hp"))
    warm_seconds = time.perf_counter() - start
    assert len(cold) == len(warm) == 19484
    assert warm_seconds < cold_seconds / 4
