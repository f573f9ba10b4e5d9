"""Parse an OBO file with pronto into plain, JSON-serializable term records.

This is the slow (cold) path; :mod:`raregraph.ontology.cache` keeps its result on disk.
A record is a list, in the order of :data:`RECORD_FIELDS`.

Examples
--------
>>> import gzip, tempfile, pathlib
>>> text = "format-version: 1.2\\nontology: demo\\n\\n[Term]\\nid: HP:1\\nname: root\\n\\n"
>>> text += "[Term]\\nid: HP:2\\nname: leaf\\nsynonym: \\"Leaf\\" EXACT []\\nis_a: HP:1\\n"
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = pathlib.Path(tmp) / "demo.obo"
...     _ = path.write_text(text, encoding="utf-8")
...     records = parse_obo(path)
>>> records[1][:4]
['HP:2', 'leaf', None, [['Leaf', 'EXACT', None]]]

"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from raregraph.errors import OntologyError

__all__ = ["RECORD_FIELDS", "parse_obo"]

#: Field order of one term record.
RECORD_FIELDS = (
    "curie",
    "label",
    "definition",
    "synonyms",  # [[text, scope, synonym type or None], ...]
    "xrefs",
    "alt_ids",
    "obsolete",
    "replaced_by",
    "consider",
    "parents",  # is_a
    "relations",  # {relation id: [targets]}
    "subsets",
)


def parse_obo(path: Path) -> list[list[Any]]:
    """Parse the OBO file at ``path`` (plain or gzip) into term records, sorted by id.

    Raises :class:`~raregraph.errors.OntologyError` if pronto cannot read the file.
    """
    import pronto

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", pronto.warnings.ProntoWarning)
            ontology = pronto.ontology.Ontology(str(path), encoding="utf-8")
    except Exception as err:  # pronto and fastobo raise many kinds of errors
        raise OntologyError(f"cannot parse {path}: {err}") from err
    records: list[list[Any]] = []
    for term in ontology.terms():
        synonyms = [
            [syn.description, syn.scope, syn.type.id if syn.type is not None else None]
            for syn in sorted(term.synonyms, key=lambda syn: (syn.description, syn.scope))
        ]
        relations = {
            relation.id: sorted(target.id for target in targets)
            for relation, targets in term.relationships.items()
        }
        parents = sorted(parent.id for parent in term.superclasses(distance=1, with_self=False))
        definition = str(term.definition) if term.definition else None
        records.append(
            [
                term.id,
                term.name or None,
                definition,
                synonyms,
                sorted(xref.id for xref in term.xrefs),
                sorted(term.alternate_ids),
                bool(term.obsolete),
                sorted(target.id for target in term.replaced_by),
                sorted(target.id for target in term.consider),
                parents,
                dict(sorted(relations.items())),
                sorted(term.subsets),
            ]
        )
    records.sort(key=lambda record: str(record[0]))
    return records
