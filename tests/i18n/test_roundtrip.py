"""The translation round trip through the `kb` CLI and a real build.

Translate a field → the built page shows it; edit the source → the page shows
the source with a note and `kb i18n status` says outdated; mark the edit minor
→ current again; export a PO catalog, translate in it, import it back.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import yaml
from babel.messages.pofile import read_po, write_po

from conftest import Result
from site_helpers import make_site_kb

RECORD = "golden-record"
TRANSLATION = Path("i18n/ja/golden-record.yaml")
SUMMARY_JA = "クライアントが送ったトークンはゲートウェイが期待するものではありません。"


def _set_text(root: Path, key: str, text: str) -> None:
    path = root / TRANSLATION
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["fields"][key]["text"] = text
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _status(kb: Callable[..., Result], root: Path) -> dict[str, dict[str, object]]:
    result = kb("--root", str(root), "i18n", "status", "--lang", "ja", "--format", "json")
    assert result.code in (0, 1), result.err
    return {row["record"]: row for row in json.loads(result.out)}


def _build(kb: Callable[..., Result], root: Path) -> str:
    result = kb("--root", str(root), "build", "--lang", "en", "--lang", "ja")
    assert result.code == 0, result.err
    return (root / "site" / "ja" / "records" / f"{RECORD}.html").read_text(encoding="utf-8")


def _edit_source_summary(root: Path) -> None:
    record = root / "kb" / "records" / f"{RECORD}.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("Copy the gateway's token again", "Copy the gateway's current token again"),
                      encoding="utf-8")


def test_translate_edit_source_then_mark_current(make_kb: Callable[..., Path], kb: Callable[..., Result]) -> None:
    root = make_site_kb(make_kb)
    stub = kb("--root", str(root), "i18n", "stub", "ja", RECORD)
    assert stub.code == 0, stub.err
    assert "# en: The token stored in the Control UI settings" in (root / TRANSLATION).read_text(encoding="utf-8")
    status = _status(kb, root)[RECORD]
    assert (status["current"], status["outdated"]) == (0, 0) and status["missing"] > 0

    summary = ("クライアントが送ったトークンはゲートウェイが期待するものではありません。"
               "[もう一つの記事](kb:related-record#open-dashboard) と [ドキュメント](https://example.org/docs) を参照してください。")
    _set_text(root, "summary", summary)
    page = _build(kb, root)
    assert SUMMARY_JA in page
    assert 'class="kb-fallback-note kb-missing"' in page  # the untranslated fields fall back, marked
    assert _status(kb, root)[RECORD]["current"] == 1

    _edit_source_summary(root)
    page = _build(kb, root)
    assert SUMMARY_JA not in page, "an outdated translation must not be shown as current"
    assert "Copy the gateway&rsquo;s current token again" in page or "Copy the gateway's current token again" in page
    assert 'class="kb-fallback-note kb-outdated"' in page
    status = _status(kb, root)[RECORD]
    assert (status["current"], status["outdated"]) == (0, 1)

    before = (root / TRANSLATION).read_text(encoding="utf-8").splitlines()
    marked = kb("--root", str(root), "i18n", "mark-current", RECORD, "summary", "--lang", "ja")
    assert marked.code == 0, marked.err
    after = (root / TRANSLATION).read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    assert len(before) == len(after) and len(changed) == 1 and "hash:" in changed[0][1]
    status = _status(kb, root)[RECORD]
    assert (status["current"], status["outdated"]) == (1, 0)
    assert SUMMARY_JA in _build(kb, root)


def test_po_export_edit_import(make_kb: Callable[..., Path], kb: Callable[..., Result]) -> None:
    root = make_site_kb(make_kb)
    po_file = root / "ja.po"
    exported = kb("--root", str(root), "i18n", "export-po", "ja", "-o", str(po_file))
    assert exported.code == 0, exported.err
    with po_file.open("rb") as handle:
        catalog = read_po(handle)
    message = catalog.get("The browser keeps an old token", context=f"{RECORD}:causes.stale-token.title")
    assert message is not None
    assert message.locations == [("kb/records/golden-record.yaml", 22)]
    message.string = "ブラウザーが古いトークンを保持している"
    out = io.BytesIO()
    write_po(out, catalog)
    po_file.write_bytes(out.getvalue())

    imported = kb("--root", str(root), "i18n", "import-po", str(po_file))
    assert imported.code == 0, imported.err
    data = yaml.safe_load((root / TRANSLATION).read_text(encoding="utf-8"))
    assert data["fields"]["causes.stale-token.title"]["text"] == "ブラウザーが古いトークンを保持している"
    assert _status(kb, root)[RECORD]["current"] == 1


def test_po_export_marks_outdated_translations_fuzzy(make_kb: Callable[..., Path], kb: Callable[..., Result]) -> None:
    root = make_site_kb(make_kb)
    assert kb("--root", str(root), "i18n", "stub", "ja", RECORD).code == 0
    _set_text(root, "summary", SUMMARY_JA)
    _edit_source_summary(root)
    exported = kb("--root", str(root), "i18n", "export-po", "ja")
    assert exported.code == 0, exported.err
    catalog = read_po(io.BytesIO(exported.out.encode("utf-8")))
    message = catalog.get(next(m.id for m in catalog if m.context == f"{RECORD}:summary"), context=f"{RECORD}:summary")
    assert message is not None and message.fuzzy and message.string == SUMMARY_JA


def test_import_po_refuses_a_broken_catalog(make_kb: Callable[..., Path], kb: Callable[..., Result]) -> None:
    root = make_site_kb(make_kb)
    broken = root / "broken.po"
    broken.write_text('msgid "a"\nmsgstr "b\n', encoding="utf-8")
    result = kb("--root", str(root), "i18n", "import-po", str(broken), "--lang", "ja")
    assert result.code == 2
    assert "broken.po" in result.err and "Traceback" not in result.err
    assert not (root / "i18n" / "ja").exists()
