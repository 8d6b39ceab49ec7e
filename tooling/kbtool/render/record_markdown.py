"""Record text (CommonMark) → Python-Markdown source we vouch for.

Records are Markdown, but not trusted Markdown: the text is parsed by
markdown-it-py in its CommonMark preset with ``html=False`` (raw HTML stays
text), then written back out from the syntax tree through ``markup``'s
escaping, construct by construct. Only what :data:`_BLOCKS` and
:data:`_INLINES` list can reach a page: paragraphs, emphasis, code, lists,
block quotes, code blocks and checked links. Headings (which would break the
page outline) and images (which would load from a third-party host) are
refused with a message naming the field. ``kb lint`` (KB109) reports the same
refusals from the same tables through :func:`refusals`, before a build.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

from kbtool.errors import RenderError
from kbtool.render import markup
from kbtool.render.links import LinkTargets


class _RecordParser(MarkdownIt):
    """CommonMark without raw HTML, keeping every link for ``LinkTargets.resolve`` to judge.

    markdown-it's own check drops links it deems unsafe (``javascript:``) and
    leaves their source as text; we refuse them by name instead.
    """

    def validateLink(self, url: str) -> bool:  # noqa: N802 (markdown-it's name)
        del url
        return True


_MD = _RecordParser("commonmark", {"html": False})
_SAFE_INFO = re.compile(r"[A-Za-z0-9_+-]+")


@dataclass(frozen=True, slots=True)
class TextContext:
    """Where a piece of record text is rendered: the page (for relative links) and the record (for ``#anchor``).

    ``fallback`` names the fields (translation keys) shown in the source
    language ``source_lang`` because their translation is ``outdated`` or
    ``missing``; the page marks them so.
    """

    page: str
    record: str | None
    links: LinkTargets
    fallback: Mapping[str, str] = field(default_factory=dict)
    source_lang: str = "en"


@dataclass(frozen=True, slots=True)
class MarkdownLink:
    """A link in Markdown text: its destination and the 0-based, half-open line range of its block.

    markdown-it-py gives positions only to block tokens (``Token.map``); an
    inline link has none, so the block's lines are the closest position the
    parser knows. Callers search the destination within those lines.
    """

    href: str
    lines: tuple[int, int] | None


def markdown_links(text: str) -> list[MarkdownLink]:
    """Every link in ``text`` in reading order, parsed exactly as record text is rendered.

    ``kb lint`` checks links with this, so a link it accepts is one the
    renderer sees the same way (links inside code are not links).
    """
    found: list[MarkdownLink] = []
    for token in _MD.parse(text):
        lines = (token.map[0], token.map[1]) if token.map else None
        for child in token.children or ():
            if child.type == "link_open":
                found.append(MarkdownLink(str(child.attrGet("href") or ""), lines))
    return found


def render_blocks(text: str, context: TextContext) -> list[str]:
    """Record Markdown as safe Python-Markdown lines (blocks separated by blank lines)."""
    tree = SyntaxTreeNode(_MD.parse(text))
    return markup.join_blocks([_block(node, context) for node in tree.children])


def render_inline(text: str, context: TextContext) -> str:
    """Record Markdown that must fit on one line (a list item, a table cell): paragraphs joined by spaces."""
    tree = SyntaxTreeNode(_MD.parse(text))
    parts: list[str] = []
    for node in tree.children:
        if node.type != "paragraph":
            raise RenderError(_not_one_paragraph(node.type))
        parts.append(_inline(node.children[0], context))
    return " ".join(parts)


@dataclass(frozen=True, slots=True)
class Refusal:
    """A construct of record text the renderer refuses: why (the build's own words), and how its start is
    written, to find it in the file (markdown-it-py places no inline construct): ``![`` for an image, the
    first line for a block."""

    message: str
    written: str


def refusals(text: str, *, one_paragraph: bool = False) -> list[Refusal]:
    """Every construct of ``text`` that :func:`render_blocks` (or, with ``one_paragraph``,
    :func:`render_inline`) refuses, in reading order: a build stops at the first, this finds them all.

    Reads markdown-it's flat token stream rather than a syntax tree (``kb lint`` runs this on every text of
    every record and translation; building the tree doubled the time); a token's type without ``_open``
    is its tree node's type. What a refused construct contains is not looked into, as the renderer does not.
    """
    source = text.split("\n")

    def refused_block(kind: str, level: int) -> str | None:  # in the order render_inline and _block check
        if one_paragraph and level == 0 and kind != "paragraph":
            return _not_one_paragraph(kind)
        if kind not in _BLOCKS and kind != "list_item":  # an item is written by its list
            return _not_allowed(kind)
        return None

    found: list[Refusal] = []
    for token in _outside_refused(_MD.parse(text), lambda kind, level: refused_block(kind, level) is None):
        kind = token.type.removesuffix("_open")
        if kind == "inline":
            found += [Refusal(_not_allowed(child.type.removesuffix("_open")), "![" if child.type == "image" else "")
                      for child in _outside_refused(token.children or [], lambda kind, level: kind in _INLINES)
                      if child.type.removesuffix("_open") not in _INLINES]
        elif (message := refused_block(kind, token.level)) is not None:
            found.append(Refusal(message, source[token.map[0]].strip() if token.map else ""))
    return found


def _outside_refused(tokens: list[Token], allowed: Callable[[str, int], bool]) -> Iterator[Token]:
    """The opening and self-contained tokens of ``tokens``, without what a refused construct contains."""
    inside: int | None = None  # the level of the refused construct being skipped
    for token in tokens:
        if inside is not None:
            inside = None if token.level == inside and token.nesting == -1 else inside
        elif token.nesting != -1:
            yield token
            if token.nesting == 1 and not allowed(token.type.removesuffix("_open"), token.level):
                inside = token.level


def _block(node: SyntaxTreeNode, context: TextContext) -> list[str]:
    writer = _BLOCKS.get(node.type)
    if writer is None:
        raise RenderError(_not_allowed(node.type))
    return writer(node, context)


def _paragraph(node: SyntaxTreeNode, context: TextContext) -> list[str]:
    return [markup.escape_line_start(_inline(node.children[0], context))]


def _list(node: SyntaxTreeNode, context: TextContext) -> list[str]:
    lines: list[str] = []
    loose = _is_loose(node)
    for number, item in enumerate(node.children, start=1):
        marker = f"{number}." if node.type == "ordered_list" else "-"
        body = markup.join_blocks([_block(child, context) for child in item.children])
        if loose and lines:
            lines.append("")
        lines.extend(markup.list_item(marker, body))
    return lines


def _is_loose(node: SyntaxTreeNode) -> bool:
    """CommonMark marks tight lists by hiding their paragraphs; keep the looseness the author wrote."""
    return any(not child.hidden for item in node.children for child in item.children if child.type == "paragraph")


def _quote(node: SyntaxTreeNode, context: TextContext) -> list[str]:
    body = markup.join_blocks([_block(child, context) for child in node.children])
    return [f"> {line}" if line else ">" for line in body]


def _code(node: SyntaxTreeNode, context: TextContext) -> list[str]:
    info = node.info.split()[0] if node.info.strip() else ""
    return markup.fence(node.content, info if _SAFE_INFO.fullmatch(info) else "text")


def _rule(node: SyntaxTreeNode, context: TextContext) -> list[str]:
    return ["* * *"]


def _inline(node: SyntaxTreeNode, context: TextContext) -> str:
    return "".join(_inline_node(child, context) for child in node.children)


def _inline_node(node: SyntaxTreeNode, context: TextContext) -> str:
    writer = _INLINES.get(node.type)
    if writer is None:
        raise RenderError(_not_allowed(node.type))
    return writer(node, context)


def _link(node: SyntaxTreeNode, context: TextContext) -> str:
    href = str(node.attrs.get("href", ""))
    url = context.links.resolve(href, context.page, context.record)
    return markup.link(_inline(node, context), url)


#: The block constructs record text may use (markdown-it-py token types), each with how it is written on
#: the page. Anything else is refused, by the build and by `kb lint` alike: this is the one list.
_BLOCKS: dict[str, Callable[[SyntaxTreeNode, TextContext], list[str]]] = {
    "paragraph": _paragraph,
    "bullet_list": _list,
    "ordered_list": _list,
    "blockquote": _quote,
    "fence": _code,
    "code_block": _code,
    "hr": _rule,
}

#: The inline constructs record text may use, each with how it is written; images are not among them.
_INLINES: dict[str, Callable[[SyntaxTreeNode, TextContext], str]] = {
    "text": lambda node, context: markup.escape_text(node.content),
    "softbreak": lambda node, context: " ",
    "hardbreak": lambda node, context: "<br />",
    "code_inline": lambda node, context: markup.code_span(node.content),
    "em": lambda node, context: f"*{_inline(node, context)}*",
    "strong": lambda node, context: f"**{_inline(node, context)}**",
    "link": _link,
}


def _not_allowed(kind: str) -> str:
    return f"{_describe(kind)} is not allowed in record text"


def _not_one_paragraph(kind: str) -> str:
    return f"only a single paragraph is allowed here, found {_describe(kind)}"


def _describe(kind: str) -> str:
    """A construct (a syntax tree node's type) with its article, and what to write instead of those a
    writer might reach for."""
    if kind == "heading":
        return "a heading (use a paragraph; the page makes the headings)"
    if kind == "image":
        return "an image (images would load from another host; link to it instead)"
    name = _NAMES.get(kind, kind.replace("_", " "))
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"


_NAMES = {"bullet_list": "bulleted list", "ordered_list": "numbered list", "blockquote": "block quote",
          "fence": "code block", "code_block": "code block", "hr": "thematic break (---)", "html_block": "block of raw HTML"}
