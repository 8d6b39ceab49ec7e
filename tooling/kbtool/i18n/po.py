"""The bridge to PO editors (Poedit, Lokalize, Weblate): record translations as a gettext catalog.

Each translatable field is one message: the source text as ``msgid``, the
translation as ``msgstr``, ``msgctxt`` naming record and field
(``openclaw-gateway-token-mismatch:causes.legacy-gateway-token-key.text``),
a reference to the record file and line, and ``#, fuzzy`` when the
translation is outdated. Reading and writing are Babel's.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime, timezone

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from kbtool import __version__
from kbtool.errors import UsageError
from kbtool.i18n.files import FieldText, Translation
from kbtool.i18n.pofile import PoReadError, header_field, read_po_strict
from kbtool.i18n.status import RecordStatus, State
from kbtool.i18n.units import source_hash
from kbtool.model.record import Record
from kbtool.render.languages import LANGUAGES, SOURCE_LANGUAGE

CONTEXT_SEPARATOR = ":"

#: What every message's extracted comment reminds the translator of.
TRANSLATOR_NOTE = "Markdown. Keep `code spans`, link targets and {placeholders} exactly as in the source."


def export_catalog(lang: str, records: dict[str, Record], statuses: list[RecordStatus],
                   lines: dict[str, dict[str, int]]) -> bytes:
    """The PO file of ``lang``'s record strings; ``lines`` gives each field's line in its record file."""
    dates = [records[s.record].updated for s in statuses] or ["2026-01-01"]
    stamp = datetime.strptime(max(dates), "%Y-%m-%d").replace(tzinfo=timezone.utc)
    catalog = Catalog(locale=lang, project="OpenClaw 1008 troubleshooting: records", version=__version__,
                      creation_date=stamp, revision_date=stamp, fuzzy=False)
    for status in statuses:
        record = records[status.record]
        for item in status.fields:
            catalog.add(
                item.unit.text,
                item.text or "",
                locations=[(record.path, lines.get(record.id, {}).get(item.unit.key, 1))],
                flags=("fuzzy",) if item.state is State.OUTDATED else (),
                auto_comments=[TRANSLATOR_NOTE],
                context=f"{record.id}{CONTEXT_SEPARATOR}{item.unit.key}",
            )
    out = io.BytesIO()
    write_po(out, catalog, width=0, sort_output=False, include_previous=False)
    return out.getvalue()


@dataclass(slots=True)
class Imported:
    """What reading a PO file gave: translations by record id, and what was skipped and why."""

    lang: str
    fields: dict[str, dict[str, FieldText]] = field(default_factory=dict)
    fuzzy: int = 0
    empty: int = 0
    problems: list[str] = field(default_factory=list)


def import_catalog(data: bytes, filename: str, records: dict[str, Record], lang: str | None = None) -> Imported:
    """Read a PO file; each translated, non-fuzzy message becomes a field with the hash of its ``msgid``.

    Hashing the ``msgid`` (the source text the translator saw) rather than the
    record's present text keeps the promise: if the source changed after the
    export, the imported translation is outdated, not current.
    """
    chosen = _language(data, filename, lang)
    try:
        catalog = read_po_strict(data, filename)
    except PoReadError as exc:
        raise UsageError(str(exc)) from None
    result = Imported(chosen)
    for message in catalog:
        if not message.id or not message.context:
            continue  # the header
        where = f"{filename}:{message.lineno}"
        rid, _, key = str(message.context).partition(CONTEXT_SEPARATOR)
        if rid not in records:
            result.problems.append(f"{where}: no record `{rid}`; message skipped")
            continue
        if not isinstance(message.id, str) or not isinstance(message.string, str):
            result.problems.append(f"{where}: plural messages are not used for records; message skipped")
            continue
        if message.fuzzy:
            result.fuzzy += 1
            continue
        if not message.string.strip():
            result.empty += 1
            continue
        result.fields.setdefault(rid, {})[key] = FieldText(source_hash(message.id), message.string)
    return result


def _language(data: bytes, filename: str, lang: str | None) -> str:
    """The language to import into: ``lang`` (``--lang``) or the catalog's ``Language`` header, which must agree.

    Checked before Babel reads the file: the language becomes a directory
    (``i18n/<lang>/``), and Babel's error for a header such as ``../../x``
    names neither the header nor what would be accepted.
    """
    targets = [language.code for language in LANGUAGES if language.code != SOURCE_LANGUAGE]
    header = header_field(data, "Language")
    if header is None or not header.value:
        if lang is None:
            raise UsageError(f"{filename}: the catalog names no Language; pass --lang ({', '.join(targets)})")
        return lang
    where = f"{filename}:{header.line}"
    # `fr`, `fr_FR` and `fr-FR` alike: records are translated per language, not per region.
    catalog_lang = header.value.replace("-", "_").split("_")[0].lower()
    if lang is not None and catalog_lang != lang:
        raise UsageError(f"{where}: the catalog's Language header is `{header.value}`, not `{lang}`; "
                         f"fix whichever of the two is wrong")
    if catalog_lang not in targets:  # else its files would go to i18n/<anything>/, where nothing reads them
        raise UsageError(f"{where}: the catalog's Language header `{header.value}` is not one of the languages "
                         f"records are translated into ({', '.join(targets)}); fix the header")
    return catalog_lang


def merge(translation: Translation, fields: dict[str, FieldText], order: list[str]) -> bool:
    """Put ``fields`` into ``translation`` in the record's field order; whether anything changed."""
    changed = False
    for key, value in fields.items():
        if translation.fields.get(key) != value:
            translation.fields[key] = value
            changed = True
    rank = {key: i for i, key in enumerate(order)}
    translation.fields = dict(sorted(translation.fields.items(), key=lambda kv: rank.get(kv[0], len(rank))))
    return changed
