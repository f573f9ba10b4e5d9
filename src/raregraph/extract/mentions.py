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

from raregraph.extract.joints import joint_contractures
from raregraph.extract.lexicon import (
    LONG_WORD,
    NOMINAL_ADJECTIVES,
    Lexicon,
    fold,
    get_lexicon,
    singular_word,
)
from raregraph.extract.measurements import find_measurements
from raregraph.extract.muscles import muscle_places
from raregraph.extract.senses import DISTAL, lost_senses
from raregraph.extract.typos import correct

__all__ = ["AGE", "DENIED_COPULA", "PLACED", "Mention", "find_mentions", "longest"]


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
    **NOMINAL_ADJECTIVES,
    "malformations": "malformed",
    "abnormalities": "abnormal",
}
_COORD_OF = re.compile(
    r"\b(?P<head>[a-z]+) of (?:the )?(?P<list>[a-z]+(?: [a-z]+){0,2}"
    r"(?:, (?:the )?[a-z]+(?: [a-z]+){0,2})*,? (?:and|or) (?:the )?[a-z]+(?: [a-z]+){0,2})"
)
_COORD_ADJ = re.compile(
    r"\b(?P<head>[a-z]+) (?P<list>[a-z]+(?:, [a-z]+)*,? (?:and|or) [a-z]+(?: [a-z]+)?)"
)
#: "large or protruding ears": adjectives sharing the noun after them, read from each
#: conjunction: the words listed before it, then "adjective noun" after it.
_SHARED_NOUN_KINDS = ("phenotype", "treatment")
_CONJUNCTION = re.compile(r",? (?:and|or) ")
_ADJECTIVE_NOUN = re.compile(r"[a-z]+ (?P<noun>[a-z]+)\b")
_HEAD_OF = re.compile(r"\b[a-z]+ of ")
_LEVEL_BEFORE = re.compile(r"\b(low|high|reduced|increased) $")
#: a word of recurrence right before a coordinated head ("repeated bacterial infections
#: of the ears, sinuses and lungs")
_RECURRENT_BEFORE = re.compile(
    r"\b(?:repeated|recurrent|recurring|frequent)(?: [a-z]+)? $"
)
#: Every place where :data:`_COORD_ADJ` matches, found in one scan: the same matches as
#: trying it at the start of each word ``\b[a-z]+ `` (the groups sit in a lookahead).
_COORD_ADJ_AT = re.compile(rf"(?=(?:{_COORD_ADJ.pattern}))")
_ITEM = re.compile(r"(?:(?<=^)|(?<=, )|(?<=and )|(?<=or ))(?:the )?(?P<item>[a-z]+(?: [a-z]+)*?)"
                   r"(?=,|$| and | or )")
_FUSED_MIN = 12
_LONG_WORD = re.compile(rf"[a-z]{{{_FUSED_MIN},}}")
_SPLIT_MIN = 5


#: how a finding narrowed by the age of those affected, named elsewhere, is found
AGE = "age"
#: how a reading narrowed by words outside the finding's own span is found
_NARROWED_ELSEWHERE = frozenset({"sex", AGE})


def longest(mentions: list[Mention], text: str = "") -> list[Mention]:
    """Keep, among overlapping mentions, the longest (then the leftmost); sorted by start.

    With the ``text`` they are in, two findings that only share the word where one ends
    and the other starts are both kept (see :func:`_share_a_word`).

    >>> a, b = Mention("x", "A", 0, 5, "abcde"), Mention("x", "B", 2, 4, "cd")
    >>> [m.curie for m in longest([b, a])]
    ['A']
    """
    if len(mentions) < 2:
        return list(mentions)
    kept: list[Mention] = []
    # at equal spans, a reading narrowed by the sex or age named elsewhere in the sentence
    # wins
    for mention in sorted(
        mentions, key=lambda m: (m.start - m.end, m.start, m.how not in _NARROWED_ELSEWHERE)
    ):
        if all(
            mention.end <= k.start or mention.start >= k.end
            or (text and _share_a_word(text, mention, k))
            for k in kept
        ):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


def _share_a_word(text: str, mention: Mention, kept: Mention) -> bool:
    """Whether two findings only share the word where one ends and the other starts.

    "widely spaced eyes that slant downward": Hypertelorism ends and Downslanted
    palpebral fissures starts at "eyes"; both are named.
    """
    if mention.kind != "phenotype" or kept.kind != "phenotype" or mention.curie == kept.curie:
        return False
    first, second = (mention, kept) if mention.start < kept.start else (kept, mention)
    if not (first.start < second.start < first.end < second.end):
        return False
    shared = text[second.start : first.end]
    return shared.isalpha() and text[first.start : second.start].endswith(" ")


_ITEM_MARK = re.compile(", |and |or ")


def _item_starts(listed: str) -> list[int]:
    """The offsets where :data:`_ITEM`'s lookbehind holds: 0 and after ", ", "and ", "or "."""
    return [0, *(mark.end() for mark in _ITEM_MARK.finditer(listed))]


def _item_matches(listed: str) -> list[re.Match[str]]:
    """``list(_ITEM.finditer(listed))``, trying only where an item can start."""
    found = []
    done = 0
    for at in _item_starts(listed):
        if at < done or at > len(listed):
            continue
        match = _ITEM.match(listed, at)
        if match is not None:
            found.append(match)
            done = match.end()
    return found


def _items(folded: str, start: int, listed: str) -> list[tuple[int, int, str]]:
    items = []
    for match in _item_matches(listed):
        text = match.group("item")
        item_start = start + match.start("item")
        items.append((item_start, item_start + len(text), text))
    return items


def _shared_noun(folded: str, lexicon: Lexicon) -> list[Mention]:
    """Words listed before a conjunction that share the noun after it.

    "large or protruding ears" -> "large ears"; "physical, occupational and speech
    therapy" -> "physical therapy", "occupational therapy" (the last word is read with
    its noun by the lexicon itself). Phenotypes and treatments only.
    """
    found: list[Mention] = []
    forms = lexicon.forms
    for conjunction in _CONJUNCTION.finditer(folded):
        after = _ADJECTIVE_NOUN.match(folded, conjunction.end())
        if after is None:
            continue
        noun = after.group("noun")
        # the words listed before the conjunction ("a, b or c noun"), read backwards
        end = conjunction.start()
        while True:
            start = end
            while start > 0 and "a" <= folded[start - 1] <= "z":
                start -= 1
            if start == end or (start > 0 and folded[start - 1].isalnum()):
                break
            # folded words and single spaces: already a lexicon key
            entry = forms.get(f"{folded[start:end]} {noun}")
            if entry:
                for kind in _SHARED_NOUN_KINDS:
                    curies = entry.get(kind)
                    if curies:
                        found.append(Mention(kind, curies[0], start, end, "", "coordination"))
            if folded[max(0, start - 2) : start] != ", ":
                break
            end = start - 2
    return found


def _limb_places(words: list[str]) -> list[int]:
    """Where the arms and legs are in a list of words that names both (else nowhere).

    >>> _limb_places(["face", "arm", "leg"]), _limb_places(["arm", "hand"])
    ([1, 2], [])
    """
    places = [index for index, word in enumerate(words) if word in ("arm", "leg")]
    return places if {words[index] for index in places} == {"arm", "leg"} else []


def _limbs(
    match: re.Match[str], items: list[tuple[int, int, str]], places: list[int], lexicon: Lexicon
) -> Mention | None:
    """The limbs' reading of a head coordinated over arms and legs ("weak limbs")."""
    head = match.group("head")
    adjective = _ADJECTIVES.get(head)
    candidates = [f"{head} of the limbs", f"limb {head}"]
    if adjective:
        candidates.append(f"{adjective} limbs")
    curie = _lookup_first(lexicon, candidates)
    if not curie:
        return None
    begin = match.start() if places[0] == 0 else items[places[0]][0]
    last = items[places[-1]]
    return Mention("phenotype", curie, begin, last[0] + len(last[2].split(" ")[0]), "",
                   "coordination")


def _coordinated(folded: str, lexicon: Lexicon) -> list[Mention]:
    found: list[Mention] = []
    heads = _HEAD_OF.finditer(folded) if " of " in folded else iter(())
    for match in filter(None, (_COORD_OF.match(folded, h.start()) for h in heads)):
        head = match.group("head")
        adjective = _ADJECTIVES.get(head)
        recurrent = _RECURRENT_BEFORE.search(folded, max(0, match.start() - 30), match.start())
        # "low numbers of red blood cells, white blood cells and platelets": the head's
        # own adjective goes with each item
        level = _LEVEL_BEFORE.search(folded, max(0, match.start() - 12), match.start())
        items = _items(folded, match.start("list"), match.group("list"))
        places = _limb_places([singular_word(item.split(" ")[0]) for _, _, item in items])
        limbs = _limbs(match, items, places, lexicon) if places else None
        if limbs:  # "weakness of the face, arms and legs": the limbs' term, not one each
            found.append(limbs)
        for index, (start, _end, item) in enumerate(items):
            if limbs and index in places:
                continue
            words = item.split(" ")
            # the last item may run on into the sentence ("... and spleen is common")
            sizes = range(len(words), 0, -1) if index == len(items) - 1 else (len(words),)
            curie = None
            for size in sizes:
                part = " ".join(words[:size])
                candidates = [f"{head} of the {part}", f"{head} of {part}"]
                if level:
                    candidates.insert(0, f"{level.group(1)} {head} of {part}")
                if adjective:
                    candidates.append(f"{adjective} {part}")
                # "infections of the ears and sinuses": ear infections, sinus infections
                candidates.append(f"{_singular_phrase(part)} {head}")
                if recurrent:  # "repeated infections of the skin": recurrent, if no other
                    candidates += [f"recurrent {c}" for c in candidates]
                curie = _lookup_first(lexicon, candidates)
                if curie:
                    begin = match.start() if index == 0 else start
                    found.append(
                        Mention("phenotype", curie, begin, start + len(part), "", "coordination")
                    )
                    break
    if " and " not in folded and " or " not in folded:
        return found
    for match in _COORD_ADJ_AT.finditer(folded):
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


#: an adjective before a comma or "and/or", then up to two words and a noun: "short,
#: broad fingers", "thin and brittle hair"
_ADJECTIVE_BEFORE = re.compile(
    r"\b(?P<adjective>[a-z]+)(?:,| and| or),? (?P<rest>(?:[a-z]+ ){1,2}?)(?P<noun>[a-z]+)\b"
)


def _adjective_list(folded: str, lexicon: Lexicon) -> list[Mention]:
    """Each adjective of a list before a noun names a finding of that noun.

    "short, broad fingers" is Broad finger and Short finger (the first adjective's reading
    spans the adjective). Both readings must be findings, so a list of findings ("hearing
    loss, muscle weakness") reads nothing new; nor does a pair that names one finding
    ("weak, floppy muscles": Hypotonia).

    >>> from raregraph.extract.lexicon import get_lexicon
    >>> [m.curie for m in _adjective_list("short, broad fingers", get_lexicon())]
    ['HP:0009381']
    """
    found: list[Mention] = []
    for match in _ADJECTIVE_BEFORE.finditer(folded):
        noun, rest, adjective = match.group("noun"), match.group("rest"), match.group("adjective")
        if lexicon.lookup(f"{rest}{noun}", "phenotype") is None:
            continue
        if lexicon.lookup(f"{adjective} {rest}{noun}", "phenotype") is not None:
            continue  # one finding named by both words ("weak, floppy muscles": Hypotonia)
        curie = lexicon.lookup(f"{adjective} {noun}", "phenotype")
        if curie is not None:
            found.append(
                Mention("phenotype", curie, match.start(), match.end("adjective"), "",
                        "coordination")
            )
    return found


def _fused(
    folded: str, lexicon: Lexicon, covered: list[Mention], glued: list[Mention]
) -> list[Mention]:
    """Fused pairs (:func:`_fused_pair`) in the long words of the sentence.

    Only in a long word that neither a name (``covered``) nor a reading glued to
    "and"/"or" (``glued``) explains.
    """
    found: list[Mention] = []
    for word in _LONG_WORD.finditer(folded):
        start, end = word.span()
        if any(m.start <= start and end <= m.end for m in covered) or any(
            start <= m.start < end for m in glued
        ):
            continue
        found += _fused_pair(word.group(0), start, lexicon)
    return found


#: a word glued to "and"/"or" ("cataractsand", "slurred speechand", "cramps andtingling")
_GLUED = re.compile(r"\b(?:[a-z]{4,}(?:and|or)|(?:and|or)[a-z]{4,})\b")
_WORDS_BEFORE = re.compile(r"(?:[a-z]+ ){1,2}$")
_WORDS_AFTER = re.compile(r"(?: [a-z]+){1,3}")  # three: "inflamation of the esophagus"


def _widest(
    folded: str, lexicon: Lexicon, start: int, end: int, word: str, *, left: bool, right: bool
) -> tuple[str, int, int] | None:
    """The longest phenotype name of ``word`` with the words around it: (id, start, end).

    ``word`` is read for ``folded[start:end]``; up to two words before it (``left``) and
    three after it (``right``) may complete the name.
    """
    before = _WORDS_BEFORE.search(folded, max(0, start - 40), start) if left else None
    after = _WORDS_AFTER.match(folded, end) if right else None
    lefts = before.group(0).split() if before else []
    rights = after.group(0).split() if after else []
    best: tuple[int, int, str] | None = None
    for size_left in range(len(lefts), -1, -1):
        for size_right in range(len(rights), -1, -1):
            words = [*lefts[len(lefts) - size_left :], word, *rights[:size_right]]
            curie = lexicon.lookup(" ".join(words), "phenotype")
            if curie and (best is None or size_left + size_right > best[0] + best[1]):
                best = (size_left, size_right, curie)
    if best is None:
        return None
    size_left, size_right, curie = best
    begin = start - len(" ".join(lefts[len(lefts) - size_left :])) - (1 if size_left else 0)
    stop = end + len(" ".join(rights[:size_right])) + (1 if size_right else 0)
    return curie, begin, stop


def _glued(folded: str, lexicon: Lexicon, covered: list[Mention]) -> list[Mention]:
    """A finding whose last word lost the space before "and" (or first word after it).

    "slurred speechand seizures" reads Slurred speech; "cramps andtingling" reads
    Paresthesia. The finding may have more words before (or after) the glued one.
    """
    found: list[Mention] = []
    for word in _GLUED.finditer(folded):
        start, end = word.span()
        if any(m.start <= start and end <= m.end for m in covered):
            continue
        text = word.group(0)
        reading = None
        if text.endswith(("and", "or")):  # "slurred speechand"
            stem_end = end - (3 if text.endswith("and") else 2)
            reading = _widest(folded, lexicon, start, stem_end, folded[start:stem_end],
                              left=True, right=False)
        if reading is None and text.startswith(("and", "or")):  # "cramps andtingling"
            at = start + (3 if text.startswith("and") else 2)
            reading = _widest(folded, lexicon, at, end, folded[at:end], left=False, right=True)
        if reading is not None:
            found.append(Mention("phenotype", *reading, "", "fused"))
    return found


_LONG_TOKEN = re.compile(rf"\b[a-z]{{{LONG_WORD},}}\b")


def _misspelt(folded: str, lexicon: Lexicon, covered: list[Mention]) -> list[Mention]:
    """Findings with a misspelt long word ("dilated cardiomyopthy", "retinal detachement").

    The word is read as the phenotype word it misspells (:func:`~raregraph.extract.typos.
    correct`), with up to two words before it and three after it for a longer name.
    """
    found: list[Mention] = []
    known = lexicon.long_words()
    for token in _LONG_TOKEN.finditer(folded):
        if token.group(0) in known:  # the usual case: a word some name uses
            continue
        start, end = token.span()
        if any(m.start <= start and end <= m.end for m in covered):
            continue
        fixed = correct(token.group(0), lexicon)
        if fixed is None:
            continue
        reading = _widest(folded, lexicon, start, end, fixed, left=True, right=True)
        if reading is not None:
            found.append(Mention("phenotype", *reading, "", "typo"))
    return found


def _fused_pair(text: str, at: int, lexicon: Lexicon) -> list[Mention]:
    """Two findings written without the space between them ("pleuritisarthritis")."""
    for cut in range(_SPLIT_MIN, len(text) - _SPLIT_MIN + 1):
        left = lexicon.lookup(text[:cut], "phenotype")
        right = lexicon.lookup(text[cut:], "phenotype")
        if left and right:
            return [Mention("phenotype", left, at, at + cut, "", "fused"),
                    Mention("phenotype", right, at + cut, at + len(text), "", "fused")]
    return []


_SINGULAR_IRREGULAR = {
    "teeth": "tooth",
    "feet": "foot",
    "vertebrae": "vertebra",
    "testes": "testis",
    "sinuses": "sinus",
}


def _singular(word: str) -> str:
    return _SINGULAR_IRREGULAR.get(word) or singular_word(word)


def _singular_phrase(phrase: str) -> str:
    head, _, last = phrase.rpartition(" ")
    return f"{head} {_singular(last)}" if head else _singular(last)


#: "the liver and spleen may be enlarged": a predicate adjective after a noun (list).
_MORE_ADJECTIVES = re.compile(r"(?:,? (?:and|or)|,) (?P<adj>[a-z]+)\b")
_COPULA = re.compile(
    # "joints that are loose": a relative clause names the subject before it too
    r" (?:(?:that|which) )?(?:is|are|was|were|becomes?|stays?|remains?|looks?|seems?|"
    r"appears?|grows?|gets?|turns?|"
    r"(?:may|can|might|often|usually|also) (?:be|become|stay|remain|look|get|turn)|"
    # "speech often becomes slurred": an adverb before the verb
    r"(?:often|usually|also|gradually|slowly|eventually|later|sometimes|soon|then|quickly) "
    r"(?:is|are|becomes?|gets?|turns?|grows?))"
    r"(?: (?:not|never|often|usually|also|commonly|very|so|particularly|sometimes|abnormally|"
    r"unusually|"
    r"too|quite|frequently|typically|generally|mostly|severely|mildly|markedly|slightly|"
    r"moderately|significantly|noticeably|somewhat|extremely|much|far|even)){0,2}"
    r" (?P<adj>[a-z]+)\b"
)
#: how a muscle finding or contracture narrowed by the place named after it is found
PLACED = "placed"
#: how a finding stated absent by its predicate is found ("the head is not enlarged"):
#: the pipeline reads such a mention as negated
DENIED_COPULA = "denied copula"
#: predicate adjectives that HPO names differently ("the kidneys become much larger")
_COPULA_SAME = {"larger": "enlarged", "bigger": "enlarged", "smaller": "small"}
#: kinds of a noun that HPO names by the noun itself ("thick fingernails": thick nails)
_HEAD_NOUNS = {"fingernails": "nails", "toenails": "nails", "fingernail": "nail",
               "toenail": "nail"}
#: "walking becomes harder": what is difficult
_DIFFICULT = {"hard": "difficult", "harder": "difficult", "difficult": "difficult"}
_SUBJECT = re.compile(
    r"\b(?P<list>[a-z]+(?: (?!and |or )[a-z]+)?(?:, (?:the )?[a-z]+(?: (?!and |or )[a-z]+)?)*"
    r"(?:,? (?:and|or) (?:the )?[a-z]+(?: (?!and |or )[a-z]+)?)?)$"
)
#: Modifiers that narrow a phenotype ("severe nearsightedness" -> "severe myopia").
_MODIFIERS = frozenset(
    {"severe", "profound", "mild", "moderate", "progressive", "sudden", "recurrent",
     "chronic", "acute", "patchy", "multiple", "bilateral", "unilateral", "congenital",
     "generalized", "episodic", "intermittent", "central", "peripheral", "focal",
     "diffuse", "partial", "complete", "total", "early", "late", "proximal", "distal",
     "absent", "small", "large", "short", "long", "thin", "thick", "narrow", "wide",
     "heavy", "high",
     "unconjugated", "conjugated"}
)
#: degrees of severity: a range of them ("mild to moderate") narrows nothing
_DEGREES = frozenset({"mild", "moderate", "severe", "profound"})
_MODIFIER_SAME = {"repeated": "recurrent", "recurring": "recurrent", "frequent": "recurrent",
                  "repeated attacks of": "recurrent", "recurrent attacks of": "recurrent",
                  "recurrent episodes of": "recurrent", "repeated episodes of": "recurrent",
                  "worsening": "progressive", "slow": "progressive", "gradual": "progressive",
                  # "long-lasting diarrhea", "long-term constipation": chronic
                  "long lasting": "chronic", "long term": "chronic", "ongoing": "chronic",
                  "lifelong": "chronic",
                  "very": "severe", "extreme": "high",
                  "attacks of": "recurrent", "episodes of": "recurrent",
                  "bouts of": "recurrent", "repeated bouts of": "recurrent",
                  "recurrent bouts of": "recurrent", "frequent bouts of": "recurrent",
                  "spells of": "episodic"}
#: what else a modifier may be in HPO's names, tried after it ("episodes of high blood
#: pressure": no recurrent hypertension, but Episodic hypertension)
_MODIFIER_ALSO = {"episodes of": "episodic", "attacks of": "episodic",
                  "repeated episodes of": "episodic", "recurrent episodes of": "episodic",
                  "spells of": "recurrent", "extreme": "severe"}
_BEFORE = re.compile(
    r"(?:(?P<phrase>(?:repeated|recurrent|frequent) (?:attacks|episodes|bouts) of|"
    r"attacks of|episodes of|bouts of|"
    r"spells of|"
    r"long lasting|long term)"
    r"|(?P<word>[a-z]+)) $"
)
#: findings whose words already say that they progress ("decline", "deterioration")
_DECLINE = re.compile(r"\b(?:declin|deteriorat)")
_RANGE_BEFORE = re.compile(r"\b(?P<low>[a-z]+) (?:to|or) $")
#: "infections again and again", "nosebleeds that come back repeatedly": recurrent
_AGAIN_AFTER = re.compile(
    r"^,?(?: (?:that|which)(?: [a-z]+){1,3})? (?:again and again|over and over(?: again)?|"
    r"repeatedly|time after time)\b"
)
#: "a fever that does not go away", "a cough that lasts for months": chronic or persistent
_LASTING_AFTER = re.compile(
    r"^,?(?: (?:that|which))? (?:(?:does|do|did|will|would) not|(?:doesn|don|won)['’]t|never) "
    r"(?:go away|get better|clear up|resolve|heal)\b"
    r"|^,?(?: (?:that|which))? (?:lasts?|persists?) (?:for )?(?:months|years)\b"
)
#: a time or side named after a finding, and HPO's modifier for it
_WHEN_SAME = {"after birth": "postnatal", "before birth": "prenatal",
              "during sleep": "nocturnal", "at night": "nocturnal",
              "in both ears": "bilateral", "in both eyes": "bilateral",
              "on both sides": "bilateral",
              # "shortness of breath during exercise": exertional (or exercise-induced)
              "during exercise": "exertional", "with exercise": "exertional",
              "after exercise": "exercise-induced", "on exertion": "exertional",
              "during exertion": "exertional"}
#: a second reading of a time named after a finding, tried after the first
_WHEN_ALSO = {"exertional": "exercise-induced", "exercise-induced": "exertional"}
_WHEN_AFTER = re.compile(rf"^ (?P<when>{'|'.join(_WHEN_SAME)})\b")
#: "hearing loss that gets worse over time": progressive
_WORSE_AFTER = re.compile(
    r"^,?(?: that| which)? (?:gets?|becomes?|grows?) (?:\w+ly )?worse\b(?: over time\b)?"
)
#: "hearing loss of the sensorineural type": the kind named after the finding.
_KIND_AFTER = re.compile(r"^ of (?:the |a )?(?P<kind>[a-z]+) (?:type|kind|form|variety)\b")
_SEX = {"males": "male", "men": "male", "boys": "male",
        "females": "female", "women": "female", "girls": "female"}
_SEX_WORDS = "|".join(_SEX)
_SEX_AFTER = re.compile(rf"^ in (?:affected )?(?P<sex>{_SEX_WORDS})\b")
_SEX_WORD = re.compile(rf"\b(?:{_SEX_WORDS})\b")
#: the last sex word before a mention, in its clause ("most men with X are infertile")
_SEX_BEFORE = re.compile(rf"\b(?P<sex>{_SEX_WORDS})\b(?![^,;.]*\b(?:{_SEX_WORDS})\b)[^,;.]*$")
_PLACE_ADVERBS = (
    r"(?:most|often|also|can|may|usually|sometimes|commonly|frequently|typically|mostly|"
    r"mainly|chiefly|especially|particularly|primarily|only|rarely|occasionally)"
)
#: the age of those affected, named in the clause: HPO's infantile and neonatal terms
_AGE = {"babies": "infantile", "baby": "infantile", "infants": "infantile",
        "infant": "infantile", "infancy": "infantile",
        "newborns": "neonatal", "newborn": "neonatal", "newborn babies": "neonatal",
        "first days of life": "neonatal", "first weeks of life": "neonatal",
        "first hours or days of life": "neonatal", "first hours of life": "neonatal",
        "first day of life": "neonatal", "first few days of life": "neonatal"}
_AGE_WORDS = "|".join(sorted(_AGE, key=len, reverse=True))
_AGE_WORD = re.compile(rf"\b(?:{_AGE_WORDS})\b")
_AGE_AFTER = re.compile(
    rf"^ (?:in|during|as|within) (?:the |their )?(?P<age>{_AGE_WORDS})\b"
)
#: "telangiectases on the lips, tongue and face": a phenotype placed in parts of the body.
_PLACE = re.compile(
    rf"^\)?(?: {_PLACE_ADVERBS})*"
    r"(?:(?: (?:form|forms|grow|grows|develop|develops|occur|occurs|appear|appears|arise|"
    rf"arises|are found|be found|is found)(?: {_PLACE_ADVERBS})*)?"
    r" (?:in|on|of|affecting|involving|around|near)| (?:affects?|involves?))(?: the | both | )"
    r"(?P<list>[a-z]+(?: (?!and |or )[a-z]+)?(?:, (?:the )?[a-z]+(?: (?!and |or )[a-z]+)?)*"
    r"(?:,? (?:and|or) (?:the )?[a-z]+(?: (?!and |or )[a-z]+)?)?)"
)
_DIFFICULTY = re.compile(
    r"\b(?:trouble|difficulty|difficulties|problems?|hard time) (?:with )?"
    r"(?P<list>[a-z]+ing(?: [a-z]+)?(?:(?:,|,? and|,? or) [a-z]+ing(?: [a-z]+)?)*)"
)
#: "trouble with speech and swallowing": nouns and gerunds after "with", one word each
_DIFFICULTY_WITH = re.compile(
    r"\b(?:trouble|difficulty|difficulties|problems?) with "
    r"(?P<list>[a-z]+(?:(?:,|,? and|,? or) [a-z]+)+)\b"
)


#: Lesions that HPO names only with their place: "cysts in the liver and pancreas".
_LESION = re.compile(
    r"\b(?:cysts?|tumou?rs?|cancers?|polyps?|growths|swelling|infections|sores|ulcers|"
    r"calcium deposits?|calcifications?)\b"
)
#: what HPO calls a lesion in its names ("facial edema" for "swelling of the face",
#: "Neoplasm of the pancreas" for "cancer of the pancreas")
_NEOPLASM_WORDS = ("tumor", "tumors", "tumour", "tumours", "cancer", "cancers")
_LESION_NAMES = {"swelling": "edema", "sores": "ulcers",
                 **dict.fromkeys(_NEOPLASM_WORDS, "neoplasm"),
                 # "calcium deposits in the brain": Cerebral calcification
                 **dict.fromkeys(("calcium deposits", "calcium deposit", "calcifications"),
                                 "calcification")}
#: "lung cancer", "kidney tumors": the place of a neoplasm named before it
_PLACE_BEFORE = re.compile(r"\b(?P<place>[a-z]+) $")


def _lesions(folded: str, phenotypes: list[Mention]) -> list[Mention]:
    """Lesion words outside the phenotype mentions, to be read with their place.

    They carry no id: :func:`_narrowed` reads them only in a narrower name.
    """
    if not (  # plain substring tests first: most sentences have none of these
        "cyst" in folded or "tumo" in folded or "polyp" in folded or "growths" in folded
        or "swelling" in folded or "infections" in folded or "cancer" in folded
        or "sores" in folded or "ulcers" in folded or "calci" in folded
    ):
        return []
    return [
        Mention("phenotype", "", match.start(), match.end(), "")
        for match in _LESION.finditer(folded)
        if not any(m.start <= match.start() and match.end() <= m.end for m in phenotypes)
    ]


def _sexed(sex: str, names: list[str]) -> list[str]:
    """HPO's ways of naming a finding of one sex.

    >>> _sexed("male", ["enlarged breast"])
    ['male enlarged breast', 'enlarged breast in males', 'enlarged male breast']
    """
    split = (name.rpartition(" ") for name in names)
    inside = [f"{head} {sex} {last}" for head, _, last in split if head]
    return [f"{sex} {n}" for n in names] + [f"{n} in {sex}s" for n in names] + inside


def _lookup_first(lexicon: Lexicon, candidates: list[str]) -> str | None:
    for candidate in candidates:
        curie = lexicon.lookup(candidate, "phenotype")
        if curie:
            return curie
    return None


#: how a finding read from a list item after "X after" is found (the pipeline reads no
#: treatment in such an item: "bleeding after tooth extraction" is not a treatment)
AFTER_LIST = "after list"
#: the next item of a list after a finding ("bleeding after surgery, tooth extraction or
#: childbirth")
_NEXT_ITEM = re.compile(r"(?:,|,? (?:and|or)) (?:an? |the )?(?P<item>[a-z]+(?: [a-z]+)?)")


def _after_list(folded: str, lexicon: Lexicon, phenotypes: list[Mention]) -> list[Mention]:
    """Each item of a list after "X after ...": the finding that "X after <item>" names.

    "Prolonged bleeding after surgery, tooth extraction or childbirth" reads Prolonged
    bleeding after surgery, after dental extraction and Post-partum hemorrhage.
    """
    found: list[Mention] = []
    for mention in list(phenotypes):
        text = folded[mention.start : mention.end]
        head, after, _ = text.partition(" after ")
        if not after:
            continue
        at = mention.end
        while item := _NEXT_ITEM.match(folded, at):
            words = item.group("item").split(" ")
            curie = None
            for size in (2, 1):  # "tooth extraction", else "childbirth"
                name = " ".join(words[:size])
                curie = _lookup_first(
                    lexicon, [f"{head} after {article}{name}" for article in ("", "an ", "a ")]
                )
                if curie:
                    break
            if curie is None:
                break
            start = item.start("item")
            found.append(Mention("phenotype", curie, start, start + len(name), "", AFTER_LIST))
            at = start + len(name)
    return found


#: bleeding said to go on, with what it follows a few words later: "bleeding that lasts a
#: long time after an injury, surgery or a tooth extraction", "bleed for longer than usual
#: after injuries or surgery"
_BLEEDING_AFTER = re.compile(
    r"\bbleed(?:s|ing)?\b(?P<gap>[^,.;:()]{0,45}?) after (?=[a-z])"
)
_ONE_TIME = re.compile(r"\b(?:start|begins?|starts|day|days|hours?|weeks?)\b")


def _bleeding_after(folded: str, lexicon: Lexicon) -> list[Mention]:
    """Each item that bleeding follows, read as "bleeding after <item>" (the lay rows)."""
    found: list[Mention] = []
    for match in _BLEEDING_AFTER.finditer(folded):
        if _ONE_TIME.search(match.group("gap")):
            continue  # "bleeding may start a day or more after the injury": when, not what
        at = match.end()
        while True:
            words = folded[at : at + 40].split(" ")
            curie, size = None, 0
            for size in (4, 3, 2, 1):  # "a tooth is pulled", "tooth extraction", "surgery"
                name = " ".join(words[:size]).rstrip(",;.")
                curie = lexicon.lookup(f"bleeding after {name}", "phenotype")
                if curie:
                    break
            if curie is None:
                break
            found.append(Mention("phenotype", curie, at, at + len(name), "", AFTER_LIST))
            item = _NEXT_BLEEDING_ITEM.match(folded, at + len(name))
            if item is None:
                break
            at = item.start("item")
    return found


#: the next item, "after" repeated or not ("after a tooth is pulled, after surgery")
_NEXT_BLEEDING_ITEM = re.compile(r"(?:,|,? (?:and|or)) (?:after )?(?P<item>[a-z])")


#: trouble breathing, and a newborn named in the same sentence: Neonatal respiratory
#: distress ("some newborns have a small jaw and trouble breathing", "which makes breathing
#: hard for a newborn")
_BREATHING_TROUBLE = re.compile(
    r"\b(?:(?:trouble|difficulty|difficulties|problems?|distress) (?:with )?breathing|"
    r"breathing (?:trouble|difficulty|difficulties|problems?|distress)|"
    r"respiratory (?:distress|problems?|difficulty|difficulties)|"
    r"breathing (?:is |was |may be |can be |becomes )?(?:hard|difficult)|"
    r"(?:hard|difficult) to breathe)\b"
)
_NEWBORN = re.compile(
    r"\b(?:newborns?|newborn bab(?:y|ies)|neonates?|first (?:hours|days|weeks) of life)\b"
)
#: Neonatal respiratory distress
_NEONATAL_DISTRESS = "HP:0002643"


def _newborn_breathing(folded: str) -> list[Mention]:
    """Trouble breathing in a sentence about newborns: HPO's neonatal respiratory distress."""
    if _NEWBORN.search(folded) is None:
        return []
    return [Mention("phenotype", _NEONATAL_DISTRESS, m.start(), m.end(), "", AGE)
            for m in _BREATHING_TROUBLE.finditer(folded)]


#: calcium deposits and where they are: "calcium deposits may build up in the brain",
#: "the adrenal glands often have calcium deposits" (HPO's "X calcification")
_DEPOSITS_IN = re.compile(
    r"\bcalcium deposits?\b(?: (?!in\b|on\b)[a-z]+){0,3}? (?:in|on|within|inside) "
    r"(?:the |a |their )?(?P<place>[a-z]+(?: [a-z]+)?)"
)
_DEPOSITS_HAVE = re.compile(
    r"\b(?P<place>[a-z]+(?: [a-z]+)?) (?:(?:often|may|can|also|usually|sometimes) )?"
    r"(?:have|has|develop|develops|show|shows|contain|contains) calcium deposits?\b"
)


def _calcium_deposits(folded: str, lexicon: Lexicon) -> list[Mention]:
    """Calcium deposits read as the calcification of the place they are in."""
    found: list[Mention] = []
    for pattern in (_DEPOSITS_IN, _DEPOSITS_HAVE):
        for match in pattern.finditer(folded):
            words = match.group("place").split(" ")
            places = dict.fromkeys([" ".join(words), _singular_phrase(" ".join(words)),
                                    _singular(words[-1]), words[0]])
            candidates = [form.format(p) for p in places
                          for form in ("{} calcification", "calcification of the {}")]
            curie = _lookup_first(lexicon, candidates)
            if curie:
                found.append(Mention("phenotype", curie, match.start(), match.end(), "",
                                     "calcium deposits"))
    return found


#: kidney function said to decline over time: Chronic kidney disease ("kidney function
#: slowly worsens", "the kidneys gradually lose their ability to filter the blood",
#: "gradual kidney failure", "the kidneys slowly fail")
_KIDNEY_DECLINE = re.compile(
    r"\b(?:kidney|renal) function (?:(?:usually|often|may|can|then|also|slowly|gradually|"
    r"steadily|progressively) )*(?:declines?|worsens?|decreases?|deteriorates?|falls?)\b"
    r"|\bkidneys? (?:(?:may|can|then|often|usually) )?(?:slowly|gradually|progressively|"
    r"steadily) (?:lose|loses|losing|fail|fails|failing)\b"
    r"|\b(?:gradual|slow|slowly progressive|progressive) (?:kidney|renal) failure\b"
    r"|\b(?:gradual|slow|progressive|steady) (?:decline|loss|worsening) (?:of|in) "
    r"(?:the )?(?:kidney|renal) function\b"
)
#: Chronic kidney disease
_CKD = "HP:0012622"


#: the breastbone (chest) that sinks in or sticks out, a few words after it is named: "the
#: breastbone may stick out or sink in", "a chest that sinks in or sticks out"
_CHEST = re.compile(r"\b(?:breastbone|chest|sternum)\b")
_CHEST_SHAPE = re.compile(
    r"\b(?P<in>sinks? in(?:ward)?|sunk(?:en)? in)\b|\b(?P<out>sticks? out|protrudes?)\b"
)
_CHEST_NAMES = {"in": "sunken chest", "out": "pigeon chest"}
_CLAUSE_TURN = re.compile(r"[,;:.]|\b(?:but|while|whereas|and the|and their)\b")


def _chest_shape(folded: str, lexicon: Lexicon) -> list[Mention]:
    """Pectus excavatum or carinatum read from what the named breastbone (chest) does."""
    found: list[Mention] = []
    for chest in _CHEST.finditer(folded):
        for shape in _CHEST_SHAPE.finditer(folded, chest.end(), chest.end() + 45):
            if _CLAUSE_TURN.search(folded, chest.end(), shape.start()):
                break  # "the chest is normal, but the ears stick out"
            curie = lexicon.lookup(_CHEST_NAMES[shape.lastgroup or "in"], "phenotype")
            if curie:
                found.append(Mention("phenotype", curie, shape.start(), shape.end(), ""))
    return found


#: breaking easily, said after the bones are named as the subject ("the bones can become
#: thin and break easily", "they are brittle and break easily")
_BREAK_EASILY = re.compile(r"\b(?:break|breaks|fracture|fractures)(?: (?:very|more|too))? easily\b")
_BONES = re.compile(r"\bbones?\b")


def _bones_break(folded: str, lexicon: Lexicon) -> list[Mention]:
    """Fragile bones read from "break easily" in a sentence that has named the bones."""
    found: list[Mention] = []
    for verb in _BREAK_EASILY.finditer(folded):
        if _BONES.search(folded, 0, verb.start()):
            curie = lexicon.lookup("bones break easily", "phenotype")
            if curie:
                found.append(Mention("phenotype", curie, verb.start(), verb.end(), ""))
    return found


#: "conditions that make the skin fragile": the object and its predicate adjective
_MAKES = re.compile(
    r"\b(?:make|makes|made|making|leave|leaves|left) (?:the |their |his |her )?"
    r"(?=(?P<words>[a-z]+ [a-z]+(?: [a-z]+){0,2}))"
)
_MAKES_DEGREE = frozenset({"very", "so", "too", "abnormally", "unusually"})


#: people said to be short or tall: "many children are short", "by school age they are
#: much shorter than their peers" (not "short of breath")
_PERSON_STATURE = re.compile(
    r"\b(?:people|persons|children|kids|adults|boys|girls|men|women|they|individuals|"
    r"patients|teens|teenagers)\b[^,;.()]{0,40}?"
    r" (?:is|are|were|become|becomes|grow up to be|end up)"
    r"(?: (?:often|usually|also|very|much|quite|rather|somewhat|slightly|relatively|"
    r"unusually|noticeably|typically|generally|mildly|markedly|significantly|always)){0,2}"
    r" (?P<adj>short|shorter|tall|taller)\b(?! of\b)"
)
_MILDLY = re.compile(r"\b(?:somewhat|slightly|mildly|a little|a bit) ")
_STATURE = {"short": "short stature", "shorter": "short stature",
            "tall": "tall stature", "taller": "tall stature"}


def _stature(folded: str, lexicon: Lexicon) -> list[Mention]:
    """Short or tall stature said of the people affected."""
    found: list[Mention] = []
    for match in _PERSON_STATURE.finditer(folded):
        name = _STATURE[match.group("adj")]
        # "somewhat shorter than their relatives": HPO's mild short stature
        mild = _MILDLY.search(match.group(), max(0, match.start("adj") - match.start() - 12))
        curie = _lookup_first(lexicon, [f"mild {name}", name] if mild else [name])
        if curie:
            found.append(Mention("phenotype", curie, match.start("adj"), match.end("adj"), "",
                                 "copula"))
    return found


def _made(folded: str, lexicon: Lexicon) -> list[Mention]:
    """Findings stated by "make (leave) the X Y": "conditions that make the skin fragile"."""
    found: list[Mention] = []
    for made in _MAKES.finditer(folded):
        words = made.group("words").split(" ")
        for size in (1, 2):  # the object's noun: one word or two, then the adjective
            at = size
            while at < len(words) and words[at] in _MAKES_DEGREE:
                at += 1
            if at == len(words):
                continue
            adjective, noun, head = words[at], " ".join(words[:size]), words[size - 1]
            if adjective in _DIFFICULT:  # "makes walking hard": difficulty walking
                candidates = [f"difficulty {noun}", f"{noun} difficulties"]
            elif lexicon.starts_phenotype(adjective):
                candidates = [f"{adjective} {noun}", f"{adjective} {head}"]
            else:
                continue
            curie = _lookup_first(lexicon, candidates)
            if curie:
                end = made.start("words") + len(" ".join(words[: at + 1]))
                found.append(Mention("phenotype", curie, made.start("words"), end, "", "copula"))
                break
    return found


def _nails_together(items: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Fingernails and toenails listed together are the nails ("Ridged nail", not each)."""
    words = [item.rpartition(" ")[2] for _, _, item in items]
    if not ({"fingernails", "fingernail"} & set(words) and {"toenails", "toenail"} & set(words)):
        return items
    nails = [k for k, w in enumerate(words) if w.startswith(("fingernail", "toenail"))]
    merged = (items[nails[0]][0], items[nails[-1]][1], "nails")
    return [merged if k == nails[0] else item for k, item in enumerate(items) if k not in nails[1:]]


def _copula(folded: str, lexicon: Lexicon) -> list[Mention]:
    found: list[Mention] = []
    if " made " in folded or " make" in folded or " leave" in folded or " left " in folded:
        found += _made(folded, lexicon)
    if "short" in folded or "tall" in folded:
        found += _stature(folded, lexicon)
    for verb in _COPULA.finditer(folded):
        # "the hair is sparse and brittle": every adjective of the predicate; after a
        # relative pronoun, the adjective's own word only ("high arched eyebrows that are
        # thin" keeps its finding before "that")
        relative = verb.group(0).startswith((" that ", " which "))
        first = verb.start("adj") if relative else None
        # "the liver and spleen are not enlarged": stated absences (read as negated)
        denied = " not " in verb.group(0) or " never " in verb.group(0)
        how = DENIED_COPULA if denied else "copula"
        adjectives: list[tuple[str, int | None]] = [(verb.group("adj"), first)]
        at = verb.end()
        while more := _MORE_ADJECTIVES.match(folded, at):
            adjectives.append((more.group("adj"), more.start("adj")))
            at = more.end()
        window = max(0, verb.start() - 60)
        # "the nails, which become thick": the subject before the relative's comma
        subject_end = verb.start() - (relative and folded[verb.start() - 1 : verb.start()] == ",")
        match = _SUBJECT.search(folded, window, subject_end)
        if match is None:
            continue
        items = _nails_together(_items(folded, match.start("list"), match.group("list")))
        places = _limb_places([singular_word(item.rpartition(" ")[2]) for _, _, item in items])
        for adjective, adjective_start in adjectives:
            adjective = _COPULA_SAME.get(adjective, adjective)
            adjective = _DIFFICULT.get(adjective, adjective)
            if adjective != "difficult" and not lexicon.starts_phenotype(adjective):
                continue
            limbs = lexicon.lookup(f"{adjective} limbs", "phenotype") if places else None
            if limbs:  # "the arms and legs are short": the limbs' term, not one each
                stop = verb.end() if places[-1] == len(items) - 1 else items[places[-1]][1]
                found.append(Mention("phenotype", limbs, items[places[0]][0], stop, "", how))
            for index, (start, end, item) in enumerate(items):
                if limbs and index in places:
                    continue
                words = item.split(" ")
                stop = verb.end() if index == len(items) - 1 else end
                if adjective_start is not None:  # a later adjective: its own word only
                    start, stop = adjective_start, adjective_start + len(adjective)
                for size in (2, 1):
                    noun = " ".join(words[-size:])
                    if len(words) < size:
                        continue
                    if adjective == "difficult":  # "feeding is often difficult"
                        candidates = [f"{noun} difficulties", f"difficulty {noun}"]
                    else:
                        candidates = [f"{adjective} {noun}",
                                      f"{adjective} {_singular_phrase(noun)}"]
                        if noun in _HEAD_NOUNS:  # "fingernails ... thickened": thick nails
                            candidates.append(f"{adjective} {_HEAD_NOUNS[noun]}")
                    curie = _lookup_first(lexicon, candidates)
                    if curie:
                        found.append(Mention("phenotype", curie, start, stop, "", how))
                        break
    return found


def _placed(names: list[str], places: tuple[str, ...]) -> list[str]:
    """HPO's two ways of naming a finding by its place: "liver cyst", "cyst of the liver".

    The places are tried in order, duplicates once: the singular first, then the word as
    written ("pancreas", "lens").
    """
    parts = dict.fromkeys(places)
    return [f"{part} {n}" for part in parts for n in names] + [
        f"{n} of the {part}" for part in parts for n in names
    ]


def _narrowed(folded: str, lexicon: Lexicon, mentions: list[Mention]) -> list[Mention]:
    """Read modifiers, places and the sex of those affected around phenotype mentions."""
    found: list[Mention] = []
    sexes = _SEX_WORD.search(folded) is not None
    ages = _AGE_WORD.search(folded) is not None
    for mention in mentions:
        label = lexicon.labels.get(mention.curie, "").lower() or _LESION_NAMES.get(
            folded[mention.start : mention.end], ""
        )
        text = " ".join(folded[mention.start : mention.end].split())
        names = [n for n in dict.fromkeys((label, text, _singular_phrase(text))) if n]

        def narrower(
            candidates: list[str], start: int, end: int, how: str, own: str = mention.curie
        ) -> str | None:
            """Look the candidates up; keep a reading other than the mention's own."""
            curie = _lookup_first(lexicon, candidates)
            if curie and curie != own:
                found.append(Mention("phenotype", curie, start, end, "", how))
            return curie

        before = _BEFORE.search(folded, max(0, mention.start - 40), mention.start)
        if before:
            modifier = before.group("phrase") or before.group("word")
            if modifier.endswith("ly") and modifier[:-2] in _MODIFIERS:
                modifier = modifier[:-2]
            also = _MODIFIER_ALSO.get(modifier)
            modifier = _MODIFIER_SAME.get(modifier, modifier)
            low = _RANGE_BEFORE.search(folded, max(0, before.start() - 20), before.start())
            if low and low.group("low") in _DEGREES and modifier in _DEGREES:
                pass  # "mild to moderate X": a range of degrees is X itself (as HPO annotates)
            elif modifier == "progressive" and _DECLINE.search(text):
                pass  # "a slow decline in thinking skills": a decline is progressive itself
            elif modifier in _MODIFIERS:
                candidates = [
                    candidate
                    for word in (modifier, also) if word
                    for candidate in (*(f"{word} {n}" for n in names),
                                      *(f"{n}, {word}" for n in names))
                ]
                narrower(candidates, before.start(), mention.end, "modifier")
        after = folded[mention.end : mention.end + 80]
        sex = _SEX_AFTER.match(after)
        if sex:
            narrower(_sexed(_SEX[sex.group("sex")], names),
                     mention.start, mention.end + sex.end(), "sex")
        elif sexes:
            # "most men with the condition are infertile": the sex named before, same clause
            subject = _SEX_BEFORE.search(folded, max(0, mention.start - 50), mention.start)
            if subject:  # the finding's own span: the subject may be far before it
                narrower(_sexed(_SEX[subject.group("sex")], names),
                         mention.start, mention.end, "sex")
        if ages:
            # "floppy muscles in infancy", "low blood sugar in the first days of life": an age
            # named after the finding narrows it (named as the subject, it does not: curators
            # keep "infants have feeding problems" as Feeding difficulties)
            age = _AGE_AFTER.match(after)
            if age:
                period = _AGE[age.group("age")]
                candidates = (
                    [f"neonatal {n}" for n in names] if period == "neonatal"
                    else [f"infantile {n}" for n in names] + [f"{n} in infancy" for n in names]
                )
                narrower(candidates, mention.start, mention.end + age.end(), "modifier")
        again = _AGAIN_AFTER.match(after)
        if again:  # "infections again and again", "nosebleeds that come back repeatedly"
            narrower([f"recurrent {n}" for n in names], mention.start,
                     mention.end + again.end(), "modifier")
        lasting = _LASTING_AFTER.match(after)
        if lasting:  # "diarrhea that does not go away": chronic (or persistent)
            narrower([f"{word} {n}" for word in ("chronic", "persistent") for n in names],
                     mention.start, mention.end + lasting.end(), "modifier")
        when = _WHEN_AFTER.match(after)
        if when:  # "growth delay after birth": postnatal; "in both ears": bilateral
            modifier = _WHEN_SAME[when.group("when")]
            words = [modifier, *([_WHEN_ALSO[modifier]] if modifier in _WHEN_ALSO else [])]
            narrower([f"{word} {n}" for word in words for n in names], mention.start,
                     mention.end + when.end(), "modifier")
        worse = _WORSE_AFTER.match(after)
        if worse:  # "hearing loss that gets worse over time" = "progressive hearing loss"
            narrower([f"progressive {n}" for n in names], mention.start,
                     mention.end + worse.end(), "modifier")
        kind = _KIND_AFTER.match(after)
        if kind:
            narrower([f"{kind.group('kind')} {n}" for n in names],
                     mention.start, mention.end + kind.end(), "kind")
        if text in _NEOPLASM_WORDS:
            place_before = _PLACE_BEFORE.search(folded, max(0, mention.start - 30), mention.start)
            if place_before:  # "lung cancer"; "pancreatic cancer": of the pancreas
                word = place_before.group("place")
                places = (_singular(word), word, *lexicon.anatomy_nouns.get(word, ()))
                narrower(_placed(names, places), place_before.start(), mention.end, "place")
        place = _PLACE.match(after)
        if place:
            offset = mention.end
            items = _items(after, place.start("list"), place.group("list"))
            heads = [_singular(item.split()[0]) for _, _, item in items]
            limbs = None
            limb_places = _limb_places(heads)
            if limb_places:  # "weakness in the arms and legs"
                first = limb_places[0]
                begin = mention.start if first == 0 else offset + items[first][0]
                end_of_list = offset + items[-1][0] + len(items[-1][2].split()[0])
                limbs = narrower([f"limb {n}" for n in names], begin, end_of_list, "place")
            for index, (start, end, item) in enumerate(items):
                if limbs and index in limb_places:
                    continue
                begin = mention.start if start == place.start("list") else offset + start
                curie = narrower(_placed(names, (_singular_phrase(item), item)),
                                 begin, offset + end, "place")
                word, _, rest = item.partition(" ")
                if curie is None and rest:
                    # the place may be one word before the clause goes on ("sores on the
                    # genitals are common"); the finding as written first ("cancers of the
                    # skin and breast occur": breast cancer, not neoplasm of the breast)
                    written_first = [*names[1:], *names[:1]]
                    narrower(_placed(written_first, (_singular(word), word)),
                             begin, offset + end, "place")
    return found


#: "extra fingers or toes", "short fingers and toes": a hand finding shared with the feet
_AND_TOES = re.compile(r",? (?:and|or|and/or) (?:the |their )?(?P<word>toes|feet)\b")
#: HPO's hand words and their foot counterparts ("Hand polydactyly": "Foot polydactyly")
_FOOT_WORDS = {"hand": "foot", "hands": "feet", "finger": "toe", "fingers": "toes"}
#: the word for fingers and toes together ("short fingers and toes": Short digit)
_DIGIT_WORDS = {"finger": "digit", "fingers": "digits"}


def _digits(folded: str, lexicon: Lexicon, mentions: list[Mention]) -> list[Mention]:
    """Read a hand finding that the text shares with the feet as one finding of both.

    "short fingers and toes" is HPO's Short digit; "extra fingers or toes" has no digit
    name, so it reads as the term that Hand and Foot polydactyly both narrow
    (Polydactyly). Without either, the foot reading joins the hand one.
    """
    found: list[Mention] = []
    for mention in mentions:
        text = folded[mention.start : mention.end]
        head, _, last = text.rpartition(" ")
        if not head or last not in _FOOT_WORDS:
            continue
        toes = _AND_TOES.match(folded, mention.end)
        if toes is None or _singular(toes.group("word")) != _singular(_FOOT_WORDS[last]):
            continue
        end = toes.end()
        digits = _DIGIT_WORDS.get(last)
        whole = lexicon.lookup(f"{head} {digits}", "phenotype") if digits else None
        if whole is None:
            label = lexicon.labels.get(mention.curie, "").lower()
            feet = _lookup_first(lexicon, [
                f"{head} {toes.group('word')}",
                " ".join(_FOOT_WORDS.get(word, word) for word in label.split(" ")),
            ])
            if feet is None or feet == mention.curie:
                continue
            shared = set(lexicon.hp_parents.get(mention.curie, ())) & set(
                lexicon.hp_parents.get(feet, ())
            )
            if len(shared) != 1:
                found.append(Mention("phenotype", feet, toes.start("word"), end, "", "digits"))
                continue
            whole = shared.pop()
        found.append(Mention("phenotype", whole, mention.start, end, "", "digits"))
    return found


def _difficulties(folded: str, lexicon: Lexicon) -> list[Mention]:
    found: list[Mention] = []
    for match in _DIFFICULTY.finditer(folded):
        listed = match.group("list")
        for item in re.finditer(r"[a-z]+ing(?: [a-z]+)?", listed):
            start = match.start("list") + item.start()
            words = item.group(0).split(" ")
            for size in (2, 1):
                if len(words) < size:
                    continue
                phrase = " ".join(words[:size])
                curie = _lookup_first(lexicon, [f"difficulty {phrase}"])
                if curie:
                    begin = match.start() if start == match.start("list") else start
                    found.append(Mention("phenotype", curie, begin, start + len(phrase), "",
                                         "difficulty"))
                    break
    if " with " not in folded:
        return found
    for match in _DIFFICULTY_WITH.finditer(folded):
        for item in re.finditer(r"[a-z]+", match.group("list")):
            word = item.group(0)
            if word in ("and", "or"):
                continue
            candidates = [f"difficulty {word}", f"{word} problems", f"{word} difficulties"]
            curie = _lookup_first(lexicon, candidates)
            if curie:
                start = match.start("list") + item.start()
                begin = match.start() if start == match.start("list") else start
                found.append(Mention("phenotype", curie, begin, start + len(word), "",
                                     "difficulty"))
    return found


def _split_coordinations(mentions: list[Mention]) -> list[Mention]:
    """Drop a name that spans two or more coordinated readings, keeping the readings.

    "enlargement of the liver and spleen" names Hepatosplenomegaly as a whole, but the
    sentence states two findings, each annotated on its own (Hepatomegaly, Splenomegaly).
    """
    parts = [m for m in mentions if m.how == "coordination"]
    return [
        m for m in mentions
        if m.how in ("coordination", "digits")
        or sum(m.start <= p.start and p.end <= m.end for p in parts) < 2
    ]


def _split_pairs(folded: str, lexicon: Lexicon, mentions: list[Mention]) -> list[Mention]:
    """Read a name of two findings joined by "and" as the two findings.

    "nausea and vomiting" is one HPO term, but a curator annotates Nausea and Vomiting;
    "delayed speech and language development" stays whole ("language development" is
    not a finding).
    """
    found: list[Mention] = []
    for mention in mentions:
        if folded.find(" and ", mention.start, mention.end) < 0 or mention.how != "lexicon":
            found.append(mention)
            continue
        left, joined, right = folded[mention.start : mention.end].partition(" and ")
        if joined:
            first = lexicon.lookup(left, "phenotype")
            second = lexicon.lookup(right, "phenotype")
            if first and second and mention.curie not in (first, second):
                at = mention.start + len(left) + len(joined)
                found.append(Mention("phenotype", first, mention.start,
                                     mention.start + len(left), "", "coordination"))
                found.append(Mention("phenotype", second, at, mention.end, "", "coordination"))
                continue
        found.append(mention)
    return found


#: An organ that fails or stops working ("the kidneys may stop working": kidney failure),
#: not one that fails to do something ("the kidneys fail to hold on to salt").
_FAILING = re.compile(
    r"\b(?P<organ>[a-z]+) (?:(?:may|can|will|eventually|often|gradually|slowly|later|then|"
    r"also|sometimes|begins? to|start to|starts to) )*"
    r"(?:fails?|failed|failing|stops? working|stopped working|shuts? down)\b(?! to\b)"
)


_THE_NOUN = re.compile(r"\b(?:the|their|his|her) (?P<noun>[a-z]+)\b")


def _failing(folded: str, lexicon: Lexicon) -> list[Mention]:
    """Organs said to fail or to stop working, read as HPO's failure of the organ."""
    found: list[Mention] = []
    for match in _FAILING.finditer(folded):
        organ = match.group("organ")
        if organ == "and":  # "the liver becomes scarred and stops working": its subject
            clause = max(folded.rfind(mark, 0, match.start()) for mark in ",;.") + 1
            subjects = list(_THE_NOUN.finditer(folded, clause, match.start()))
            organ = subjects[-1].group("noun") if subjects else organ
        curie = _lookup_first(lexicon, [f"{singular_word(organ)} failure", f"{organ} failure"])
        if curie:
            found.append(Mention("phenotype", curie, match.start(), match.end(), "", "failing"))
    return found


def find_mentions(sentence: str, lexicon: Lexicon | None = None) -> list[Mention]:
    """Return the mentions of every kind in ``sentence`` (overlaps resolved per kind)."""
    lexicon = lexicon or get_lexicon()
    folded = fold(sentence)
    by_kind: dict[str, list[Mention]] = {}
    best = lexicon.best
    for start, end, key in lexicon.matches(folded):
        for kind, curie in best(key):
            found = by_kind.get(kind)
            if found is None:
                found = by_kind[kind] = []
            found.append(Mention(kind, curie, start, end, ""))
    if " and " in folded or " or " in folded:
        for mention in _shared_noun(folded, lexicon):
            by_kind.setdefault(mention.kind, []).append(mention)
    phenotypes = by_kind.setdefault("phenotype", [])
    phenotypes += _coordinated(folded, lexicon)
    if ", " in folded or " and " in folded or " or " in folded:
        phenotypes += _adjective_list(folded, lexicon)
    phenotypes += _copula(folded, lexicon)
    phenotypes += _difficulties(folded, lexicon)
    if "fail" in folded or "working" in folded or "shut" in folded:
        phenotypes += _failing(folded, lexicon)
    if "easily" in folded:
        phenotypes += _bones_break(folded, lexicon)
    if "calcium deposit" in folded:
        phenotypes += _calcium_deposits(folded, lexicon)
    if "kidney" in folded or "renal" in folded:
        phenotypes += [Mention("phenotype", _CKD, m.start(), m.end(), "", "kidney decline")
                       for m in _KIDNEY_DECLINE.finditer(folded)]
    if "breath" in folded or "respirat" in folded:
        phenotypes += _newborn_breathing(folded)
    if "breastbone" in folded or "chest" in folded or "sternum" in folded:
        phenotypes += _chest_shape(folded, lexicon)
    if " after " in folded:
        phenotypes += _after_list(folded, lexicon, phenotypes)
        if "bleed" in folded:
            phenotypes += _bleeding_after(folded, lexicon)
    phenotypes += [Mention("phenotype", curie, start, end, "", "measurement")
                   for curie, start, end in find_measurements(folded, lexicon)]
    lesions = _lesions(folded, phenotypes)
    if phenotypes or lesions:
        phenotypes += _narrowed(folded, lexicon, [*phenotypes, *lesions])
    if "toes" in folded or "feet" in folded:
        phenotypes += _digits(folded, lexicon, phenotypes)
    covered = [m for ms in by_kind.values() for m in ms]
    glued = _glued(folded, lexicon, covered) if "and" in folded or "or" in folded else []
    phenotypes += glued
    phenotypes += _fused(folded, lexicon, covered, glued)
    phenotypes += _misspelt(folded, lexicon, covered)
    if " and " in folded:
        phenotypes = by_kind["phenotype"] = _split_pairs(folded, lexicon, phenotypes)
    if any(m.how == "coordination" for m in phenotypes):
        by_kind["phenotype"] = _split_coordinations(phenotypes)
    result: list[Mention] = []
    for kind in sorted(by_kind):
        for mention in longest(by_kind[kind], folded):
            text = sentence[mention.start : mention.end]
            result.append(
                Mention(mention.kind, mention.curie, mention.start, mention.end, text, mention.how)
            )
    return _with_places(sentence, folded, lexicon, result)


def _with_places(
    sentence: str, folded: str, lexicon: Lexicon, found: list[Mention]
) -> list[Mention]:
    """Add the findings read with their place or sense (muscles, joints, senses).

    They are read beside the other findings, after the overlaps are resolved (a span may
    cover some: "weakness and numbness in the hands and feet"); the vaguer "weakness" or
    "contractures" of the same words gives way to them later.
    """
    if "weak" in folded or "wast" in folded or "atroph" in folded or "thinning" in folded or (
        "stiff" in folded or "spastic" in folded
    ):
        placed = muscle_places(folded, lexicon)
        readings = _placed_mentions(sentence, placed, lexicon, found, _VAGUE_MUSCLE)
        # "stiffness of the muscles (spasticity) that affects the legs": the place's
        # spasticity, not also Muscle stiffness
        stiff = [(m.start, m.end) for m in readings if _SPASTICITY in lexicon.hp_ancestors(m.curie)]
        found = [m for m in found if not (
            m.curie == _MUSCLE_STIFFNESS and any(s <= m.start and m.end <= e for s, e in stiff)
        )] + readings
    if "contracture" in folded:
        placed = joint_contractures(folded, lexicon)
        found += _placed_mentions(sentence, placed, lexicon, found, _VAGUE_CONTRACTURE)
    if "feel" in folded or "sens" in folded or "numb" in folded:
        placed = lost_senses(folded, lexicon)
        if placed:
            found = _with_senses(sentence, placed, lexicon, found)
    return found


def _with_senses(
    sentence: str, placed: list[tuple[str, int, int]], lexicon: Lexicon, found: list[Mention]
) -> list[Mention]:
    """Add the senses read (:mod:`raregraph.extract.senses`).

    Distal numbness replaces the Hypoesthesia of its words.
    """
    distal = [(start, end) for curie, start, end in placed if curie == DISTAL]
    kept = [
        m for m in found
        if not (m.curie == _HYPOESTHESIA and any(s <= m.start and m.end <= e for s, e in distal))
    ]
    return kept + _placed_mentions(sentence, placed, lexicon, kept, frozenset())


_HYPOESTHESIA = "HP:0033748"


#: the vague readings of muscle weakness and wasting, and of contractures, that a place
#: narrows
_SPASTICITY, _MUSCLE_STIFFNESS = "HP:0001257", "HP:0003552"
_VAGUE_MUSCLE = frozenset({"HP:0001324", "HP:0003202", _SPASTICITY, _MUSCLE_STIFFNESS})
_VAGUE_CONTRACTURE = frozenset({"HP:0034392", "HP:0001371", "HP:0002828"})


def _placed_mentions(
    sentence: str,
    placed: list[tuple[str, int, int]],
    lexicon: Lexicon,
    found: list[Mention],
    vague: frozenset[str],
) -> list[Mention]:
    """Findings read with their place (:mod:`raregraph.extract.muscles`, ``.joints``).

    A reading that the words already give (the same term, or a narrower term of their
    own: "weakness of the diaphragm") is not read again.
    """
    readings = []
    for curie, start, end in placed:
        own = vague & lexicon.hp_ancestors(curie)
        if any(
            m.kind == "phenotype" and m.start < end and start < m.end
            and (m.curie == curie or (
                m.curie not in vague and own & lexicon.hp_ancestors(m.curie)
            ))
            for m in found
        ):
            continue
        readings.append(Mention("phenotype", curie, start, end, sentence[start:end], PLACED))
    return readings
