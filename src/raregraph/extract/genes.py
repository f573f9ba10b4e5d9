"""Genes named in a sentence, with the relation the sentence states.

A gene symbol counts only where the sentence speaks of genes ("gene", "mutation",
"variant", ...), the token matches an HGNC symbol exactly (case included) and is not one
of the page's own disease abbreviations; previous symbols and aliases count only when
the word "gene" follows. Full gene names ("fibrillin 1") come from the lexicon.

Examples
--------
>>> s = "ALPS is caused by mutations in the FAS gene in about 75% of cases."
>>> [(g.curie, g.symbol, g.relation, g.percentage, g.hedge) for g in find_genes(s)]
[('HGNC:11920', 'FAS', 'causes', 75.0, 'about')]
>>> [g.negated for g in find_genes("It is not caused by mutations in the NF2 gene.")]
[True]

"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from raregraph.extract._cues import Cue
from raregraph.extract.contrast import about_another_disorder
from raregraph.extract.lexicon import Lexicon, get_lexicon
from raregraph.extract.mentions import Mention
from raregraph.extract.negation import is_negated
from raregraph.extract.qualifiers import clause_bounds, share

__all__ = ["GeneMention", "disease_types", "find_genes", "neighbour_genes"]

_GENE_CUE = re.compile(
    r"\b(?:genes?|mutation|mutations|mutated|variants?|pathogenic|alleles?|deletions?|"
    r"duplications?|encod\w+|genetic changes?|changes? in)\b",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"(?<![\w-])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?![\w-])")
_CAUSAL = re.compile(
    r"\b(?:caus\w*|due to|results? from|resulting from|responsible|leads? to|"
    r"mutations? in|changes? in|variants? in|account\w* for)\b",
    re.IGNORECASE,
)
_ASSOCIATED = re.compile(
    r"\b(?:associat\w+|risk|linked|modif\w+|contribut\w+|susceptib\w+|may also play|"
    r"candidate|reported in|possibly|rarely|has been implicated|implicated)\b",
    re.IGNORECASE,
)


#: "no BTK change", "without a detectable FBN1 mutation": patients without a finding in
#: the gene (the words before the symbol, and after it)
_NO = r"\b(?:no|without)(?: an?| any)? (?:detectable |identifiable |known |such )?"
_CHANGE = r" (?:gene )?(?:changes?|mutations?|variants?|alterations?)\b"
_NO_BEFORE = re.compile(_NO + "$", re.I)
_CHANGE_AFTER = re.compile(_CHANGE)
_NOT_FOUND = re.compile(_NO + r"[A-Z][A-Z0-9-]+" + _CHANGE)
#: A sentence with no gene word may still name a gene as a cause: "caused by FANCB",
#: "KCNE1 and KCNE2 are rare causes" (then only symbols that cannot be ordinary words).
_CAUSE_CUE = re.compile(r"\b(?:caus\w*|due to|responsible|account\w* for)\b", re.IGNORECASE)
_STRICT_SYMBOL = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*(?![\w-])")
_CAUSED_BY_BEFORE = re.compile(
    r"\b(?:caused by|due to|results? from)\s+(?:the\s+)?$", re.IGNORECASE
)
#: "X is not ...", also across a relative clause or an apposition: "the X gene, which ...,
#: is not ...", "a related gene, X, is not ...", "a different gene, X, which is not ...",
#: and after a list of symbols: "POLG and TWNK, which ..., are not the cause"
_NOT_AFTER = re.compile(
    r"(?:(?:\s*,\s*|\s+(?:and|or)\s+)(?-i:[A-Z][A-Z0-9-]*)\b)*"
    r"(?:\s+genes?)?(?:\s*,\s*(?:which|that|whose)\b[^,;.]*,|\s*,)?"
    r"\s*(?:(?:is|are|was|were|does|do|has|have)\s+not\b|"
    # "the SMN1 gene, which is altered in SMA, works normally in people with SMARD1"
    r"(?:works?|functions?)\s+normally\b|(?:is|are)\s+(?:normal|unchanged|unaffected)\b|"
    r"(?:which|that)\s+(?:is|are|was|were)\s+not\s+(?:involved|responsible|associated|linked|"
    r"implicated|altered|mutated|changed|a cause|the cause)\b)",
    re.IGNORECASE,
)
#: Genes named first and then denied as a group: "RET or SDHB; these genes are not
#: involved in VHL disease".
_DENIED_LATER = re.compile(
    r"\b(?:these|those|both|the two|such) genes?\s+"
    r"(?:(?:is|are|was|were|do|does|did|have|has)\s+not|(?:is|are|was|were)\s+never)\b",
    re.IGNORECASE,
)
_REPEAT_AFTER = re.compile(r"\s+(?:triplet|trinucleotide|repeats?|expansions?)\b", re.I)
_CASES_BEFORE = re.compile(
    r"\b(?:of|in) (?:all |the )?(?:cases|people|individuals|patients|families|affected \w+)"
    r"\b[^.;]{0,60}\b(?:caused by|due to|results? from|have|has|carry)\b[^.;]{0,40}$",
    re.IGNORECASE,
)
_PRODUCT_BEFORE = re.compile(
    r"\b(?:hormone|protein|enzyme|antibody|blocks?|inhibits?|inhibitors? of|"
    r"receptors? for)\s+(?:\w+\s+)?$|"
    # "an enzyme that trims von Willebrand factor": what a product acts on
    r"\b(?:hormones?|proteins?|enzymes?|antibod(?:y|ies))\s+(?:that|which)\s+"
    r"(?:\w+\s+){1,2}(?:the\s+)?$",
    re.IGNORECASE,
)


#: a gene lost beside the disease's own in a larger deletion ("the nearby WT1 gene") is
#: the gene of another disorder: in its sentence, and (:func:`neighbour_genes`) on the page
_NEIGHBOUR = r"\b(?i:nearby|neighbou?ring|adjacent|next-door)\s+"
_NEIGHBOUR_BEFORE = re.compile(_NEIGHBOUR + r"(?:\w+\s+)?$")
_NEIGHBOUR_GENE = re.compile(_NEIGHBOUR + r"(?P<symbol>[A-Z][A-Z0-9-]{1,9})\s+genes?\b")
_GENE_AFTER = re.compile(r"\s+genes?\b")
_GENE_CUE_TEST = Cue(_GENE_CUE)
#: A sentence that goes on with the genes that the sentence before it introduced
#: ("Changes in 20 genes have been linked to it. The most common are ANOS1, ... and CHD7.")
_LIST_GOES_ON = re.compile(
    r"\s*(?:the (?:most common|commonest|most frequent|main|other)(?: ones?)?|"
    r"(?:these|they|examples|others) (?:include|are)|among them|the others)\b",
    re.IGNORECASE,
)
_ANY_CUE_TEST = Cue(re.compile(f"{_GENE_CUE.pattern}|{_CAUSE_CUE.pattern}", re.IGNORECASE))
_ASSOCIATED_TEST = Cue(_ASSOCIATED)


@dataclass(frozen=True, slots=True)
class GeneMention:
    """A gene named in a sentence (offsets in the sentence) and what is said of it."""

    curie: str
    symbol: str
    start: int
    end: int
    relation: str
    negated: bool
    percentage: float | None
    hedge: str | None


def _relation(sentence: str, start: int) -> str:
    before = sentence[:start]
    if _ASSOCIATED_TEST.found_in(sentence) and not re.search(
        r"\b(?:caused by|cause[sd]?)\b", before, re.IGNORECASE
    ):
        return "associated"
    return "causes"


#: A type of a disease ("type 1A", "type IV") in its names, and a clause about one type.
_TYPE = re.compile(r"\btype\s+(?P<id>[0-9]+[a-z]?|[ivx]+[a-z]?)\b", re.IGNORECASE)
_TYPE_CLAUSE = re.compile(
    r"\s*(?:in\s+)?(?:the\s+)?type\s+(?P<id>[0-9]+[a-z]?|[ivx]+[a-z]?)\b", re.IGNORECASE
)
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7"}


def _type_id(text: str) -> str:
    """A type's id in arabic numerals, lower case ("IV" -> "4", "1A" -> "1a")."""
    text = text.lower()
    numeral = text.rstrip("abcdefgh") if text.rstrip("abcdefgh") in _ROMAN else text
    return _ROMAN.get(numeral, numeral) + text[len(numeral) :]


def disease_types(names: Iterable[str]) -> set[str]:
    """The types that a disease's names give ("Glycogen storage disease type 1A": 1a).

    >>> sorted(disease_types(["Mucopolysaccharidosis type II", "MPS II"]))
    ['2']
    """
    return {_type_id(m.group("id")) for name in names for m in _TYPE.finditer(name)}


def _of_another_type(sentence: str, position: int, own: set[str]) -> bool:
    """Whether the clause before ``position`` begins with a type that is not the page's.

    One type's id may extend another's ("type 1" holds "1a"), which is not another type.
    """
    start = sentence.rfind(";", 0, position) + 1
    match = _TYPE_CLAUSE.match(sentence, start)
    if match is None or match.end() > position:
        return False
    other = _type_id(match.group("id"))
    return not any(other.startswith(o) or o.startswith(other) for o in own)


def neighbour_genes(text: str) -> list[str]:
    """Symbols named as neighbours that a larger deletion also removes.

    >>> neighbour_genes("The deletion removes PAX6 together with the nearby WT1 gene.")
    ['WT1']
    """
    return [match.group("symbol") for match in _NEIGHBOUR_GENE.finditer(text)]


def find_genes(
    sentence: str,
    mentions: Iterable[Mention] = (),
    *,
    exclude: Iterable[str] = (),
    families: Iterable[str] = (),
    own_types: Iterable[str] = (),
    disease_spans: Iterable[tuple[int, int]] = (),
    lexicon: Lexicon | None = None,
    previous: str = "",
    list_item: bool = False,
) -> list[GeneMention]:
    """Return the genes named in ``sentence``.

    ``mentions`` may hold gene-name mentions from
    :func:`~raregraph.extract.mentions.find_mentions`; ``exclude`` lists tokens that name
    the disease itself (its abbreviations), ``families`` symbols that the page names as a
    family of genes ("13 PEX genes": "the same PEX gene" is one of them, not the gene whose
    alias is PEX), ``own_types`` the types that the disease's names give (:func:`disease_types`:
    on a page about type 1A, "type 1B is caused by mutations in SLC37A4" names the gene of
    another type), ``disease_spans`` where the sentence names the disease.
    A sentence about another disorder (:func:`~raregraph.extract.contrast.
    about_another_disorder`) gives only the genes it denies. A sentence without a gene word
    that goes on with the genes of the ``previous`` one ("The most common are ANOS1 and
    CHD7.") reads their symbols, related to the disease as the previous sentence says; so
    does a ``list_item`` under a sentence with a gene word that ends in ":" (``previous``
    is then that sentence: "... depends on the gene:" / "• X-linked - NYX and CACNA1F.").

    >>> [g.symbol for g in find_genes("The most common are FGFR1 and CHD7.",
    ...                               previous="Changes in 20 genes are linked to it.")]
    ['FGFR1', 'CHD7']
    """
    lexicon = lexicon or get_lexicon()
    listed = (
        bool(previous)
        and (list_item or _LIST_GOES_ON.match(sentence) is not None)
        and _GENE_CUE_TEST.found_in(previous)
        and not _GENE_CUE_TEST.found_in(sentence)
    )
    if not listed and not _ANY_CUE_TEST.found_in(sentence):  # one test for most sentences
        return []
    gene_words = listed or _GENE_CUE_TEST.found_in(sentence)
    excluded = set(exclude)
    own_spans = list(disease_spans)
    family_names, own = set(families), set(own_types)
    found: list[tuple[str, int, int]] = []
    # without a gene word only a symbol that cannot be an ordinary word is read
    tokens = _TOKEN.finditer(sentence) if gene_words else _STRICT_SYMBOL.finditer(sentence)
    for token in tokens:
        word = token.group(0)
        followed = _GENE_AFTER.match(sentence, token.end()) is not None
        if (word in excluded and not followed) or not any(c.isupper() for c in word):
            continue
        if not followed and any(a <= token.start() and token.end() <= b for a, b in own_spans):
            continue  # inside the disease's own name ("CDA" of "CDA II")
        curies = lexicon.gene_symbols.get(word)
        if not curies:
            continue
        if len(word) == 3 and _REPEAT_AFTER.match(sentence, token.end()) and not word.strip(
            "ACGTU"
        ):
            continue  # "a GAA triplet repeat": a DNA sequence, not the GAA gene
        approved = lexicon.genes[curies[0]][0] == word
        if not approved and (sentence.startswith(" genes", token.end()) or word in family_names):
            continue  # "one of 13 PEX genes": a gene family, not the gene with that alias
        if _NO_BEFORE.search(sentence, max(0, token.start() - 25), token.start()) and (
            _CHANGE_AFTER.match(sentence, token.end())
        ):
            continue  # "people with no BTK change": a test result, not a denial
        if not followed and _PRODUCT_BEFORE.search(sentence[: token.start()]):
            continue  # "the hormone FGF23": the gene product, named in a mechanism
        if _NEIGHBOUR_BEFORE.search(sentence, max(0, token.start() - 30), token.start()):
            continue  # "a deletion that removes PAX6 and the nearby WT1 gene": a neighbour
        if not gene_words and not (
            approved
            and word.isupper()
            and (
                any(c.isdigit() for c in word)
                or (len(word) > 2 and _CAUSED_BY_BEFORE.search(sentence, 0, token.start()))
            )
        ):
            continue  # no gene word: only a symbol that cannot be an ordinary word
        if (approved and (word.isupper() or any(c.isdigit() for c in word))) or followed:
            found.append((curies[0], token.start(), token.end()))
    if not gene_words or listed:
        mentions = ()  # a gene name without any gene word is too weak a reading
    for mention in mentions:
        if mention.kind == "gene" and not _PRODUCT_BEFORE.search(sentence[: mention.start]):
            # (not "a receptor for tumor necrosis factor": the product, in a mechanism)
            found.append((mention.curie, mention.start, mention.end))
    found.sort(key=lambda item: item[1])
    other_disorder = bool(found) and about_another_disorder(sentence, own_spans)
    # "people without a CHD7 change have a variant in SEMA3E": that negation is spent on
    # the patients' test result and does not reach the genes after it
    unfound = _NOT_FOUND.sub(lambda m: " " * len(m.group()), sentence) if found else sentence
    result = []
    for index, (curie, start, end) in enumerate(found):
        next_start = found[index + 1][1] if index + 1 < len(found) else None
        percentage, hedge_word = share(sentence, end, next_start)
        if percentage is None and len(found) == 1 and _CASES_BEFORE.search(sentence, 0, start):
            # "About 75% of cases are caused by changes in ANK1": the share comes first
            percentage, hedge_word = share(sentence, clause_bounds(sentence, start)[0], start)
        negated = (
            is_negated(unfound, start)
            or _NOT_AFTER.match(sentence, end) is not None
            or _DENIED_LATER.search(sentence, end) is not None
        )
        if other_disorder and not negated:
            continue  # a gene of another disorder, named for contrast
        if own and _of_another_type(sentence, start, own):
            continue
        result.append(
            GeneMention(
                curie=curie,
                symbol=lexicon.genes[curie][0],
                start=start,
                end=end,
                relation=(
                    _relation(previous, len(previous)) if listed else _relation(sentence, start)
                ),
                negated=negated,
                percentage=percentage,
                hedge=hedge_word,
            )
        )
    return result
