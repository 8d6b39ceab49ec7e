"""The translation-status page: how complete and current each language is, record by record.

The same figures as ``kb i18n status``, computed by the same code, so the
page and the command never disagree.
"""

from __future__ import annotations

from babel.numbers import format_percent

from kbtool.i18n.status import RecordStatus, State, record_status
from kbtool.render import markup
from kbtool.render.context import Site
from kbtool.render.languages import SOURCE_LANGUAGE
from kbtool.render.links import record_page, relative
from kbtool.render.localize import language_name
from kbtool.render.ui_text import t

def render_coverage(site: Site, page: str, lang: str) -> list[str]:
    """A table: one row per record, one column per translated language, plus the interface strings."""
    targets = [language.code for language in site.languages if language.code != SOURCE_LANGUAGE]
    blocks: list[list[str]] = [[f"# {markup.escape_text(t(lang, 'Translation status'))}"]]
    blocks.append([markup.escape_text(t(
        lang, "Each figure is the share of a record's text that is translated and current. Parts whose "
              "translation is out of date or missing are shown in the original language, marked as such."))])
    if not targets:
        return markup.join_blocks(blocks)
    header = [t(lang, "Record"), *(language_name(code, lang) for code in targets)]
    rows = [_table_row(header), _table_row(["---"] * len(header))]
    totals: dict[str, list[RecordStatus]] = {code: [] for code in targets}
    for record in site.sorted_records():
        cells = [markup.link(markup.escape_text(record.title), relative(page, record_page(record.id)))]
        for code in targets:
            if record.lang == code:
                cells.append(markup.escape_text(t(lang, "original")))
                continue
            status = record_status(record, code, site.translations.get((code, record.id)))
            totals[code].append(status)
            cells.append(_cell(status, lang))
        rows.append(_table_row(cells))
    all_cells = [f"**{markup.escape_text(t(lang, 'All records'))}**"]
    for code in targets:
        fields = [f for status in totals[code] for f in status.fields]
        current = sum(1 for f in fields if f.state is State.CURRENT)
        all_cells.append(f"**{markup.escape_text(_percent(current, len(fields), lang))}**")
    rows.append(_table_row(all_cells))
    blocks.append(rows)
    return markup.join_blocks(blocks)


def _cell(status: RecordStatus, lang: str) -> str:
    text = _percent(status.count(State.CURRENT), status.total, lang)
    details = []
    if status.count(State.OUTDATED):
        details.append(t(lang, "{count} outdated", count=status.count(State.OUTDATED)))
    if status.count(State.MISSING):
        details.append(t(lang, "{count} missing", count=status.count(State.MISSING)))
    if details:
        text += f" ({', '.join(details)})"
    return markup.escape_text(text)


def _percent(current: int, total: int, lang: str) -> str:
    return format_percent(current / total if total else 1.0, locale=lang)


def _table_row(cells: list[str]) -> str:
    return "| " + " | ".join(markup.escape_table_cell(cell) for cell in cells) + " |"
