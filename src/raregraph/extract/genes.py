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
from raregraph.extract.lexicon import Lexicon, get_lexicon
from raregraph.extract.mentions import Mention
from raregraph.extract.negation import is_negated
from raregraph.extract.qualifiers import share

__all__ = ["GeneMention", "find_genes"]

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


#: A sentence about genes of other, separate disorders.
_OTHER_DISORDER = re.compile(
    r"\b(?:separate|distinct|different|other) (?:disorders?|conditions?|diseases?)\b",
    re.IGNORECASE,
)
#: "X is not ...", also across a relative clause or an apposition: "the X gene, which ...,
#: is not ...", "a related gene, X, is not ...", "a different gene, X, which is not ..."
_NOT_AFTER = re.compile(
    r"(?:\s+genes?)?(?:\s*,\s*(?:which|that|whose)\b[^,;.]*,|\s*,)?"
    r"\s*(?:(?:is|are|was|were|does|do|has|have)\s+not\b|"
    r"(?:which|that)\s+(?:is|are|was|were)\s+not\s+(?:involved|responsible|associated|linked|"
    r"implicated|altered|mutated|changed|a cause|the cause)\b)",
    re.IGNORECASE,
)
_PRODUCT_BEFORE = re.compile(
    r"\b(?:hormone|protein|enzyme|antibody|blocks?|inhibits?|inhibitors? of)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


_GENE_AFTER = re.compile(r"\s+genes?\b")
_GENE_CUE_TEST = Cue(_GENE_CUE)
_OTHER_DISORDER_TEST = Cue(_OTHER_DISORDER)
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


def find_genes(
    sentence: str,
    mentions: Iterable[Mention] = (),
    *,
    exclude: Iterable[str] = (),
    lexicon: Lexicon | None = None,
) -> list[GeneMention]:
    """Return the genes named in ``sentence``.

    ``mentions`` may hold gene-name mentions from
    :func:`~raregraph.extract.mentions.find_mentions`; ``exclude`` lists tokens that name
    the disease itself (its abbreviations).
    """
    lexicon = lexicon or get_lexicon()
    if not _GENE_CUE_TEST.found_in(sentence):
        return []
    other_disorder = _OTHER_DISORDER_TEST.found_in(sentence)
    excluded = set(exclude)
    found: list[tuple[str, int, int]] = []
    for token in _TOKEN.finditer(sentence):
        word = token.group(0)
        followed = _GENE_AFTER.match(sentence, token.end()) is not None
        if (word in excluded and not followed) or not any(c.isupper() for c in word):
            continue
        curies = lexicon.gene_symbols.get(word)
        if not curies:
            continue
        approved = lexicon.genes[curies[0]][0] == word
        if not followed and _PRODUCT_BEFORE.search(sentence[: token.start()]):
            continue  # "the hormone FGF23": the gene product, named in a mechanism
        if (approved and (word.isupper() or any(c.isdigit() for c in word))) or followed:
            found.append((curies[0], token.start(), token.end()))
    for mention in mentions:
        if mention.kind == "gene":
            found.append((mention.curie, mention.start, mention.end))
    found.sort(key=lambda item: item[1])
    result = []
    for index, (curie, start, end) in enumerate(found):
        next_start = found[index + 1][1] if index + 1 < len(found) else None
        percentage, hedge_word = share(sentence, end, next_start)
        negated = is_negated(sentence, start) or _NOT_AFTER.match(sentence, end) is not None
        if other_disorder and not negated:
            continue  # a gene of another disorder, named for contrast
        result.append(
            GeneMention(
                curie=curie,
                symbol=lexicon.genes[curie][0],
                start=start,
                end=end,
                relation=_relation(sentence, start),
                negated=negated,
                percentage=percentage,
                hedge=hedge_word,
            )
        )
    return result
