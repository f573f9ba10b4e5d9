"""Asking the graph: result tables, the plain query language, SPARQL, ranking, plots.

Most users reach these through the methods of :class:`~raregraph.graph.KnowledgeGraph`
(``kg.ask``, ``kg.sparql``, ``kg.rank_diseases``, ``kg.plot``, ``kg.neighbors``,
``kg.paths``, ``kg.subgraph``); the modules are:

* :mod:`raregraph.query.results`: :class:`QueryResult`, the list of nodes that prints as
  a table, renders as HTML and converts to pandas;
* :mod:`raregraph.query.filters`: :class:`EdgeFilter` (frequency, source, agent type);
* :mod:`raregraph.query.language`: the plain query language (grammar in ``docs/query.md``);
* :mod:`raregraph.query.sparql`: SPARQL over the RDF view, values passed as bindings;
* :mod:`raregraph.query.ranking`: phenotype-driven disease ranking (Resnik, BMA);
* :mod:`raregraph.query.paths`: paths between two nodes;
* :mod:`raregraph.query.plot`: pictures (matplotlib, and a self-contained HTML view).

Heavy optional packages (numpy, pandas, matplotlib, pyoxigraph) are imported inside
the functions that need them.
"""

from raregraph.query.filters import EdgeFilter
from raregraph.query.results import QueryResult

__all__ = ["EdgeFilter", "QueryResult"]
