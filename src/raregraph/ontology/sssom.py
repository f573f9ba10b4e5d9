"""Write mappings as SSSOM TSV (https://mapping-commons.github.io/sssom/).

Examples
--------
>>> import tempfile, pathlib
>>> m = Mapping("raregraph:mention/1", "skos:exactMatch", "HP:0001744",
...             "semapv:LexicalMatching", subject_label="splenomegaly", confidence=0.93)
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = pathlib.Path(tmp) / "m.sssom.tsv"
...     to_sssom([m], path)
...     lines = path.read_text().splitlines()
>>> lines[0], lines[1].split(": ")[0]
('#curie_map:', '#  HP')

"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, fields
from pathlib import Path

from raregraph.curie import PREFIX_MAP, RAREGRAPH_NAMESPACE
from raregraph.errors import CurieError
from raregraph.ontology.align import Candidate

__all__ = ["Mapping", "mapping_from_candidate", "to_sssom"]

#: Prefixes that SSSOM declares itself; they must not be redefined in a curie_map.
_BUILTIN_PREFIXES = frozenset({"sssom", "owl", "rdf", "rdfs", "skos", "semapv"})

_PREDICATES = {"EXACT": "skos:exactMatch", "RELATED": "skos:relatedMatch"}
# A BROAD synonym is broader than its term: the text is broader than the term.
_PREDICATES |= {"BROAD": "skos:narrowMatch", "NARROW": "skos:broadMatch"}


@dataclass(frozen=True, slots=True)
class Mapping:
    """One SSSOM mapping; field names are the SSSOM slot names."""

    subject_id: str
    predicate_id: str
    object_id: str
    mapping_justification: str
    subject_label: str | None = None
    object_label: str | None = None
    confidence: float | None = None
    match_string: str | None = None
    object_source: str | None = None
    comment: str | None = None


def mapping_from_candidate(
    candidate: Candidate, subject_id: str, subject_label: str | None = None
) -> Mapping:
    """Turn an alignment :class:`~raregraph.ontology.align.Candidate` into a mapping.

    Labels, normalized matches and EXACT synonyms give ``skos:exactMatch``; other synonym
    scopes give related/broad/narrow matches; fuzzy matches ``skos:closeMatch``. The
    justification is ``semapv:LexicalMatching`` (fuzzy:
    ``semapv:LexicalSimilarityThresholdMatching``).

    >>> c = Candidate("HP:0001744", "Splenomegaly", "Large spleen", "case", 0.91, "hp", "EXACT")
    >>> mapping_from_candidate(c, "raregraph:mention/1", "large spleen").predicate_id
    'skos:exactMatch'
    """
    if candidate.match_type == "fuzzy":
        predicate = "skos:closeMatch"
        justification = "semapv:LexicalSimilarityThresholdMatching"
    else:
        predicate = _PREDICATES.get(candidate.scope or "EXACT", "skos:relatedMatch")
        justification = "semapv:LexicalMatching"
    return Mapping(
        subject_id=subject_id,
        predicate_id=predicate,
        object_id=candidate.curie,
        mapping_justification=justification,
        subject_label=subject_label,
        object_label=candidate.label,
        confidence=candidate.score,
        match_string=candidate.matched_text,
        object_source=f"obo:{candidate.ontology}" if candidate.ontology != "hgnc" else None,
        comment=f"match type: {candidate.match_type}",
    )


def _cell(value: object) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split())


def to_sssom(
    mappings: Iterable[Mapping],
    path: str | os.PathLike[str],
    *,
    mapping_set_id: str = RAREGRAPH_NAMESPACE + "mappings/alignment.sssom.tsv",
    license: str = "https://creativecommons.org/publicdomain/zero/1.0/",
    mapping_set_description: str | None = None,
) -> None:
    """Write ``mappings`` to ``path`` as SSSOM TSV with its metadata header.

    The ``curie_map`` lists every prefix the mappings use (from raregraph's one prefix
    map); SSSOM's built-in prefixes (skos, semapv, ...) are not repeated. Raises
    :class:`~raregraph.errors.CurieError` for a prefix raregraph does not know.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     to_sssom([], pathlib.Path(tmp) / "empty.sssom.tsv")
    """
    rows = list(mappings)
    used: set[str] = {"obo"} if any(row.object_source for row in rows) else set()
    for row in rows:
        for curie in (row.subject_id, row.predicate_id, row.object_id, row.mapping_justification):
            used.add(curie.split(":", 1)[0])
    prefix_map = dict(PREFIX_MAP) | {"obo": "http://purl.obolibrary.org/obo/"}
    unknown = sorted(used - _BUILTIN_PREFIXES - set(prefix_map))
    if unknown:
        raise CurieError(f"prefixes not in raregraph's prefix map: {', '.join(unknown)}")
    columns = [field.name for field in fields(Mapping)]
    lines = ["#curie_map:"]
    lines += [f"#  {prefix}: {prefix_map[prefix]}" for prefix in sorted(used - _BUILTIN_PREFIXES)]
    lines.append(f"#mapping_set_id: {mapping_set_id}")
    lines.append(f"#license: {license}")
    if mapping_set_description:
        lines.append(f"#mapping_set_description: {_cell(mapping_set_description)}")
    lines.append("\t".join(columns))
    for row in rows:
        lines.append("\t".join(_cell(getattr(row, column)) for column in columns))
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
