"""What a translation must keep from its source: code spans, link targets, placeholders and block structure.

Both texts are parsed with markdown-it-py (CommonMark, raw HTML recognised
so that it can be reported), and compared by what they contain rather than
by their words.

Raw HTML is what CommonMark calls raw HTML *and* what a browser would read as
a tag: CommonMark's tag grammar is strict (``<img src=x onerror=a=1>`` and
``<svg/onload=f()>`` are text to it), a browser's is not, and a translation
adding either is as suspect as one adding ``<b>``. Text the author escaped
(``\\<b>``, ``&lt;b>``) is meant as text and is not counted.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

# `text_join` would merge escapes (`\\<`, `&lt;`) into the text around them; kept apart, an escaped `<` is
# seen as the author's text, not as the start of a tag (see `_text_runs`).
_MD = MarkdownIt("commonmark", {"html": True}).disable("text_join")

#: ``{name}`` placeholders (format strings) and ``<kebab-case>`` placeholders outside code.
_PLACEHOLDER = re.compile(r"\{[A-Za-z_][\w-]*\}|<[a-z][a-z0-9]*(?:-[a-z0-9]+)*>")

#: A tag as the HTML tokenizer reads it (WHATWG HTML, "tag open state"): ``<`` or ``</``, a letter, a name
#: running to white space, ``/`` or ``>``, then attributes of any syntax up to the ``>``.
_BROWSER_TAG = re.compile(r"</?[A-Za-z][^\s/>\x00]*(?:[\s/][^<>\x00]*)?>")

#: Stands in for an escaped character (`text_special`) in the text a tag is searched in: it can be in no tag.
_ESCAPED = "\x00"


@dataclass(frozen=True, slots=True)
class Shape:
    code_spans: tuple[str, ...]
    links: tuple[str, ...]
    placeholders: tuple[str, ...]
    blocks: tuple[str, ...]
    """Block structure: ``paragraph``, ``bullet_list(3)``, ``fence``..., in order."""
    raw_html: tuple[str, ...]


# Cached: each source text is compared with its translation in every language, and `kb lint` may
# report on several kinds of difference in the same field.
@functools.lru_cache(maxsize=4096)
def shape(text: str) -> Shape:
    """The parts of ``text`` a translation must keep."""
    code: list[str] = []
    links: list[str] = []
    placeholders: list[str] = []
    blocks: list[str] = []
    html: list[str] = []
    depth = 0
    items: list[int] = []
    for token in _MD.parse(text):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            if depth == 0:
                items.append(len(blocks))
                blocks.append(token.type.removesuffix("_open"))
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif token.type == "list_item_open" and depth == 1:
            blocks[items[-1]] = _count(blocks[items[-1]])
        elif depth == 0 and token.type in ("paragraph_open", "fence", "code_block", "blockquote_open", "hr",
                                           "heading_open"):
            blocks.append(token.type.removesuffix("_open"))
        if token.type in ("html_block", "html_inline"):
            html.append(token.content.strip())
        for child in token.children or ():
            if child.type == "code_inline":
                code.append(child.content)
            elif child.type == "link_open":
                links.append(str(child.attrGet("href") or ""))
            elif child.type == "html_inline":
                # `<your-token>` looks like a tag to the parser but is a placeholder (records render HTML as text).
                (placeholders if _is_placeholder(child.content) else html).append(child.content)
        for plain, unescaped in _text_runs(token.children or ()):
            placeholders += [p for p in _PLACEHOLDER.findall(plain) if _is_placeholder(p)]
            html += [t for t in _BROWSER_TAG.findall(unescaped) if not _is_placeholder(t)]
    return Shape(tuple(code), tuple(links), tuple(placeholders), tuple(blocks), tuple(html))


#: Element names that make ``<name>`` markup rather than a placeholder.
_HTML_ELEMENTS = frozenset(
    "a abbr b base body br button code details div em embed form h1 h2 h3 h4 h5 h6 head hr html i iframe img "
    "input kbd link li meta object ol option p pre q s samp script select small source span strong style sub "
    "summary sup svg table tbody td textarea th thead title tr u ul var video audio".split())


def _is_placeholder(text: str) -> bool:
    """``<your-token>`` and ``{date}`` are placeholders; ``<b>`` and ``<script>`` are markup."""
    return bool(_PLACEHOLDER.fullmatch(text)) and text.strip("<>").lower() not in _HTML_ELEMENTS


def _text_runs(children: Sequence[Token]) -> Iterator[tuple[str, str]]:
    """Each run of adjacent text in an inline token: as shown, and with every escaped character replaced by
    a character no tag contains (so `\\<b>` is no tag, while a tag split over several tokens is still one)."""
    plain: list[str] = []
    unescaped: list[str] = []
    for child in [*children, None]:
        if child is not None and child.type in ("text", "text_special"):
            plain.append(child.content)
            unescaped.append(child.content if child.type == "text" else _ESCAPED * len(child.content))
        elif plain:
            yield "".join(plain), "".join(unescaped)
            plain, unescaped = [], []


def _count(block: str) -> str:
    """``bullet_list`` → ``bullet_list(1)`` → ``bullet_list(2)``: lists compare by their number of items."""
    name, _, number = block.partition("(")
    return f"{name}({int(number.rstrip(')') or 0) + 1})"


def differences(source: str, translation: str) -> list[tuple[str, str]]:
    """(kind, message) for every way ``translation`` fails to keep what ``source`` has."""
    want, got = shape(source), shape(translation)
    found: list[tuple[str, str]] = []
    for kind, what in (("code", "code spans"), ("links", "link targets"), ("placeholders", "placeholders")):
        expected: tuple[str, ...] = getattr(want, _FIELD[kind])
        actual: tuple[str, ...] = getattr(got, _FIELD[kind])
        if sorted(expected) != sorted(actual):
            found.append((kind, _explain(what, expected, actual)))
    if want.blocks != got.blocks:
        found.append(("structure", f"the Markdown structure differs from the source: "
                                   f"{_blocks(got.blocks)} instead of {_blocks(want.blocks)}"))
    if got.raw_html and not want.raw_html:
        found.append(("html", f"raw HTML is not allowed: {', '.join(f'`{h}`' for h in got.raw_html[:3])}"))
    return found


_FIELD = {"code": "code_spans", "links": "links", "placeholders": "placeholders"}


def _explain(what: str, expected: tuple[str, ...], actual: tuple[str, ...]) -> str:
    missing = [item for item in expected if actual.count(item) < expected.count(item)]
    extra = [item for item in actual if expected.count(item) < actual.count(item)]
    parts = []
    if extra:
        parts.append(f"has {', '.join(f'`{x}`' for x in dict.fromkeys(extra))} which the source does not")
    if missing:
        parts.append(f"lacks {', '.join(f'`{x}`' for x in dict.fromkeys(missing))}")
    return f"{what} differ from the source: the translation {' and '.join(parts)}; copy them exactly from the source"


def _blocks(blocks: tuple[str, ...]) -> str:
    return ", ".join(blocks) if blocks else "nothing"


def first_extra(source: str, translation: str, kind: str) -> str | None:
    """The first item of ``kind`` the translation has and the source does not (to point at it in the file)."""
    want, got = shape(source), shape(translation)
    expected: tuple[str, ...] = getattr(want, _FIELD.get(kind, "raw_html"))
    actual: tuple[str, ...] = getattr(got, _FIELD.get(kind, "raw_html"))
    for item in actual:
        if actual.count(item) > expected.count(item):
            return item
    return None
