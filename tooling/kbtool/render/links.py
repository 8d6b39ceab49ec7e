"""Where pages live in a language's docs tree, and how record text may link.

Record text may link to ``https:`` URLs and to other records with the short
form ``kb:record-id`` or ``kb:record-id#anchor`` (``#anchor`` alone: this
record), where an anchor is a cause or solution id. Every language has the
same tree, so a relative link between two pages stays in the reader's
language. Anything else (``http:``, ``javascript:``, ``data:``, relative
paths) is refused with a message naming the field, rather than published.
"""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field

from kbtool.errors import RenderError
from kbtool.render.ui_text import N_

HOME = "index.md"
MATCH_PAGE = "match.md"
ERRORS_INDEX = "errors.md"
PRODUCTS_INDEX = "products.md"
TAGS_INDEX = "tags.md"
RECORDS_INDEX = "records.md"
COVERAGE_PAGE = "translations.md"
LINT_RULES_PAGE = "lint-rules.md"

#: The index pages, in navigation order, with their English title (an interface msgid, for ``t()``).
INDEX_PAGES: tuple[tuple[str, str], ...] = (
    (HOME, N_("Home")),
    (MATCH_PAGE, N_("Paste your error")),
    (ERRORS_INDEX, N_("By error message")),
    (PRODUCTS_INDEX, N_("By product")),
    (TAGS_INDEX, N_("By tag")),
    (RECORDS_INDEX, N_("All records")),
    (COVERAGE_PAGE, N_("Translation status")),
    (LINT_RULES_PAGE, N_("Lint rules")),
)

KB_SCHEME = "kb:"

#: Section anchors of a record page, fixed in English so links do not depend on the page's language.
SECTION_ANCHORS = ("error-messages", "symptoms", "causes", "solutions", "applies-to", "related",
                   "commits", "corrections", "sources", "verification")


def record_page(record_id: str) -> str:
    """A record's page, relative to the docs root."""
    return f"records/{record_id}.md"


def relative(from_page: str, to_page: str) -> str:
    """A link from one docs page to another (MkDocs resolves ``.md`` links and checks them in strict mode)."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def html_path(page: str) -> str:
    """The built file of a docs page (``use_directory_urls: false``: works from ``file://`` too)."""
    return page[: -len(".md")] + ".html"


@dataclass(frozen=True, slots=True)
class LinkTargets:
    """What record text can link to: each record's anchors (its cause and solution ids)."""

    anchors: dict[str, frozenset[str]] = field(default_factory=dict)

    def resolve(self, href: str, from_page: str, current_record: str | None) -> str:
        """The URL to write for ``href`` on ``from_page``, or a RenderError saying why it is refused."""
        if href.startswith("https://"):
            return href
        if href.startswith("#") and current_record is not None:
            href = f"{KB_SCHEME}{current_record}{href}"
        if href.startswith(KB_SCHEME):
            return self._resolve_kb(href, from_page)
        scheme = href.split(":", 1)[0] + ":" if ":" in href else ""
        if scheme.lower() in ("http:", "javascript:", "data:", "vbscript:", "file:"):
            raise RenderError(f"link `{href}` is refused: links must be https:// URLs or kb:record-id[#anchor]")
        raise RenderError(f"link `{href}` is not allowed: use an https:// URL, or kb:record-id[#anchor] for a record")

    def _resolve_kb(self, href: str, from_page: str) -> str:
        target, _, anchor = href[len(KB_SCHEME):].partition("#")
        if target not in self.anchors:
            hint = _did_you_mean(target, self.anchors)
            raise RenderError(f"link `{href}` points to unknown record `{target}`{hint}")
        if anchor and anchor not in self.anchors[target]:
            hint = _did_you_mean(anchor, self.anchors[target])
            raise RenderError(f"link `{href}`: record `{target}` has no cause or solution `{anchor}`{hint}")
        link = relative(from_page, record_page(target))
        return f"{link}#{anchor}" if anchor else link


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    matches = difflib.get_close_matches(word, sorted(choices), n=1)
    return f"; did you mean `{matches[0]}`?" if matches else ""
