"""The text-mining extractor: a GARD page's prose to typed nodes and edges.

For each sentence of each section, :func:`extract_page` finds lexicon mentions and reads
genes, modes of inheritance, phenotypes (with negation and hedges), affected organs and
treatments. Every edge carries the sentence and the span of its mention in the original
file as evidence. One edge is made per (object, negated); later mentions of the same
object add evidence to it.

Examples
--------
>>> from raregraph.sources.gard import parse_gard_text
>>> from raregraph.extract import graph_from_page
>>> page = parse_gard_text("Fabry disease\\n\\nFabry disease is a rare inherited disorder "
...     "caused by mutations in the GLA gene. It is inherited in an X-linked manner. "
...     "Symptoms include pain in the hands and kidney failure.")
>>> kg = graph_from_page(page)
>>> sorted(n.id for n in kg.nodes() if n.id.startswith(("HGNC", "HP")))
['HGNC:4296', 'HP:0000083', 'HP:0001417', 'HP:0046505']

"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from raregraph.extract._cues import Cue
from raregraph.extract.contrast import other_disorder_spans
from raregraph.extract.genes import disease_types, find_genes, neighbour_genes
from raregraph.extract.inheritance import UNKNOWN, find_inheritance
from raregraph.extract.lexicon import Lexicon, get_lexicon
from raregraph.extract.mentions import AFTER_LIST, AGE, DENIED_COPULA, Mention, find_mentions
from raregraph.extract.negation import (
    NEGATION_CUE,
    is_negated,
    is_stated_absent,
    normal_statements,
)
from raregraph.extract.qualifiers import clause_bounds, hedge
from raregraph.extract.sentences import Sentence, split_sentences
from raregraph.model import AgentType, Category, Edge, Evidence, Node, Predicate, Qualifiers
from raregraph.sources.gard import GardPage

__all__ = ["extract_page", "text_mining_extractor"]

_GARD = "infores:gard"
#: Words that make a sentence about treatment: the nouns of therapy and its forms (pill,
#: injection, ...), and the verbs saying what a therapy does to a disease (slows, shrinks,
#: prevents, works for, ...). A drug or procedure name is read only in such a sentence or
#: in a treatment section.
_TREATMENT_CUE = re.compile(
    r"\b(?:treat\w*|therap\w*|manag\w*|medications?|medicines?|drugs?|supplements?|"
    # "take a pill", not "the kidney takes cystine back", "bones take up calcium"
    r"prescri\w*|given|taken(?! up\b)|takes?(?! (?:up|in|part|place)\b)(?![^.;]{0,80}\bback\b)|"
    r"taking|approved|reliev\w*|injections?|infusions?|"
    r"transplant\w*|surgery|surgical\w*|procedures?|removal|help(?:s|ed)?|used|"
    r"control(?:s|led)?|pills?|tablets?|capsules?|doses?|dosing|slow(?:s|ed)?|"
    r"shrinks?|shrank|prevent(?:s|ed)?|reduc(?:e|es|ed)|improv(?:e|es|ed)|eas(?:e|es|ed)|"
    r"lower(?:s|ed)?|protect(?:s|ed)?|restor(?:e|es|ed)|work(?:s|ed)? for|respond\w*|"
    r"receiv(?:e|es|ed)|option|recommend\w*|strengthen\w*|curative|cur(?:e|es|ed)|"
    r"replac\w*|correct\w*|alleviat\w*|stabiliz\w*|benefit\w*|needs?|advis\w*|wear\w*|"
    r"choice|first-line|mainstay|started|starting|preferred|added|"
    # "use a home ventilator", not "the body cannot use them", "which cells use"
    r"(?<!body )(?<!cells )(?<!cannot )(?:use|uses|using))\b",
    re.IGNORECASE,
)
#: A chemical named as what a therapy acts on, or as a part of the diet, is not the
#: therapy: "drugs that block interleukin-1", "bind copper", "a diet low in phenylalanine",
#: "an active form of vitamin D".
_TREATMENT_TARGET = re.compile(
    r"\b(?:block(?:s|ed|ing)?|inhibit(?:s|ed|ing)?|against|target(?:s|ed|ing)?|"
    r"bind(?:s|ing)?|remov(?:e|es|ing)(?: excess)?|low in|rich in|free of|active form of|"
    r"get(?:s|ting)? rid of|"
    r"levels? of|excess|lower(?:s|ed|ing)?|rais(?:e|es|ed|ing)|reduc(?:e|es|ed|ing)|"
    r"decreas(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|build-?up of|amount of|how much|"
    r"makes?|making|produc(?:e|es|ing)|production of|in place of|instead of|"
    r"replac(?:e|es|ed|ing) (?:the )?(?:missing|deficient|absent|lacking)|"
    r"by-?products? of|tests? for|screening for|releas(?:e|es|ing)(?: extra| too much)?|"
    r"shortage of|lack of|deficiency of|control(?:s|led|ling)?|"
    # "arginine, which the body turns into ornithine": a product, not a treatment
    r"turns? into|turned into|converts? (?:in)?to|converted (?:in)?to|"
    # "medicines that lower blood pressure and cholesterol": a second target
    r"(?:lower(?:s|ing)?|reduc(?:e|es|ing)|control(?:s|ling)?) (?:[\w-]+ ){1,3}(?:and|or)|"
    # "metreleptin, a man-made form of the hormone leptin": what a drug is a form of
    r"(?:man-made|synthetic|artificial|lab-made) (?:form|version|copy) of(?: the)?"
    r"(?: (?:hormone|protein|enzyme))?)"
    r"(?: the)? $|"
    # what a gene's product makes or breaks down, a few words before: "the gene makes
    # lysosome-associated membrane protein 2", "a helper protein (saposin A)", "a meal
    # rich in carbohydrates or salt", "helps build cardiolipin"
    r"\b(?:makes?|making|produc(?:e|es|ing)|build(?:s|ing)?|process(?:es|ing)?|"
    r"break(?:s|ing)? down|breakdown of|rich in|high in)"
    r"(?: (?:a|an|the|some))?(?: [\w-]+(?:,| or| and)?| \(|\(){0,3} ?$",
    re.IGNORECASE,
)
_VAGUE_TREATMENT = re.compile(
    r"\b(?:other|various|additional|further|supportive)\s+(?:medications?|medicines?|drugs?|"
    r"treatments?|therapies)\b",
    re.IGNORECASE,
)
_GENERIC_TREATMENT = frozenset(
    {"therapy", "therapies", "treatment", "treatments", "therapeutics", "surgery", "care",
     "drug", "drugs", "medication", "medications", "medicine", "medicines", "management",
     "prevention", "rehabilitation", "diagnosis", "transplantation", "implants", "implant",
     "hormone", "mineral", "minerals", "powder", "powders",
     "pharmaceutical preparations", "hormones", "vitamins", "enzymes", "proteins", "protein",
     "antibodies", "water", "oxygen", "enzyme", "injection", "injections", "infusion",
     "infusions", "pill", "pills", "tablet", "tablets", "long-term care",
     # nutrients and body chemicals named in a diet, a mechanism or a target, not as a therapy
     "fat", "fats", "sugar", "sugars", "nitrogen", "ammonia", "amino acid", "amino acids",
     "blood sugar", "blood glucose", "acid", "acids",
     # an instrument of a procedure; a way of communicating
     "catheter", "catheters", "sign language",
     # chemical names whose everyday sense (a verb, an adjective) is the usual one
     "lead", "retinal"}
)
#: Words saying that a disease acts on an organ; an organ is reported only from a sentence
#: with such a word or with a phenotype (see docs/extraction.md).
_ORGAN_CUE = re.compile(
    r"\b(?:affect\w*|damag\w*|involv\w*|injur\w*|harm\w*|build\w* up|accumulat\w*|"
    r"deposit\w*|fail\w*|inflam\w*|scar\w*|enlarg\w*|swell\w*|swollen|weak\w*|"
    r"problems?|abnormal\w*|disease|disorder|dysfunction|complications?|develop\w*|"
    r"degenerat\w*|death|die|dies|tumou?rs?|growths?|cysts?|bleed\w*|loss|lose|defects?|"
    r"cancers?|neoplasms?|polyps?|pain\w*|lesions?|"
    r"cause[sd]?|malform\w*|symptoms?|signs?|features?)\b",
    re.IGNORECASE,
)
_TREATMENT_CUE_TEST = Cue(_TREATMENT_CUE)
_ORGAN_CUE_TEST = Cue(_ORGAN_CUE)
#: A particle after a one-word finding, which is then a verb ("falls back", "piles up").
_PARTICLE_AFTER = re.compile(r" (?:up|back|asleep|apart|off|out|behind|short)\b")
#: A measure named before "falls" ("the neutrophil count falls"): a verb, not Falls.
_MEASURE_BEFORE = re.compile(
    r"\b(?:count|level|function|pressure|number|rate|temperature|concentration|weight|"
    r"sugar|supply|output|production|amount)\s+$",
    re.IGNORECASE,
)
_PHENOTYPE_STOP = frozenset(
    {
        "disease",
        "syndrome",
        "disorder",
        "condition",
        # a vague complaint, not shortness of breath (HPO's "breathing difficulty")
        "breathing problem",
        "breathing problems",
        # a bare word for HPO's most general terms: a curator annotates where the pain,
        # the tumor or the scar is, not the word alone
        "pain",
        "cancer",
        "cancers",
        "tumor",
        "tumors",
        "tumour",
        "tumours",
        "neoplasm",
        "neoplasms",
        "scarring",
        "scar tissue",
        # a function, not a finding, until a modifier says how ("excessive sweating")
        "sweating",
        # HPO's lay "eye drop" (a drooping eyelid) is, in lay text, the medicine
        "eye drop",
        "eye drops",
        # HPO's one-word synonym of self-cutting; in lay text a surgeon's "bone cutting"
        "cutting",
        # HPO's one-word synonym of Collectionism; in lay text fluid "collecting" somewhere
        "collecting",
    }
)
#: Body parts that lay text names mostly as the place of a symptom ("muscle weakness",
#: "ear infections", "a runny nose", "belly pain", "chest pain", "nerve damage"): named
#: once on a page, and only inside a finding, one is not an affected organ; named in two
#: sentences or more, or on its own ("it affects the nerves"), it is. (The mouth stays:
#: the seed page's "mouth sores" is among the organs its golden graph states.)
_INCIDENTAL_ORGANS = frozenset(
    {
        "UBERON:0001134",  # skeletal muscle tissue
        "UBERON:0001021",  # nerve
        "UBERON:0001690",  # ear
        "UBERON:0000004",  # nose
        "UBERON:0000916",  # abdomen
        "UBERON:0001443",  # chest
        "UBERON:0000970",  # eye
    }
)
_ORGAN_AS_MODIFIER = re.compile(
    r"[ -](?:doctors?|exams?|examinations?|specialists?|care|check-?ups?|checks?|tests?|"
    r"testing|surgeons?|clinics?|drops)\b",
    re.IGNORECASE,
)
#: "does not usually affect the heart or kidneys": an organ said to be spared (a finding's
#: own negation, "absence of the corpus callosum", places it all the same)
_SPARED_BEFORE = re.compile(
    r"\b(?:not|never|n't|rarely|seldom)\s+(?:\w+ly\s+)?(?:affect|involve|damage|harm)\w*"
    r"\s+(?:the\s+|their\s+|its\s+)?(?:[\w-]+(?:,\s+|\s+(?:or|and)\s+|\s+))*$",
    re.IGNORECASE,
)
#: "the heart and kidneys are not usually affected": an organ said to be spared
_SPARED_AFTER = re.compile(
    r"[^.;:]{0,40}?\b(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:not\s+(?:\w+ly\s+)?"
    r"(?:affected|involved|damaged|harmed)|spared|unaffected|normal)\b",
    re.IGNORECASE,
)
#: "cysts form in the kidneys and grow slowly": the growth of a lesion, not of a child
_LESION_BEFORE = re.compile(
    r"\b(?:cysts?|tumou?rs?|polyps?|growths?|lesions?|nodules?|masses|fibroids?|"
    r"neurofibromas?|angiomas?|hemangioblastomas?)\b[^.;]{0,60}$",
    re.IGNORECASE,
)
#: "a family history of heart disease or seizures": what the relatives have, not the
#: patient; the phrase ends at a clause's punctuation or at a word that starts a clause
_FAMILY_HISTORY = re.compile(
    r"\b(?:family (?:medical )?history|history in the family) of\s+"
    r"((?:(?!\b(?:but|while|although|though|which|who|because|whereas|so|is|are|was|were"
    r"|has|have|had|may|can|could|will|would|does|do|did)\b"
    r"|\band (?:most|many|some|the|it|this|they|there|those|people|a|an|in)\b)"
    r"[^,;:.()\[\]])+)",
    re.IGNORECASE,
)
_TREATMENT_CATEGORY = {
    "procedure": Category.PROCEDURE,
    "drug": Category.DRUG,
    "drug_class": Category.DRUG,
    "device": Category.TREATMENT,
}


@dataclass
class _Collector:
    """Nodes and edges of one page, one edge per (predicate, object, negated).

    The evidence of an edge is gathered first and the :class:`Edge` made once, in
    :meth:`items` (an edge built from all its evidence at once equals one grown piece by
    piece with :meth:`Edge.with_evidence`: both keep each distinct piece, sorted).
    """

    disease: Node
    document: Node
    page: GardPage
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[Predicate, str, bool], tuple[Qualifiers, list[Evidence]]] = field(
        default_factory=dict
    )
    #: organs named somewhere on the page outside a finding ("affects the nerves")
    organs_named: set[str] = field(default_factory=set)

    def add(
        self,
        node: Node,
        predicate: Predicate,
        qualifiers: Qualifiers,
        sentence: Sentence,
        start: int,
        end: int,
    ) -> None:
        self.nodes.setdefault(node.id, node)
        span = self.page.original_span(sentence.start + start, sentence.start + end)
        evidence = Evidence(
            source=self.document.id,
            knowledge_source=_GARD,
            agent_type=AgentType.TEXT_MINING_AGENT,
            sentence=sentence.text,
            span=span,
        )
        key = (predicate, node.id, qualifiers.negated)
        known = self.edges.get(key)
        if known is None:
            self.edges[key] = (qualifiers, [evidence])
        else:
            known[1].append(evidence)

    def items(self) -> Iterator[Node | Edge]:
        yield from self.nodes.values()
        positive = {(p, o) for (p, o, negated) in self.edges if not negated}
        subject = self.disease.id
        modes = {o for p, o in positive if p == Predicate.HAS_MODE_OF_INHERITANCE}
        vaguer = _vaguer_modes(modes)
        lexicon = get_lexicon()
        # a gene that the page says causes the disease is not also merely associated
        # with it: the sentences that associate it support the causal edge
        causal = {o for p, o in positive if p == Predicate.CAUSED_BY}
        supporting: dict[str, list[Evidence]] = {}
        for (predicate, obj, negated), (_, evidence) in self.edges.items():
            if _merely_associated(predicate, obj, negated, causal):
                supporting.setdefault(obj, []).extend(evidence)
        for (predicate, obj, negated), (qualifiers, evidence) in self.edges.items():
            if _merely_associated(predicate, obj, negated, causal):
                continue
            if predicate == Predicate.CAUSED_BY and not negated and obj in supporting:
                evidence = [*evidence, *supporting[obj]]
            if negated and (predicate, obj) in positive and predicate != Predicate.HAS_PHENOTYPE:
                continue
            if negated and predicate == Predicate.HAS_MODE_OF_INHERITANCE and any(
                obj in lexicon.hp_ancestors(mode) for mode in modes
            ):
                continue  # "not X-linked" on a page that states X-linked recessive
            if predicate == Predicate.HAS_MODE_OF_INHERITANCE and not negated and obj in vaguer:
                continue
            if (
                predicate == Predicate.DISEASE_HAS_LOCATION
                and obj in _INCIDENTAL_ORGANS
                and obj not in self.organs_named
                and len({e.sentence for e in evidence}) < 2
            ):
                continue  # a body part named once, only as the place of a symptom
            yield Edge(subject, predicate, obj, qualifiers, tuple(evidence))


def _merely_associated(predicate: Predicate, obj: str, negated: bool, causal: set[str]) -> bool:
    """Whether an edge associates a gene that the page also says causes the disease."""
    return predicate == Predicate.CONDITION_ASSOCIATED_WITH_GENE and not negated and obj in causal


def _vaguer_modes(modes: set[str]) -> set[str]:
    """The modes of a page that another mode of the page narrows.

    "X-linked recessive" somewhere and "the X-linked form" elsewhere state one mode: the
    narrower is kept. The unknown mode (the root of the subtree) is its own statement.
    """
    if len(modes) < 2:
        return set()
    return _broader_within(get_lexicon(), modes) - {UNKNOWN}


def _broader_within(lexicon: Lexicon, curies: set[str]) -> set[str]:
    """The HPO terms of ``curies`` that another term of ``curies`` narrows."""
    broader: set[str] = set()
    for curie in curies:
        broader |= lexicon.hp_ancestors(curie) & curies
    return broader


def _term_node(lexicon: Lexicon, curie: str, category: Category) -> Node:
    memo = ("term", curie, category)
    node: Node | None = lexicon.memo.get(memo)
    if node is None:  # nodes are values: one per term and category serves every page
        node = Node(curie, category, lexicon.labels.get(curie, curie), provided_by=(_GARD,))
        lexicon.memo[memo] = node
    return node


def _gene_node(lexicon: Lexicon, curie: str) -> Node:
    memo = ("gene", curie)
    node: Node | None = lexicon.memo.get(memo)
    if node is not None:
        return node
    symbol, name, ncbigene = lexicon.genes[curie]
    node = Node(
        curie,
        Category.GENE,
        symbol,
        symbol=symbol,
        synonyms=(name,) if name else (),
        xrefs=(f"NCBIGene:{ncbigene}",) if ncbigene else (),
        provided_by=(_GARD,),
    )
    lexicon.memo[memo] = node
    return node


_UNKNOWN_NODE = Node(
    UNKNOWN, Category.GENETIC_INHERITANCE, "Unknown inheritance", provided_by=(_GARD,)
)


def _disease_spans(sentence: str, names: list[str]) -> list[tuple[int, int]]:
    """Where the disease's names stand in the sentence, as whole words.

    An abbreviation inside a word is not the disease ("CED" in "reduced").
    """
    spans = []
    lowered = sentence.lower()
    size = len(lowered)
    for name in names:
        at = lowered.find(name)
        while at >= 0:
            end = at + len(name)
            if (at == 0 or not lowered[at - 1].isalnum()) and (
                end == size or not lowered[end].isalnum()
            ):
                spans.append((at, end))
            at = lowered.find(name, at + 1)
    return spans


def _inside(mention: Mention | tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    start, end = (mention.start, mention.end) if isinstance(mention, Mention) else mention
    return any(s <= start and end <= e for s, e in spans)


def _overlaps(mention: Mention, others: list[Mention]) -> bool:
    return any(not (mention.end <= o.start or mention.start >= o.end) for o in others)


class _GeneContext(NamedTuple):
    """What the whole page says that reading a sentence's genes needs."""

    families: set[str]  # symbols named as a family of genes ("one of 13 PEX genes")
    own_types: set[str]  # the disease's own types ("type 1A"): see genes.disease_types


#: A symbol named as a family of genes: "one of at least 13 PEX genes".
_FAMILY = re.compile(r"\b([A-Z][A-Z0-9]{1,9}) genes\b")


def extract_page(page: GardPage, disease: Node, document: Node) -> Iterator[Node | Edge]:
    """The registered ``text-mining`` extractor (see the module docstring)."""
    lexicon = get_lexicon()
    out = _Collector(disease, document, page)
    names = [page.title.text, *(n.text for n in page.other_names), disease.name]
    lowered_names = sorted({n.lower() for n in names if len(n) > 2}, key=len, reverse=True)
    abbreviations = [n for n in names if n.isupper() or re.fullmatch(r"[A-Z0-9-]{2,8}", n)]
    # a gene that a larger deletion removes beside the disease's own ("the nearby WT1
    # gene") is another disorder's, wherever the page names it
    abbreviations += [gene for section in page.sections for gene in neighbour_genes(section.text)]
    families = {m.group(1) for section in page.sections for m in _FAMILY.finditer(section.text)}
    genes_context = _GeneContext(families, disease_types(names))
    for section in page.sections:
        treatment_section = bool(
            section.heading and re.search(r"treat|manag|therap", section.heading, re.I)
        )
        previous = ""
        intro = ""  # a sentence that ends in ":", which the list items after it go on
        for sentence in split_sentences(section.text, section.view_start):
            item = sentence.text.lstrip().startswith(_BULLETS)
            at = sentence.start - section.view_start
            line_start = section.text.rfind("\n", 0, at) + 1
            if not item and not section.text[line_start:at].strip(" \t"):
                intro = ""  # a paragraph that is no list item ends the list
            _read_sentence(
                out,
                lexicon,
                sentence,
                lowered_names,
                abbreviations,
                genes_context,
                treatment_section,
                intro if item and intro else previous,
                list_item=bool(item and intro),
            )
            if sentence.clean.rstrip().endswith(":"):
                intro = sentence.clean
            previous = sentence.clean
    yield from out.items()


#: what starts a list item
_BULLETS = ("•", "◦", "▪", "- ", "* ")


def _read_sentence(
    out: _Collector,
    lexicon: Lexicon,
    sentence: Sentence,
    disease_names: list[str],
    abbreviations: list[str],
    gene_context: _GeneContext,
    treatment_section: bool,
    previous: str,
    *,
    list_item: bool = False,
) -> None:
    text = sentence.clean
    mentions = find_mentions(text, lexicon)
    blocked = _disease_spans(text, disease_names)

    genes = find_genes(
        text,
        mentions,
        exclude=abbreviations,
        families=gene_context.families,
        own_types=gene_context.own_types,
        disease_spans=blocked,
        lexicon=lexicon,
        previous=previous,
        list_item=list_item,
    )
    gene_spans = [(g.start, g.end) for g in genes]
    for gene in genes:
        predicate = (
            Predicate.CAUSED_BY if gene.relation == "causes" else
            Predicate.CONDITION_ASSOCIATED_WITH_GENE
        )
        qualifiers = Qualifiers(
            negated=gene.negated, percentage=gene.percentage, hedge=gene.hedge
        )
        out.add(_gene_node(lexicon, gene.curie), predicate, qualifiers, sentence, gene.start,
                gene.end)

    for mode in find_inheritance(text, mentions, blocked=blocked, previous=previous):
        node = (
            _UNKNOWN_NODE
            if mode.curie == UNKNOWN
            else _term_node(lexicon, mode.curie, Category.GENETIC_INHERITANCE)
        )
        qualifiers = Qualifiers(
            negated=mode.negated,
            qualifier_text="unknown" if mode.curie == UNKNOWN else mode.qualifier,
        )
        out.add(node, Predicate.HAS_MODE_OF_INHERITANCE, qualifiers, sentence, mode.start,
                mode.end)

    busy = blocked + gene_spans
    treatments = _treatments(out, lexicon, sentence, mentions, busy, treatment_section)
    # what the relatives have is not the patient's finding or affected organ
    relatives = [m.span(1) for m in _FAMILY_HISTORY.finditer(text)] if "istory" in text else []
    # a finding in the phrase that names another disorder is that disorder's
    elsewhere = busy + relatives + other_disorder_spans(text, blocked)
    phenotypes = [
        m for m in mentions
        if m.kind == "phenotype" and not _inside(m, elsewhere)
        and (m.text.lower() not in _PHENOTYPE_STOP or m.how == AGE)
        and not _overlaps(m, treatments)
        and not (m.text[:4].lower() == "grow" and _LESION_BEFORE.search(text, 0, m.start))
        # "cholesterol piles up", "the tongue falls back": a verb with its particle, not
        # the finding ("piles", "falls")
        and not (" " not in m.text and _PARTICLE_AFTER.match(text, m.end))
        # "the neutrophil count falls", "as kidney function falls": a measure that falls
        and not (m.text.lower() == "falls" and _MEASURE_BEFORE.search(text, 0, m.start))
        # "tearing of an artery" is a rupture, not watery eyes (HPO's "tearing")
        and not (m.text.lower() == "tearing" and text.startswith(" of ", m.end))
        and not _FINDING_TRIGGER_BEFORE.search(text, max(0, m.start - 110), m.start)
        and not (_ILLNESS.match(m.text) and _DURING_BEFORE.search(text, 0, m.start))
        and not _PREVENTED_BEFORE.search(text, max(0, m.start - 40), m.start)
    ]
    phenotypes = _drop_glossed(lexicon, text, _drop_vaguer(lexicon, text, phenotypes))
    if any(m.curie in _IN_CONTEXT for m in phenotypes):
        phenotypes = [_in_context(m, text) for m in phenotypes]
    spans = [(m.start, m.end) for m in phenotypes]
    denied: list[tuple[int, int]] = []  # the spans of findings stated absent
    for mention in phenotypes:
        negated = _negated(text, mention, spans) and not _names_an_absence(text, mention, spans)
        if negated and mention.how == DENIED_COPULA:
            denied.append((mention.start, mention.end))
        if negated and _RELATIVES_SUBJECT.search(text, 0, mention.start):
            continue  # "the parents are carriers and have no bleeding problems themselves"
        qualifiers = Qualifiers(negated=negated, hedge=hedge(text, mention.start))
        node = _term_node(lexicon, mention.curie, Category.PHENOTYPIC_FEATURE)
        out.add(node, Predicate.HAS_PHENOTYPE, qualifiers, sentence, mention.start, mention.end)
    for statement in normal_statements(text):
        node = _term_node(lexicon, statement.curie, Category.PHENOTYPIC_FEATURE)
        qualifiers = Qualifiers(negated=True, hedge=statement.hedge)
        out.add(node, Predicate.HAS_PHENOTYPE, qualifiers, sentence, statement.start,
                statement.end)

    if not (phenotypes or _ORGAN_CUE_TEST.found_in(text)):
        return
    spared = "not" in text or "n't" in text or "never" in text or "rarely" in text or (
        "seldom" in text or "spared" in text or "unaffected" in text or "normal" in text
    )
    for mention in mentions:
        if mention.kind != "organ" or _inside(mention, elsewhere) or _overlaps(
            mention, treatments
        ):
            continue
        if any(m.how == AFTER_LIST and _overlaps(mention, [m]) for m in phenotypes):
            continue  # "bleeding after tooth extraction": what it follows, not a place
        if _ORGAN_AS_MODIFIER.match(text, mention.end):
            continue  # "an eye doctor", "eye exams": the organ names a kind of care
        if spared and (
            _SPARED_BEFORE.search(text, max(0, mention.start - 60), mention.start)
            or _SPARED_AFTER.match(text, mention.end)
        ):
            continue  # "it does not usually affect the heart", "the kidneys are spared"
        if any(m.kind == "gene" and _overlaps(mention, [m]) for m in mentions):
            continue
        if denied and _inside(mention, denied):
            continue  # "the liver and spleen are not enlarged": spared, not affected
        if not _overlaps(mention, phenotypes):
            out.organs_named.add(mention.curie)
        node = _term_node(lexicon, mention.curie, Category.ANATOMICAL_ENTITY)
        out.add(node, Predicate.DISEASE_HAS_LOCATION, Qualifiers(), sentence, mention.start,
                mention.end)


#: findings that the sentence's context names more precisely: "sudden death" beside the
#: heart, its rhythm or its ventricles is HPO's Sudden cardiac death (curators' choice)
_IN_CONTEXT = {
    "HP:0001699": (
        re.compile(r"\b(?:heart|cardiac|arrhythmi\w*|rhythm|ventric\w*|heartbeats?)\b", re.I),
        "HP:0001645",
    ),
    # low blood sugar when a meal is missed: Fasting hypoglycemia
    "HP:0001943": (
        re.compile(
            r"\b(?:fasting|without (?:food|eating|a meal|a feed(?:ing)?)|between meals|"
            r"skip(?:s|ped|ping)? (?:a )?meals?|miss(?:es|ed|ing)? (?:a )?meals?)\b",
            re.I,
        ),
        "HP:0003162",
    ),
}


def _in_context(mention: Mention, text: str) -> Mention:
    """The mention, narrowed when its sentence gives the context (see :data:`_IN_CONTEXT`)."""
    found = _IN_CONTEXT.get(mention.curie)
    if found is None or not found[0].search(text):
        return mention
    return dataclasses.replace(mention, curie=found[1])


#: a negated statement whose subject is the parents or carriers is not about the patient
_RELATIVES_SUBJECT = re.compile(
    r"(?:^|[;:.]\s*)(?:the |their |most |both )?(?:parents|carriers|carrier \w+|relatives|"
    # "women who carry one expanded copy usually have no symptoms"
    r"(?:women|men|females|males|people) who (?:carry|are carriers)\b)\b"
    r"[^,;:]*$",
    re.IGNORECASE,
)


def _names_an_absence(
    text: str, mention: Mention, findings: Sequence[tuple[int, int]]
) -> bool:
    """Whether a bracketed finding names the negated phrase before it, not its noun.

    "no overflow tears when crying (alacrima)", "no longer make enough digestive enzymes
    (exocrine pancreatic insufficiency)": the bracket names the absence, a positive
    finding. When a finding stands before the bracket, the bracket glosses it and shares
    its negation ("does not cause seizures (fits)").
    """
    opening = text.rfind("(", 0, mention.start)
    if opening < 0 or text[opening + 1 : mention.start].strip():
        return False
    cues = list(NEGATION_CUE.finditer(text, 0, opening))
    if not cues:
        return False
    cue = cues[-1].end()
    return not any(cue <= start and end <= opening for start, end in findings)


def _negated(
    text: str, mention: Mention, findings: Sequence[tuple[int, int]] = ()
) -> bool:
    """Tell whether a finding is negated.

    A negation cue before the mention (not inside a finding's span), "is absent" after it,
    or a denied predicate ("the liver and spleen are not enlarged").
    """
    return (
        mention.how == DENIED_COPULA
        or is_negated(text, mention.start, findings)
        or is_stated_absent(text, mention.end)
    )


#: between a lay phrase and its bracketed term: "(", or one more word of the phrase first
#: ("an enlarged thyroid gland (goiter)")
_GLOSS_GAP = re.compile(r" ?(?:[a-z]+ )?\( ?", re.IGNORECASE)


def _drop_glossed(lexicon: Lexicon, text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop a lay phrase glossed by the term in brackets after it: "enlarged heart (X)".

    The bracketed term names the same finding, more precisely; only it is kept. A phrase
    that already names a narrower term than the gloss stays ("stiffness of the legs
    (spasticity)": Lower limb spasticity, which the vaguer gloss then gives way to).
    """
    kept = []
    for mention in mentions:
        opening = text.find("(", mention.end, mention.end + 16)
        glossed = opening >= 0 and any(
            _glosses(text, other, mention)
            and other.curie != mention.curie
            and not _narrower_than_gloss(lexicon, mention, other)
            for other in mentions
        )
        if not glossed:
            kept.append(mention)
    # a vaguer gloss of a narrower phrase gives way to it
    vaguer_glosses = {
        id(other)
        for mention in kept
        for other in kept
        if _glosses(text, other, mention) and _narrower_than_gloss(lexicon, mention, other)
    }
    return [m for m in kept if id(m) not in vaguer_glosses]


def _glosses(text: str, gloss: Mention, mention: Mention) -> bool:
    """Whether ``gloss`` is the bracketed term right after ``mention``: "X (gloss)"."""
    return (
        gloss.start > mention.end
        and _GLOSS_GAP.fullmatch(text, mention.end, gloss.start) is not None
        and text[gloss.end : gloss.end + 1] == ")"
    )


def _narrower_than_gloss(lexicon: Lexicon, mention: Mention, gloss: Mention) -> bool:
    """Whether a phrase names a narrower term than its gloss, by more than recurrence.

    "stiffness of the legs (spasticity)" is Lower limb spasticity; "ear infections (otitis
    media)" is the gloss's finding, though the plural reads Recurrent otitis media.
    """
    return gloss.curie in lexicon.hp_ancestors(mention.curie) and not lexicon.labels.get(
        mention.curie, ""
    ).startswith("Recurrent ")


#: how a mention is read from words of its own (its dictionary name, or a subject and
#: its predicate: "growth is slow and puberty is late"), not narrowed from a vaguer one
_STATED_APART = frozenset({"lexicon", "copula", DENIED_COPULA})


def _drop_vaguer(lexicon: Lexicon, text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop a phenotype when the sentence names a narrower term with the same polarity.

    An annotation implies every broader term, so the most specific reading of the same
    words is kept: "pain in the hands" makes "pain" redundant, and so does "telangiectases
    on the lips" for "telangiectases". Two names stated apart both stand ("cardiac arrest
    and, rarely, sudden cardiac death").
    """
    if len(mentions) < 2:
        return mentions
    broader = _broader_within(lexicon, {m.curie for m in mentions})
    if not broader:
        return mentions
    kept = []
    for mention in mentions:
        vaguer = mention.curie in broader and any(
            mention.curie in lexicon.hp_ancestors(other.curie)
            and _negated(text, other) == _negated(text, mention)
            # two names that the sentence states each on its own both stand ("cardiac
            # arrest and, rarely, sudden cardiac death"); a reading narrowed from the
            # vaguer words ("pain ... in the hands") or overlapping them replaces them
            and (other.how not in _STATED_APART
                 or not (other.end < mention.start or mention.end < other.start))
            for other in mentions
        )
        if not vaguer:
            kept.append(mention)
    return kept


#: A sentence about therapies still under study ("gene therapies are being tested").
_NOT_A_THERAPY_YET = re.compile(
    r"\b(?:(?:being|are|is) (?:studied|tested|investigated|explored|developed)|"
    r"clinical trials?|experimental|investigational|under study|under investigation|"
    r"tried in (?:\w+ ){0,2}(?:studies|trials)|(?:has|have) been tested|"
    r"(?:benefit|effect|value) (?:is|remains) (?:still )?(?:uncertain|unclear|unknown|unproven)|"
    r"not (?:yet )?(?:been )?proven)\b",
    re.IGNORECASE,
)
#: "Antihistamines and steroids usually do not work in HAE": named, then said not to help.
_INEFFECTIVE_AFTER = re.compile(
    r"(?<!but )\b(?:(?:do|does|did)(?: \w+ly)? not (?:work|help|prevent|improve|stop)|"
    r"(?:is|are|was|were)(?: \w+ly)? (?:not (?:effective|helpful|useful|beneficial)|"
    r"ineffective|of no (?:use|benefit)|not (?:yet )?(?:available|approved))|"
    r"(?:has|have|had) no (?:effect|benefit))\b",
    re.IGNORECASE,
)
#: A drug named after "avoid" in its clause ("told to avoid drugs such as erythromycin")
#: or before "avoided" ("aripiprazole and trazodone are usually avoided").
_AVOID_VERB = re.compile(r"\bavoid(?:ing)?\b", re.IGNORECASE)
_AVOIDED_AFTER = re.compile(
    r"\b(?:avoided|contraindicated|(?:should|must) (?:not|never) be (?:used|given|taken)|"
    r"not recommended|(?:should|must) be used (?:only )?with (?:care|caution))\b",
    re.IGNORECASE,
)
_MEANS = re.compile(r"\b(?:with|using|by|through)\b", re.IGNORECASE)
#: "should avoid vitamin A", "valproic acid should be avoided": a drug to stay away from.
#: ... "must never be used", "caffeine should be limited", "special care with live
#: vaccines"
_AVOID_WORD = re.compile(
    r"avoid|not|never|limited|contraindicated|harmful|dangerous|care with|with care|caution",
    re.IGNORECASE,
)
_AVOID_BEFORE = re.compile(
    r"\b(?:avoid(?:ed|ing)?|not (?:take|use|be given)|contraindicated|harmful|dangerous|"
    r"(?:care|caution|careful) (?:with|about|around))\b"
    r"[^.;,]{0,40}$",
    re.IGNORECASE,
)
_AVOID_AFTER = re.compile(
    r"^[^.;,]{0,30}?\b(?:should|must|is|are|be)\s+(?:\w+\s+)?"
    r"(?:avoided|limited|(?:not|never) be (?:used|given|taken)|contraindicated|harmful|"
    r"dangerous|used (?:only )?with (?:care|caution))\b",
    re.IGNORECASE,
)


def _avoided(text: str, mention: Mention) -> bool:
    """Tell whether the sentence says to stay away from the drug it names.

    Near the drug ("should not take X", "X should be avoided"), or anywhere in its clause
    for a drug in a list: named after "avoid" (not "avoid infections with X") or before
    "avoided".
    """
    before = text[max(0, mention.start - 60) : mention.start]
    if _AVOID_BEFORE.search(before) or _AVOID_AFTER.match(text[mention.end : mention.end + 60]):
        return True
    start, end = clause_bounds(text, mention.start)
    for verb in _AVOID_VERB.finditer(text, start, mention.start):
        if not _MEANS.search(text, verb.end(), mention.start):
            return True
    return _AVOIDED_AFTER.search(text, mention.end, end) is not None


#: What a diet or the text leaves out, each item of one list: "limiting fructose", "a diet
#: that removes galactose and lactose", "avoids wheat, barley and rye" (not "..., and
#: steroids").
_LEFT_OUT_OF_DIET = re.compile(
    r"\b(?:remov(?:e|es|ing)|free of|low in|limit(?:s|ing)?|restrict(?:s|ing)?|"
    r"avoid(?:s|ing)?|cut(?:s|ting)? down on|eliminat(?:e|es|ing)|excludes?|excluding|"
    r"without)(?: the)? (?:(?:[\w-]+, )*[\w-]+,? (?:and|or) |(?:[\w-]+, )+)?$",
    re.IGNORECASE,
)
#: A nutrient inside a diet's name: "a low-methionine diet", "a lactose-free diet".
_DIET_NAMED_AFTER = re.compile(
    r"(?P<kept>[- ](?:free|restricted|reduced|limited|controlled))?[- ]diets?\b|"
    # "a leucine-free medical formula": the formula of such a diet
    r"(?P<formula>[- ](?:free|restricted|reduced)(?: (?:medical|special|amino acid))? "
    r"formulas?)\b",
    re.IGNORECASE,
)
_DIET_AMOUNT_BEFORE = re.compile(r"\b(?:low|high|reduced|restricted|limited)[- ]$", re.IGNORECASE)
#: a substance measured, not given: "glycine levels", "the ornithine concentration"
_LEVELS_AFTER = re.compile(r"\s+(?:levels?|concentrations?)\b", re.IGNORECASE)
#: "vitamin A builds up in the retina": a substance that accumulates, not a treatment
_BUILDS_UP_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:builds? up|piles? up|accumulat\w+|collects?|is deposited)\b",
    re.IGNORECASE,
)
#: "the HFE protein": a gene's product, named in a mechanism
_GENE_PRODUCT = re.compile(r"[A-Z][A-Z0-9]{1,9} protein$")
#: "the gene holds the instructions for merlin", "codes for one part of the acetylcholine
#: receptor": what a gene makes, a few words before the chemical in its clause
_MADE_BY_GENE_BEFORE = re.compile(
    r"\b(?:instructions?\s+(?:for|to)|codes?\s+for|encod(?:es|ing)|(?:is|are)\s+made\s+by)"
    r"\b[^.;:()]{0,40}$",
    re.IGNORECASE,
)
#: what brings an episode on
_TRIGGERED_BY = r"\b(?:set off|triggered|brought on|provoked|precipitated)\s+by\b"
#: "attacks can be set off by certain medicines (for example barbiturates)": a trigger
_TRIGGER_BEFORE = re.compile(_TRIGGERED_BY + r"[^.;:]*$", re.IGNORECASE)
#: "can be set off by exercise, fever or stress", "apnea during fevers", "often after a
#: fever": what brings an episode on, not a finding of the disease (up to the words that
#: go on to what it brings: "triggered by fever, leading to seizures")
_FINDING_TRIGGER_BEFORE = re.compile(
    _TRIGGERED_BY
    + r"(?:(?!\b(?:lead|leads|leading|cause|causes|causing|result|results|resulting|which|"
    r"followed|then)\b)[^.;:()])*$",
    re.IGNORECASE,
)
#: "aspirin is given to prevent blood clots": what a treatment prevents, not a finding
_PREVENTED_BEFORE = re.compile(
    r"\b(?:to prevent|prevents?|preventing|prevention of|to avoid|"
    r"(?:reduce|reduces|lower|lowers|cut|cuts) the (?:risk|chance) of)\s+"
    r"(?:(?:further|future|more|new|the)\s+)?$",
    re.IGNORECASE,
)
_ILLNESS = re.compile(r"(?:high )?(?:fevers?|illness(?:es)?|infections?)\b", re.IGNORECASE)
_DURING_BEFORE = re.compile(
    r"\b(?:(?:during|after)\s+(?:an?\s+|any\s+)?"
    # "during an illness, fever or other stress": the items of its list too
    r"(?:[a-z]+(?:\s+[a-z]+)?(?:,\s+|,?\s+(?:or|and)\s+))*"
    # "when they have a fever", "if a baby gets an infection": a moment, not a finding
    r"|\b(?:when|whenever|if|once)\s+(?:[a-z]+\s+){0,3}?"
    r"(?:has|have|had|gets?|got|develops?|runs?|catch(?:es)?|caught)\s+(?:an?\s+)?)"
    r"(?:high\s+)?$",
    re.I,
)
#: "seizures that do not respond to the usual seizure medicines, such as phenytoin": the
#: drugs that fail, named in the same clause
_UNRESPONSIVE_BEFORE = re.compile(
    r"\b(?:not|never|rarely|poorly|seldom) respond(?:s|ing)? (?:well )?to\b"
    # the object and its examples, not what follows it ("for those who do not respond to
    # colchicine, drugs such as anakinra are an option"; "... can take anakinra")
    r"(?:(?!{verb})[^.;:,])*(?:,\s*(?:such as|including|like|for example|e\.g\.)\b"
    r"(?:(?!{verb})[^.;:])*)?$".format(
        verb=r" (?:can|may|might|could|are|is|be|get|receive|with|using|take|need|but|"
        r"while|whereas|although)\b"
    ),
    re.IGNORECASE,
)
#: "a special diet low in the sulfur-containing amino acids methionine and cysteine": what
#: a diet keeps low, a few words after "low in"
_LOW_IN_BEFORE = re.compile(
    r"\b(?:low|poor) in (?:the )?(?:(?!(?:high|rich|and|or|with|plus|but)\b)[\w-]+ ){0,4}"
    r"(?:(?:[\w-]+, )*[\w-]+,? (?:and|or) )?$",
    re.IGNORECASE,
)
#: "somatostatin analogs": drugs made after the molecule, not the molecule
_ANALOG_AFTER = re.compile(r"[\s-]+analog(?:ue)?s?\b", re.IGNORECASE)
#: "the TGF-beta signaling pathway": a pathway named after a molecule
_PATHWAY_AFTER = re.compile(r"\s+(?:signal(?:l)?ing\s+)?pathways?\b", re.IGNORECASE)
_PART_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas|although|though)\s")


def _part(text: str, mention: Mention) -> tuple[int, int]:
    """The part of the sentence that holds the mention: between ";" or ", and/but ..."."""
    start = 0
    for match in _PART_BREAK.finditer(text, 0, mention.start):
        start = match.end()
    after = _PART_BREAK.search(text, mention.end)
    return start, after.start() if after else len(text)


def _contained(mention: Mention, mentions: list[Mention]) -> bool:
    """Tell whether a longer finding or body part holds the mention ("iron overload")."""
    return any(
        m.kind in ("phenotype", "organ") and m.start <= mention.start and mention.end <= m.end
        and m.end - m.start > mention.end - mention.start
        for m in mentions
    )


def _drop_glossed_class(lexicon: Lexicon, text: str, chosen: list[Mention]) -> list[Mention]:
    """Keep the drug of "class (drug)" or "drug (class)": the two name one treatment.

    "Thyroid hormone (levothyroxine) is given": Thyroxine, not also Thyroid Hormones. Of
    two procedures, the one in brackets names what the words before it describe: "have
    both breasts removed (risk-reducing mastectomy)" is Prophylactic Mastectomy.
    """
    kinds = lexicon.treatment_kinds
    dropped: set[Mention] = set()
    for first, second in itertools.pairwise(chosen):
        if text[first.end : second.start].strip() != "(" or not text.startswith(")", second.end):
            continue
        pair = {kinds.get(first.curie, "drug"): first, kinds.get(second.curie, "drug"): second}
        if "drug_class" in pair and "drug" in pair:
            dropped.add(pair["drug_class"])
        elif kinds.get(first.curie) == kinds.get(second.curie) == "procedure":
            dropped.add(first)
    return [m for m in chosen if m not in dropped]


def _in_diet_name(text: str, mention: Mention) -> bool:
    """Whether a chemical is the nutrient that names a diet ("a low-methionine diet")."""
    after = _DIET_NAMED_AFTER.match(text, mention.end)
    if after is None:
        return False
    return after.group("kept") is not None or after.group("formula") is not None or bool(
        _DIET_AMOUNT_BEFORE.search(text, max(0, mention.start - 12), mention.start)
    )


def _treatments(
    out: _Collector,
    lexicon: Lexicon,
    sentence: Sentence,
    mentions: list[Mention],
    busy: list[tuple[int, int]],
    treatment_section: bool,
) -> list[Mention]:
    text = sentence.clean
    if not (treatment_section or _TREATMENT_CUE_TEST.found_in(text)):
        return []
    # "bleeding after surgery, tooth extraction or childbirth": what the bleeding follows
    after_items = [m for m in mentions if m.how == AFTER_LIST]
    candidates = [
        m for m in mentions
        if m.kind in ("treatment", "drug") and m.text.lower() not in _GENERIC_TREATMENT
        and not _inside(m, busy)
        and not _TREATMENT_TARGET.search(text, max(0, m.start - 30), m.start)
        and not _LEFT_OUT_OF_DIET.search(text, max(0, m.start - 60), m.start)
        and not _in_diet_name(text, m)
        and not _contained(m, mentions)
        and not _BUILDS_UP_AFTER.match(text, m.end)
        and not text.startswith("-like", m.end)  # "adrenaline-like substances"
        and not _ANALOG_AFTER.match(text, m.end)  # "GnRH analogs": a class, not GnRH
        and not _GENE_PRODUCT.match(m.text)
        and not _MADE_BY_GENE_BEFORE.search(text, max(0, m.start - 80), m.start)
        and not _PATHWAY_AFTER.match(text, m.end)
        and not _TRIGGER_BEFORE.search(text, 0, m.start)
        and not _UNRESPONSIVE_BEFORE.search(text, max(0, m.start - 80), m.start)
        and not _LOW_IN_BEFORE.search(text, max(0, m.start - 60), m.start)
        and not (after_items and _overlaps(m, after_items))
        and not _LEVELS_AFTER.match(text, m.end)  # "it can raise glycine levels"
    ]
    # a curated or ontology treatment name wins over a MeSH chemical of the same words
    chosen: list[Mention] = []
    for mention in sorted(candidates, key=lambda m: (m.start - m.end, m.kind != "treatment")):
        if not _overlaps(mention, chosen):
            chosen.append(mention)
    chosen.sort(key=lambda m: m.start)
    if len(chosen) > 1 and "(" in text:
        chosen = _drop_glossed_class(lexicon, text, chosen)
    vague = _VAGUE_TREATMENT.search(text)
    under_study = _NOT_A_THERAPY_YET.search(text) is not None
    avoid = _AVOID_WORD.search(text) is not None
    ineffective = ("not" in text or "no " in text or "ineffective" in text) and (
        _INEFFECTIVE_AFTER.search(text) is not None
    )
    for mention in chosen:
        if is_negated(text, mention.start) or (avoid and _avoided(text, mention)):
            continue
        if ineffective and _INEFFECTIVE_AFTER.search(
            text, mention.end, clause_bounds(text, mention.start)[1]
        ):
            continue  # named, then said not to help
        if under_study:
            start, end = _part(text, mention)
            if _NOT_A_THERAPY_YET.search(text, start, end):
                continue  # a therapy under study is not a treatment of the disease (yet)
        kind = lexicon.treatment_kinds.get(mention.curie, "drug")
        node = _term_node(lexicon, mention.curie, _TREATMENT_CATEGORY.get(kind, Category.DRUG))
        qualifiers = Qualifiers(
            hedge=hedge(text, mention.start),
            qualifier_text=vague.group(0) if vague else None,
        )
        out.add(node, Predicate.TREATED_BY, qualifiers, sentence, mention.start, mention.end)
    return chosen


#: The extractor as registered with :func:`raregraph.extract.register_extractor`.
text_mining_extractor = extract_page
