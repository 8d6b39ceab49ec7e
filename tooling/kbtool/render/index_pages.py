"""The index pages: home, by error message / close code, by product, by tag, all records.

Records are not in the sidebar (Material embeds the whole navigation in every
page, so a page's size would grow with the number of records); these pages
are how readers reach them. Every record is linked from the all-records
table, which the home page links to: two clicks from home.
"""

from __future__ import annotations

from collections import defaultdict

from kbtool.model.record import Record
from kbtool.render import markup
from kbtool.render.context import Site, alternates
from kbtool.render.languages import SOURCE_LANGUAGE, language
from kbtool.lint.docs import rules_markdown
from kbtool.lint.registry import rule_infos
from kbtool.render.coverage_page import render_coverage
from kbtool.render.links import (
    COVERAGE_PAGE,
    LINT_RULES_PAGE,
    ERRORS_INDEX,
    HOME,
    MATCH_PAGE,
    INDEX_PAGES,
    PRODUCTS_INDEX,
    RECORDS_INDEX,
    TAGS_INDEX,
    record_page,
    relative,
)
from kbtool.render.localize import long_date, words
from kbtool.render.match_page import render_match_page
from kbtool.render.ui_text import N_, t

#: How many records the home page lists as recently updated.
RECENT = 10
#: Search ranking: index pages repeat every error string, but the record should come first.
INDEX_SEARCH_BOOST = 0.5


def render_index_pages(site: Site, lang: str) -> dict[str, str]:
    """Every index page of one language, by docs path."""
    renderers = {
        HOME: _home,
        MATCH_PAGE: render_match_page,
        ERRORS_INDEX: _errors,
        PRODUCTS_INDEX: _products,
        TAGS_INDEX: _tags,
        RECORDS_INDEX: _records,
        COVERAGE_PAGE: _coverage,
        LINT_RULES_PAGE: _lint_rules,
    }
    return {page: _page(site, page, lang, renderers[page](site, page, lang)) for page, _ in INDEX_PAGES}


def _page(site: Site, page: str, lang: str, body: list[str]) -> str:
    meta: dict[str, object] = {
        "search": {"boost": INDEX_SEARCH_BOOST},
        "kb_alternates": [a.as_meta() for a in alternates(page, language(lang), site.languages)],
    }
    return "\n".join(markup.join_blocks([markup.front_matter(meta), body])) + "\n"


def _title(page: str, lang: str) -> str:
    return t(lang, dict(INDEX_PAGES)[page])


def _link(record: Record, page: str) -> str:
    return markup.link(markup.escape_text(record.title), relative(page, record_page(record.id)))


def _home(site: Site, page: str, lang: str) -> list[str]:
    intro = t(lang, "Fixes for OpenClaw (formerly Clawdbot, then Moltbot) and Moltworker gateway errors such as "
                    "`disconnected (1008)` and `gateway closed (1008)`, each checked against the real software.")
    describe = {
        MATCH_PAGE: N_("paste a log and get the records that match it"),
        ERRORS_INDEX: N_("every error string and close code"),
        PRODUCTS_INDEX: N_("products and their former names"),
        TAGS_INDEX: N_("topics"),
        RECORDS_INDEX: N_("one table of every record"),
    }
    browse = [f"- [{markup.escape_text(_title(p, lang))}]({relative(page, p)}) — {markup.escape_text(t(lang, d))}"
              for p, d in describe.items()]
    recent = sorted(site.records.values(), key=lambda r: (r.updated, r.id), reverse=True)[:RECENT]
    recent_lines = [f"- {_link(r, page)} — {markup.escape_text(long_date(r.updated, lang))}" for r in recent]
    # The intro is our own Markdown (code spans), not record text.
    return markup.join_blocks([
        [f"# {markup.escape_text(t(lang, 'OpenClaw 1008 troubleshooting'))}"],
        [intro],
        [markup.heading(2, markup.escape_text(t(lang, "Find your error")), "find")],
        [markup.escape_text(t(lang, "Search for the exact message you see, or browse:"))],
        browse,
        [markup.heading(2, markup.escape_text(t(lang, "Recently updated")), "recent")],
        recent_lines or [markup.escape_text(t(lang, "No records yet."))],
    ])


def _coverage(site: Site, page: str, lang: str) -> list[str]:
    return render_coverage(site, page, lang)


def _lint_rules(site: Site, page: str, lang: str) -> list[str]:
    """The `kb lint` rules reference (docs/lint-rules.md), generated from the rule docstrings; English only."""
    del site, page
    text = rules_markdown(rule_infos()).rstrip("\n").split("\n")
    if lang == SOURCE_LANGUAGE:
        return text
    note = markup.admonition("info", t(lang, "English only"),
                             [markup.escape_text(t(lang, "This reference for contributors is available in English only."))])
    return [text[0], "", *note, *text[1:]]


def _error_strings(record: Record) -> list[str]:
    strings: list[str] = []
    for signature in record.signatures:
        if signature.text is not None:
            strings.append(signature.text)
        strings.extend(signature.examples)
    return list(dict.fromkeys(strings))


def _errors(site: Site, page: str, lang: str) -> list[str]:
    by_code: dict[int | None, list[Record]] = defaultdict(list)
    for record in site.sorted_records():
        by_code[record.close_code].append(record)
    blocks: list[list[str]] = [[f"# {markup.escape_text(_title(page, lang))}"]]
    codes = sorted(c for c in by_code if c is not None)
    for code in [*codes, None]:
        if code not in by_code:
            continue
        if code is None:
            blocks.append([markup.heading(2, markup.escape_text(t(lang, "Without a close code")), "no-close-code")])
        else:
            blocks.append([markup.heading(2, markup.escape_text(t(lang, "Close code {code}", code=code)),
                                          f"close-code-{code}")])
        lines: list[str] = []
        for record in by_code[code]:
            lines.append(f"- {_link(record, page)}")
            lines += [f"    - {markup.code_span(s)}" for s in _error_strings(record)]
        blocks.append(lines)
    if len(blocks) == 1:
        blocks.append([markup.escape_text(t(lang, "No records yet."))])
    return markup.join_blocks(blocks)


def _products(site: Site, page: str, lang: str) -> list[str]:
    blocks: list[list[str]] = [[f"# {markup.escape_text(_title(page, lang))}"]]
    for product in site.registries.products.values():
        blocks.append([markup.heading(2, markup.escape_text(product.name), f"product-{product.id}")])
        facts = [markup.escape_text(product.description)] if product.description else []
        if product.former_names:
            names = t(lang, "formerly {names}", names=words(list(product.former_names), lang))
            facts.append(markup.escape_text(names[:1].upper() + names[1:] + "."))
        if facts:
            blocks.append([markup.escape_line_start(" <br />\n".join(facts))])
        records = [r for r in site.sorted_records() if product.id in r.products]
        blocks.append([f"- {_link(r, page)}" for r in records]
                      or [markup.escape_text(t(lang, "No records for this product yet."))])
    return markup.join_blocks(blocks)


def _tags(site: Site, page: str, lang: str) -> list[str]:
    by_tag: dict[str, list[Record]] = defaultdict(list)
    for record in site.sorted_records():
        for tag in record.tags:
            by_tag[tag].append(record)
    tags = sorted(by_tag)
    blocks: list[list[str]] = [[f"# {markup.escape_text(_title(page, lang))}"]]
    if not tags:
        blocks.append([markup.escape_text(t(lang, "No records yet."))])
    else:
        blocks.append([" · ".join(f"[{markup.escape_text(tag)}](#tag-{tag})" for tag in tags)])
    for tag in tags:
        blocks.append([markup.heading(2, markup.escape_text(tag), f"tag-{tag}")])
        blocks.append([f"- {_link(r, page)}" for r in by_tag[tag]])
    return markup.join_blocks(blocks)


def _records(site: Site, page: str, lang: str) -> list[str]:
    blocks: list[list[str]] = [[f"# {markup.escape_text(_title(page, lang))}"]]
    records = site.sorted_records()
    if not records:
        return markup.join_blocks([*blocks, [markup.escape_text(t(lang, "No records yet."))]])
    header = [t(lang, "Title"), t(lang, "Products"), t(lang, "Close code"), t(lang, "Updated")]
    rows = [
        "| " + " | ".join(markup.escape_table_cell(markup.escape_text(h)) for h in header) + " |",
        "| --- | --- | --- | --- |",
    ]
    for record in records:
        products = ", ".join(site.registries.products[p].name if p in site.registries.products else p
                             for p in record.products)
        cells = [
            _link(record, page),
            markup.escape_text(products),
            markup.code_span(str(record.close_code)) if record.close_code is not None else "",
            markup.escape_text(record.updated),
        ]
        rows.append("| " + " | ".join(markup.escape_table_cell(c) for c in cells) + " |")
    blocks.append(rows)
    return markup.join_blocks(blocks)
