"""Query results that print as tables, render as HTML in Jupyter and convert to pandas.

:class:`QueryResult` is what the query methods of
:class:`~raregraph.graph.KnowledgeGraph` return: a ``list`` of
:class:`~raregraph.model.Node` (so it iterates as typed nodes and compares equal to a
plain list) that also prints as a readable table, renders as an HTML table in Jupyter
(``_repr_html_``, every value escaped) and converts with :meth:`QueryResult.to_pandas`
(``pip install 'raregraph[pandas]'``).

:class:`Table` is the small base class behind every tabular result of
:mod:`raregraph.query` (nodes, SPARQL rows, ranked diseases, paths).

Examples
--------
>>> from raregraph.model import Category, Node
>>> result = QueryResult([Node("HGNC:11920", Category.GENE, "FAS", symbol="FAS")],
...                      title="genes of ALPS")
>>> print(result)
genes of ALPS (1)
id          category  name
----------  --------  ----
HGNC:11920  Gene      FAS
>>> result == [Node("HGNC:11920", Category.GENE, "FAS", symbol="FAS")]
True
>>> result.ids
['HGNC:11920']

"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from raregraph.model import Category, Node

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = ["QueryResult", "Table", "format_table", "html_table", "require"]

#: Rows shown by ``str()`` and ``_repr_html_`` before "... and N more".
MAX_ROWS = 50


def require(module: str, extra: str) -> Any:
    """Import an optional dependency or raise an ImportError naming the extra to install.

    >>> require("json", "none").dumps(1)
    '1'
    """
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as err:
        raise ImportError(
            f"this needs the optional package {module!r}: pip install 'raregraph[{extra}]'"
        ) from err


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:.0f}"
    if isinstance(value, (list, tuple, frozenset, set)):
        return ", ".join(_cell(v) for v in value)
    return str(value)


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]], title: str = "") -> str:
    """Format rows as a plain-text table with a header line (long tables are cut).

    >>> print(format_table(["a", "b"], [[1, "x"], [22, None]]))
    a   b
    --  -
    1   x
    22
    """
    shown = [[_cell(v).replace("\n", " ") for v in row] for row in rows[:MAX_ROWS]]
    widths = [max([len(h)] + [len(r[i]) for r in shown]) for i, h in enumerate(headers)]
    lines = [f"{title} ({len(rows)})"] if title else []
    if not rows:
        lines.append("(no results)")
        return "\n".join(lines)
    lines.append("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    lines.append("  ".join("-" * w for w in widths))
    for row in shown:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    if len(rows) > MAX_ROWS:
        lines.append(f"... and {len(rows) - MAX_ROWS} more")
    return "\n".join(lines)


def html_table(headers: Sequence[str], rows: Sequence[Sequence[object]], title: str = "") -> str:
    """Format rows as an HTML table; every header and value is escaped.

    >>> html_table(["name"], [["<b>x</b>"]])
    '<table><thead><tr><th>name</th></tr></thead><tbody><tr><td>&lt;b&gt;x&lt;/b&gt;</td></tr></tbody></table>'
    """
    parts = []
    if title:
        parts.append(f"<p><b>{html.escape(title)}</b> ({len(rows)})</p>")
    parts.append("<table><thead><tr>")
    parts.extend(f"<th>{html.escape(h)}</th>" for h in headers)
    parts.append("</tr></thead><tbody>")
    for row in rows[:MAX_ROWS]:
        cells = "".join(f"<td>{html.escape(_cell(v))}</td>" for v in row)
        parts.append(f"<tr>{cells}</tr>")
    parts.append("</tbody></table>")
    if len(rows) > MAX_ROWS:
        parts.append(f"<p>... and {len(rows) - MAX_ROWS} more</p>")
    return "".join(parts)


class Table:
    """Mixin for results that are tables: subclasses give :meth:`headers` and :meth:`rows`."""

    title: str = ""

    def headers(self) -> list[str]:
        """The column names."""
        raise NotImplementedError  # pragma: no cover

    def rows(self) -> list[list[object]]:
        """The rows, one list of values per row, in column order."""
        raise NotImplementedError  # pragma: no cover

    def __str__(self) -> str:
        return format_table(self.headers(), self.rows(), self.title)

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        return html_table(self.headers(), self.rows(), self.title)

    def to_pandas(self) -> pandas.DataFrame:
        """Return the table as a ``pandas.DataFrame`` (needs ``raregraph[pandas]``)."""
        pd = require("pandas", "pandas")
        frame: pandas.DataFrame = pd.DataFrame(self.rows(), columns=self.headers())
        return frame


class QueryResult(Table, list[Node]):
    """A list of nodes that prints as a table; what the graph's query methods return.

    Parameters
    ----------
    nodes:
        The nodes, in the order to show them.
    title:
        A caption, e.g. the question that was asked.

    """

    def __init__(self, nodes: Iterable[Node] = (), *, title: str = "") -> None:
        super().__init__(nodes)
        self.title = title

    def __repr__(self) -> str:
        shown = ", ".join(f"{n.id} ({n.name})" for n in self[:5])
        more = f", ... {len(self) - 5} more" if len(self) > 5 else ""
        return f"<QueryResult {self.title!r}: {len(self)} nodes [{shown}{more}]>"

    @property
    def ids(self) -> list[str]:
        """The node ids, in order."""
        return [n.id for n in self]

    @property
    def names(self) -> list[str]:
        """The node names, in order."""
        return [n.name for n in self]

    def of_category(self, *categories: Category) -> QueryResult:
        """Keep the nodes of these categories.

        >>> r = QueryResult([Node("HP:1", Category.PHENOTYPIC_FEATURE, "x")])
        >>> r.of_category(Category.GENE)
        <QueryResult '': 0 nodes []>
        """
        wanted = set(categories)
        return QueryResult((n for n in self if n.category in wanted), title=self.title)

    def headers(self) -> list[str]:
        """The column names: id, category, name (and symbol when one differs from the name)."""
        base = ["id", "category", "name"]
        return [*base, "symbol"] if self._symbols() else base

    def _symbols(self) -> bool:
        return any(n.symbol and n.symbol != n.name for n in self)

    def rows(self) -> list[list[object]]:
        """One row per node."""
        symbols = self._symbols()
        return [[n.id, n.category.label, n.name, *([n.symbol] if symbols else [])] for n in self]

    def to_pandas(self) -> pandas.DataFrame:
        """Return a ``pandas.DataFrame`` with one row per node (needs ``raregraph[pandas]``).

        Columns: ``id``, ``category``, ``name``, ``symbol``, ``synonyms``, ``xrefs``.
        """
        pd = require("pandas", "pandas")
        frame: pandas.DataFrame = pd.DataFrame(
            [
                {
                    "id": n.id,
                    "category": n.category.label,
                    "name": n.name,
                    "symbol": n.symbol,
                    "synonyms": list(n.synonyms),
                    "xrefs": list(n.xrefs),
                }
                for n in self
            ],
            columns=["id", "category", "name", "symbol", "synonyms", "xrefs"],
        )
        return frame
