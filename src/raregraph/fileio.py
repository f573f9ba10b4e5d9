"""Write files atomically: into a temporary file beside the target, then rename.

A reader never sees a half-written file, and a failure leaves the old file intact.

>>> import pathlib, tempfile
>>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
>>> with atomic_writer(target) as handle:
...     _ = handle.write("hello\\n")
>>> target.read_text()
'hello\\n'
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from os import PathLike
from pathlib import Path
from typing import TextIO

__all__ = ["atomic_writer"]


@contextlib.contextmanager
def atomic_writer(path: str | PathLike[str], *, encoding: str = "utf-8") -> Iterator[TextIO]:
    """Open a text stream that replaces ``path`` only when the block ends without error.

    Newlines are written as ``\\n`` on every platform, so output is byte-identical.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    directory.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
