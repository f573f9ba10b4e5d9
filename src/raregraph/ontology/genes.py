"""The gene index: HGNC approved genes by symbol, alias, previous symbol and ids.

Examples
--------
>>> header = "hgnc_id symbol name alias_symbols previous_symbols ncbigene ensembl locus_type"
>>> fas = ["HGNC:11920", "FAS", "Fas receptor", "CD95|APO-1", "APT1", "355", "ENSG1", "gene"]
>>> genes = GeneIndex.from_lines(["\\t".join(header.split()), "\\t".join(fas)])
>>> genes.resolve("CD95"), genes.resolve("NCBIGene:355"), genes["HGNC:11920"].symbol
('HGNC:11920', 'HGNC:11920', 'FAS')

"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from raregraph.curie import is_curie, normalize_curie
from raregraph.errors import AmbiguousNameError, InputError, NotFoundError
from raregraph.ontology.cache import gc_paused
from raregraph.ontology.index import SurfaceForm
from raregraph.ontology.normalize import casefold_key

__all__ = ["Gene", "GeneIndex"]

_COLUMNS = (
    "hgnc_id",
    "symbol",
    "name",
    "alias_symbols",
    "previous_symbols",
    "ncbigene",
    "ensembl",
    "locus_type",
)


@dataclass(frozen=True, slots=True)
class Gene:
    """One HGNC approved gene."""

    curie: str
    symbol: str
    name: str
    aliases: tuple[str, ...]
    previous_symbols: tuple[str, ...]
    ncbigene: str | None
    ensembl: str | None
    locus_type: str

    @property
    def xrefs(self) -> tuple[str, ...]:
        """The gene's NCBIGene and ENSEMBL CURIEs."""
        ids = []
        if self.ncbigene:
            ids.append(f"NCBIGene:{self.ncbigene}")
        if self.ensembl:
            ids.append(f"ENSEMBL:{self.ensembl}")
        return tuple(ids)


class GeneIndex(Mapping[str, Gene]):
    """HGNC genes by HGNC CURIE, resolvable from symbols, aliases and other ids."""

    name = "hgnc"

    def __init__(self, genes: Iterable[Gene]) -> None:
        self._genes = {gene.curie: gene for gene in genes}
        self._ids: dict[str, str] = {}
        # name lookup: exact text -> (priority, curies); priority 0 symbol, 1 previous, 2 alias
        self._names: dict[str, dict[int, list[str]]] = {}
        for gene in self._genes.values():
            for xref in gene.xrefs:
                self._ids[xref] = gene.curie
            if gene.ensembl:
                self._ids[gene.ensembl] = gene.curie
            for priority, names in (
                (0, (gene.symbol,)),
                (1, gene.previous_symbols),
                (2, gene.aliases),
            ):
                for name in names:
                    self._names.setdefault(name, {}).setdefault(priority, []).append(gene.curie)
        self._folded: dict[str, list[str]] | None = None

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> GeneIndex:
        """Build the index from the lines of the bundled TSV (``#`` lines are skipped)."""
        genes = []
        header: list[str] | None = None
        for line in lines:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if header is None:
                header = cols
                if tuple(header) != _COLUMNS:
                    raise InputError("hgnc table", f"unexpected columns {header}")
                continue
            curie, symbol, name, aliases, previous, ncbigene, ensembl, locus = cols
            genes.append(
                Gene(
                    curie=curie,
                    symbol=symbol,
                    name=name,
                    aliases=tuple(item for item in aliases.split("|") if item),
                    previous_symbols=tuple(item for item in previous.split("|") if item),
                    ncbigene=ncbigene or None,
                    ensembl=ensembl or None,
                    locus_type=locus,
                )
            )
        return cls(genes)

    @classmethod
    def from_file(cls, path: Path) -> GeneIndex:
        """Read the bundled ``hgnc.tsv.gz`` (or a plain TSV in the same layout).

        >>> from raregraph.ontology.files import ontology_path
        >>> len(GeneIndex.from_file(ontology_path("hgnc"))) > 40000
        True
        """
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as handle, gc_paused():
            return cls.from_lines(handle)

    def __getitem__(self, curie: str) -> Gene:
        try:
            return self._genes[curie]
        except KeyError:
            raise NotFoundError(f"{curie!r} is not an approved HGNC gene") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._genes)

    def __len__(self) -> int:
        return len(self._genes)

    def __repr__(self) -> str:
        return f"<GeneIndex with {len(self)} genes>"

    def candidates(self, text: str) -> list[str]:
        """Return the genes that ``text`` may name, best first, without raising.

        Ids (HGNC, NCBIGene, ENSEMBL) give one gene. Names are tried as approved symbol,
        then previous symbol, then alias; the first of these that matches gives the
        answer; the same order is tried again ignoring case if nothing matched.

        >>> rows = ["\\t".join(_COLUMNS), "HGNC:1\\tA1\\ta\\t\\t\\t\\t\\tg"]
        >>> GeneIndex.from_lines(rows).candidates("a1")
        ['HGNC:1']
        """
        text = text.strip()
        if is_curie(text):
            curie = normalize_curie(text)
            if curie in self._genes:
                return [curie]
            if curie.startswith("ENSEMBL:"):
                curie = curie.split(".", 1)[0]
            found = self._ids.get(curie)
            if found:
                return [found]
        if text.startswith("ENSG"):
            found = self._ids.get(text.split(".", 1)[0])
            return [found] if found else []
        by_priority = self._names.get(text)
        if by_priority:
            return sorted(by_priority[min(by_priority)])
        if self._folded is None:
            folded: dict[str, dict[int, list[str]]] = {}
            for name, levels in self._names.items():
                target = folded.setdefault(name.casefold(), {})
                for priority, curies in levels.items():
                    target.setdefault(priority, []).extend(curies)
            self._folded = {
                name: sorted(set(levels[min(levels)])) for name, levels in folded.items()
            }
        return list(self._folded.get(text.casefold(), []))

    def resolve(self, text: str) -> str:
        """Return the HGNC CURIE of the gene named or identified by ``text``.

        Raises :class:`~raregraph.errors.NotFoundError` when nothing matches and
        :class:`~raregraph.errors.AmbiguousNameError` when several genes share the name
        at the best level.
        """
        found = self.candidates(text)
        if not found:
            raise NotFoundError(f"no HGNC gene is named or identified by {text!r}")
        if len(found) > 1:
            raise AmbiguousNameError(text, found)
        return found[0]

    def surface_forms(self) -> Iterator[SurfaceForm]:
        """Yield symbols (label), previous symbols, aliases and names (synonyms).

        Previous symbols and aliases are yielded with scope ``RELATED`` and type
        ``previous_symbol``/``alias``; the full name with scope ``EXACT``.
        """
        for gene in self._genes.values():
            yield SurfaceForm(
                casefold_key(gene.symbol), gene.symbol, gene.curie, "label", None, None, "hgnc"
            )
            if gene.name:
                yield SurfaceForm(
                    casefold_key(gene.name),
                    gene.name,
                    gene.curie,
                    "synonym",
                    "EXACT",
                    "name",
                    "hgnc",
                )
            for kind, names in (
                ("previous_symbol", gene.previous_symbols),
                ("alias", gene.aliases),
            ):
                for name in names:
                    yield SurfaceForm(
                        casefold_key(name), name, gene.curie, "synonym", "RELATED", kind, "hgnc"
                    )
