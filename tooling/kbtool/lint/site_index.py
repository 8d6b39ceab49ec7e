"""A built site as the link check sees it: every file, and for each HTML page its ids and links.

Each page is parsed once (the standard library's ``html.parser``, which
copes with any real-world HTML), so checking a fragment costs a set lookup
however many links point at the page. Positions are 1-based line and
column of the attribute value, so an editor can jump to the broken link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

#: Attributes whose value is a URL the browser follows or loads.
LINK_ATTRIBUTES = frozenset({"href", "src"})


@dataclass(frozen=True, slots=True)
class HtmlLink:
    """A URL in an ``href`` or ``src`` attribute, at the 1-based position of its value."""

    url: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """What other pages can point into (``id``s and ``<a name>``s), and what this page points to."""

    ids: frozenset[str]
    links: tuple[HtmlLink, ...]


@dataclass(frozen=True, slots=True)
class SiteIndex:
    """Every file of a built site (POSIX paths relative to ``root``) and its parsed HTML pages."""

    root: Path
    files: frozenset[str]
    pages: dict[str, HtmlPage]


def parse_html(text: str) -> HtmlPage:
    """The ids and links of one HTML page."""
    collector = _Collector()
    collector.feed(text)
    collector.close()
    return HtmlPage(frozenset(collector.ids), tuple(collector.links))


def load_site(root: Path) -> SiteIndex:
    """Read every file name below ``root`` and parse every ``.html`` file."""
    files: set[str] = set()
    pages: dict[str, HtmlPage] = {}
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(root).as_posix()
        files.add(relative)
        if path.suffix == ".html":
            pages[relative] = parse_html(path.read_text(encoding="utf-8", errors="replace"))
    return SiteIndex(root, frozenset(files), pages)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[HtmlLink] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            elif name in LINK_ATTRIBUTES:
                line, column = self._value_position(name)
                self.links.append(HtmlLink(value, line, column))

    def _value_position(self, name: str) -> tuple[int, int]:
        """Where the value of attribute ``name`` starts in the file (the tag's start if not found)."""
        line, offset = self.getpos()
        raw = self.get_starttag_text() or ""
        match = re.search(rf"\s{name}\s*=\s*[\"']?", raw, re.IGNORECASE)
        if match is None:
            return line, offset + 1
        index = match.end()
        newlines = raw.count("\n", 0, index)
        if newlines == 0:
            return line, offset + index + 1
        return line + newlines, index - raw.rfind("\n", 0, index)
