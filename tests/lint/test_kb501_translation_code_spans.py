"""KB501 translation-code-spans: a current translation keeps every code span of its source."""

from __future__ import annotations

from lint.helpers import record, translation

RULES = ("KB501",)
SOURCE = "Run `openclaw doctor --fix`, then `openclaw gateway restart`."
CAUSES = f'\n  - id: no-token\n    text: "{SOURCE}"'


def test_a_changed_command_in_a_code_span_is_reported_where_it_is_written(lint_kb) -> None:
    bad = "`openclaw doctor --repair` を実行してから `openclaw gateway restart` を実行します。"
    files = translation("alpha", "ja", {"causes.no-token.text": (SOURCE, bad)})
    run = lint_kb(record("alpha", causes=CAUSES), rules=RULES, files=files)
    text_line = files["i18n/ja/alpha.yaml"].splitlines()[5]
    column = text_line.index("openclaw doctor --repair") + 1
    assert run.lines == [
        f"i18n/ja/alpha.yaml:6:{column}: error KB501 `causes.no-token.text`: code spans differ from the source: "
        "the translation has `openclaw doctor --repair` which the source does not and lacks "
        "`openclaw doctor --fix`; copy them exactly from the source",
    ]
    assert run.code == 1


def test_the_same_code_spans_in_another_order_pass(lint_kb) -> None:
    good = "`openclaw gateway restart` の前に `openclaw doctor --fix` を実行します。"
    run = lint_kb(record("alpha", causes=CAUSES), rules=RULES,
                  files=translation("alpha", "ja", {"causes.no-token.text": (SOURCE, good)}))
    assert run.lines == []


def test_an_outdated_field_is_not_compared_with_the_new_source(lint_kb) -> None:
    old = "Run `openclaw doctor`."
    run = lint_kb(record("alpha", causes=CAUSES), rules=RULES,
                  files=translation("alpha", "ja", {"causes.no-token.text": (old, "`openclaw doctor` を実行します。")}))
    assert run.lines == []
