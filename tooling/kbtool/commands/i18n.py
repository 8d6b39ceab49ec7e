"""``kb i18n``: translation status, stubs for translators, marking fields current, and the PO bridge."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kbtool.errors import UsageError
from kbtool.i18n.files import FieldText, Translation, dump, replace_hashes, source_commit, translation_path
from kbtool.i18n.po import export_catalog, import_catalog, merge
from kbtool.i18n.status import RecordStatus, State
from kbtool.i18n.ui_status import UiStatus, ui_status
from kbtool.i18n.units import record_units
from kbtool.i18n.workspace import TARGET_LANGUAGES, Workspace, load_workspace
from kbtool.load.layout import find_layout
from kbtool.output.formatters import FORMATTERS
from kbtool.validate.engine import read_document

HELP = "translation status, stubs, and the PO bridge for translation tools"
DESCRIPTION = """\
Record translations live in i18n/<lang>/<record-id>.yaml, one file per record
and language. Each translated field stores a hash of the source text it was
made from, so every field is current, outdated (the source changed since) or
missing. The site shows outdated and missing fields in the source language,
with a note.

  kb i18n status                    how complete and current each language is
  kb i18n stub ja [ID...]           write the missing files and fields for a translator
  kb i18n mark-current ID [FIELD..] the source edit needs no retranslation (or: I updated it)
  kb i18n export-po ja -o ja.po     a PO catalog for Poedit & co (outdated = fuzzy)
  kb i18n import-po ja.po           write a PO catalog's translations back into the YAML files
"""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("i18n", help=HELP, description=DESCRIPTION,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    verbs = parser.add_subparsers(title="actions", metavar="ACTION")
    langs = list(TARGET_LANGUAGES)

    status = verbs.add_parser("status", help="print current / outdated / missing fields per language and record",
                              description="Print a table per language and record: current, outdated and missing "
                                          "fields, and the percentage current; then the interface strings. "
                                          "Exit 0 when everything is current, 1 otherwise.")
    status.add_argument("--lang", action="append", choices=langs, help="only this language (repeatable)")
    status.add_argument("--format", choices=["text", "json"], default="text")
    status.set_defaults(run=run_status)

    stub = verbs.add_parser("stub", help="write the missing translation files or fields of a language",
                            description="Create i18n/LANG/ID.yaml for records that have none, and add the "
                                        "fields an existing file lacks, each with an empty `text` and the "
                                        "source text as a comment above it. Existing translations are kept.")
    stub.add_argument("lang", choices=langs)
    stub.add_argument("ids", nargs="*", metavar="ID", help="records to stub (default: all)")
    stub.set_defaults(run=run_stub)

    mark = verbs.add_parser("mark-current", help="record that outdated fields need no retranslation",
                            description="For a source edit that changes no meaning (a typo, a re-wrapped "
                                        "line), or after updating a translation by hand: store the source's "
                                        "present hash with the translation, so the field is current again. "
                                        "Only outdated fields change; the file is otherwise left as it is.")
    mark.add_argument("id", metavar="ID", help="the record")
    mark.add_argument("fields", nargs="*", metavar="FIELD", help="field keys, e.g. summary (default: every outdated field)")
    mark.add_argument("--lang", action="append", choices=langs, help="only this language (repeatable; default: all)")
    mark.set_defaults(run=run_mark_current)

    export = verbs.add_parser("export-po", help="write a language's record strings as a PO catalog",
                              description="Every translatable field of every record as a PO message: msgctxt "
                                          "RECORD:FIELD, a reference to the record file and line, the current "
                                          "translation, and `#, fuzzy` for outdated ones.")
    export.add_argument("lang", choices=langs)
    export.add_argument("-o", "--output", type=Path, metavar="FILE", help="where to write (default: stdout)")
    export.set_defaults(run=run_export_po)

    imp = verbs.add_parser("import-po", help="write a PO catalog's translations into the YAML files",
                           description="Each translated message that is not fuzzy becomes the field's "
                                       "translation, stored with the hash of its msgid: a translation made "
                                       "against an older source stays outdated.")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--lang", choices=langs, help="the catalog's language (default: its Language header)")
    imp.set_defaults(run=run_import_po)
    parser.set_defaults(run=lambda args: _usage(parser))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _workspace(args: argparse.Namespace, strict: bool = True) -> Workspace:
    """Records and translations; refuses to go on when something does not load (findings printed)."""
    layout = find_layout(args.root)
    workspace = load_workspace(layout)
    if strict and workspace.error_count:
        sys.stderr.write(FORMATTERS["text"](workspace.findings))
        raise UsageError(f"{workspace.error_count} problem(s) in the knowledge base or its translations; "
                         "fix them first (kb validate)")
    return workspace


def run_status(args: argparse.Namespace) -> int:
    workspace = _workspace(args)
    langs = tuple(args.lang or TARGET_LANGUAGES)
    statuses = workspace.statuses(langs)
    ui = {lang: ui_status(args.root, lang) for lang in langs}
    if args.format == "json":
        rows: list[dict[str, object]] = [_row(s.lang, s.record, s.count(State.CURRENT), s.count(State.OUTDATED),
                                              s.count(State.MISSING), s.percent) for s in statuses]
        rows += [_row(u.lang, "(interface)", u.current, u.outdated, u.missing, u.percent)
                 for u in ui.values() if u is not None]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        _print_table(langs, statuses, ui)
    complete = all(s.percent == 100.0 for s in statuses) and all(u is None or u.percent == 100.0 for u in ui.values())
    return 0 if complete else 1


def _row(lang: str, record: str, current: int, outdated: int, missing: int, percent: float) -> dict[str, object]:
    return {"lang": lang, "record": record, "current": current, "outdated": outdated, "missing": missing,
            "percent": round(percent, 1)}


def _print_table(langs: tuple[str, ...], statuses: list[RecordStatus], ui: dict[str, UiStatus | None]) -> None:
    width = max([len(s.record) for s in statuses] + [len("(interface)"), len("record")])
    line = f"{{:<4}} {{:<{width}}} {{:>7}} {{:>8}} {{:>7}} {{:>7}}"
    print(line.format("lang", "record", "current", "outdated", "missing", "percent"))
    for lang in langs:
        mine = [s for s in statuses if s.lang == lang]
        for s in mine:
            print(line.format(lang, s.record, s.count(State.CURRENT), s.count(State.OUTDATED),
                              s.count(State.MISSING), f"{s.percent:.1f}%"))
        totals = [sum(s.count(state) for s in mine) for state in State]
        all_fields = sum(totals)
        percent = 100.0 * totals[0] / all_fields if all_fields else 100.0
        print(line.format(lang, "(all records)", *totals, f"{percent:.1f}%"))
        u = ui.get(lang)
        if u is not None:
            print(line.format(lang, "(interface)", u.current, u.outdated, u.missing, f"{u.percent:.1f}%"))


def run_stub(args: argparse.Namespace) -> int:
    workspace = _workspace(args)
    layout = find_layout(args.root)
    ids = args.ids or sorted(workspace.records)
    unknown = [rid for rid in ids if rid not in workspace.records]
    if unknown:
        raise UsageError(f"no record {', '.join(f'`{rid}`' for rid in unknown)} in kb/records/")
    written = 0
    for rid in ids:
        record = workspace.records[rid]
        if record.lang == args.lang:
            continue
        existing = workspace.translations.get((args.lang, rid))
        translation = existing or Translation(rid, args.lang, source_commit=source_commit(layout, rid))
        units = record_units(record)
        missing = {u.key: u for u in units if u.key not in translation.fields}
        if not missing:
            continue
        merge(translation, {key: FieldText(u.hash, "") for key, u in missing.items()}, [u.key for u in units])
        comments = {key: f"{record.lang}: {u.text}" for key, u in missing.items()}
        path = translation_path(layout, args.lang, rid)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump(translation, comments), encoding="utf-8")
        written += 1
        print(f"{path}: {len(missing)} field{'s' * (len(missing) != 1)} to translate")
    print(f"{written} file{'s' * (written != 1)} written", file=sys.stderr)
    return 0


def run_mark_current(args: argparse.Namespace) -> int:
    workspace = _workspace(args)
    if args.id not in workspace.records:
        raise UsageError(f"no record `{args.id}` in kb/records/")
    known = {u.key for u in record_units(workspace.records[args.id])}
    bad = [f for f in args.fields if f not in known]
    if bad:
        raise UsageError(f"record `{args.id}` has no translatable field {', '.join(f'`{f}`' for f in bad)}")
    changed = 0
    for lang in args.lang or TARGET_LANGUAGES:
        translation = workspace.translations.get((lang, args.id))
        if translation is None or translation.doc is None:
            continue
        status = workspace.status(args.id, lang)
        updates = {f.unit.key: f.unit.hash for f in status.fields
                   if f.state is State.OUTDATED and (not args.fields or f.unit.key in args.fields)}
        if not updates:
            continue
        Path(translation.doc.path).write_text(replace_hashes(translation.doc, updates), encoding="utf-8")
        changed += len(updates)
        for key in updates:
            print(f"{translation.doc.path}: {key} marked current")
    print(f"{changed} field{'s' * (changed != 1)} marked current", file=sys.stderr)
    return 0


def run_export_po(args: argparse.Namespace) -> int:
    workspace = _workspace(args)
    statuses = workspace.statuses((args.lang,))
    lines: dict[str, dict[str, int]] = {}
    for rid, record in workspace.records.items():
        doc, _ = read_document(Path(args.root) / "kb" / "records" / f"{rid}.yaml")
        if doc is not None:
            lines[rid] = {u.key: doc.span(u.path).line for u in record_units(record)}
    data = export_catalog(args.lang, workspace.records, statuses, lines)
    if args.output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
    else:
        args.output.write_bytes(data)
        fuzzy = sum(s.count(State.OUTDATED) for s in statuses)
        print(f"{args.output}: {sum(s.total for s in statuses)} messages ({fuzzy} fuzzy)", file=sys.stderr)
    return 0


def run_import_po(args: argparse.Namespace) -> int:
    workspace = _workspace(args)
    layout = find_layout(args.root)
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise UsageError(f"{args.file}: cannot read: {exc.strerror or exc}") from None
    imported = import_catalog(data, str(args.file), workspace.records, args.lang)
    for problem in imported.problems:
        print(f"{problem}", file=sys.stderr)
    written = 0
    for rid, fields in sorted(imported.fields.items()):
        record = workspace.records[rid]
        order = [u.key for u in record_units(record)]
        unknown = [key for key in fields if key not in order]
        for key in unknown:
            print(f"{args.file}: record `{rid}` has no field `{key}`; message skipped", file=sys.stderr)
            del fields[key]
        translation = workspace.translations.get((imported.lang, rid)) or Translation(rid, imported.lang)
        if not merge(translation, fields, order):
            continue
        translation.source_commit = source_commit(layout, rid) or translation.source_commit
        path = translation_path(layout, imported.lang, rid)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump(translation), encoding="utf-8")
        written += 1
        print(f"{path}: {len(fields)} field{'s' * (len(fields) != 1)} imported")
    print(f"{written} file{'s' * (written != 1)} written; {imported.fuzzy} fuzzy and {imported.empty} "
          f"untranslated message(s) skipped", file=sys.stderr)
    return 1 if imported.problems else 0
