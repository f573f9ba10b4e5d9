"""The term index of one ontology: labels, synonyms, xrefs, ids and the hierarchy.

:class:`TermIndex` is a read-only mapping from CURIE to :class:`Term`. It is built from
the term records of :func:`raregraph.ontology.obo.parse_obo` (through the on-disk cache),
creates :class:`Term` views on demand, and builds its reverse indexes and its
:class:`~raregraph.ontology.hierarchy.Hierarchy` on first use.

Examples
--------
>>> records = [
...     ["HP:1", "root", None, [], [], [], False, [], [], [], {}, []],
...     ["HP:2", "Splenomegaly", None, [["Large spleen", "EXACT", "layperson"]],
...      ["UMLS:C0038002"], ["HP:9"], False, [], [], ["HP:1"], {}, []],
...     ["HP:3", "obsolete x", None, [], [], [], True, ["HP:2"], [], [], {}, []],
... ]
>>> index = TermIndex("demo", records)
>>> index["HP:2"].label, index.resolve("HP:9"), index.resolve("HP:3")
('Splenomegaly', 'HP:2', 'HP:2')
>>> index.by_xref("UMLS:C0038002"), sorted(index.descendants("HP:1"))
(['HP:2'], ['HP:2'])

"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from raregraph.curie import normalize_curie
from raregraph.errors import CurieError, NotFoundError
from raregraph.ontology.cache import cached_payload, gc_paused
from raregraph.ontology.files import file_sha256
from raregraph.ontology.hierarchy import Hierarchy
from raregraph.ontology.normalize import casefold_key
from raregraph.ontology.obo import parse_obo

__all__ = ["SurfaceForm", "Synonym", "Term", "TermIndex", "normalize_xref"]

#: Relations that count as "broader" in the hierarchy besides is_a. UBERON's source does not
#: tell is_a from part_of, so its bundled file states ``is_a_or_part_of``.
BROADER_RELATIONS = ("is_a_or_part_of",)
#: Relations kept as the separate part_of hierarchy when a source distinguishes them.
PART_OF_RELATIONS = ("part_of", "BFO:0000050")

_GARD_PADDING = re.compile(r"^GARD:0+(?=\d)")


def normalize_xref(curie: str) -> str:
    """Normalize a cross-reference CURIE; unknown prefixes are kept as they are.

    >>> normalize_xref("Orphanet:3261"), normalize_xref("GARD:0008686"), normalize_xref("ICD9:1")
    ('ORPHA:3261', 'GARD:8686', 'ICD9:1')
    """
    curie = curie.strip()
    try:
        curie = normalize_curie(curie)
    except CurieError:
        return curie
    return _GARD_PADDING.sub("GARD:", curie)


@dataclass(frozen=True, slots=True)
class Synonym:
    """A synonym with its OBO scope (EXACT, RELATED, BROAD, NARROW) and type (e.g. layperson)."""

    text: str
    scope: str
    type: str | None = None


@dataclass(frozen=True, slots=True)
class Term:
    """One ontology term, as a read-only view created by :class:`TermIndex`."""

    curie: str
    label: str | None
    definition: str | None
    synonyms: tuple[Synonym, ...]
    xrefs: tuple[str, ...]
    alt_ids: tuple[str, ...]
    obsolete: bool
    replaced_by: tuple[str, ...]
    consider: tuple[str, ...]
    parents: tuple[str, ...]
    relations: tuple[tuple[str, tuple[str, ...]], ...]
    subsets: tuple[str, ...]
    ontology: str


@dataclass(frozen=True, slots=True)
class SurfaceForm:
    """A name under which a term may appear in text.

    ``key`` is :func:`~raregraph.ontology.normalize.casefold_key` of ``text``; ``kind`` is
    ``"label"`` or ``"synonym"``; ``scope`` and ``synonym_type`` are ``None`` for labels.
    """

    key: str
    text: str
    curie: str
    kind: Literal["label", "synonym"]
    scope: str | None
    synonym_type: str | None
    ontology: str


class TermIndex(Mapping[str, Term]):
    """Terms of one ontology by CURIE, with id resolution, xrefs and the hierarchy.

    Parameters
    ----------
    name:
        Short name of the ontology (``"hp"``, ``"mondo"``, ...).
    records:
        Term records in the layout of :data:`raregraph.ontology.obo.RECORD_FIELDS`.
    source_sha256:
        sha256 of the file the records come from, if known.

    """

    def __init__(self, name: str, records: list[list[Any]], source_sha256: str | None = None):
        self.name = name
        self.source_sha256 = source_sha256
        with gc_paused():
            self._records: dict[str, list[Any]] = {record[0]: record for record in records}
            self._alt: dict[str, str] = {}
            for record in records:
                for alt in record[5]:
                    self._alt.setdefault(alt, record[0])
        self._xrefs: dict[str, list[str]] | None = None
        self._hierarchy: Hierarchy | None = None
        self._part_of: Hierarchy | None = None

    @classmethod
    def from_file(cls, name: str, path: Path) -> TermIndex:
        """Load the OBO file at ``path`` through the on-disk cache.

        >>> from raregraph.ontology.files import ontology_path
        >>> len(TermIndex.from_file("treatment", ontology_path("treatment"))) > 1000
        True
        """
        digest = file_sha256(path)
        records = cached_payload(name, digest, lambda: parse_obo(path))
        return cls(name, records, digest)

    # -- mapping -------------------------------------------------------------------------

    def __getitem__(self, curie: str) -> Term:
        record = self._records.get(curie)
        if record is None:
            raise NotFoundError(f"{curie!r} is not a term of {self.name}")
        return Term(
            curie=record[0],
            label=record[1],
            definition=record[2],
            synonyms=tuple(Synonym(text, scope, kind) for text, scope, kind in record[3]),
            xrefs=tuple(record[4]),
            alt_ids=tuple(record[5]),
            obsolete=record[6],
            replaced_by=tuple(record[7]),
            consider=tuple(record[8]),
            parents=tuple(record[9]),
            relations=tuple((rel, tuple(targets)) for rel, targets in record[10].items()),
            subsets=tuple(record[11]),
            ontology=self.name,
        )

    def __iter__(self) -> Iterator[str]:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)

    def __contains__(self, curie: object) -> bool:
        return curie in self._records

    def __repr__(self) -> str:
        return f"<TermIndex {self.name!r} with {len(self)} terms>"

    # -- ids -----------------------------------------------------------------------------

    def label(self, curie: str) -> str | None:
        """Return the label of ``curie`` (after :meth:`resolve`).

        >>> index = TermIndex("d", [["HP:1", "root", None, [], [], [], False, [], [], [], {}, []]])
        >>> index.label("HP:1")
        'root'
        """
        label: str | None = self._records[self.resolve(curie)][1]
        return label

    def resolve(self, curie: str) -> str:
        """Return the current id for ``curie``.

        alt_ids go to their term, obsolete terms to their replacement (followed to the
        end). An obsolete term without replacement resolves to itself. Raises
        :class:`~raregraph.errors.NotFoundError` if unknown.

        >>> TermIndex("d", [["HP:1", "x", None, [], [], ["HP:7"], False, [], [], [], {}, []]]
        ...           ).resolve("hp:7")
        'HP:1'
        """
        try:
            current = normalize_curie(curie)
        except CurieError:
            current = curie.strip()
        current = self._alt.get(current, current)
        if current not in self._records:
            raise NotFoundError(f"{curie!r} is not a term or alt_id of {self.name}")
        seen = {current}
        while self._records[current][6] and self._records[current][7]:
            target = self._records[current][7][0]
            target = self._alt.get(target, target)
            if target in seen or target not in self._records:
                break
            seen.add(target)
            current = target
        return current

    def by_xref(self, xref: str) -> list[str]:
        """Return the terms (not obsolete) that carry ``xref``, sorted.

        >>> TermIndex("d", [["MONDO:1", "x", None, [], ["ORPHA:5"], [], False, [], [], [], {}, []]]
        ...           ).by_xref("Orphanet:5")
        ['MONDO:1']
        """
        if self._xrefs is None:
            reverse: dict[str, list[str]] = {}
            for curie, record in self._records.items():
                if record[6]:
                    continue
                for target in record[4]:
                    reverse.setdefault(normalize_xref(target), []).append(curie)
            self._xrefs = reverse
        return sorted(self._xrefs.get(normalize_xref(xref), []))

    # -- hierarchy -----------------------------------------------------------------------

    @property
    def hierarchy(self) -> Hierarchy:
        """The broader-term hierarchy: is_a (UBERON: is_a_or_part_of), child -> parent."""
        if self._hierarchy is None:
            edges = []
            relation = "is_a"
            for curie, record in self._records.items():
                edges += [(curie, parent) for parent in record[9]]
                for rel in BROADER_RELATIONS:
                    targets = record[10].get(rel, ())
                    edges += [(curie, parent) for parent in targets]
                    relation = rel if targets else relation
            with gc_paused():
                self._hierarchy = Hierarchy(edges, self._records, relation=relation)
        return self._hierarchy

    @property
    def part_of(self) -> Hierarchy:
        """The part_of hierarchy where the source states it (empty otherwise)."""
        if self._part_of is None:
            edges = [
                (curie, target)
                for curie, record in self._records.items()
                for rel in PART_OF_RELATIONS
                for target in record[10].get(rel, ())
            ]
            self._part_of = Hierarchy(edges, relation="part_of")
        return self._part_of

    def parents(self, curie: str) -> list[str]:
        """Return the direct broader terms of ``curie``."""
        return self.hierarchy.parents(self.resolve(curie))

    def children(self, curie: str) -> list[str]:
        """Return the direct narrower terms of ``curie``."""
        return self.hierarchy.children(self.resolve(curie))

    def ancestors(self, curie: str) -> frozenset[str]:
        """Return every broader term of ``curie`` (not itself)."""
        return self.hierarchy.ancestors(self.resolve(curie))

    def descendants(self, curie: str) -> frozenset[str]:
        """Return every narrower term of ``curie`` (not itself)."""
        return self.hierarchy.descendants(self.resolve(curie))

    def is_a(self, child: str, parent: str) -> bool:
        """Tell whether ``child`` is ``parent`` or below it (ids resolved first)."""
        return self.hierarchy.is_a(self.resolve(child), self.resolve(parent))

    # -- names ---------------------------------------------------------------------------

    def surface_forms(self, include_obsolete: bool = False) -> Iterator[SurfaceForm]:
        """Yield every label and synonym as a :class:`SurfaceForm` (for dictionary matching).

        >>> index = TermIndex("d", [["HP:1", "Big Spleen", None, [["Large spleen", "EXACT",
        ...     "layperson"]], [], [], False, [], [], [], {}, []]])
        >>> [(f.key, f.kind, f.scope) for f in index.surface_forms()]
        [('big spleen', 'label', None), ('large spleen', 'synonym', 'EXACT')]
        """
        for curie, record in self._records.items():
            if record[6] and not include_obsolete:
                continue
            if record[1]:
                yield SurfaceForm(
                    casefold_key(record[1]), record[1], curie, "label", None, None, self.name
                )
            for text, scope, kind in record[3]:
                yield SurfaceForm(
                    casefold_key(text), text, curie, "synonym", scope, kind, self.name
                )
