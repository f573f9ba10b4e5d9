"""raregraph: rare-disease knowledge as a typed, ontology-aligned knowledge graph.

Start with :class:`KnowledgeGraph` (the graph and its queries), :mod:`raregraph.model`
(what nodes and edges are) and :func:`read_gard_page` / :func:`graph_from_page`
(a GARD page in, a graph out).

>>> import raregraph
>>> kg = raregraph.KnowledgeGraph()
>>> len(kg)
0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from raregraph._lazy import lazy_attributes
from raregraph.errors import RaregraphError, RaregraphWarning

if TYPE_CHECKING:
    from raregraph.extract import graph_from_page
    from raregraph.graph import KnowledgeGraph
    from raregraph.model import Category, Edge, Evidence, Node, Predicate, Qualifiers
    from raregraph.sources.gard import GardPage, read_gard_page

# imported on first use, so that a submodule (the lexicon, the CLI) starts fast
_LAZY = {
    "graph_from_page": "raregraph.extract",
    "KnowledgeGraph": "raregraph.graph",
    "Category": "raregraph.model",
    "Edge": "raregraph.model",
    "Evidence": "raregraph.model",
    "Node": "raregraph.model",
    "Predicate": "raregraph.model",
    "Qualifiers": "raregraph.model",
    "GardPage": "raregraph.sources.gard",
    "read_gard_page": "raregraph.sources.gard",
}
__getattr__, __dir__ = lazy_attributes(__name__, _LAZY)

__all__ = [
    "Category",
    "Edge",
    "Evidence",
    "GardPage",
    "KnowledgeGraph",
    "Node",
    "Predicate",
    "Qualifiers",
    "RaregraphError",
    "RaregraphWarning",
    "graph_from_page",
    "read_gard_page",
]

__version__ = "0.1.0"
