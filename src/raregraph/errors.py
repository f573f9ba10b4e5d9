"""The one exception hierarchy of raregraph.

Every error that raregraph raises on purpose is a :class:`RaregraphError`. Where a
built-in exception describes the failure just as well, the subclass inherits from it
too, so ``except ValueError`` keeps working for callers who do not know raregraph.

Examples
--------
>>> from raregraph.errors import InputError, RaregraphError
>>> try:
...     raise InputError("page.txt", "the file is empty")
... except RaregraphError as err:
...     print(err)
page.txt: the file is empty

"""

from __future__ import annotations

from collections.abc import Sequence
from os import PathLike

__all__ = [
    "AmbiguousNameError",
    "CurieError",
    "ExportError",
    "InputError",
    "NodeConflictError",
    "NotFoundError",
    "OntologyError",
    "QueryError",
    "RaregraphError",
    "RaregraphWarning",
    "SchemaError",
]


class RaregraphError(Exception):
    """Root of every error raised by raregraph."""


class RaregraphWarning(UserWarning):
    """Something recoverable went wrong (a read-only cache, an unknown prefix, ...)."""


class InputError(RaregraphError, ValueError):
    """An input (file, text, argument) cannot be used; the message names it.

    Parameters
    ----------
    source:
        The file name or a short description of the input.
    problem:
        What is wrong with it, as one sentence fragment.

    """

    def __init__(self, source: str | PathLike[str], problem: str) -> None:
        self.source = str(source)
        self.problem = problem
        super().__init__(f"{self.source}: {problem}")


class SchemaError(RaregraphError, ValueError):
    """A node or edge that the model does not allow (wrong category for a predicate)."""


class NodeConflictError(RaregraphError, ValueError):
    """Two nodes with the same id disagree in a way a merge must not hide."""


class NotFoundError(RaregraphError, KeyError):
    """A node, term or name is not in the graph or ontology."""

    def __str__(self) -> str:  # KeyError quotes its argument; we want a plain message
        return str(self.args[0]) if self.args else ""


class AmbiguousNameError(RaregraphError, LookupError):
    """A name matches several nodes; ``candidates`` lists them."""

    def __init__(self, name: str, candidates: list[str]) -> None:
        self.name = name
        self.candidates = candidates
        listed = ", ".join(candidates[:10])
        more = f" and {len(candidates) - 10} more" if len(candidates) > 10 else ""
        super().__init__(f"{name!r} is ambiguous: it matches {listed}{more}")


class CurieError(RaregraphError, ValueError):
    """A CURIE or IRI that the prefix map cannot convert."""


class OntologyError(RaregraphError):
    """An ontology file is missing, corrupt or does not match its recorded hash."""


class ExportError(RaregraphError):
    """A graph could not be written in the requested format."""


class QueryError(RaregraphError, ValueError):
    """A query that cannot be parsed or answered; ``candidates`` lists what a name may mean.

    >>> QueryError("no gene named 'FSA'", ["HGNC:11920 (FAS)"]).candidates
    ['HGNC:11920 (FAS)']
    """

    def __init__(self, message: str, candidates: Sequence[str] = ()) -> None:
        self.candidates = list(candidates)
        super().__init__(message)
