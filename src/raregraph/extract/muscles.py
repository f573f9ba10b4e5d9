"""Read where muscles are weak or wasted: "weakness of the muscles around the hips".

Lay text places muscle weakness and wasting by the body parts it names ("the hips and
thighs", "the feet and lower legs", "the muscles closest to the trunk"), while HPO names
the region (Proximal muscle weakness, Distal lower limb muscle weakness, Limb-girdle
muscle weakness, Hand muscle atrophy). This module finds a word of weakness or wasting,
collects the places named after it in its clause, sorts them into regions and reads
HPO's term for the regions together:

* the parts near the trunk (shoulders, upper arms, hips, thighs) are proximal, those far
  from it (hands, forearms, feet, lower legs) distal; both arms' and legs' parts together
  give the proximal (distal) term, one limb's parts that limb's term ("the feet and lower
  legs": Distal lower limb muscle weakness), the shoulders or hips alone their girdle;
* the arms or legs alone, or both ("limbs"), when no nearer place is named;
* the face, neck, trunk, belly and breathing muscles each have a term of their own;
* "limb-girdle" names the pattern itself.

Each name is looked up in the lexicon, so a term missing from the bundled HPO is skipped.

>>> from raregraph.extract.lexicon import get_lexicon
>>> [c for c, _, _ in muscle_places("weakness of the muscles around the hips and thighs",
...                                 get_lexicon())]
['HP:0008994']
>>> [c for c, _, _ in muscle_places("weakness and wasting of the muscles of the feet and "
...                                 "lower legs", get_lexicon())]
['HP:0009053', 'HP:0008944']
"""

from __future__ import annotations

import re

from raregraph.extract.lexicon import Lexicon

__all__ = ["muscle_places"]

#: a word of weakness or wasting, and the kind it names
_KINDS = {"weakness": "weak", "weak": "weak", "weaker": "weak", "wasting": "wasted",
          "atrophy": "wasted", "thinning": "wasted", "amyotrophy": "wasted",
          "stiffness": "stiff", "stiff": "stiff", "spasticity": "stiff"}
_TRIGGER = re.compile(
    r"\b(?P<word>weakness|weaker|weak|wasting|atrophy|amyotrophy|thinning|stiffness|stiff|"
    r"spasticity)"
    r"(?P<more>(?:,? (?:and|or) (?:weakness|wasting|atrophy|thinning|shrinking|stiffness))*)\b"
    r"(?: \((?:atrophy|amyotrophy|spasticity)\))?"
)
#: where the clause of the places ends
_CLAUSE_END = re.compile(
    r"[.;:\n•]|\b(?:but|while|which|although|whereas|because|so that|unlike)\b"
)
_WINDOW = 140
_NEXT_CLAUSE = re.compile(r", (?:and|or) (?:(?:the|their|later|then|also) )*(?=[a-z])")
#: places and the region each stands for (longest phrases first in the pattern)
_PLACES = {
    "closest to the trunk": "proximal", "nearest the trunk": "proximal",
    "nearest to the trunk": "proximal", "near the trunk": "proximal",
    "close to the trunk": "proximal", "closest to the body": "proximal",
    "close to the body": "proximal", "proximal": "proximal",
    "farthest from the trunk": "distal", "far from the trunk": "distal",
    "farthest from the body": "distal", "distal": "distal",
    "limb girdles": "girdle", "limb girdle": "girdle", "limb-girdle": "girdle",
    "shoulder girdle": "shoulders", "shoulders": "shoulders", "shoulder": "shoulders",
    "shoulder blades": "shoulders",
    "upper arms": "upper arms", "upper arm": "upper arms",
    "hips": "hips", "hip": "hips", "pelvis": "hips", "pelvic": "hips",
    "thighs": "thighs", "thigh": "thighs", "upper legs": "thighs", "buttocks": "hips",
    "hands": "hands", "hand": "hands", "fingers": "hands",
    "forearms": "forearms", "forearm": "forearms", "lower arms": "forearms",
    "wrists": "forearms",
    "feet": "lower legs", "foot": "lower legs", "lower legs": "lower legs",
    "lower leg": "lower legs", "calves": "lower legs", "calf": "lower legs",
    "shins": "lower legs", "ankles": "lower legs", "toes": "lower legs",
    "arms": "arms", "arm": "arms", "upper limbs": "arms",
    "legs": "legs", "leg": "legs", "lower limbs": "legs",
    "limbs": "limbs", "extremities": "limbs",
    "face": "face", "facial": "face",
    "neck": "neck",
    "trunk": "trunk",
    "belly": "belly", "abdomen": "belly", "abdominal": "belly",
    # the muscles themselves: "breathing" alone is often what the weakness affects
    "breathing muscles": "breathing", "respiratory muscles": "breathing",
    "muscles used for breathing": "breathing", "muscles used in breathing": "breathing",
    "muscles for breathing": "breathing", "muscles of breathing": "breathing",
    "muscles that control breathing": "breathing", "diaphragm": "breathing",
}
_PLACE = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for p in sorted(_PLACES, key=len, reverse=True)) + r")\b"
)
_MUSCLE = re.compile(r"\bmuscle|\bmyopathy\b")
#: HPO's name for a set of regions, by kind ("weak": weakness, "wasted": wasting)
_NAMES = {
    "weak": {
        "proximal": "proximal muscle weakness",
        "proximal arms": "proximal muscle weakness in upper limbs",
        "proximal legs": "proximal muscle weakness in lower limbs",
        "shoulders": "shoulder girdle muscle weakness",
        "hips": "pelvic girdle muscle weakness",
        "distal": "distal muscle weakness",
        "distal arms": "distal upper limb muscle weakness",
        "distal legs": "distal lower limb muscle weakness",
        "hands": "hand muscle weakness",
        "limbs": "limb muscle weakness",
        "arms": "upper limb muscle weakness",
        "legs": "lower limb muscle weakness",
        "girdle": "limb-girdle muscle weakness",
        "face": "weakness of facial musculature",
        "neck": "neck muscle weakness",
        "trunk": "axial muscle weakness",
        "belly": "abdominal wall muscle weakness",
        "breathing": "respiratory insufficiency due to muscle weakness",
    },
    "stiff": {
        "legs": "lower limb spasticity",
        "arms": "upper limb spasticity",
        "limbs": "limb hypertonia",
    },
    "wasted": {
        "proximal": "proximal amyotrophy",
        "proximal arms": "proximal upper limb amyotrophy",
        "proximal legs": "proximal lower limb amyotrophy",
        "shoulders": "shoulder girdle muscle atrophy",
        "hips": "pelvic girdle muscle atrophy",
        "distal": "distal amyotrophy",
        "distal arms": "distal upper limb amyotrophy",
        "distal legs": "distal lower limb amyotrophy",
        "hands": "hand muscle atrophy",
        "arms": "upper limb amyotrophy",
        "legs": "lower limb amyotrophy",
        "girdle": "limb-girdle muscle atrophy",
        "trunk": "axial muscle atrophy",
    },
}
_PROXIMAL_ARMS = frozenset({"shoulders", "upper arms"})
_PROXIMAL_LEGS = frozenset({"hips", "thighs"})
_DISTAL_ARMS = frozenset({"hands", "forearms"})
_DISTAL_LEGS = frozenset({"lower legs"})
_OWN = ("face", "neck", "trunk", "belly", "breathing", "girdle")


def _regions(places: set[str]) -> list[str]:
    """The keys of :data:`_NAMES` that a set of places stands for."""
    found = [own for own in _OWN if own in places]
    arms, legs = places & _PROXIMAL_ARMS, places & _PROXIMAL_LEGS
    hands, feet = places & _DISTAL_ARMS, places & _DISTAL_LEGS
    if "girdle" in places:
        arms, legs = set(), set()  # "the hips and shoulders (the limb girdles)": the pattern
    if "proximal" in places or (arms and legs):
        found.append("proximal")
    elif arms:
        found.append("shoulders" if arms == {"shoulders"} else "proximal arms")
    elif legs:
        found.append("hips" if legs == {"hips"} else "proximal legs")
    if "distal" in places or (hands and feet):
        found.append("distal")
    elif hands:
        found.append("hands" if hands == {"hands"} else "distal arms")
    elif feet:
        found.append("distal legs")
    nearer = arms or legs or hands or feet or {"proximal", "distal", "girdle"} & places
    if not nearer:
        if "limbs" in places or {"arms", "legs"} <= places:
            found.append("limbs")
        elif "arms" in places:
            found.append("arms")
        elif "legs" in places:
            found.append("legs")
    return found


def _weak_muscles(folded: str, at: int) -> bool:
    """Whether "weak" before ``at`` is said of muscles ("weak muscles in the hips").

    Not of bones ("weak bones in the legs") or of muscle tone (hypotonia).
    """
    return folded.startswith((" muscle", " and wasted muscle"), at) and not folded.startswith(
        " muscle tone", at
    )


#: "the hands and forearms can become weak": a predicate of weakness after its subject
_BECOME_BEFORE = re.compile(
    r" (?:is|are|become|becomes|get|gets|grow|grows|turn|turns|"
    r"(?:can|may|might|often|usually|also|then|later|gradually|slowly) (?:become|becomes|get|"
    r"be|grow))(?: (?:very|more|quite|progressively|increasingly|also|often))? $"
)
_SUBJECT_START = re.compile(r"[,.;:(]|\b(?:and then|but|while|which|although)\b")


def _weak_subject(
    folded: str, trigger: re.Match[str], lexicon: Lexicon
) -> list[tuple[str, int, int]]:
    """Weakness said of the places named as the subject: "the hands ... can become weak"."""
    verb = _BECOME_BEFORE.search(folded, max(0, trigger.start() - 40), trigger.start())
    if verb is None:
        return []
    starts = [m.end() for m in _SUBJECT_START.finditer(folded, max(0, verb.start() - 60),
                                                           verb.start())]
    begin = starts[-1] if starts else max(0, verb.start() - 60)
    places = list(_PLACE.finditer(folded, begin, verb.start()))
    if not places:
        return []
    found = []
    for region in _regions({_PLACES[p.group()] for p in places}):
        name = _NAMES["weak"].get(region)
        curie = lexicon.lookup(name, "phenotype") if name else None
        if curie:
            found.append((curie, places[0].start(), trigger.end()))
    return found


def muscle_places(folded: str, lexicon: Lexicon) -> list[tuple[str, int, int]]:
    """Return ``(HPO id, start, end)`` for muscle weakness or wasting read with its place.

    ``folded`` is a folded sentence (see :func:`raregraph.extract.lexicon.fold`). Wasting
    counts only where the clause names muscles ("atrophy of the optic nerve" is no muscle
    finding); weakness counts with any place of the table.
    """
    found: list[tuple[str, int, int]] = []
    for trigger in _TRIGGER.finditer(folded):
        if trigger.group("word") in ("weak", "weaker") and not _weak_muscles(folded, trigger.end()):
            found += _weak_subject(folded, trigger, lexicon)
            continue
        stop = min(len(folded), trigger.end() + _WINDOW)
        end = _CLAUSE_END.search(folded, trigger.end(), stop)
        window_end = end.start() if end else stop
        than = folded.find(" than ", trigger.end(), window_end)
        if than >= 0:  # "worse in the hips than in the hands": the places compared with
            window_end = than
        for clause in _NEXT_CLAUSE.finditer(folded, trigger.end(), window_end):
            # "reduce stiffness, and botulinum toxin is injected into the legs": a new
            # clause, unless the list of places goes on ("..., and the shoulders")
            if not _PLACE.match(folded, clause.end()):
                window_end = clause.start()
                break
        places = list(_PLACE.finditer(folded, trigger.end(), window_end))
        if not places:
            continue
        words = [trigger.group("word"), *re.findall(r"[a-z]+", trigger.group("more"))]
        kinds = dict.fromkeys(_KINDS[w] for w in words if w in _KINDS)
        muscles = _MUSCLE.search(folded, trigger.start(), window_end) is not None
        regions = _regions({_PLACES[p.group()] for p in places})
        # "muscle weakness in the thighs": the span takes the muscles named before
        start = trigger.start() - len("muscle ") if folded.endswith(
            "muscle ", 0, trigger.start()
        ) else trigger.start()
        for kind in kinds:
            if kind == "wasted" and not muscles:
                continue
            for region in regions:
                name = _NAMES[kind].get(region)
                curie = lexicon.lookup(name, "phenotype") if name else None
                if curie:
                    found.append((curie, start, places[-1].end()))
    return found
