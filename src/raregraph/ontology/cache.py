"""An on-disk cache of parsed ontologies that never executes what it reads.

A cache file holds one JSON header line and one JSON payload. The header records the
sha256 of the source file (the cache key, also part of the file name) and of the payload,
so a truncated or altered file is detected and rebuilt. Writes go to a temporary file in
the same folder and are moved into place with :func:`os.replace`, so a reader never sees
half a file. When the folder cannot be written (read-only, or not a folder), loading still
works from the source and a :class:`~raregraph.errors.RaregraphWarning` is issued once.

The folder is ``$RAREGRAPH_CACHE_DIR`` if set, else the user cache folder that
:mod:`platformdirs` gives for ``raregraph``, each with an ``ontologies`` sub-folder.

Examples
--------
>>> import os, tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     os.environ["RAREGRAPH_CACHE_DIR"] = tmp
...     calls = []
...     build = lambda: calls.append(1) or [["HP:1", "a"]]
...     first = cached_payload("demo", "ab" * 32, build)
...     second = cached_payload("demo", "ab" * 32, build)
...     del os.environ["RAREGRAPH_CACHE_DIR"]
>>> first == second == [["HP:1", "a"]], len(calls)
(True, 1)

"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import tempfile
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from raregraph.errors import RaregraphWarning

__all__ = ["CACHE_VERSION", "cache_dir", "cache_file", "cached_payload", "gc_paused"]

#: Bumped whenever the payload layout changes; part of every cache file name.
CACHE_VERSION = 1
_MAGIC = "raregraph-ontology-cache"
_warned: set[str] = set()


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small containers.

    Decoding a cache file creates hundreds of thousands of lists; letting the collector
    scan them again and again triples the load time. Nothing cyclic is created here.

    >>> with gc_paused():
    ...     rows = [[i] for i in range(3)]
    >>> rows
    [[0], [1], [2]]
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def cache_dir() -> Path:
    """Return the folder for cache files (not created here).

    >>> cache_dir().name
    'ontologies'
    """
    override = os.environ.get("RAREGRAPH_CACHE_DIR")
    if override:
        return Path(override) / "ontologies"
    import platformdirs

    return Path(platformdirs.user_cache_dir("raregraph")) / "ontologies"


def cache_file(name: str, source_sha256: str) -> Path:
    """Return the cache file for ontology ``name`` parsed from a source with that hash.

    >>> cache_file("hp", "0123456789abcdef" * 4).name
    'hp-0123456789abcdef0123-v1.json'
    """
    return cache_dir() / f"{name}-{source_sha256[:20]}-v{CACHE_VERSION}.json"


def _read(path: Path, source_sha256: str) -> Any | None:
    """Return the payload in ``path``, or ``None`` if absent; raise ValueError if corrupt."""
    try:
        data = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None
    head, sep, body = data.partition(b"\n")
    if not sep:
        raise ValueError("no header line")
    header = json.loads(head)
    if not isinstance(header, dict) or header.get("format") != _MAGIC:
        raise ValueError("not a raregraph cache file")
    if header.get("version") != CACHE_VERSION or header.get("source_sha256") != source_sha256:
        raise ValueError("written for another source or cache version")
    if header.get("payload_sha256") != hashlib.sha256(body).hexdigest():
        raise ValueError("payload does not match its recorded sha256")
    with gc_paused():
        return json.loads(body)


def _write(path: Path, source_sha256: str, payload: Any) -> None:
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    header = {
        "format": _MAGIC,
        "version": CACHE_VERSION,
        "source_sha256": source_sha256,
        "payload_sha256": hashlib.sha256(body).hexdigest(),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(json.dumps(header).encode("ascii") + b"\n" + body)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _warn_once(key: str, message: str) -> None:
    if key not in _warned:
        _warned.add(key)
        warnings.warn(message, RaregraphWarning, stacklevel=4)


def cached_payload(name: str, source_sha256: str, build: Callable[[], Any]) -> Any:
    """Return the cached JSON payload for ``name``, building and storing it if needed.

    Parameters
    ----------
    name:
        Short name of the ontology; part of the file name.
    source_sha256:
        sha256 of the source file: the cache key.
    build:
        Called to compute the payload (JSON-serializable) on a miss or a corrupt file.

    Examples
    --------
    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     os.environ["RAREGRAPH_CACHE_DIR"] = tmp
    ...     print(cached_payload("demo", "cd" * 32, lambda: {"terms": 0}))
    ...     del os.environ["RAREGRAPH_CACHE_DIR"]
    {'terms': 0}

    """
    path = cache_file(name, source_sha256)
    try:
        payload = _read(path, source_sha256)
    except (ValueError, UnicodeDecodeError) as err:
        warnings.warn(f"cache file {path} is unusable ({err}); rebuilding", RaregraphWarning, 2)
        payload = None
    except OSError as err:
        _warn_once(str(path.parent), f"cannot read the cache in {path.parent} ({err})")
        payload = None
    if payload is not None:
        return payload
    payload = build()
    try:
        _write(path, source_sha256, payload)
    except OSError as err:
        _warn_once(
            str(path.parent),
            f"cannot write the ontology cache in {path.parent} ({err}); loading will stay "
            "slow. Set RAREGRAPH_CACHE_DIR to a writable folder.",
        )
    return payload
