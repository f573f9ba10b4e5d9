"""raregraph: rare-disease knowledge as a typed, ontology-aligned knowledge graph.

Start with :class:`KnowledgeGraph` (the graph and its queries), :mod:`raregraph.model`
(what nodes and edges are) and :func:`read_gard_page` / :func:`graph_from_page`
(a GARD page in, a graph out).

>>> import raregraph
>>> kg = raregraph.KnowledgeGraph()
>>> len(kg)
0
"""

from raregraph.errors import RaregraphError, RaregraphWarning
from raregraph.extract import graph_from_page
from raregraph.graph import KnowledgeGraph
from raregraph.model import Category, Edge, Evidence, Node, Predicate, Qualifiers
from raregraph.sources.gard import GardPage, read_gard_page

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
