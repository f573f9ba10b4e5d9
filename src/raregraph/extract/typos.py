"""Read findings through a one-letter misspelling ("cardiomyopthy", "siezures").

A word of eight letters or more that no lexicon name uses is compared with the long
words of the phenotype names: when exactly one of them is one edit away (a letter
missing, added, changed, or two neighbours swapped) and starts with the same letter,
the word is read as that one. When several are, the one that doubles a letter written
once wins ("disection": dissection, not direction). The lexicon's whole vocabulary
(phenotypes, anatomy, drugs, genes, diseases) and the long words of the ontologies'
definitions guard ordinary words: a word that any name or definition uses is never
corrected. Candidates are found through a deletion index (each word with one letter left
out), built on first use.

>>> from raregraph.extract.lexicon import get_lexicon
>>> correct("cardiomyopthy", get_lexicon()), correct("siezures", get_lexicon())
('cardiomyopathy', 'seizures')
>>> [correct(word, get_lexicon()) for word in ("children", "flashing", "fighting", "thirties")]
[None, None, None, None]
"""

from __future__ import annotations

from raregraph.extract.lexicon import LONG_WORD, Lexicon

__all__ = ["correct"]

_MAX_ANSWERS = 100_000
#: decades of life, frequent in onset sentences and absent from ontology definitions
#: ("in their thirties" is no misspelt finding)
_DECADES = frozenset(
    f"{tens}ties" for tens in ("twen", "thir", "for", "fif", "six", "seven", "eigh", "nine")
)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _index(lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
    """Each long phenotype word, and each of its one-deletion forms -> the words."""
    found = lexicon.memo.get("typo index")
    if found is None:
        index: dict[str, set[str]] = {}
        for word in lexicon.long_words(phenotype=True):
            index.setdefault(word, set()).add(word)
            for shorter in _deletions(word):
                index.setdefault(shorter, set()).add(word)
        found = lexicon.memo["typo index"] = {k: tuple(sorted(v)) for k, v in index.items()}
    return found


def _one_edit(a: str, b: str) -> bool:
    """Tell whether ``a`` and ``b`` differ by one letter or one swap of neighbours."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1 :]


def correct(word: str, lexicon: Lexicon) -> str | None:
    """The phenotype word that ``word`` misspells, or ``None`` (see the module docstring)."""
    answers = lexicon.memo.get("typo answers")
    if answers is None or len(answers) > _MAX_ANSWERS:
        answers = lexicon.memo["typo answers"] = {}
    if word not in answers:  # the same unknown words come back page after page
        answers[word] = _correct(word, lexicon)
    found: str | None = answers[word]
    return found


def _single_for_double(word: str, right: str) -> bool:
    """Tell whether ``word`` is ``right`` with one doubled letter written once.

    >>> _single_for_double("disection", "dissection"), _single_for_double("direction", "dissection")
    (True, False)
    """
    if len(right) != len(word) + 1:
        return False
    return any(
        right[i] == right[i + 1] and right[:i] + right[i + 1 :] == word
        for i in range(len(right) - 1)
    )


def _correct(word: str, lexicon: Lexicon) -> str | None:
    if len(word) < LONG_WORD or not word.isalpha() or word in _DECADES:
        return None
    known = lexicon.long_words()
    if word in known or word.rstrip("s") in known or f"{word}s" in known:
        return None
    index = _index(lexicon)
    candidates: set[str] = set(index.get(word, ()))
    for shorter in _deletions(word):
        candidates.update(index.get(shorter, ()))
    found = [c for c in candidates if _one_edit(word, c)]
    if len(found) > 1:
        # the commonest slip, a doubled letter written once, settles a tie ("disection":
        # dissection, not direction)
        doubled = [c for c in found if _single_for_double(word, c)]
        if len(doubled) == 1:
            found = doubled
    # a slip rarely hits the first letter, while ordinary words one letter away from a
    # finding often differ there ("fighting" / "righting", "cracking" / "tracking")
    return found[0] if len(found) == 1 and found[0][0] == word[0] else None
