"""From a page to a graph: the Disease node, its source document, and the extractors.

:func:`graph_from_page` makes the first graph of a page: a ``biolink:Disease`` node
named by the page title, with every other name as a synonym, and a
``biolink:Publication`` node for the page itself. Then each registered
:class:`Extractor` reads the page and adds what it finds (genes, symptoms, ...) as
nodes and edges with evidence. Extractors register by name with
:func:`register_extractor`; :func:`graph_from_page` runs those named in
``extractors`` (all registered ones by default).

>>> from raregraph.sources.gard import parse_gard_text
>>> page = parse_gard_text("Fabry disease\\n\\nFabry disease is a rare inherited disorder "
...                        "of lipid storage caused by mutations in the GLA gene.")
>>> kg = graph_from_page(page, extractors=())
>>> [d.name for d in kg.diseases()]
['Fabry disease']
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Protocol

from raregraph.model import Category, Edge, Node
from raregraph.sources.gard import GardPage
from raregraph.text import normalize_name

if TYPE_CHECKING:
    from raregraph.graph import KnowledgeGraph

__all__ = [
    "GARD_INFORES",
    "RAREGRAPH_INFORES",
    "DiseaseResolver",
    "Extractor",
    "disease_node",
    "document_node",
    "graph_from_page",
    "register_extractor",
    "registered_extractors",
]

#: The knowledge source of statements read from a GARD page.
GARD_INFORES = "infores:gard"
#: raregraph itself, as the aggregator that mined the text.
RAREGRAPH_INFORES = "infores:raregraph"


class Extractor(Protocol):
    """Something that reads a page and yields nodes and edges about its disease."""

    def __call__(
        self, page: GardPage, disease: Node, document: Node
    ) -> Iterable[Node | Edge]:  # pragma: no cover - protocol
        """Yield every node before the edges that use it."""
        ...


#: Returns an ontology-aligned disease node for a page's names, or ``None``.
DiseaseResolver = Callable[[GardPage], Node | None]

_EXTRACTORS: dict[str, Extractor] = {}


def _default_resolver(page: GardPage) -> Node | None:  # pragma: no cover - a marker only
    raise NotImplementedError


#: Marks "no resolver given": :func:`graph_from_page` then aligns the disease to MONDO.
_DEFAULT: DiseaseResolver = _default_resolver


def register_extractor(name: str, extractor: Extractor) -> None:
    """Register ``extractor`` under ``name`` (replacing any earlier one of that name)."""
    _EXTRACTORS[name] = extractor


def registered_extractors() -> list[str]:
    """Return the names of the registered extractors, in registration order."""
    return list(_EXTRACTORS)


def _slug(text: str) -> str:
    return re.sub(r"\s+", "-", normalize_name(text)) or "unnamed"


def document_node(page: GardPage) -> Node:
    """The ``biolink:Publication`` node of a page, identified by a digest of its content.

    The same file content gives the same id wherever it is read from.
    """
    digest = hashlib.sha256(page.original.encode("utf-8")).hexdigest()[:16]
    return Node(
        id=f"raregraph:document/{digest}",
        category=Category.PUBLICATION,
        name=f"GARD page: {page.title.text}",
        xrefs=(page.gard_id,) if page.gard_id else (),
        provided_by=(GARD_INFORES,),
    )


def disease_node(page: GardPage, resolver: DiseaseResolver | None = None) -> Node:
    """The ``biolink:Disease`` node of a page: title as name, other names as synonyms.

    A ``resolver`` (e.g. MONDO alignment) may give the ontology id; otherwise the id is
    the page's GARD id when it states one, else ``raregraph:disease/<slug of title>``.
    """
    synonyms = tuple(name.text for name in page.other_names)
    resolved = resolver(page) if resolver is not None else None
    if resolved is not None:
        return Node(
            id=resolved.id,
            category=Category.DISEASE,
            name=page.title.text,
            synonyms=(*synonyms, resolved.name, *resolved.synonyms),
            xrefs=(*resolved.xrefs, *((page.gard_id,) if page.gard_id else ())),
            provided_by=(GARD_INFORES, *resolved.provided_by),
        )
    node_id = page.gard_id or f"raregraph:disease/{_slug(page.title.text)}"
    return Node(
        id=node_id,
        category=Category.DISEASE,
        name=page.title.text,
        synonyms=synonyms,
        provided_by=(GARD_INFORES,),
    )


def graph_from_page(
    page: GardPage,
    *,
    extractors: Sequence[str] | None = None,
    resolver: DiseaseResolver | None = _DEFAULT,
    graph: KnowledgeGraph | None = None,
) -> KnowledgeGraph:
    """Build (or extend ``graph`` with) the graph of one page.

    ``extractors`` names the registered extractors to run (default: all of them);
    ``()`` gives only the Disease and document nodes. ``resolver`` gives the disease its
    ontology id (default: exact MONDO name match, :func:`~raregraph.extract.disease.
    mondo_resolver`); ``None`` keeps the page's own id.
    """
    if resolver is _DEFAULT:
        from raregraph.extract.disease import mondo_resolver

        resolver = mondo_resolver
    from raregraph.graph import KnowledgeGraph  # networkx: only when a graph is made

    kg = graph if graph is not None else KnowledgeGraph(name=page.title.text)
    document = kg.add_node(document_node(page))
    disease = kg.add_node(disease_node(page, resolver))
    names = registered_extractors() if extractors is None else list(extractors)
    for name in names:
        try:
            extractor = _EXTRACTORS[name]
        except KeyError:
            known = ", ".join(registered_extractors()) or "none"
            raise ValueError(f"unknown extractor {name!r} (registered: {known})") from None
        edges: list[Edge] = []  # a run of edges goes in as one batch, before the next node
        for item in extractor(page, disease, document):
            if isinstance(item, Node):
                if edges:
                    kg.add_edges(edges)
                    edges = []
                kg.add_node(item)
            else:
                edges.append(item)
        if edges:
            kg.add_edges(edges)
    return kg


def _register_defaults() -> None:
    from raregraph.extract.pipeline import text_mining_extractor

    register_extractor("text-mining", text_mining_extractor)


_register_defaults()
