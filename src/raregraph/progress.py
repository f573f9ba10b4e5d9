"""A tiny progress bar for long steps, drawn on standard error only when it is a terminal.

Tests, CI logs and pipes never see it: :func:`progress` draws nothing unless
``sys.stderr.isatty()`` (or ``enabled=True`` is passed).

>>> with progress("reading", total=3, enabled=False) as advance:
...     for _ in range(3):
...         advance(1)
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator
from typing import TextIO

__all__ = ["progress"]

_WIDTH = 30
_INTERVAL = 0.1  # seconds between redraws


@contextlib.contextmanager
def progress(
    label: str,
    total: int,
    *,
    enabled: bool | None = None,
    stream: TextIO | None = None,
) -> Iterator[Callable[[int], None]]:
    """Yield ``advance(n)``, which moves a bar of ``total`` units on by ``n``.

    ``enabled=None`` draws only when the stream is a terminal. The bar is redrawn at
    most ten times a second, so calling ``advance`` in a tight loop stays cheap.
    """
    out = stream if stream is not None else sys.stderr
    draw = out.isatty() if enabled is None else enabled
    if not draw or total <= 0:
        yield _ignore
        return
    done = 0
    last = 0.0

    def advance(step: int) -> None:
        nonlocal done, last
        done += step
        now = time.monotonic()
        if now - last >= _INTERVAL or done >= total:
            last = now
            share = min(done / total, 1.0)
            filled = int(share * _WIDTH)
            bar = "#" * filled + "-" * (_WIDTH - filled)
            out.write(f"\r{label} [{bar}] {share:4.0%}")
            out.flush()

    try:
        yield advance
    finally:
        out.write("\n")
        out.flush()


def _ignore(step: int) -> None:
    """Do nothing (the bar is off)."""
