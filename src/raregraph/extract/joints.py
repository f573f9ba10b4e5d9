"""Read which joints have contractures: "joint contractures, especially at the hips and knees".

Lay text lists the joints after the word ("contractures of the elbows and ankles",
"contractures, meaning that the hips, knees and elbows cannot be fully straightened"),
while HPO has a term per joint (Hip contracture, Elbow flexion contracture). Each joint
named in the clause after the word is looked up as "<joint> contracture", or first as
"<joint> flexion contracture" when the clause says the joint stays bent or cannot be
straightened. A joint whose term the bundled HPO lacks is skipped.

>>> from raregraph.extract.lexicon import get_lexicon
>>> [c for c, _, _ in joint_contractures("contractures of the hips and knees", get_lexicon())]
['HP:0003273', 'HP:0034671']
"""

from __future__ import annotations

import re

from raregraph.extract.lexicon import Lexicon

__all__ = ["joint_contractures"]

_TRIGGER = re.compile(r"\bcontractures?\b")
_CLAUSE_END = re.compile(r"[.;:\n•(]|\b(?:but|while|which|although|whereas|because)\b")
_WINDOW = 120
#: joints as lay text names them, and the word of HPO's names
_JOINTS = {"hips": "hip", "hip": "hip", "knees": "knee", "knee": "knee",
           "elbows": "elbow", "elbow": "elbow", "ankles": "ankle", "ankle": "ankle",
           "shoulders": "shoulder", "shoulder": "shoulder", "wrists": "wrist",
           "wrist": "wrist", "jaw": "jaw"}
_JOINT = re.compile(r"\b(?:" + "|".join(_JOINTS) + r")\b")
#: the clause says the joints stay bent: HPO's flexion contracture first
_BENT = re.compile(r"\b(?:bent|flexed|flexion|straighten\w*|curled)\b")


def joint_contractures(folded: str, lexicon: Lexicon) -> list[tuple[str, int, int]]:
    """Return ``(HPO id, start, end)`` for each joint named with a contracture.

    ``folded`` is a folded sentence; the span runs from the word "contracture" to the
    joint.
    """
    found: list[tuple[str, int, int]] = []
    for trigger in _TRIGGER.finditer(folded):
        stop = min(len(folded), trigger.end() + _WINDOW)
        end = _CLAUSE_END.search(folded, trigger.end(), stop)
        window_end = end.start() if end else stop
        bent = _BENT.search(folded, trigger.start(), window_end) is not None
        seen: set[str] = set()
        for place in _JOINT.finditer(folded, trigger.end(), window_end):
            joint = _JOINTS[place.group()]
            if joint in seen:
                continue
            seen.add(joint)
            kinds = ("flexion contracture", "contracture")
            for kind in kinds if bent else reversed(kinds):
                curie = lexicon.lookup(f"{joint} {kind}", "phenotype")
                if curie:
                    found.append((curie, trigger.start(), place.end()))
                    break
    return found
