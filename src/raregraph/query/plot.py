"""Pictures of a node's typed neighbourhood: matplotlib, and a self-contained HTML view.

:func:`plot` draws ``node`` and what lies within ``depth`` edges of it: one colour per
node category, each edge labelled with its predicate. The layout is radial and
deterministic: the node in the centre, its neighbours on a ring grouped by category,
the next depth on an outer ring. ``backend="matplotlib"`` draws on a matplotlib
``Axes`` (``pip install 'raregraph[plot]'``); ``backend="html"`` returns an
:class:`HtmlView`, one HTML page with an inline SVG and a few lines of inline
JavaScript (hover for ids and evidence counts, click a node to highlight its edges,
wheel to zoom, drag to pan): no download from any CDN, so it opens offline.

Examples
--------
>>> from raregraph.graph import KnowledgeGraph
>>> from raregraph.model import Category, Edge, Node, Predicate
>>> kg = KnowledgeGraph()
>>> _ = kg.add_node(Node("ORPHA:3261", Category.DISEASE, "ALPS"))
>>> _ = kg.add_node(Node("HGNC:11920", Category.GENE, "FAS", symbol="FAS"))
>>> _ = kg.add_edge(Edge("ORPHA:3261", Predicate.CAUSED_BY, "HGNC:11920"))
>>> view = plot(kg, "ALPS", backend="html")
>>> "HGNC:11920" in view.html and "caused_by" in view.html
True

"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Any

from raregraph.errors import QueryError
from raregraph.graph import KnowledgeGraph
from raregraph.model import Category, Edge, Node
from raregraph.query.results import require

__all__ = ["COLORS", "HtmlView", "Layout", "layout", "plot", "to_html"]

#: One colour per category (colour-blind-safe palette of Okabe and Ito).
COLORS: dict[Category, str] = {
    Category.DISEASE: "#D55E00",
    Category.GENE: "#0072B2",
    Category.PHENOTYPIC_FEATURE: "#009E73",
    Category.GENETIC_INHERITANCE: "#CC79A7",
    Category.ANATOMICAL_ENTITY: "#E69F00",
    Category.DRUG: "#56B4E9",
    Category.PROCEDURE: "#7F7F7F",
    Category.TREATMENT: "#999933",
    Category.PUBLICATION: "#000000",
}


@dataclass(frozen=True)
class Layout:
    """Positions of the nodes of a neighbourhood and the edges among them."""

    center: Node
    nodes: dict[str, Node]
    positions: dict[str, tuple[float, float]]
    edges: list[Edge]
    dropped: int


def layout(kg: KnowledgeGraph, node: str, depth: int = 1, max_nodes: int = 80) -> Layout:
    """Place ``node`` and its neighbourhood on rings (nearest first, at most ``max_nodes``)."""
    center = kg.resolve(node)
    part = kg.subgraph(center.id, depth)
    undirected = part.nx.to_undirected(as_view=True)
    import networkx as nx

    distance = nx.single_source_shortest_path_length(undirected, center.id)
    ordered = sorted(
        (n for n in part if n.id != center.id),
        key=lambda n: (distance[n.id], n.category.label, n.name.casefold(), n.id),
    )
    kept = ordered[: max(0, max_nodes - 1)]
    nodes = {center.id: center, **{n.id: n for n in kept}}
    positions: dict[str, tuple[float, float]] = {center.id: (0.0, 0.0)}
    for ring in range(1, depth + 1):
        members = [n for n in kept if distance[n.id] == ring]
        for i, member in enumerate(members):
            angle = 2 * math.pi * i / max(1, len(members)) + (0.3 * (ring - 1))
            positions[member.id] = (ring * math.cos(angle), ring * math.sin(angle))
    edges = [e for e in part.edges() if e.subject in nodes and e.object in nodes]
    return Layout(center, nodes, positions, edges, len(ordered) - len(kept))


def _short(text: str, limit: int = 28) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _draw(found: Layout, ax: Any = None, edge_labels: bool | None = None) -> Any:
    plt = require("matplotlib.pyplot", "plot")
    from matplotlib.lines import Line2D

    if ax is None:
        _, ax = plt.subplots(figsize=(9, 9))
    show_labels = len(found.edges) <= 40 if edge_labels is None else edge_labels
    for edge in found.edges:
        (x0, y0), (x1, y1) = found.positions[edge.subject], found.positions[edge.object]
        style = ":" if edge.negated else "-"
        ax.plot([x0, x1], [y0, y1], style, color="#bbbbbb", lw=1, zorder=1)
        if show_labels:
            ax.text(
                x0 + 0.6 * (x1 - x0),
                y0 + 0.6 * (y1 - y0),
                edge.predicate.label,
                fontsize=6,
                color="#555555",
                ha="center",
                va="center",
                zorder=2,
                bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7},
            )
    for node_id, node in found.nodes.items():
        x, y = found.positions[node_id]
        size = 500 if node_id == found.center.id else 180
        ax.scatter([x], [y], s=size, color=COLORS[node.category], zorder=3, edgecolors="white")
        if node_id == found.center.id:
            ax.text(
                x,
                y - 0.09,
                _short(node.name),
                fontsize=8,
                ha="center",
                va="top",
                zorder=4,
                fontweight="bold",
            )
            continue
        norm = math.hypot(x, y) or 1.0
        ha = "left" if x > 0.15 else "right" if x < -0.15 else "center"
        ax.text(
            x + 0.07 * x / norm,
            y + 0.07 * y / norm,
            _short(node.symbol or node.name),
            fontsize=7,
            ha=ha,
            va="center",
            zorder=4,
        )
    present = sorted({n.category for n in found.nodes.values()}, key=lambda c: c.label)
    handles = [Line2D([], [], marker="o", ls="", color=COLORS[c], label=c.label) for c in present]
    ax.legend(handles=handles, loc="upper left", fontsize=7, frameon=False)
    more = f" (+{found.dropped} not shown)" if found.dropped else ""
    ax.set_title(f"{found.center.name} ({found.center.id}){more}", fontsize=10)
    ax.set_aspect("equal")
    ax.margins(0.12)
    ax.set_axis_off()
    return ax


_SCRIPT = """
(function () {
  var svg = document.getElementById("%(id)s");
  var box = svg.viewBox.baseVal, drag = null;
  svg.addEventListener("wheel", function (e) {
    e.preventDefault();
    var k = e.deltaY > 0 ? 1.1 : 1 / 1.1;
    box.x += box.width * (1 - k) / 2; box.y += box.height * (1 - k) / 2;
    box.width *= k; box.height *= k;
  });
  svg.addEventListener("mousedown", function (e) { drag = [e.clientX, e.clientY]; });
  window.addEventListener("mouseup", function () { drag = null; });
  svg.addEventListener("mousemove", function (e) {
    if (!drag) return;
    var scale = box.width / svg.clientWidth;
    box.x -= (e.clientX - drag[0]) * scale; box.y -= (e.clientY - drag[1]) * scale;
    drag = [e.clientX, e.clientY];
  });
  svg.querySelectorAll("g.node").forEach(function (g) {
    g.addEventListener("click", function () {
      var id = g.getAttribute("data-id");
      svg.querySelectorAll("g.edge").forEach(function (edge) {
        var on = edge.getAttribute("data-s") === id || edge.getAttribute("data-o") === id;
        edge.classList.toggle("lit", on);
      });
    });
  });
})();
"""


def to_html(found: Layout, title: str | None = None) -> str:
    """Render a :class:`Layout` as one self-contained HTML page (inline SVG and script)."""
    esc = html.escape
    scale, pad = 260.0, 120.0
    xs = [p[0] * scale for p in found.positions.values()]
    ys = [p[1] * scale for p in found.positions.values()]
    x0, y0 = min(xs) - pad, min(ys) - pad
    width, height = max(xs) - x0 + pad, max(ys) - y0 + pad
    svg_id = "rg-" + str(abs(hash(found.center.id)) % 10**8)
    parts = [
        f'<svg id="{svg_id}" xmlns="http://www.w3.org/2000/svg" width="100%" height="640" '
        f'viewBox="{x0:.0f} {y0:.0f} {width:.0f} {height:.0f}" '
        'style="font-family:sans-serif;cursor:grab;border:1px solid #ddd">',
        "<style>g.edge line{stroke:#bbb;stroke-width:1.2}g.edge text{font-size:9px;fill:#666}"
        "g.edge.lit line{stroke:#333;stroke-width:2.5}g.node{cursor:pointer}"
        "g.node text{font-size:11px}</style>",
    ]
    for edge in found.edges:
        (ax_, ay), (bx, by) = found.positions[edge.subject], found.positions[edge.object]
        ax_, ay, bx, by = ax_ * scale, ay * scale, bx * scale, by * scale
        tip = (
            f"{edge.subject} {edge.predicate.curie} {edge.object}"
            f"{' (negated)' if edge.negated else ''}; {len(edge.evidence)} evidence"
        )
        dash = ' stroke-dasharray="4 3"' if edge.negated else ""
        parts.append(
            f'<g class="edge" data-s="{esc(edge.subject)}" data-o="{esc(edge.object)}">'
            f"<title>{esc(tip)}</title>"
            f'<line x1="{ax_:.1f}" y1="{ay:.1f}" x2="{bx:.1f}" y2="{by:.1f}"{dash}/>'
            f'<text x="{ax_ + 0.6 * (bx - ax_):.1f}" y="{ay + 0.6 * (by - ay):.1f}" '
            'text-anchor="middle">'
            f"{esc(edge.predicate.label)}</text></g>"
        )
    for node_id, node in found.nodes.items():
        x, y = found.positions[node_id]
        radius = 16 if node_id == found.center.id else 9
        tip = f"{node.id}\n{node.name}\n{node.category.curie}"
        if node.synonyms:
            tip += "\nalso: " + ", ".join(node.synonyms[:5])
        parts.append(
            f'<g class="node" data-id="{esc(node.id)}"><title>{esc(tip)}</title>'
            f'<circle cx="{x * scale:.1f}" cy="{y * scale:.1f}" r="{radius}" '
            f'fill="{COLORS[node.category]}" stroke="white"/>'
            f'<text x="{x * scale:.1f}" y="{y * scale + radius + 12:.1f}" text-anchor="middle">'
            f"{esc(_short(node.symbol or node.name))}</text></g>"
        )
    legend_y = y0 + 20
    for category in sorted({n.category for n in found.nodes.values()}, key=lambda c: c.label):
        parts.append(
            f'<circle cx="{x0 + 20:.0f}" cy="{legend_y:.0f}" r="6" fill="{COLORS[category]}"/>'
            f'<text x="{x0 + 32:.0f}" y="{legend_y + 4:.0f}" font-size="11">'
            f"{esc(category.label)}</text>"
        )
        legend_y += 18
    parts.append("</svg>")
    heading = title or f"{found.center.name} ({found.center.id})"
    more = f" ({found.dropped} more nodes not shown)" if found.dropped else ""
    body = "".join(parts)
    script = _SCRIPT % {"id": svg_id}
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{esc(heading)}</title>'
        f'</head><body><h3 style="font-family:sans-serif">{esc(heading)}{esc(more)}</h3>'
        f"{body}<script>{script}</script></body></html>\n"
    )


class HtmlView:
    """An interactive HTML picture: ``.html`` the page, ``.save(path)``; inline in Jupyter."""

    def __init__(self, page: str) -> None:
        self.html = page

    def _repr_html_(self) -> str:
        start = self.html.index("<body>") + len("<body>")
        return self.html[start : self.html.rindex("</body>")]

    def save(self, path: str | PathLike[str]) -> Path:
        """Write the page to ``path`` (UTF-8); return the path."""
        target = Path(path)
        target.write_text(self.html, encoding="utf-8")
        return target


def plot(
    kg: KnowledgeGraph,
    node: str,
    depth: int = 1,
    *,
    backend: str = "matplotlib",
    ax: Any = None,
    max_nodes: int = 80,
    edge_labels: bool | None = None,
) -> Any:
    """Draw the neighbourhood of ``node`` within ``depth`` edges.

    Parameters
    ----------
    kg, node, depth:
        The graph, a node name or id, and how far to go.
    backend:
        ``"matplotlib"`` (returns the ``Axes``) or ``"html"`` (returns an :class:`HtmlView`).
    ax:
        A matplotlib ``Axes`` to draw on (a new figure by default).
    max_nodes:
        The nearest nodes kept; the title says how many were left out.
    edge_labels:
        Write the predicate on each edge (default: when there are at most 40 edges).

    """
    found = layout(kg, node, depth, max_nodes)
    if backend == "html":
        return HtmlView(to_html(found))
    if backend == "matplotlib":
        return _draw(found, ax, edge_labels)
    raise QueryError(f"unknown plot backend {backend!r}; use 'matplotlib' or 'html'")
