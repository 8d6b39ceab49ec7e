"""Generate the Markdown docs tree of every language: the generation stage, pure.

``generate(site, languages)`` returns each language's pages as text by docs
path; nothing here touches the disk or MkDocs, so another engine that reads
``mkdocs.yml`` could build the same tree, and tests compare pages as
strings. Problems are collected across all records and reported once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kbtool.errors import RenderError
from kbtool.render.context import Site
from kbtool.render.index_pages import render_index_pages
from kbtool.render.links import record_page
from kbtool.render.match_page import match_files
from kbtool.render.record_page import render_record_page


@dataclass(slots=True)
class Generated:
    """Pages by language and docs path, and every problem found while rendering them."""

    pages: dict[str, dict[str, str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def generate(site: Site, languages: Iterable[str]) -> Generated:
    """Every page of every language in ``languages``; problems instead of pages for records that fail."""
    result = Generated()
    for lang in languages:
        pages = render_index_pages(site, lang)
        pages.update(match_files(site, lang))
        for record in site.sorted_records():
            try:
                pages[record_page(record.id)] = render_record_page(record, site, lang)
            except RenderError as exc:
                if str(exc) not in result.problems:  # the same record fails the same way in every language
                    result.problems.append(str(exc))
        result.pages[lang] = pages
    return result
