"""Read laboratory findings worded in lay text: "high levels of ammonia in the blood".

HPO names a measured finding in many ways ("Hyperammonemia", "High blood ammonia levels",
"Increased circulating lactate concentration", "Decreased CSF protein"), and lay text has
more ("too much calcium in the blood", "blood phosphate stays low", "cholesterol levels in
the blood are usually low", "uric acid builds up in the blood", "low levels of potassium
and magnesium"). The lexicon reduces every HPO measurement name to a direction, a body
fluid and a substance (:func:`~raregraph.extract.lexicon.measure_key`); this module reduces
sentence phrases the same way and looks them up, so any substance that HPO measures is
read, not only the wordings listed here.

A phrase counts only when the substance is one that HPO measures and ends its noun phrase
("a high protein diet" is not a finding), and, for a build-up, only in a body fluid
("copper builds up in the liver" is a storage finding, not a blood level).

>>> find_measurements("they have high levels of ammonia in the blood")
[('HP:0001987', 10, 45)]
>>> [curie for curie, _, _ in find_measurements("blood levels of potassium and magnesium are low")]
['HP:0002900', 'HP:0002917']
>>> [curie for curie, _, _ in find_measurements("sodium levels in the blood often drop")]
['HP:0002902']
"""

from __future__ import annotations

import re
from typing import NamedTuple

from raregraph.extract.lexicon import (
    FLUIDS,
    Lexicon,
    get_lexicon,
    singular_last,
    singular_word,
    substance_stems,
)

__all__ = ["find_measurements"]

#: words of a high level; every other direction word says low
_UP = frozenset({"high", "higher", "elevated", "raised", "increased", "excess", "excessive",
                 "much", "many"})
_COMPARATIVES = frozenset({"higher", "lower"})
#: words of an amount that name a level only with a body fluid ("excess copper" does not)
_AMOUNT_ONLY = frozenset({"excess", "excessive"})
_FLUID = "|".join(sorted(FLUIDS, key=len, reverse=True))
#: cheap tests first: most sentences name no direction at all
_GATE_STEMS = ("high", "low", "elevat", "raise", "increas", "excess", "reduc", "decreas",
               "diminish", "too ", "build", "accumul", "urine", "drop", "fall", "fell",
               "rise", "rose", "rising", "climb", "dip", "plummet", "spike", "go")
_GATE = re.compile(
    r"\b(?:high|higher|elevated|raised|increased|excess|excessive|low|lower|reduced|"
    r"decreased|diminished|too|build ?ups?|builds? up|built up|building up|buildup|"
    r"accumulat\w*|urine|drop\w*|fall\w*|fell|ris(?:e|es|ing)|rose|climb\w*|dip\w*|"
    r"plummet\w*|spike\w*|go(?:es)? (?:up|down)|went (?:up|down))\b"
)
#: "high levels of X", "low blood X", "higher than normal amounts of X", "too much X"
_DIRECTION_FIRST = re.compile(
    r"\b(?:too (?P<too>much|little|many|few)|(?:abnormally |very |unusually )?"
    r"(?P<dir>high|higher|elevated|raised|increased|excess|excessive|low|lower|reduced|"
    r"decreased|diminished))(?: than (?:normal|usual|expected))?"
    rf"(?: (?P<fluid>{_FLUID}))?"
    r"(?: (?P<amount>levels?|amounts?|concentrations?|quantities|quantity) of)? (?:the |their )?"
)
#: "the kidneys lose too much potassium in the urine", "waste phosphate into the urine"
_LOSES = re.compile(
    r"\b(?:los(?:e|es|ing|t)|wast(?:e|es|ed|ing)|leak(?:s|ed|ing)?|spill(?:s|ed|ing)?)"
    r"(?: (?:too much|too many|large amounts of|a lot of|excess|excessive|extra))? "
    r"(?:the |their )?"
)
#: "a build-up of X in the blood", "an accumulation of X in the urine"
_BUILD_UP_OF = re.compile(r"\b(?:build ?ups?|buildup|accumulation) of (?:the |their )?")
#: "X builds up in the blood", "X accumulates in the urine"
_BUILDS_UP = re.compile(
    r" (?:builds? up|built up|building up|accumulates?|accumulated|accumulating)(?= in )"
)
#: "X is low", "X levels in the blood are usually high", "blood X stays low"
_COPULA = re.compile(
    r" (?:is|are|was|were|stays?|remains?|becomes?|gets?|runs?|tends? to be|"
    r"(?:can|may|might|will|often|usually) (?:be|become|stay|remain|run))"
    r"(?: (?:usually|often|very|abnormally|unusually|too|slightly|typically|sometimes|also|"
    r"persistently|much|far|quite|mildly|markedly|extremely|always|generally))*"
    r" (?P<dir>high|elevated|raised|increased|low|reduced|decreased|diminished)\b"
)
#: "sodium levels in the blood often drop", "blood sugar can fall": a level that moves
_MOVES = re.compile(
    r" (?:(?:can|may|might|will|often|usually|also|sometimes|then|quickly|suddenly|"
    r"rapidly|easily) ){0,2}"
    r"(?:(?P<up>ris(?:e|es|ing)|rose|climb(?:s|ed|ing)?|spike(?:s|d)?|soar(?:s|ed)?|"
    r"go(?:es)? up|went up)"
    r"|(?P<down>drop(?:s|ped|ping)?|fall(?:s|ing)?|fell|dip(?:s|ped)?|plummet(?:s|ed)?|"
    r"go(?:es)? down|went down))\b"
)
_TOKEN = re.compile(r"[a-z0-9]+(?:'s)?|[^\sa-z0-9]")
_AMOUNTS = frozenset({"level", "levels", "amount", "amounts", "concentration",
                      "concentrations", "count", "counts"})
#: tokens that end a substance's noun phrase: a substance followed by anything else is
#: a modifier ("a high protein diet")
_PHRASE_ENDS = frozenset(
    {",", ".", ";", ":", "(", ")", "and", "or", "in", "into", "through", "from", "due",
     "because", "with", "during", "after", "before", "at", "for", "on", "which", "that",
     "is", "are", "was", "were", "may", "can", "causes", "cause", "caused", "leads", "lead",
     "leading", "result", "results", "as", "than", "when", "while", "but", "so", "to", "of",
     "this", "these"}
)
_DETERMINERS = frozenset({"the", "their", "his", "her", "its"})
_MAX_WORDS = 5


class _Known(NamedTuple):
    """The substances that HPO measures, and the first and last words of their names."""

    names: frozenset[str]
    first_words: frozenset[str]
    last_words: frozenset[str]


def _substances(lexicon: Lexicon) -> _Known:
    found = lexicon.memo.get("measured substances")
    if found is None:
        names = frozenset(key.split("|", 2)[2] for key in lexicon.measures)
        found = lexicon.memo["measured substances"] = _Known(
            names,
            frozenset(n.split(" ", 1)[0] for n in names if " " in n),
            frozenset(n.rsplit(" ", 1)[1] for n in names if " " in n),
        )
    return found


#: lay and chemical names of one substance ("blood sugar" = blood glucose)
_SAME_SUBSTANCES = {"glucose": "sugar", "sugar": "glucose"}
_IC_ACID = re.compile(r"^(?P<stem>[a-z]+)ic acid$")


def _names(substance: str) -> list[str]:
    """The substance, "X-ate" for "X-ic acid" ("lactic acid" = lactate), and the stems."""
    names = [substance]
    if substance in _SAME_SUBSTANCES:
        names.append(_SAME_SUBSTANCES[substance])
    acid = _IC_ACID.match(substance)
    if acid:
        names.append(f"{acid.group('stem')}ate")
    return names + substance_stems(substance)


def _is_substance(name: str, known: _Known) -> bool:
    return any(candidate in known.names for candidate in _names(name))


def _lookup(lexicon: Lexicon, direction: str, fluid: str | None, substance: str) -> str | None:
    fluids = [fluid] if fluid and fluid != "blood" else ["blood", ""]
    if fluid == "urine" or fluid == "csf":
        fluids.append("")
    for name in _names(substance):
        for where in fluids:
            found = lexicon.measures.get(f"{direction}|{where}|{name}")
            if found:
                return str(found[0])
    return None


#: "in the blood", "in the blood and urine", "in a person's urine"
_IN_FLUIDS = re.compile(
    rf" ?(?:in|into|through) (?:the |their |a person's |the person's )?(?P<fluid>{_FLUID})"
    rf"(?:,? and (?:in )?(?:the )?(?P<other>{_FLUID}))?\b"
)


def _fluids_at(folded: str, at: int) -> tuple[list[str], int]:
    """The body fluids named right at ``at`` (" in the blood and urine"), and their end."""
    match = _IN_FLUIDS.match(folded, at)
    if match is None:
        return [], at
    return [FLUIDS[f] for f in (match.group("fluid"), match.group("other")) if f], match.end()


def _tokens(folded: str, start: int, stop: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(folded, start, stop)]


def _substance_at(
    tokens: list[tuple[int, int, str]], at: int, known: _Known
) -> tuple[int, str] | None:
    """The longest substance starting at token ``at``: (tokens used, its name)."""
    longest = min(_MAX_WORDS, len(tokens) - at) if tokens[at][2] in known.first_words else 1
    for size in range(longest, 0, -1):
        words = [t[2] for t in tokens[at : at + size]]
        if "," in words:
            continue
        name = singular_last(" ".join(words))
        if _is_substance(name, known):
            return size, name
    return None


def _forward(
    folded: str, start: int, known: _Known
) -> tuple[list[tuple[int, int, str]], list[str], bool]:
    """Substances listed from ``start``: ([(start, end, name)], their fluids, ok).

    ``ok`` is false when the list runs on into a longer noun phrase or is placed in a
    part of the body that is not a fluid ("too much copper in the liver").
    """
    tokens = _tokens(folded, start, min(len(folded), start + 100))
    items: list[tuple[int, int, str]] = []
    fluid: str | None = None
    at = after_item = 0
    while at < len(tokens):
        if tokens[at][2] in _DETERMINERS:
            at += 1
            continue
        if not items and tokens[at][2] in FLUIDS:
            fluid = FLUIDS[tokens[at][2]]
            at += 1
            continue
        found = _substance_at(tokens, at, known)
        if found is None:
            if items:  # "high cholesterol, xanthomas ...": the list ended at the comma
                at = after_item
            break
        size, name = found
        items.append((tokens[at][0], tokens[at + size - 1][1], name))
        at += size
        if at < len(tokens) and tokens[at][2] in _AMOUNTS:
            at += 1
        after_item = at
        following = [t[2] for t in tokens[at : at + 2]]
        if following[:1] == [","] and following[1:] in (["and"], ["or"]):
            at += 2
        elif following[:1] in ([","], ["and"], ["or"]):
            at += 1
        else:
            break
        if at < len(tokens) and tokens[at][2] in ("and", "or"):
            at += 1
    if not items:
        return [], [], False
    # what follows the last item must end its noun phrase
    rest = [t[2] for t in tokens[at : at + 5]]
    if rest and rest[0] not in _PHRASE_ENDS:
        if len(items) == 1:
            return [], [], False
        items.pop()
    if rest[:1] in (["in"], ["into"], ["through"]):
        fluids, end = _fluids_at(folded, tokens[at][0])
        if fluids:  # the last item's span takes its place: "lactic acid in the blood"
            start, _, name = items[-1]
            items[-1] = (start, end, name)
            return items, fluids, True
        if fluid is None:
            return [], [], False  # "in the liver", "in the brain": not a measured level
    return items, [fluid] if fluid else [], True


def _backward(
    folded: str, stop: int, known: _Known
) -> tuple[list[tuple[int, int, str]], str | None]:
    """Substances listed just before ``stop`` (the subject of "... are low")."""
    tokens = _tokens(folded, max(0, stop - 100), stop)
    words = [t[2] for t in tokens]
    fluid: str | None = None
    end = len(tokens)
    # "X levels in the blood", "X in the urine"
    for size in (4, 3, 2):
        tail = [w for w in words[end - size : end] if w not in _DETERMINERS]
        if len(tail) >= 2 and tail[0] == "in" and " ".join(tail[1:]) in FLUIDS:
            fluid = FLUIDS[" ".join(tail[1:])]
            end -= size
            break
    if end and words[end - 1] in _AMOUNTS:
        end -= 1
    items: list[tuple[int, int, str]] = []
    while end > 0:
        best: tuple[int, str] | None = None
        last = singular_word(words[end - 1])
        longest = min(_MAX_WORDS, end) if last in known.last_words else 1
        for size in range(longest, 0, -1):
            if "," in words[end - size : end]:
                continue
            name = singular_last(" ".join(words[end - size : end]))
            if _is_substance(name, known):
                best = (size, name)
                break
        if best is None:
            break
        size, name = best
        items.insert(0, (tokens[end - size][0], tokens[end - 1][1], name))
        end -= size
        if end >= 2 and words[end - 2] == "," and words[end - 1] in ("and", "or"):
            end -= 2
        elif end and words[end - 1] in (",", "and", "or"):
            end -= 1
        else:
            break
    if not items:
        return [], None
    before = [w for w in words[max(0, end - 3) : end] if w not in _DETERMINERS]
    if before[-1:] == ["of"] and len(before) >= 2 and before[-2] in _AMOUNTS:
        before = before[:-2]  # "levels of X and Y are low", "blood levels of X"
    if before and before[-1] in FLUIDS and fluid is None:
        fluid = FLUIDS[before[-1]]
    return items, fluid


def find_measurements(
    folded: str, lexicon: Lexicon | None = None
) -> list[tuple[str, int, int]]:
    """Return ``(HPO id, start, end)`` for the measured findings worded in a folded sentence."""
    if not any(stem in folded for stem in _GATE_STEMS) or _GATE.search(folded) is None:
        return []
    lexicon = lexicon or get_lexicon()
    known = _substances(lexicon)
    found: list[tuple[str, int, int]] = []
    wasted: list[tuple[int, int]] = []

    def add(items: list[tuple[int, int, str]], direction: str, fluids: list[str],
            around: tuple[int, int], first: bool) -> None:
        for index, (start, end, name) in enumerate(items):
            if first and index == 0:
                start = min(start, around[0])
            if not first and index == len(items) - 1:
                end = max(end, around[1])
            if direction != "waste" and any(s < end and start < e for s, e in wasted):
                continue  # "loses too much potassium in the urine": the loss, read once
            for fluid in fluids or [""]:
                curie = _lookup(lexicon, direction, fluid, name)
                if curie is not None:
                    found.append((curie, start, end))
                    if direction == "waste":
                        wasted.append((start, end))

    if "urine" in folded:
        for match in _LOSES.finditer(folded):
            items, fluids, ok = _forward(folded, match.end(), known)
            if ok and fluids == ["urine"]:
                add(items, "waste", fluids, match.span(), True)
    for match in _DIRECTION_FIRST.finditer(folded):
        word = match.group("too") or match.group("dir")
        if word in _COMPARATIVES and not (match.group("amount") or " than " in match.group()):
            continue  # "to lower 7-dehydrocholesterol": a verb, not a level
        direction = "up" if word in _UP else "down"
        items, fluids, ok = _forward(folded, match.end(), known)
        if not ok:
            continue
        before = match.group("fluid")
        where = [FLUIDS[before]] if before else fluids
        if not where and (match.group("too") or word in _AMOUNT_ONLY):
            continue  # "removes excess copper": an amount somewhere, not a blood level
        add(items, direction, where, match.span(), True)
    for match in _BUILD_UP_OF.finditer(folded):
        items, fluids, ok = _forward(folded, match.end(), known)
        if ok and fluids:
            add(items, "up", fluids, match.span(), True)
    for match in _BUILDS_UP.finditer(folded):
        fluids, _ = _fluids_at(folded, match.end())
        if fluids:
            items, _ = _backward(folded, match.start(), known)
            add(items, "up", fluids, match.span(), False)
    for match in _COPULA.finditer(folded):
        direction = "up" if match.group("dir") in _UP else "down"
        items, fluid = _backward(folded, match.start(), known)
        add(items, direction, [fluid] if fluid else [], match.span(), False)
    for match in _MOVES.finditer(folded):
        if any(s <= match.start() < e for _, s, e in found):
            continue  # "blood sugar can drop too low": read by the copula already
        items, fluid = _backward(folded, match.start(), known)
        if items and folded.endswith((" need for ", " demand for "), 0, items[0][0]):
            continue  # "the body's need for potassium rises": a need, not a level
        direction = "up" if match.group("up") else "down"
        add(items, direction, [fluid] if fluid else [], match.span(), False)
    return found
