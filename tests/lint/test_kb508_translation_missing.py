"""KB508 translation-missing: fields a translation file lacks or leaves empty (information)."""

from __future__ import annotations

from lint.helpers import record, translation

RULES = ("KB508",)
CURRENT = {
    "title": ("unauthorized: gateway token missing", "unauthorized: gateway token missing"),
    "summary": ("The smallest record the format accepts.", "最小の記事。"),
    "causes.no-token.text": ("The client sent no token.", "トークンなし。"),
}


def test_a_missing_and_an_empty_field_are_reported_as_information(lint_kb) -> None:
    fields = {**CURRENT, "summary": ("The smallest record the format accepts.", "")}
    run = lint_kb(record("alpha"), rules=RULES, files=translation("alpha", "ja", fields))
    assert run.lines == [
        "i18n/ja/alpha.yaml:3:1: info KB508 `solutions.dashboard.title` is not translated into `ja`; "
        "run `kb i18n stub ja alpha` to add it",
        "i18n/ja/alpha.yaml:9:11: info KB508 `summary` is not translated into `ja` yet",
    ]
    assert run.code == 0


def test_a_complete_translation_passes(lint_kb) -> None:
    fields = {**CURRENT, "solutions.dashboard.title": ("Open the dashboard", "ダッシュボードを開く")}
    assert lint_kb(record("alpha"), rules=RULES, files=translation("alpha", "ja", fields)).lines == []
