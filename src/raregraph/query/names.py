"""Names in questions -> graph nodes, with clear errors that list the candidates.

:func:`resolve_name` is :meth:`KnowledgeGraph.resolve
<raregraph.graph.KnowledgeGraph.resolve>` with the forgiving steps a person expects
from a question ("autosomal recessive" for "Autosomal recessive inheritance",
"seizures" for "Seizure", "enlarged spleen" through the bundled HPO's synonyms), and
which turns "not found" and "ambiguous" into one :class:`~raregraph.errors.QueryError`
whose ``candidates`` say what the name could have meant.

Examples
--------
>>> from raregraph.graph import KnowledgeGraph
>>> from raregraph.model import Category, Node
>>> kg = KnowledgeGraph()
>>> _ = kg.add_node(Node("HP:0000007", Category.GENETIC_INHERITANCE,
...                      "Autosomal recessive inheritance"))
>>> resolve_name(kg, "autosomal recessive", {Category.GENETIC_INHERITANCE}).id
'HP:0000007'
>>> try:
...     resolve_name(kg, "autosomal recesive", {Category.GENETIC_INHERITANCE})
... except QueryError as err:
...     print(err.candidates)
['HP:0000007 (Autosomal recessive inheritance)']

"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Collection

from raregraph.curie import is_curie, normalize_curie
from raregraph.errors import AmbiguousNameError, CurieError, NotFoundError, QueryError
from raregraph.graph import KnowledgeGraph
from raregraph.model import Category, Node
from raregraph.text import normalize_name

__all__ = ["hpo_terms_named", "resolve_name"]

#: Suffixes a person leaves out ("autosomal recessive" inheritance).
_SUFFIXES = {Category.GENETIC_INHERITANCE: (" inheritance",)}


def _variants(text: str, categories: Collection[Category]) -> list[str]:
    variants = [text]
    for category in categories:
        variants += [text + suffix for suffix in _SUFFIXES.get(category, ())]
    lowered = text.rstrip()
    if lowered.lower().endswith("es") and len(lowered) > 4:
        variants.append(lowered[:-2])
    if lowered.lower().endswith("s") and len(lowered) > 3:
        variants.append(lowered[:-1])
    return variants


@functools.lru_cache(maxsize=1)
def _hpo_names() -> dict[str, tuple[str, ...]]:
    from raregraph.ontology import load

    names: dict[str, set[str]] = {}
    for form in load("hp").surface_forms():
        if form.kind == "label" or form.scope == "EXACT":
            names.setdefault(normalize_name(form.text), set()).add(form.curie)
    return {key: tuple(sorted(value)) for key, value in names.items()}


def hpo_terms_named(text: str) -> tuple[str, ...]:
    """Return the HPO terms whose label or exact synonym is ``text`` (loads HPO once).

    >>> hpo_terms_named("large spleen")
    ('HP:0001744',)
    """
    return _hpo_names().get(normalize_name(text), ())


def _hpo_node(curie: str) -> Node:
    from raregraph.ontology import load

    label = load("hp").label(curie) or curie
    return Node(curie, Category.PHENOTYPIC_FEATURE, label)


def _mentioned_phenotypes(text: str) -> list[str]:
    """The phenotypes the extractor's lexicon reads in ``text`` ("enlarged spleen")."""
    try:
        from raregraph.extract.mentions import find_mentions
    except ImportError:  # pragma: no cover - the extractor's optional dependencies
        return []
    return sorted({m.curie for m in find_mentions(text) if m.kind == "phenotype"})


def _closest(kg: KnowledgeGraph, text: str, categories: Collection[Category]) -> list[str]:
    names: dict[str, Node] = {}
    for node in kg.nodes(categories or None):
        for name in node.names:
            names.setdefault(normalize_name(name), node)
    close = difflib.get_close_matches(normalize_name(text), list(names), n=10, cutoff=0.6)
    found = [f"{names[c].id} ({names[c].name})" for c in close]
    return list(dict.fromkeys(found))[:5]


def resolve_name(kg: KnowledgeGraph, text: str, categories: Collection[Category] = ()) -> Node:
    """Return the one node of ``categories`` that ``text`` names, or raise QueryError.

    Tries, in order: the text itself (ids, labels, synonyms, symbols, xrefs), the text
    with a category's usual suffix, the singular, and, for phenotypes, the bundled HPO's
    labels and exact synonyms, then the extractor's lexicon ("enlarged spleen"). An
    ambiguous name raises at once.
    """
    wanted = frozenset(categories) or None
    for variant in _variants(text.strip(), categories):
        try:
            return kg.resolve(variant, wanted)
        except AmbiguousNameError as err:
            raise QueryError(
                f"{text!r} is ambiguous: it matches {', '.join(err.candidates[:10])}"
                f"{' and more' if len(err.candidates) > 10 else ''}; name one by its id",
                err.candidates,
            ) from None
        except NotFoundError:
            continue
    if wanted and Category.PHENOTYPIC_FEATURE in wanted and not is_curie(text):
        in_graph = [t for t in hpo_terms_named(text) if t in kg]
        if len(in_graph) != 1:
            in_graph = [t for t in _mentioned_phenotypes(text) if t in kg]
        if len(in_graph) == 1:
            return kg.node(in_graph[0])
        known = {
            t for variant in _variants(text.strip(), categories) for t in hpo_terms_named(variant)
        }
        if len(known) == 1:
            # a real HPO term that no disease in this graph has: the answer is empty, not
            # an error (the name is no typo); hierarchy-aware queries still work from it
            return _hpo_node(known.pop())
    if is_curie(text):
        try:
            curie = normalize_curie(text)
        except CurieError:  # pragma: no cover - is_curie checked the prefix
            curie = text
        message = f"no node with id {curie!r} in the graph"
        if wanted:
            message = (
                f"no {'/'.join(sorted(c.label for c in wanted))} with id {curie!r} in the graph"
            )
        raise QueryError(message, [])
    candidates: list[str] = []
    for variant in _variants(text.strip(), categories):
        candidates += [c for c in _closest(kg, variant, categories) if c not in candidates]
    kinds = "/".join(sorted(c.label for c in wanted)) if wanted else "node"
    hint = f"; did you mean {', '.join(candidates[:5])}?" if candidates else ""
    raise QueryError(f"no {kinds} named {text!r} in the graph{hint}", candidates)
