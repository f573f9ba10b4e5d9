"""Align a page's disease to MONDO by exact name (title first, then the other names).

Examples
--------
>>> from raregraph.sources.gard import parse_gard_text
>>> page = parse_gard_text("Autoimmune lymphoproliferative syndrome\\n\\n"
...     "A rare disease; genetic changes in immune cells cause the condition in many "
...     "affected people.")
>>> node = mondo_resolver(page)
>>> node.id, "ORPHA:3261" in node.xrefs
('MONDO:0017979', True)

"""

from __future__ import annotations

from raregraph.extract.lexicon import Lexicon, get_lexicon
from raregraph.model import Category, Node
from raregraph.sources.gard import GardPage

__all__ = ["mondo_resolver", "resolve_disease_name"]


def resolve_disease_name(name: str, lexicon: Lexicon | None = None) -> str | None:
    """Return the MONDO id whose label or synonym is exactly ``name``, or ``None``.

    Case and hyphens are ignored; a name that several terms carry gives ``None`` unless
    it is the label of exactly one of them.

    >>> resolve_disease_name("Autoimmune lymphoproliferative syndrome")
    'MONDO:0017979'
    """
    lexicon = lexicon or get_lexicon()
    key = " ".join(name.lower().replace("-", " ").split())
    found = lexicon.diseases.get(key, [])
    if len(found) == 1:
        return found[0]
    labelled = [c for c in found if lexicon.disease_info[c][0].lower().replace("-", " ") == key]
    return labelled[0] if len(labelled) == 1 else None


def mondo_resolver(page: GardPage) -> Node | None:
    """Return the MONDO node of the page's disease, or ``None`` when no name matches.

    A :data:`~raregraph.extract.DiseaseResolver`: the node carries the ORPHA, OMIM and
    GARD xrefs of the MONDO term.
    """
    lexicon = get_lexicon()
    names = (page.title.text, *(n.text for n in page.other_names))
    memo = ("mondo", names)
    if memo in lexicon.memo:  # the same names always give the same (immutable) node
        found: Node | None = lexicon.memo[memo]
        return found
    found = _resolve(names, lexicon)
    lexicon.memo[memo] = found
    return found


def _resolve(names: tuple[str, ...], lexicon: Lexicon) -> Node | None:
    for name in names:
        curie = resolve_disease_name(name, lexicon)
        if curie is not None:
            label, xrefs = lexicon.disease_info[curie]
            return Node(
                id=curie,
                category=Category.DISEASE,
                name=label,
                xrefs=tuple(xrefs),
                provided_by=("infores:mondo",),
            )
    return None
