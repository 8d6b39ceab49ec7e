"""Write Python-Markdown source safely: escaping, code spans, fences, indentation, admonitions.

Why escaping matters: the generated pages are read by Python-Markdown with
extensions (attr_list, admonition, superfences) that give meaning to text
such as ``{: onclick=...}``, ``!!! note`` or ``<script>``. Every piece of
record text reaches the page through these functions, so nothing a record
says can become markup we did not write. Python-Markdown only honours
backslash escapes for its own set of characters
(``markdown.util``'s ``ESCAPED_CHARS``: backslash, backtick, ``* _ { } [ ] ( ) > # + - . !``);
``<`` and ``&`` are written as entities instead.
"""

from __future__ import annotations

import re

import yaml

# Escaped wherever they appear: emphasis, code, attr_list braces, link brackets, headings' closing #.
_ALWAYS = re.compile(r"([\\`*_{}\[\]#])")
# Meaningful only at the start of a line: lists, block quotes, admonitions, setext and ordered lists.
_LINE_START = re.compile(r"^(\s*)([-+!>=]|\d+(?=[.)]))")


def escape_text(text: str) -> str:
    """Plain text as Python-Markdown source that renders exactly as this text, on one line.

    Where the text starts a line, pass the line through :func:`escape_line_start` too.
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _ALWAYS.sub(r"\\\1", " ".join(text.split("\n")))


def escape_line_start(line: str) -> str:
    """Neutralise a line that would otherwise open a block (``- x``, ``1. x``, ``!!! x``)."""
    match = _LINE_START.match(line)
    if not match:
        return line
    lead, marker = match.group(1), match.group(2)
    rest = line[match.end():]
    if marker[0].isdigit():  # "2026. x" would start an ordered list: escape the dot after the digits
        return f"{lead}{marker}\\{rest}" if rest[:1] == "." else f"{lead}{marker}{rest}"
    return f"{lead}\\{marker}{rest}"


def escape_table_cell(markdown: str) -> str:
    """Markdown (already escaped) made safe inside a table cell: the tables extension honours ``\\|``."""
    return markdown.replace("|", "\\|")


def link(text_markdown: str, url: str) -> str:
    """``[text](url)`` with the characters that would end or break the URL percent-encoded."""
    return f"[{text_markdown}]({link_url(url)})"


def link_url(url: str) -> str:
    """A URL Python-Markdown reads back unchanged inside ``( )``."""
    for char, code in ((" ", "%20"), ("(", "%28"), (")", "%29"), ("<", "%3C"), (">", "%3E"), ('"', "%22")):
        url = url.replace(char, code)
    return url


def code_span(code: str) -> str:
    """Inline code: a backtick run longer than any inside, padded when the code starts or ends with one."""
    code = " ".join(code.split("\n"))
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if code.startswith("`") or code.endswith("`") else ""
    return f"{fence}{pad}{code}{pad}{fence}"


def fence(code: str, lang: str = "text", title: str | None = None, css_class: str | None = None) -> list[str]:
    """A fenced code block (superfences) that shows ``code`` verbatim with a copy button."""
    longest = max((len(run) for run in re.findall(r"^\s*(`{3,})", code, re.MULTILINE)), default=0)
    marks = "`" * max(3, longest + 1)
    # The attribute value is HTML-escaped by pymdownx.highlight; only the quote must not end it.
    title_attr = f' title="{title.replace(chr(34), chr(39))}"' if title else ""
    if css_class:
        header = f"{marks}{{ .{lang} .{css_class}{title_attr} }}"
    else:
        header = f"{marks}{lang}{title_attr}"
    return [header, *code.rstrip("\n").split("\n"), marks]


def indent(lines: list[str], prefix: str = "    ") -> list[str]:
    """Indent block content (list item continuation, admonition body); blank lines stay blank."""
    return [prefix + line if line else "" for line in lines]


def list_item(marker: str, body: list[str]) -> list[str]:
    """One list item: the first line after the marker, the rest indented by four spaces.

    Python-Markdown needs four-space continuation indentation whatever the marker's width.
    """
    if not body:
        return [marker]
    first, *rest = body
    if not first:  # the item starts with a block (a fence); keep the marker on its own line
        return [marker, *indent(body)]
    return [f"{marker} {first}", *indent(rest)]


def admonition(kind: str, title: str, body: list[str]) -> list[str]:
    """A Material admonition ``!!! kind "title"`` around already-rendered Markdown lines."""
    safe_title = title.replace('"', "'")
    return [f'!!! {kind} "{safe_title}"', "", *indent(body)]


def heading(level: int, text_markdown: str, anchor: str) -> str:
    """A heading with an explicit id (attr_list), so anchors do not depend on the page's language."""
    return f"{'#' * level} {text_markdown} {{#{anchor}}}"


def join_blocks(blocks: list[list[str]]) -> list[str]:
    """Blocks separated by one blank line (empty blocks dropped)."""
    lines: list[str] = []
    for block in blocks:
        if not block:
            continue
        if lines:
            lines.append("")
        lines.extend(block)
    return lines


#: libyaml's emitter where PyYAML has it: every page has front matter, and the Python emitter took a sixth
#: of page generation (docs/benchmarks.md).
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def front_matter(meta: dict[str, object]) -> list[str]:
    """YAML front matter for MkDocs; values here are ours (ids, links), never raw record text.

    Material inserts some front-matter values into HTML without escaping, so
    record text goes into the page body, where it passes through escaping.
    """
    text = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, default_flow_style=False,
                     width=1000)
    return ["---", *text.rstrip("\n").split("\n"), "---"]


def paragraph_attributes(lines: list[str], attributes: str) -> list[str]:
    """``lines`` with an attribute list (attr_list) closing every paragraph outside code fences.

    Used to mark text shown in another language than the page's
    (``lang="en"``) without raw HTML, which Markdown would not read inside
    list items.
    """
    out: list[str] = []
    in_fence = False
    in_paragraph = False
    for line in lines + [""]:
        stripped = line.strip()
        if stripped.startswith("```"):
            in_fence = not in_fence
        elif not in_fence and not stripped and in_paragraph:
            out.append(f"{{: {attributes} }}")
            in_paragraph = False
        elif not in_fence and stripped and not in_paragraph:
            in_paragraph = not _STARTS_BLOCK.match(line)
        out.append(line)
    return out[:-1]


#: Lines that start something other than a paragraph: lists, quotes, fences, indented code, admonitions.
_STARTS_BLOCK = re.compile(r"^(?:\s*(?:[-*+]|\d+[.)])\s|\s*>|\s*```|    |!!!|\s*\* \* \*)")
