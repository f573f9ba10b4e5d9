"""Attributes of a package imported on first use (PEP 562).

Importing one small submodule (the lexicon, the CLI) then does not import every heavy
library the package uses.

>>> import raregraph
>>> "KnowledgeGraph" in dir(raregraph)
True
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_attributes"]


def lazy_attributes(
    package: str, modules: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """Return a package's ``__getattr__`` and ``__dir__`` for names kept in ``modules``.

    ``modules`` maps each public name to the module that defines it; the first access
    imports that module and keeps the value in the package.
    """

    def __getattr__(name: str) -> Any:
        module = modules.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | set(modules))

    return __getattr__, __dir__
