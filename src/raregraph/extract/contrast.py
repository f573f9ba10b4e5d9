"""Sentences that name another disorder for contrast.

Pages often set the disease apart from look-alikes: "ADPKD should not be confused with
autosomal recessive polycystic kidney disease, which is caused by changes in PKHD1",
"Other forms of Batten disease are caused by TPP1 and PPT1", "a separate, recessive
condition". The genes and modes of inheritance of such a sentence belong to the other
disorder, not to the page's disease. "Other types of OI", on a page about OI, or "other
forms of the condition" speak of the page's own disease.

>>> about_another_disorder("Rarer types of iron overload are caused by HJV.")
True
>>> s = "Other types of OI are caused by CRTAP."
>>> about_another_disorder(s), about_another_disorder(s, own=[(s.index("OI"), 16)])
(True, False)
>>> about_another_disorder("It is caused by mutations in the FAS gene.")
False

When the other disorder is the subject, the whole sentence speaks of it, up to a turn to
another subject:

>>> s = "Other urea cycle disorders can look similar but are autosomal recessive."
>>> [s[a:b] for a, b in other_disorder_spans(s)]
['Other urea cycle disorders can look similar but are autosomal recessive.']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from raregraph.extract._cues import Cue

__all__ = ["about_another_disorder", "other_disorder_spans"]

#: a word that every cue below contains (a plain substring test rules most sentences out)
_CUE_WORDS = ("separate", "distinct", "different", "other", "unrelated", "confused", "alike",
              "same", "similar", "differ", "rarer", "resemble", "rul", "called", "named",
              "known as", "-like", "ed like", "much like", "contrast", "related", "unlike")
_OTHER_DISORDER = Cue(
    re.compile(
        r"\b(?:separate|distinct|different|other|unrelated)(?:,? [a-z-]+){0,2} "
        r"(?:disorders?|conditions?|diseases?|syndromes?)\b|"
        r"\b(?:separate|distinct|unrelated)(?:,? [a-z-]+){0,2} (?:forms?|types?) of\b|"
        # "A very similar illness, sporadic fatal insomnia, occurs in ...": a look-alike
        # named in apposition
        r"\ba (?:very |quite |somewhat )?similar (?:illness|disease|disorder|condition|"
        r"syndrome)(?=,)|"
        # "Parsonage-Turner syndrome, a similar condition that occurs ...": a look-alike
        # named before, described by a relative clause (not "a few families have a very
        # similar condition that ...", which curators keep as a form of the disease)
        r"(?<=, )a (?:very |quite |somewhat )?similar (?:illness|disease|disorder|condition|"
        r"syndrome)(?= that | which | in which )|"
        # "In a related condition in which seizures begin later, the cause is SCN2A"
        r"\bin a (?:closely )?related (?:condition|disorder|disease|syndrome)\b|"
        # "Unlike the autosomal dominant form of hyper-IgE syndrome caused by STAT3, ...":
        # the form set against the page's, up to its comma
        r"^\s*unlike (?:the|a|an) [^,;]*?\b(?:forms?|types?|syndromes?|diseases?|"
        r"disorders?|conditions?)\b[^,;]*|"
        # "can have a much more serious illness called neonatal severe hyperparathyroidism"
        r"\b(?:more|less) (?:serious|severe|common|rare) (?:illness|disorder|condition|"
        r"disease|syndrome) (?:called|named|known as)\b|"
        # a disorder that a test rules out: "to rule out cystic fibrosis"
        r"\brul(?:e|es|ed|ing) out\b|"
        r"\bconfused with\b|\blook-?alike\b|\bseparate pages?\b|"
        r"\b(?:is|are|quite|very) (?:different|distinct) from\b|\bdiffers? from\b|"

        # "people with the same picture but no BTK change": a look-alike condition
        r"\b(?:the same|a (?:very )?similar) (?:picture|symptoms|signs|features|pattern|"
        r"illness|disease|disorder|condition)"
        r"(?: of [a-z ]+?)? but (?:no|without|not)\b|"
        # "in these IPEX-like cases": look-alike cases (not "a rare HHT-like disorder",
        # which curators keep as the disease's)
        r"[\w]+-like[\"'\u201d\u2019]? (?:cases?|patients|people|children|families)\b",
        re.IGNORECASE,
    )
)
#: "a change in a different fibrillin gene, FBN1, causes Marfan syndrome": the gene of
#: another, named disorder (a symbol and a name: capitals)
_GENE_OF_ANOTHER = re.compile(
    r"\b[Dd]ifferent (?:[\w-]+ )?gene,\s*[A-Z][A-Z0-9-]*,\s*(?:causes|underlies|"
    r"is responsible for)\s+[A-Z]"
)
#: "Some other KCNQ2 changes, which usually arise as a new mutation, cause a severe
#: epileptic encephalopathy": other changes of the page's gene, causing another disorder
#: (the subject, up to a ";")
_OTHER_CHANGES_CAUSE = re.compile(
    r"\b[Oo]ther [A-Z][A-Z0-9-]+ (?:changes|variants|mutations)\b[^;.]*?\bcause (?:a|an)\b"
    r"[^;]*"
)
#: "Stickler syndrome (which is caused by changes in collagen genes such as COL2A1)": the
#: cause of another named disorder, in a relative clause after its name
_NAMED_WHICH_CAUSED = re.compile(
    r"\b[A-Z][\w'-]*(?:[ -][\w'-]+){0,3} (?:syndrome|disease|disorder)"
    r"(?P<clause>\s*[,(]\s*which (?:is|are) (?:usually |often |mostly )?(?:caused by|due to)"
    r"[^.;)]*)"
)
#: "looks similar to Bardet-Biedl syndrome", "resembles another disorder", "is treated
#: much like Crohn's disease": a named one (a capital) or another, not a finding ("a rash
#: that resembles eczema")
_SIMILAR_TO_NAMED = re.compile(
    r"\b(?:(?:[Ll]ooks?|[Ii]s|[Aa]re|[Ss]eems?) (?:very |quite |somewhat )?similar to|"
    r"[Rr]esembles?|(?:treated|managed|handled) (?:very |much |just )*like)"
    r" (?:the |a |an )?(?:[A-Z]|another\b|other\b)"
)
#: "Tay-Sachs disease, by contrast, results from ...", "In contrast, Tay-Sachs disease
#: ...": a named disorder set against the page's as the sentence's subject
_CONTRASTED_NAME = re.compile(
    r"\s*(?:(?:[Bb]y|[Ii]n) contrast,?\s+)?(?P<name>(?:the\s+)?"
    r"(?!(?:This|These|That|Those|The|Its|Their|Each|Every|Another|Other|Both|Such)\b)"
    r"[A-Z][\w'-]*(?:[ -][\w'-]+){0,3}?"
    r" (?:disease|syndrome|disorder))(?:,?\s+(?:by|in) contrast\b)?"
)
#: "other forms of X": another disorder unless X is the page's disease
_OTHER_FORMS = Cue(
    re.compile(r"\b(?:other|rarer|different) (?:forms|types|kinds) of ", re.IGNORECASE)
)
#: a relative clause right after a cue's phrase, and where such a clause ends
_RELATIVE_NEXT = re.compile(r"\s(?:which|that)\s")
_CLAUSE_END = re.compile(r"[,;.:()]")
_PHRASE_END = re.compile(r"[,;.:()]|\s(?:but|and|which|that)\s")
#: what may open a sentence before its subject ("However, other forms ...")
_OPENING = re.compile(
    r"\s*(?:(?:however|in contrast|by contrast|also|still),?\s+)?(?:(?:a|an|the)\s+)?", re.I
)
#: the other disorder's name in apposition to the cue (", Crouzon syndrome with ...",
#: "a different disease from the adult form, autosomal dominant polycystic kidney
#: disease") or given to it ("a separate disorder called Wolfram-like syndrome, which ...")
_NAMED_AFTER = re.compile(
    r"(?: [a-z-]+){0,6}(?:,\s+(?:called |named |known as )?|\s+(?:called|named|known as)\s+)"
    r"(?:[A-Z][\w-]*|(?:[a-z-]+ ){1,5}(?:disease|syndrome|disorder)\b)"
)
#: a name (a capital) right after a cue that ends in a preposition
_NAME_NEXT = re.compile(r"(?<=\bwith) (?:the |a |an )?[A-Z]")
#: where a sentence turns from its subject to another one
_SUBJECT_END = re.compile(
    r";|,? (?:but|whereas|while|unlike) (?:this|the|it|in|most|people|those)\b|\bunlike\b",
    re.IGNORECASE,
)
_GENERIC_DISEASE = re.compile(
    r"(?:the|this|these) (?:disease|condition|disorder|syndrome)s?\b", re.IGNORECASE
)


def about_another_disorder(sentence: str, own: Iterable[tuple[int, int]] = ()) -> bool:
    """Tell whether ``sentence`` speaks of a disorder other than the page's, for contrast.

    ``own`` holds the spans of the page's disease names in the sentence.
    """
    return bool(other_disorder_spans(sentence, own))


def other_disorder_spans(
    sentence: str, own: Iterable[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """The spans that name another disorder: each cue up to the end of its phrase.

    >>> s = "It is autosomal recessive, unlike a separate, dominant condition of adults."
    >>> [s[a:b] for a, b in other_disorder_spans(s)]
    ['separate, dominant condition of adults']
    """
    # genes, modes and findings of one sentence all ask: answer once
    return list(_spans(sentence, tuple(own)))


@lru_cache(maxsize=64)
def _spans(sentence: str, own: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    lowered = sentence.lower()
    # "Stickler syndrome (which is caused by ...)" needs no cue word of its own
    caused_clause = "which" in lowered and ("caused by" in lowered or "due to" in lowered)
    if not caused_clause and not any(word in lowered for word in _CUE_WORDS):
        return ()
    starts = {start for start, _ in own}
    found = [match.span() for match in _OTHER_DISORDER.finditer(sentence)]
    if "different" in lowered:
        found += [match.span() for match in _GENE_OF_ANOTHER.finditer(sentence)]
    if caused_clause:
        found += [
            match.span("clause") for match in _NAMED_WHICH_CAUSED.finditer(sentence)
            # not the page's own disease, wherever its name starts ("In Marfan syndrome,
            # which is caused by ...")
            if not any(a < match.start("clause") and match.start() < b for a, b in own)
        ]
    if "similar" in lowered or "resemble" in lowered or "like" in lowered:
        found += [match.span() for match in _SIMILAR_TO_NAMED.finditer(sentence)]
    for match in _OTHER_FORMS.finditer(sentence):
        at = match.end()
        if sentence.startswith("the ", at) and at + 4 in starts:
            at += 4
        if at not in starts and not _GENERIC_DISEASE.match(sentence, at):
            found.append(match.span())
    # other changes of the page's gene that cause another disorder: the span as matched
    spans = (
        [match.span() for match in _OTHER_CHANGES_CAUSE.finditer(sentence)]
        if "other" in lowered
        else []
    )
    for start, end in found:
        named = (
            _NAMED_AFTER.match(sentence, end)
            or _NAMED_AFTER.search(sentence, start, end)
            or sentence[start:end].lower().endswith(("called", "named", "known as"))
            # "should not be confused with Leber hereditary optic neuropathy, which ..."
            or _NAME_NEXT.match(sentence, end)
        )
        if sentence[start:end].lstrip()[:7].lower() == "unlike ":
            spans.append((start, end))  # the form set against the page's: the phrase itself
            continue
        if _OPENING.fullmatch(sentence, 0, start) or named:
            # the other disorder is the subject, or named right after the cue ("a separate
            # condition, Crouzon syndrome with acanthosis nigricans, in which ..."): what
            # the rest of the sentence says is about it
            stop = _SUBJECT_END.search(sentence, end)
        else:
            stop = _PHRASE_END.search(sentence, end)
            if stop is not None and _RELATIVE_NEXT.match(sentence, stop.start()):
                # "DOCK8 deficiency, a different condition that is inherited in an
                # autosomal recessive way": the relative clause describes the other one
                stop = _CLAUSE_END.search(sentence, stop.end())
        spans.append((start, stop.start() if stop else len(sentence)))
    if "contrast" in lowered:
        contrasted = _contrasted_subject(sentence, starts)
        if contrasted is not None and contrasted not in spans:
            spans.append(contrasted)
    return tuple(sorted(spans))


def _contrasted_subject(sentence: str, own_starts: set[int]) -> tuple[int, int] | None:
    """The span of a named disorder set against the page's as the sentence's subject.

    >>> s = "Tay-Sachs disease, by contrast, results from changes in HEXA."
    >>> s[slice(*_contrasted_subject(s, set()))]
    'Tay-Sachs disease, by contrast, results from changes in HEXA.'
    >>> _contrasted_subject(s, {0}) is None  # the page's own disease
    True
    """
    named = _CONTRASTED_NAME.match(sentence)
    if named is None or "contrast" not in named.group().lower():
        return None
    if any(named.start("name") <= start < named.end("name") for start in own_starts):
        return None
    stop = _SUBJECT_END.search(sentence, named.end())
    return named.start("name"), stop.start() if stop else len(sentence)
