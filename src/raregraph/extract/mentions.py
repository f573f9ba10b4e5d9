"""Find lexicon names in a sentence: longest match, coordination, fused words.

:func:`find_mentions` returns :class:`Mention` objects (kind, id, offsets in the sentence)
for every kind of name. Within one kind, overlapping matches keep the longest (then the
leftmost). Two patterns add mentions that no single name covers:

* coordination: "enlargement of the lymph nodes, liver and spleen" is read as
  "enlargement of the lymph nodes", "... of the liver", "... of the spleen" (and the
  adjective form "enlarged liver"), each looked up as a phenotype;
* fused words: a long word that no name covers but that splits into two names
  ("panniculitisarthritis") gives both.

Examples
--------
>>> s = "This causes enlargement of the lymph nodes, liver and spleen."
>>> sorted(m.curie for m in find_mentions(s) if m.kind == "phenotype")
['HP:0001744', 'HP:0002240', 'HP:0002716']
>>> found = find_mentions("skin rashes or panniculitisarthritis")
>>> [m.curie for m in found if m.kind == "phenotype"]
['HP:0000988', 'HP:0012490', 'HP:0001369']

"""

from __future__ import annotations

import re
from dataclasses import dataclass

from raregraph.extract.lexicon import Lexicon, fold, get_lexicon

__all__ = ["Mention", "find_mentions", "longest"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A name found in a sentence: ``start``/``end`` are offsets in the sentence."""

    kind: str
    curie: str
    start: int
    end: int
    text: str
    how: str = "lexicon"


#: Nominalized heads of a coordinated phrase and the adjective that says the same.
_ADJECTIVES = {
    "enlargement": "enlarged",
    "swelling": "swollen",
    "inflammation": "inflamed",
    "malformation": "malformed",
    "malformations": "malformed",
    "abnormalities": "abnormal",
    "abnormality": "abnormal",
    "absence": "absent",
    "weakness": "weak",
    "thickening": "thickened",
    "narrowing": "narrowed",
}
_COORD_OF = re.compile(
    r"\b(?P<head>[a-z]+) of (?:the )?(?P<list>[a-z]+(?: [a-z]+){0,2}"
    r"(?:, (?:the )?[a-z]+(?: [a-z]+){0,2})*,? (?:and|or) (?:the )?[a-z]+(?: [a-z]+){0,2})"
)
_COORD_ADJ = re.compile(
    r"\b(?P<head>[a-z]+) (?P<list>[a-z]+(?:, [a-z]+)*,? (?:and|or) [a-z]+(?: [a-z]+)?)"
)
_ITEM = re.compile(r"(?:(?<=^)|(?<=, )|(?<=and )|(?<=or ))(?:the )?(?P<item>[a-z]+(?: [a-z]+)*?)"
                   r"(?=,|$| and | or )")
_FUSED_MIN = 12
_SPLIT_MIN = 5


def longest(mentions: list[Mention]) -> list[Mention]:
    """Keep, among overlapping mentions, the longest (then the leftmost); sorted by start.

    >>> a, b = Mention("x", "A", 0, 5, "abcde"), Mention("x", "B", 2, 4, "cd")
    >>> [m.curie for m in longest([b, a])]
    ['A']
    """
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start - m.end, m.start)):
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


def _items(folded: str, start: int, listed: str) -> list[tuple[int, int, str]]:
    items = []
    for match in _ITEM.finditer(listed):
        text = match.group("item")
        item_start = start + match.start("item")
        items.append((item_start, item_start + len(text), text))
    return items


def _coordinated(folded: str, lexicon: Lexicon) -> list[Mention]:
    found: list[Mention] = []
    heads = re.finditer(r"\b[a-z]+ of ", folded)
    for match in filter(None, (_COORD_OF.match(folded, h.start()) for h in heads)):
        head = match.group("head")
        adjective = _ADJECTIVES.get(head)
        items = _items(folded, match.start("list"), match.group("list"))
        for index, (start, end, item) in enumerate(items):
            candidates = [f"{head} of the {item}", f"{head} of {item}"]
            if adjective:
                candidates.append(f"{adjective} {item}")
            for candidate in candidates:
                curie = lexicon.lookup(candidate, "phenotype")
                if curie:
                    begin = match.start() if index == 0 else start
                    found.append(Mention("phenotype", curie, begin, end, "", "coordination"))
                    break
    words = re.finditer(r"\b[a-z]+ ", folded)
    for match in filter(None, (_COORD_ADJ.match(folded, w.start()) for w in words)):
        head = match.group("head")
        items = _items(folded, match.start("list"), match.group("list"))
        if len(items) < 2:
            continue
        for index, (start, end, item) in enumerate(items):
            curie = lexicon.lookup(f"{head} {item}", "phenotype")
            if curie:
                begin = match.start() if index == 0 else start
                found.append(Mention("phenotype", curie, begin, end, "", "coordination"))
    return found


def _fused(folded: str, lexicon: Lexicon, covered: list[Mention]) -> list[Mention]:
    found: list[Mention] = []
    for word in re.finditer(rf"[a-z]{{{_FUSED_MIN},}}", folded):
        if any(m.start <= word.start() and word.end() <= m.end for m in covered):
            continue
        text = word.group(0)
        for cut in range(_SPLIT_MIN, len(text) - _SPLIT_MIN + 1):
            left = lexicon.lookup(text[:cut], "phenotype")
            right = lexicon.lookup(text[cut:], "phenotype")
            if left and right:
                at = word.start()
                found.append(Mention("phenotype", left, at, at + cut, "", "fused"))
                found.append(Mention("phenotype", right, at + cut, word.end(), "", "fused"))
                break
    return found


def find_mentions(sentence: str, lexicon: Lexicon | None = None) -> list[Mention]:
    """Return the mentions of every kind in ``sentence`` (overlaps resolved per kind)."""
    lexicon = lexicon or get_lexicon()
    folded = fold(sentence)
    by_kind: dict[str, list[Mention]] = {}
    for start, end, key in lexicon.matches(folded):
        for kind, curies in lexicon.forms[key].items():
            by_kind.setdefault(kind, []).append(Mention(kind, curies[0], start, end, ""))
    phenotypes = by_kind.setdefault("phenotype", [])
    phenotypes += _coordinated(folded, lexicon)
    phenotypes += _fused(folded, lexicon, [m for ms in by_kind.values() for m in ms])
    result: list[Mention] = []
    for kind in sorted(by_kind):
        for mention in longest(by_kind[kind]):
            text = sentence[mention.start : mention.end]
            result.append(
                Mention(mention.kind, mention.curie, mention.start, mention.end, text, mention.how)
            )
    return result
