"""Record text (CommonMark) → Python-Markdown source we vouch for.

Records are Markdown, but not trusted Markdown: the text is parsed by
markdown-it-py in its CommonMark preset with ``html=False`` (raw HTML stays
text), then written back out from the syntax tree through ``markup``'s
escaping, construct by construct. Only what is listed here can reach a page:
paragraphs, emphasis, code, lists, block quotes, code blocks and checked
links. Headings (which would break the page outline) and images (which would
load from a third-party host) are refused with a message naming the field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
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
            raise RenderError(f"only a single paragraph is allowed here, found a {_describe(node)}")
        parts.append(_inline(node.children[0], context))
    return " ".join(parts)


def _block(node: SyntaxTreeNode, context: TextContext) -> list[str]:
    kind = node.type
    if kind == "paragraph":
        return [markup.escape_line_start(_inline(node.children[0], context))]
    if kind in ("bullet_list", "ordered_list"):
        return _list(node, context)
    if kind == "blockquote":
        body = markup.join_blocks([_block(child, context) for child in node.children])
        return [f"> {line}" if line else ">" for line in body]
    if kind in ("fence", "code_block"):
        info = node.info.split()[0] if node.info.strip() else ""
        return markup.fence(node.content, info if _SAFE_INFO.fullmatch(info) else "text")
    if kind == "hr":
        return ["* * *"]
    raise RenderError(f"a {_describe(node)} is not allowed in record text")


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


def _inline(node: SyntaxTreeNode, context: TextContext) -> str:
    return "".join(_inline_node(child, context) for child in node.children)


def _inline_node(node: SyntaxTreeNode, context: TextContext) -> str:
    kind = node.type
    if kind == "text":
        return markup.escape_text(node.content)
    if kind == "softbreak":
        return " "
    if kind == "hardbreak":
        return "<br />"
    if kind == "code_inline":
        return markup.code_span(node.content)
    if kind == "em":
        return f"*{_inline(node, context)}*"
    if kind == "strong":
        return f"**{_inline(node, context)}**"
    if kind == "link":
        href = str(node.attrs.get("href", ""))
        url = context.links.resolve(href, context.page, context.record)
        return markup.link(_inline(node, context), url)
    raise RenderError(f"{_describe(node)} is not allowed in record text")


def _describe(node: SyntaxTreeNode) -> str:
    if node.type == "heading":
        return "heading (use a paragraph; the page makes the headings)"
    if node.type == "image":
        return "an image (images would load from another host; link to it instead)"
    return node.type.replace("_", " ")
