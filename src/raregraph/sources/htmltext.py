"""Turn HTML into plain text while remembering where each character came from.

:func:`html_to_text` drops tags, scripts, styles and navigation, decodes entities,
collapses white space as a browser would, starts a new line at block elements and
marks list items with ``•``. It returns the text and, for each of its characters, the
offset of the character in the HTML that produced it, so that spans found in the text
can be reported against the original file.

>>> text, offsets = html_to_text("<p>Caf&eacute; <b>au</b> lait</p>")
>>> text
'Café au lait'
>>> offsets[3]  # the 'é' comes from the entity at offset 6
6
"""

from __future__ import annotations

import html
import re
from array import array

__all__ = ["html_to_text"]

_TOKEN = re.compile(
    r"<!--.*?-->"
    r"|<(head|script|style|nav|header|footer|noscript|template)\b[^>]*>.*?</\1\s*>"
    r"|<!\[CDATA\[.*?\]\]>"
    r"|<!?/?[A-Za-z][^>]*>"
    r"|<![^>]*>"
    r"|<\?[^>]*>"
    r"|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?",
    re.DOTALL | re.IGNORECASE,
)
_TAG_NAME = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9]*)")
_BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "hr",
        "html",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
    }
)


def html_to_text(markup: str) -> tuple[str, array[int]]:
    """Return the visible text of ``markup`` and the source offset of each character.

    The offsets array has one entry more than the text: the last is ``len(markup)``.
    """
    out: list[str] = []
    where = array("q")

    def emit(chars: str, origin: int) -> None:
        for ch in chars:
            if ch.isspace() and ch != "\n":
                ch = " "
            if ch == " " and (not out or out[-1] in " \n"):
                continue
            if ch == "\n":
                while out and out[-1] == " ":
                    out.pop()
                    where.pop()
                if out and out[-1] == "\n" and len(out) > 1 and out[-2] == "\n":
                    continue
            out.append(ch)
            where.append(origin)

    position = 0
    for match in _TOKEN.finditer(markup):
        for offset in range(position, match.start()):
            emit(markup[offset], offset)
        token = match.group(0)
        if token.startswith("&"):
            decoded = html.unescape(token)
            for ch in decoded:
                emit(ch, match.start())
        elif token.startswith("<") and not token.startswith(("<!--", "<!")):
            name_match = _TAG_NAME.match(token)
            name = name_match.group(1).lower() if name_match else ""
            if name in _BLOCK_TAGS:
                emit("\n", match.start())
                if name == "li" and not token.startswith("</"):
                    emit("• ", match.end())
        position = match.end()
    for offset in range(position, len(markup)):
        emit(markup[offset], offset)
    while out and out[-1] in " \n":
        out.pop()
        where.pop()
    start = 0
    while start < len(out) and out[start] in " \n":
        start += 1
    text = "".join(out[start:])
    offsets = array("q", where[start:])
    offsets.append(len(markup))
    return text, offsets
