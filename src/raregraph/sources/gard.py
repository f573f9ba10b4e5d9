"""Read a GARD disease page, saved as text or HTML, into a structured record.

A :class:`GardPage` holds the title, the other names, the sections of prose, the
numbered references (also a bulleted list of them, as an HTML ``<ol>`` after the date
gives) and the last-updated date, each with the character offsets of
the piece in the original file (offsets count characters of the decoded UTF-8 text,
end exclusive). Page furniture (javascript notices, "Print friendly version", search
boxes, the disclaimer, the "Your Questions Answered" / "Basic Information" / "In
Depth Information" link blurbs) is skipped.

Examples
--------
>>> page = parse_gard_text('''Print friendly version
...
... Marfan syndrome
...
... Other Names for this Disease
...   • MFS
...
... Marfan syndrome is a genetic disorder of connective tissue. It is caused by
... mutations in the FBN1 gene and is inherited in an autosomal dominant manner.
...
... Last updated: 3/1/2016
... ''', source="marfan.txt")
>>> page.title.text, [n.text for n in page.other_names], page.last_updated
('Marfan syndrome', ['MFS'], datetime.date(2016, 3, 1))
>>> page.original[page.title.start:page.title.end]
'Marfan syndrome'

"""

from __future__ import annotations

import datetime as dt
import re
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from raregraph.errors import InputError
from raregraph.sources.htmltext import html_to_text

__all__ = [
    "GardPage",
    "Reference",
    "Section",
    "TextPiece",
    "parse_gard_text",
    "read_gard_page",
]


@dataclass(frozen=True, slots=True)
class TextPiece:
    """A piece of the page: its text and its (start, end) offsets in the original file."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Section:
    """A run of prose under one heading (``None`` for the untitled summary).

    ``text`` is the readable text (tags removed, entities decoded for HTML pages);
    ``view_start`` is where it begins in :attr:`GardPage.text`; ``start``/``end``
    locate it in the original file.
    """

    heading: str | None
    text: str
    view_start: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Reference:
    """A numbered reference at the foot of the page."""

    number: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class GardPage:
    """A GARD disease page as a structured record (see the module docstring).

    ``original`` is the decoded file; ``text`` its readable view (the same string for
    text pages). :meth:`original_span` maps offsets in ``text`` to offsets in
    ``original``.
    """

    source: str
    original: str
    text: str
    format: str
    title: TextPiece
    other_names: tuple[TextPiece, ...]
    sections: tuple[Section, ...]
    references: tuple[Reference, ...]
    last_updated: dt.date | None
    last_updated_span: tuple[int, int] | None
    gard_id: str | None
    _offsets: array[int] | None = None

    @property
    def summary(self) -> Section:
        """The first section of prose (the overview)."""
        return self.sections[0]

    @property
    def body(self) -> str:
        """All sections' text, separated by blank lines."""
        return "\n\n".join(s.text for s in self.sections)

    def original_span(self, view_start: int, view_end: int) -> tuple[int, int]:
        """Map a span of :attr:`text` to the span of the original file it came from."""
        if self._offsets is None:
            return view_start, view_end
        if view_end <= view_start:
            start = self._offsets[view_start]
            return start, start
        return self._offsets[view_start], self._offsets[view_end - 1] + 1 + _entity_tail(
            self.original, self._offsets[view_end - 1]
        )

    def iter_section_spans(self) -> Iterator[tuple[Section, int]]:
        """Yield each section with its start offset in :attr:`text`."""
        for section in self.sections:
            yield section, section.view_start


def _entity_tail(original: str, offset: int) -> int:
    """If ``original[offset]`` starts an entity such as ``&amp;``, return its extra length."""
    if original.startswith("&", offset):
        match = re.match(
            r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?", original[offset:]
        )
        if match:
            return len(match.group(0)) - 1
    return 0


# --------------------------------------------------------------------------- reading
def read_gard_page(path: str | PathLike[str]) -> GardPage:
    """Read a GARD page saved as text (``.txt``) or HTML (``.html``/``.htm``).

    Raises :class:`~raregraph.errors.InputError` naming the file when it is missing,
    empty, binary, not UTF-8, or not a disease page.
    """
    file = Path(path)
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        raise InputError(file, "no such file") from None
    except IsADirectoryError:
        raise InputError(file, "is a directory, not a page") from None
    except OSError as err:
        raise InputError(file, f"cannot be read ({err.strerror})") from None
    return parse_gard_bytes(raw, source=str(file))


def parse_gard_bytes(raw: bytes, *, source: str) -> GardPage:
    """Decode and parse the bytes of a page (see :func:`read_gard_page`)."""
    if not raw.strip():
        raise InputError(source, "the file is empty")
    if b"\x00" in raw[:8192]:
        raise InputError(source, "is a binary file, not a text or HTML page")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            source, f"is not valid UTF-8 text (undecodable byte at offset {err.start})"
        ) from None
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > 8:
        raise InputError(source, "is a binary file, not a text or HTML page")
    return parse_gard_text(text, source=source)


_HTML_HINT = re.compile(
    r"^\s*(<!doctype html|<html|<head|<body|<\?xml)|<(p|div|h1|h2|li|br)\b", re.I
)


def parse_gard_text(text: str, *, source: str = "<string>") -> GardPage:
    """Parse the decoded text of a page (plain text or HTML)."""
    if not text.strip():
        raise InputError(source, "the file is empty")
    is_html = bool(_HTML_HINT.search(text[:4096]))
    if is_html:
        view, offsets = html_to_text(text)
        return _parse_view(source, text, view, offsets, "html")
    return _parse_view(source, text, text, None, "text")


# --------------------------------------------------------------------------- parsing
_BOILERPLATE = re.compile(
    r"^(?:"
    r"your browser does not support javascript.*"
    r"|.*\bsearch for \S+ here.*"
    r"|genetic and rare diseases information center(?: \(gard\))?"
    r"|gard"
    r"|print(?:er)?(?:[ -]friendly(?: version)?)?"
    r"|see disclaimer regarding .*"
    r"|some links on this page may take you .*"
    r"|skip to (?:main )?content"
    r"|(?:home|menu|share|email|e-mail|facebook|twitter|contact us|back to top|top)"
    r"|browse (?:a-z|diseases).*"
    r"|\W*"
    r")$",
    re.IGNORECASE,
)
_OTHER_NAMES = re.compile(
    r"^other names(?: for this (?:disease|condition))?\s*:?\s*(?P<inline>.*)$", re.I
)
_TAIL_HEADING = re.compile(
    r"^(?:your questions answered|basic information|in depth information|where to start"
    r"|support (?:&|and) advocacy(?: groups)?|organizations?|find a specialist|related diseases"
    r"|learn more|connect with others|questions and answers|patient organizations"
    r"|selected full-text journal articles|news & events|news and events)\s*:?$",
    re.I,
)
_REFERENCES_HEADING = re.compile(r"^(?:references|sources|citations)\s*:?$", re.I)
_LAST_UPDATED = re.compile(
    r"^(?:last (?:updated|modified|reviewed)|page last updated)\s*:?\s*(?P<date>.+?)\s*$", re.I
)
#: a bullet, maybe written twice (an HTML list item whose text starts with "&bull;")
_BULLET = re.compile(r"^(?:[•·◦▪‣\-*]\s*)+(?P<item>\S.*)$")
_REFERENCE = re.compile(r"^\[?(?P<number>\d{1,3})[.\])]\s+(?P<text>\S.*)$")
_KNOWN_HEADINGS = re.compile(
    r"^(?:summary|overview|description|symptoms?|signs(?: and symptoms)?|signs & symptoms"
    r"|causes?|genetics|inheritance|diagnosis|treatment|management|prognosis|frequency"
    r"|epidemiology|cause and inheritance|living with|complications|prevention|research"
    r"|statistics|testing|treatments?)\s*:?$",
    re.I,
)
_GARD_ID = re.compile(
    r"(?:rarediseases\.info\.nih\.gov/diseases/|GARD\s*(?:ID|Disease ID)?\s*[:#]?\s*)0*(\d{1,6})\b",
    re.I,
)
_MEDICAL_CUES = re.compile(
    r"\b(disease|disorder|syndrome|condition|symptom|signs?|genes?|genetic|inherit\w*|mutation"
    r"|patients?|affected|diagnos\w+|treat\w*|deficiency|rare|chronic|congenital|infection"
    r"|tumou?rs?|cancer|therapy|clinical|onset)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    start: int  # in the view
    end: int


def _lines(view: str) -> list[_Line]:
    lines: list[_Line] = []
    position = 0
    for raw in view.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            lines.append(_Line(stripped, position + lead, position + lead + len(stripped)))
        position += len(raw)
    return lines


_TRAILING_REFERENCES = re.compile(r"(?:\s*\[\d+(?:[-–,]\s*\d+)*\])+\s*$")


def _is_heading(line: _Line, following: _Line | None) -> bool:
    if _KNOWN_HEADINGS.match(line.text):
        return True
    words = line.text.split()
    # a sentence's end may carry its references ("... not affected.[1][2]")
    last = _TRAILING_REFERENCES.sub("", line.text)[-1:] or line.text[-1]
    if len(words) > 8 or last in ".,;!?" or _BULLET.match(line.text):
        return False
    if following is None:
        return False
    return len(following.text.split()) > len(words) * 2 and line.text[0].isupper()


def _parse_date(text: str) -> dt.date | None:
    for pattern in ("%m/%d/%Y", "%Y-%m-%d", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%m/%d/%y"):
        try:
            return dt.datetime.strptime(text.strip().rstrip("."), pattern).date()
        except ValueError:
            continue
    return None


def _parse_view(
    source: str, original: str, view: str, offsets: array[int] | None, fmt: str
) -> GardPage:
    def span(start: int, end: int) -> tuple[int, int]:
        if offsets is None:
            return start, end
        last = offsets[end - 1]
        return offsets[start], last + 1 + _entity_tail(original, last)

    def piece(text: str, start: int, end: int) -> TextPiece:
        s, e = span(start, end)
        return TextPiece(text, s, e)

    lines = _lines(view)
    title: TextPiece | None = None
    other_names: list[TextPiece] = []
    references: list[Reference] = []
    last_updated: dt.date | None = None
    last_updated_span: tuple[int, int] | None = None
    blocks: list[tuple[str | None, list[_Line]]] = []
    mode = "body"
    after_update = False

    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        text = line.text
        if mode == "tail":
            heading_again = _REFERENCES_HEADING.match(text)
            if heading_again:
                mode = "references"
            continue
        if _BOILERPLATE.match(text):
            continue
        if _TAIL_HEADING.match(text):
            mode = "tail"
            continue
        updated = _LAST_UPDATED.match(text)
        if updated:
            date = _parse_date(updated.group("date"))
            if date is not None and (last_updated is None or date > last_updated):
                last_updated = date
                last_updated_span = span(line.start, line.end)
            after_update = True
            mode = "body"
            continue
        if _REFERENCES_HEADING.match(text):
            mode = "references"
            continue
        reference = _REFERENCE.match(text)
        if reference and (mode == "references" or after_update):
            body_start = line.start + reference.start("text")
            references.append(
                Reference(
                    int(reference.group("number")),
                    reference.group("text"),
                    *span(body_start, line.end),
                )
            )
            continue
        listed = _BULLET.match(text) if mode == "references" or after_update else None
        if listed:  # an HTML <ol> of references: numbered by their order
            body_start = line.start + listed.start("item")
            references.append(
                Reference(len(references) + 1, listed.group("item"), *span(body_start, line.end))
            )
            continue
        names = _OTHER_NAMES.match(text)
        if names and title is not None:
            mode = "names"
            inline = names.group("inline")
            if inline:
                inline_start = line.start + names.start("inline")
                for part in re.finditer(r"[^;]+", inline):
                    item = part.group(0).strip()
                    if item:
                        lead = len(part.group(0)) - len(part.group(0).lstrip())
                        at = inline_start + part.start() + lead
                        other_names.append(piece(item, at, at + len(item)))
                mode = "body"
            continue
        bullet = _BULLET.match(text)
        if mode == "names":
            if bullet:
                at = line.start + bullet.start("item")
                other_names.append(piece(bullet.group("item"), at, line.end))
                continue
            mode = "body"
        if title is None:
            if len(text.split()) > 20 or text.endswith("."):
                raise InputError(source, "no disease title found before the first paragraph")
            title = piece(text, line.start, line.end)
            continue
        after_update = after_update and not (bullet is None and len(text.split()) > 8)
        if _is_heading(line, following):
            blocks.append((text.rstrip(":").strip(), []))
            continue
        if not blocks:
            blocks.append((None, []))
        blocks[-1][1].append(line)

    if title is None:
        raise InputError(source, "no disease title found (is this a disease page?)")
    sections = []
    for heading, block_lines in blocks:
        if not block_lines:
            continue
        start, end = block_lines[0].start, block_lines[-1].end
        sections.append(Section(heading, view[start:end], start, *span(start, end)))
    words = sum(len(s.text.split()) for s in sections)
    if words < 12:
        raise InputError(source, "no description text found (is this a disease page?)")
    cues = {m.group(1).lower() for s in sections for m in _MEDICAL_CUES.finditer(s.text)}
    if len(cues) < 2:
        raise InputError(
            source,
            "does not read like a disease description "
            "(no disease, symptom, gene or inheritance wording)",
        )
    gard = _GARD_ID.search(original)
    return GardPage(
        source=source,
        original=original,
        text=view,
        format=fmt,
        title=title,
        other_names=tuple(other_names),
        sections=tuple(sections),
        references=tuple(references),
        last_updated=last_updated,
        last_updated_span=last_updated_span,
        gard_id=f"GARD:{int(gard.group(1))}" if gard else None,
        _offsets=offsets,
    )
