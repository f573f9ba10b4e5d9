"""A small plain query language: ``kg.ask("diseases involving gene FAS")``.

The grammar (written out in ``docs/query.md``)::

    question    = list | diseases | ranking | paths
    list        = WHAT ("of" | "for") NAME {modifier}
    WHAT        = "genes" | "phenotypes" | "symptoms" | "features" | "treatments"
                | "therapies" | "organs" | "locations" | "inheritance"
                | "modes of inheritance" | "neighbors" | "neighbours"
    diseases    = "diseases" condition {["and"] condition} {modifier}
    condition   = GENE NAME | PHENOTYPE NAME | INHERITED NAME | ORGAN NAME | TREATED NAME
    GENE        = "involving gene" | "involving" | "with gene" | "caused by gene"
                | "caused by" | "associated with gene" | "linked to gene"
    PHENOTYPE   = "with phenotype" | "with symptom" | "with feature" | "presenting with"
                | "having phenotype" | "having symptom"
    INHERITED   = "inherited" | "inherited as" | "with inheritance" | "with mode of inheritance"
    ORGAN       = "affecting" | "affecting organ" | "located in" | "with organ"
    TREATED     = "treated with" | "treated by" | "with treatment"
    ranking     = ("diseases matching" | "diseases like" | "rank diseases by")
                  NAME {"," NAME}
    paths       = "paths from" NAME "to" NAME
    modifier    = "curated only" | "only curated" | "text-mined only" | "only text-mined"
                | ["in"] "at least" NUMBER ["%"] | "from source" NAME
    NAME        = a "double-quoted" text, or words up to the next keyword of the clause

Keywords ignore case. A name is resolved through ids, labels, synonyms, symbols and
xrefs (:func:`~raregraph.query.names.resolve_name`); an unknown or ambiguous name
raises :class:`~raregraph.errors.QueryError` listing the candidates, so a typo never
reads as an empty answer. Quote a name that contains a keyword:
``diseases with phenotype "Seizure with fever"``.

Examples
--------
>>> query = parse("Diseases inherited autosomal recessive with phenotype seizure")
>>> query.target, query.conditions
('diseases', (('inheritance', 'autosomal recessive'), ('phenotype', 'seizure')))
>>> parse("phenotypes of ALPS curated only").modifiers
(('curated_only', ''),)
>>> parse("diseases matching splenomegaly, lymphadenopathy").conditions
(('match', 'splenomegaly'), ('match', 'lymphadenopathy'))
>>> try:
...     parse("who is FAS")
... except QueryError as err:
...     print(str(err)[:60])
cannot read 'who is FAS': a question starts with diseases, g

"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from raregraph.errors import QueryError
from raregraph.graph import KnowledgeGraph
from raregraph.model import TREATMENT_CATEGORIES, Category
from raregraph.query.names import resolve_name
from raregraph.query.results import QueryResult

__all__ = ["Query", "ask", "evaluate", "parse"]

_TOKEN = re.compile(r'"(?P<q>[^"]*)"|“(?P<c>[^”]*)”|(?P<comma>,)|(?P<w>[^\s,"“]+)')

#: Heads of list questions -> what they list.
_LIST_HEADS = {
    ("genes",): "genes",
    ("gene",): "genes",
    ("phenotypes",): "phenotypes",
    ("symptoms",): "phenotypes",
    ("features",): "phenotypes",
    ("treatments",): "treatments",
    ("therapies",): "treatments",
    ("organs",): "organs",
    ("locations",): "organs",
    ("inheritance",): "inheritance",
    ("modes", "of", "inheritance"): "inheritance",
    ("mode", "of", "inheritance"): "inheritance",
    ("neighbors",): "neighbors",
    ("neighbours",): "neighbors",
}

_CONDITIONS: dict[tuple[str, ...], str] = {}
for _kind, _phrases in {
    "gene": (
        "involving gene",
        "involving",
        "with gene",
        "caused by gene",
        "caused by",
        "associated with gene",
        "linked to gene",
    ),
    "phenotype": (
        "with phenotype",
        "with symptom",
        "with feature",
        "presenting with",
        "having phenotype",
        "having symptom",
    ),
    "inheritance": ("inherited", "inherited as", "with inheritance", "with mode of inheritance"),
    "organ": ("affecting", "affecting organ", "located in", "with organ"),
    "treatment": ("treated with", "treated by", "with treatment"),
}.items():
    for _phrase in _phrases:
        _CONDITIONS[tuple(_phrase.split())] = _kind

_MODIFIERS = {
    ("curated", "only"): "curated_only",
    ("only", "curated"): "curated_only",
    ("text-mined", "only"): "text_mined_only",
    ("only", "text-mined"): "text_mined_only",
    ("text", "mined", "only"): "text_mined_only",
    ("in", "at", "least"): "min_percentage",
    ("at", "least"): "min_percentage",
    ("from", "source"): "source",
}

_RANK_HEADS = (("diseases", "matching"), ("diseases", "like"), ("rank", "diseases", "by"))

_CATEGORIES: dict[str, frozenset[Category]] = {
    "gene": frozenset({Category.GENE}),
    "phenotype": frozenset({Category.PHENOTYPIC_FEATURE}),
    "inheritance": frozenset({Category.GENETIC_INHERITANCE}),
    "organ": frozenset({Category.ANATOMICAL_ENTITY}),
    "treatment": TREATMENT_CATEGORIES,
}

_HELP = (
    "a question starts with diseases, genes, phenotypes, symptoms, treatments, organs, "
    "inheritance, neighbors or paths (see docs/query.md)"
)


@dataclass(frozen=True)
class _Token:
    text: str  # lower case for words; the exact text for quoted names
    start: int
    end: int
    quoted: bool = False


@dataclass(frozen=True)
class Query:
    """A parsed question: what to list, about which node, under which conditions."""

    target: str
    subject: str | None = None
    conditions: tuple[tuple[str, str], ...] = ()
    modifiers: tuple[tuple[str, str], ...] = ()


def _tokenize(text: str) -> list[_Token]:
    tokens = []
    for m in _TOKEN.finditer(text):
        if m.group("q") is not None or m.group("c") is not None:
            inner = m.group("q") if m.group("q") is not None else m.group("c")
            tokens.append(_Token(inner, m.start(), m.end(), quoted=True))
        else:
            tokens.append(_Token(m.group(0).lower(), m.start(), m.end()))
    if tokens and not tokens[-1].quoted:  # a trailing "?" or "." is not part of a name
        last = tokens[-1]
        stripped = last.text.rstrip("?.!")
        if not stripped:
            tokens.pop()
        elif stripped != last.text:
            tokens[-1] = _Token(stripped, last.start, last.end - (len(last.text) - len(stripped)))
    return tokens


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokenize(text)
        self.pos = 0

    def error(self, problem: str) -> QueryError:
        return QueryError(f"cannot read {self.text!r}: {problem}")

    def at_end(self) -> bool:
        return self.pos >= len(self.tokens)

    def match(self, phrases: dict[tuple[str, ...], str] | tuple[tuple[str, ...], ...]) -> Any:
        """Consume the longest phrase that starts here; return its value (or the phrase)."""
        best: tuple[str, ...] | None = None
        for phrase in phrases:
            words = self.tokens[self.pos : self.pos + len(phrase)]
            if (
                len(words) == len(phrase)
                and all(not t.quoted and t.text == w for t, w in zip(words, phrase, strict=True))
                and (best is None or len(phrase) > len(best))
            ):
                best = phrase
        if best is None:
            return None
        self.pos += len(best)
        return phrases[best] if isinstance(phrases, dict) else best

    def peek(self, phrases: dict[tuple[str, ...], str] | tuple[tuple[str, ...], ...]) -> bool:
        here = self.pos
        found = self.match(phrases) is not None
        self.pos = here
        return found

    def name(self, stops: list[dict[tuple[str, ...], str]], what: str) -> str:
        """Read a quoted name, or words up to the next keyword in ``stops`` or a comma."""
        if self.at_end() or self.tokens[self.pos].text == ",":
            raise self.error(f"expected {what}")
        if self.tokens[self.pos].quoted:
            self.pos += 1
            return self.tokens[self.pos - 1].text
        first = self.pos
        while not self.at_end():
            token = self.tokens[self.pos]
            if token.text == "," or token.quoted:
                break
            if self.pos > first and any(self._stops_here(s) for s in stops):
                break
            self.pos += 1
        start, end = self.tokens[first].start, self.tokens[self.pos - 1].end
        return self.text[start:end].rstrip("?.!").strip()

    def _stops_here(self, phrases: dict[tuple[str, ...], str]) -> bool:
        if self.peek(phrases):
            return True
        if self.tokens[self.pos].text == "and" and not self.tokens[self.pos].quoted:
            self.pos += 1
            found = self.peek(phrases)
            self.pos -= 1
            return found
        return False

    def modifiers(self) -> tuple[tuple[str, str], ...]:
        found = []
        while not self.at_end():
            self.match((("and",),))
            kind = self.match(_MODIFIERS)
            if kind is None:
                raise self.error(f"unexpected {self.tokens[self.pos].text!r}")
            if kind == "min_percentage":
                found.append((kind, self.number()))
            elif kind == "source":
                found.append((kind, self.name([_MODIFIERS], "a source")))
            else:
                found.append((kind, ""))
        return tuple(found)

    def number(self) -> str:
        if self.at_end():
            raise self.error("expected a percentage after 'at least'")
        text = self.tokens[self.pos].text.rstrip("%")
        try:
            float(text)
        except ValueError:
            raise self.error(f"expected a percentage, got {text!r}") from None
        self.pos += 1
        self.match({("%",): "%", ("percent",): "%", ("of", "cases"): "%"})
        self.match({("of", "cases"): "%"})
        return text


def parse(question: str) -> Query:
    """Parse a question of the plain query language into a :class:`Query`.

    Raises :class:`~raregraph.errors.QueryError` saying what was expected.
    """
    p = _Parser(question)
    if p.at_end():
        raise p.error(_HELP)
    if p.match(_RANK_HEADS) is not None:
        names = [p.name([], "a phenotype")]
        while p.match(((",",), (",", "and"))) is not None:
            names.append(p.name([], "a phenotype"))
        if not p.at_end():
            raise p.error(f"unexpected {p.tokens[p.pos].text!r}")
        return Query("rank", conditions=tuple(("match", n) for n in names))
    if p.match((("paths", "from"), ("path", "from"))) is not None:
        source = p.name([{("to",): "to"}], "a name after 'paths from'")
        if p.match((("to",),)) is None:
            raise p.error("expected 'to' and a second name")
        target = p.name([], "a name after 'to'")
        return Query("paths", conditions=(("from", source), ("to", target)))
    if p.match((("diseases",), ("disease",))) is not None:
        conditions = []
        while not p.at_end() and not p.peek(_MODIFIERS):
            p.match((("and",),))
            kind = p.match(_CONDITIONS)
            if kind is None:
                word = p.tokens[p.pos].text if not p.at_end() else "the end"
                raise p.error(
                    f"expected a condition such as 'involving gene', 'with phenotype', "
                    f"'inherited', 'affecting', 'treated with' before {word!r}"
                )
            conditions.append((kind, p.name([_CONDITIONS, _MODIFIERS], f"a {kind} name")))
        return Query("diseases", conditions=tuple(conditions), modifiers=p.modifiers())
    target = p.match(_LIST_HEADS)
    if target is None:
        raise p.error(_HELP)
    if p.match((("of",), ("for",))) is None:
        raise p.error(f"expected 'of' or 'for' after {target!r}, e.g. '{target} of ALPS'")
    subject = p.name([_MODIFIERS], "a disease name")
    return Query(target, subject=subject, modifiers=p.modifiers())


def _filters(query: Query, allowed: tuple[str, ...]) -> dict[str, Any]:
    keywords: dict[str, Any] = {}
    for kind, value in query.modifiers:
        if kind not in allowed:
            raise QueryError(f"'{kind.replace('_', ' ')}' does not apply to {query.target}")
        keywords[kind] = float(value) if kind == "min_percentage" else (value or True)
    return keywords


_EDGE_FILTERS = ("min_percentage", "source", "curated_only", "text_mined_only")
_NO_PERCENT = ("source", "curated_only", "text_mined_only")


def _diseases_with(
    kg: KnowledgeGraph, kind: str, node_id: str, keywords: dict[str, Any]
) -> set[str]:
    from raregraph.errors import NotFoundError

    arguments: dict[str, Any] = {kind: node_id, **keywords}
    hierarchical = kind in ("phenotype", "organ")
    try:
        found = kg.diseases(include_descendants=hierarchical, **arguments)
    except NotFoundError:  # no hierarchy is known for this prefix: exact matches only
        found = kg.diseases(**arguments)
    return set(found.ids)


def evaluate(kg: KnowledgeGraph, query: Query, title: str = "") -> Any:
    """Answer a parsed :class:`Query` on ``kg``.

    Lists give a :class:`~raregraph.query.results.QueryResult`; ``diseases matching``
    a :class:`~raregraph.query.ranking.Ranking`; ``paths from`` a
    :class:`~raregraph.query.paths.PathList`. Disease conditions on phenotypes and
    organs include the subterms of the named term when its ontology is known.
    """
    title = title or query.target
    if query.target == "rank":
        from raregraph.query.ranking import rank_diseases

        return rank_diseases(kg, [name for _, name in query.conditions])
    if query.target == "paths":
        (_, source), (_, target) = query.conditions
        return kg.paths(resolve_name(kg, source).id, resolve_name(kg, target).id)
    if query.target == "diseases":
        keywords = _filters(query, _EDGE_FILTERS)
        ids: set[str] | None = None
        for kind, name in query.conditions:
            node = resolve_name(kg, name, _CATEGORIES[kind])
            hits = _diseases_with(kg, kind, node.id, keywords)
            ids = hits if ids is None else ids & hits
        if ids is None:
            return QueryResult(kg.diseases(**keywords), title=title)
        return QueryResult((kg.node(i) for i in sorted(ids)), title=title)
    assert query.subject is not None
    if query.target == "neighbors":
        keywords = _filters(query, _EDGE_FILTERS)
        node = resolve_name(kg, query.subject)
        return QueryResult(kg.neighbors(node.id, **keywords), title=title)
    allowed = _EDGE_FILTERS if query.target in ("genes", "phenotypes") else _NO_PERCENT
    keywords = _filters(query, allowed)
    disease = resolve_name(kg, query.subject, {Category.DISEASE})
    method = getattr(kg, query.target)
    return QueryResult(method(disease=disease.id, **keywords), title=title)


def ask(kg: KnowledgeGraph, question: str) -> Any:
    """Parse and answer one question (see :func:`parse` and :func:`evaluate`)."""
    return evaluate(kg, parse(question), title=question.strip())
