"""KB507 translation-outdated: a field translated from an older source text."""

from __future__ import annotations

from lint.helpers import record, translation

RULES = ("KB507",)


def test_a_field_whose_source_changed_is_reported_at_its_hash(lint_kb) -> None:
    files = translation("alpha", "ja", {"summary": ("An older summary.", "古い要約。")})
    run = lint_kb(record("alpha"), "--strict", rules=RULES, files=files)
    assert run.lines == [
        "i18n/ja/alpha.yaml:5:11: warning KB507 `summary` was translated from an older source text; update the "
        "translation, then run `kb i18n mark-current alpha summary --lang ja`",
    ]
    assert run.code == 1  # a warning fails only with --strict


def test_a_current_field_passes(lint_kb) -> None:
    files = translation("alpha", "ja", {"summary": ("The smallest record the format accepts.", "最小の記事。")})
    assert lint_kb(record("alpha"), rules=RULES, files=files).lines == []
