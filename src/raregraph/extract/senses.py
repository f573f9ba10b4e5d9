"""Read lost feeling by sense and by place: "a reduced sense of pain and temperature".

Lay text says which sense is dulled ("lose the sense of vibration", "the ability to sense
temperature is impaired", "they feel pain less than others do") and where feeling is lost
("numbness in the feet", "lose feeling in the hands and feet"); HPO has a term for each
sense (Impaired vibratory sensation, Impaired temperature sensation, Impaired pain
sensation, Impaired tactile sensation, Impaired proprioception) and one for loss of
feeling in the hands and feet (Distal sensory impairment).

* A sense counts when a word of loss comes before it in its clause ("loss of the ability
  to feel pain and temperature", "lose feeling in the feet, especially the sense of
  vibration"), when its clause then calls it reduced ("feeling for vibration is also
  reduced"), or in "feel X less". A sense called normal is not read here (see
  :func:`raregraph.extract.negation.normal_statements`).
* Numbness or lost feeling followed at once by the hands, feet, fingers or toes (and no
  other place) is Distal sensory impairment, read instead of Hypoesthesia.

>>> from raregraph.extract.lexicon import get_lexicon
>>> [c for c, _, _ in lost_senses("a reduced sense of pain and temperature", get_lexicon())]
['HP:0007328', 'HP:0010829']
>>> [c for c, _, _ in lost_senses("some men have numbness in the feet", get_lexicon())]
['HP:0002936']
"""

from __future__ import annotations

import re

from raregraph.extract.lexicon import Lexicon

__all__ = ["DISTAL", "lost_senses"]

#: Distal sensory impairment: what numbness of the hands and feet reads
DISTAL = "HP:0002936"
#: a sense as lay text names it, and HPO's name for its impairment
_SENSES = {
    "pain": "impaired pain sensation",
    "temperature": "impaired temperature sensation",
    "heat and cold": "impaired temperature sensation",
    "hot and cold": "impaired temperature sensation",
    "vibration": "impaired vibratory sensation",
    "vibrations": "impaired vibratory sensation",
    "touch": "impaired tactile sensation",
    "light touch": "impaired tactile sensation",
    "position": "impaired proprioception",
    "joint position": "impaired proprioception",
}
_SENSE = "|".join(sorted((re.escape(s) for s in _SENSES), key=len, reverse=True))
#: where a sense is named: "sense of X", "ability to feel X", "feeling for X"
_NAMED = re.compile(
    r"\b(?:senses? of|ability to (?:feel|sense)|feeling (?:for|of)|sensation of|"
    r"perception of|sensitivity to|feel|sense)"
    rf" (?P<list>(?:{_SENSE})(?:(?:,| and| or|, and|, or) (?:{_SENSE}))*)\b"
)
_LOSS_BEFORE = re.compile(
    r"\b(?:los(?:e|es|s|ing|t)|reduced|decreased|diminished|impaired|poor|less|"
    r"dulled|lack of)\b(?![^,;.]*\b(?:but|while|although)\b)[^;.]{0,60}$"
)
_REDUCED_AFTER = re.compile(
    r"^ (?:is|are)(?: (?:also|often|usually|much|very|mildly|markedly|severely))?"
    r" (?:reduced|impaired|lost|decreased|diminished|absent|poor|dulled)\b"
)
_LESS_AFTER = re.compile(r"^ less\b")
#: vibration sense lost in the feet or legs: HPO's terms for the ankles and lower limbs
_VIBRATION_PLACE = re.compile(r"^ (?:in|at) (?:the |their |both )?(?P<place>feet|ankles|legs)\b")
_VIBRATION_AT = {"feet": "impaired vibration sensation at ankles",
                 "ankles": "impaired vibration sensation at ankles",
                 "legs": "impaired vibration sensation in the lower limbs"}
#: numbness or lost feeling, then where: only the hands, feet, fingers or toes
_DISTAL = re.compile(
    r"\b(?:numbness|(?:loss of|los(?:e|es|ing|t)(?: some)?|reduced|decreased|diminished)"
    r" (?:feeling|sensation))"
    r" in (?:the |their |both )?"
    r"(?P<list>(?:hands|feet|fingers|toes|fingertips)"
    r"(?:(?:,| and| or|, and) (?:the |their )?(?:hands|feet|fingers|toes|fingertips))*)\b"
)


def lost_senses(folded: str, lexicon: Lexicon) -> list[tuple[str, int, int]]:
    """Return ``(HPO id, start, end)`` for each dulled sense and for distal numbness.

    ``folded`` is a folded sentence. A sense's span runs from where it is named to the
    sense; distal numbness runs from the numbness to the last place.
    """
    found: list[tuple[str, int, int]] = []
    for named in _NAMED.finditer(folded):
        after = folded[named.end() : named.end() + 60]
        lost = (
            _LOSS_BEFORE.search(folded, max(0, named.start() - 80), named.start())
            or _REDUCED_AFTER.match(after)
            or (named.group().startswith("feel ") and _LESS_AFTER.match(after))
        )
        if not lost:
            continue
        place = _VIBRATION_PLACE.match(after)
        for sense in re.finditer(_SENSE, named.group("list")):
            name = _SENSES[sense.group()]
            end = named.start("list") + sense.end()
            if place and name == _SENSES["vibration"]:
                # "reduced feeling of vibration in the feet": where HPO places it
                name, end = _VIBRATION_AT[place.group("place")], named.end() + place.end()
            curie = lexicon.lookup(name, "phenotype")
            if curie:
                found.append((curie, named.start(), end))
    for distal in _DISTAL.finditer(folded):
        found.append((DISTAL, distal.start(), distal.end()))
    return found
