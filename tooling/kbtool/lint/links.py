"""Links in record text and docs pages, with the file position of each, and which record fields are Markdown:
what the KB1xx rules read.

Links are found by the renderer's own Markdown parser
(:func:`kbtool.render.record_markdown.markdown_links`), so a link inside
code is not a link here either. markdown-it-py gives inline links no
position, so the destination is searched in the file where the field (or
the Markdown block) is written: the n-th link to a destination is the n-th
place that destination is written as a link (after ``(`` or ``<``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from kbtool.load.document import DataPath, Document
from kbtool.render.links import KB_SCHEME
from kbtool.render.record_markdown import markdown_links

#: What stands before and after a link destination as written: ``(dest)``, ``<dest>``, ``[ref]: dest "title"``.
_BEFORE = ("(", "<", " ")
_AFTER = ("", ")", ">", " ", '"', "'")

#: Any index of a list, in :data:`MARKDOWN_FIELDS`.
ANY = -1

#: Where record text is Markdown (``$defs/markdown`` in the record schema); a test keeps the two in step.
MARKDOWN_FIELDS: tuple[tuple[str | int, ...], ...] = (
    ("summary",),
    ("symptoms", ANY),
    ("causes", ANY, "text"),
    ("solutions", ANY, "when"),
    ("solutions", ANY, "steps", ANY, "text"),
    ("solutions", ANY, "verify", ANY, "text"),
    ("commits", ANY, "note"),
    ("source_claims", ANY, "claim"),
    ("source_claims", ANY, "fact"),
    ("verification", "verified", ANY),
    ("verification", "unverified", ANY),
)

#: Where the page writes Markdown as one paragraph (a heading, a "When:" line, a correction): a list, a quote
#: or any other block is refused there (``render_inline``). Cause and solution titles are plain lines to the
#: schema but Markdown on the page. KB109's tests keep this in step with the page.
ONE_PARAGRAPH_FIELDS: tuple[tuple[str | int, ...], ...] = (
    ("causes", ANY, "title"),
    ("solutions", ANY, "title"),
    ("solutions", ANY, "when"),
    ("source_claims", ANY, "claim"),
    ("source_claims", ANY, "fact"),
)


@dataclass(frozen=True, slots=True)
class PlacedLink:
    """A link destination as the renderer reads it, where it is written (1-based), and the field it is in."""

    href: str
    line: int
    column: int
    field: DataPath = ()


@dataclass(frozen=True, slots=True)
class KbTarget:
    """A link to a record: ``kb:record-id#anchor``, or ``#anchor`` for the record it is written in."""

    record: str
    anchor: str


def kb_target(href: str, current: str | None) -> KbTarget | None:
    """The record (and anchor) ``href`` points to, or None when it is not a record link."""
    if href.startswith(KB_SCHEME):
        record, _, anchor = href[len(KB_SCHEME):].partition("#")
        return KbTarget(record, anchor)
    if href.startswith("#") and current is not None:
        return KbTarget(current, href[1:])
    return None


def markdown_fields(data: Any) -> Iterator[tuple[DataPath, str]]:
    """Every Markdown text of a record's data, with its path."""
    for pattern in MARKDOWN_FIELDS:
        yield from _expand(data, pattern, ())


def rendered_markdown(data: Any) -> Iterator[tuple[DataPath, str, bool]]:
    """Every text of a record's data the page renders as Markdown: its path, the text, and whether it
    must be one paragraph."""
    for pattern in dict.fromkeys(MARKDOWN_FIELDS + ONE_PARAGRAPH_FIELDS):
        for path, text in _expand(data, pattern, ()):
            yield path, text, pattern in ONE_PARAGRAPH_FIELDS


def rendered_as(path: DataPath) -> str | None:
    """How the page renders the record text at ``path``: ``"one paragraph"``, ``"blocks"``, or None (not
    as Markdown, such as the record's title)."""
    if any(_fits(pattern, path) for pattern in ONE_PARAGRAPH_FIELDS):
        return "one paragraph"
    if any(_fits(pattern, path) for pattern in MARKDOWN_FIELDS):
        return "blocks"
    return None


def _fits(pattern: tuple[str | int, ...], path: DataPath) -> bool:
    return len(pattern) == len(path) and all(step == ANY and isinstance(part, int) or step == part
                                             for step, part in zip(pattern, path))


def record_links(doc: Document) -> list[PlacedLink]:
    """Every link in the Markdown text of a record, at the place it is written in the file."""
    lines = doc.text.split("\n")
    found: list[PlacedLink] = []
    for path, text in markdown_fields(doc.data):
        span = doc.span(path)
        region = _Region(lines, span.line, span.column, span.end_line, span.end_column)
        for href, (line, column) in _place(region, [link.href for link in markdown_links(text)]):
            found.append(PlacedLink(href, line, column, path))
    return sorted(found, key=lambda link: (link.line, link.column))


def page_links(text: str) -> list[PlacedLink]:
    """Every link of a Markdown page (such as ``docs/*.md``), at the place it is written."""
    lines = text.split("\n")
    blocks: dict[tuple[int, int], list[str]] = {}
    for link in markdown_links(text):
        blocks.setdefault(link.lines or (0, len(lines)), []).append(link.href)
    found: list[PlacedLink] = []
    for (first, last), hrefs in blocks.items():
        region = _Region(lines, first + 1, 1, last + 1, 1)
        found += [PlacedLink(href, line, column) for href, (line, column) in _place(region, hrefs)]
    return sorted(found, key=lambda link: (link.line, link.column))


@dataclass(frozen=True, slots=True)
class _Region:
    """A stretch of a file, 1-based, end exclusive."""

    lines: list[str]
    line: int
    column: int
    end_line: int
    end_column: int

    def occurrences(self, needle: str) -> Iterator[tuple[int, int, bool]]:
        """Each place ``needle`` is written in the region: line, column, and whether it stands as a link destination.

        A destination follows ``(``, ``<`` or the ``: `` of a reference
        definition, and is followed by ``)``, ``>``, a space or a quote.
        """
        if not needle:
            return
        for number in range(self.line, min(self.end_line, len(self.lines)) + 1):
            text = self.lines[number - 1]
            start = self.column - 1 if number == self.line else 0
            end = self.end_column - 1 if number == self.end_line else len(text)
            index = text.find(needle, start, max(start, end))
            while index >= 0:
                after = index + len(needle)
                delimited = text[index - 1:index] in _BEFORE and text[after:after + 1] in _AFTER
                yield number, index + 1, delimited
                index = text.find(needle, index + 1, max(start, end))


def _place(region: _Region, hrefs: list[str]) -> Iterator[tuple[str, tuple[int, int]]]:
    """Each href with its position: the n-th link to a destination at its n-th written occurrence."""
    seen: dict[str, int] = {}
    for href in hrefs:
        nth = seen.get(href, 0)
        seen[href] = nth + 1
        everywhere = list(region.occurrences(href))
        as_links = [(line, column) for line, column, delimited in everywhere if delimited]
        if nth < len(as_links):
            yield href, as_links[nth]
        elif nth < len(everywhere):
            yield href, everywhere[nth][:2]
        else:  # written differently (escapes, a folded line break): the start of the field
            yield href, (region.line, region.column)


def _expand(data: Any, pattern: tuple[str | int, ...], path: DataPath) -> Iterator[tuple[DataPath, str]]:
    if not pattern:
        if isinstance(data, str):
            yield path, data
        return
    step, rest = pattern[0], pattern[1:]
    if step == ANY:
        if isinstance(data, list):
            for index, item in enumerate(data):
                yield from _expand(item, rest, path + (index,))
    elif isinstance(data, dict) and step in data:
        yield from _expand(data[step], rest, path + (step,))
