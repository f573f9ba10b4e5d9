"""Shared fixtures."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session", autouse=True)
def ontology_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Point raregraph's ontology cache at a fresh folder, so every run starts cold."""
    folder = str(tmp_path_factory.mktemp("raregraph-cache"))
    previous = os.environ.get("RAREGRAPH_CACHE_DIR")
    os.environ["RAREGRAPH_CACHE_DIR"] = folder
    yield folder
    if previous is None:
        os.environ.pop("RAREGRAPH_CACHE_DIR", None)
    else:
        os.environ["RAREGRAPH_CACHE_DIR"] = previous
