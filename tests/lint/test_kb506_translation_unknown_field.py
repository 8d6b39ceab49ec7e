"""KB506 translation-unknown-field: a translation addresses only fields the record has."""

from __future__ import annotations

from lint.helpers import record, translation

RULES = ("KB506",)


def test_a_renamed_cause_is_reported_with_the_closest_field(lint_kb) -> None:
    files = translation("alpha", "ja", {"causes.no-tokens.text": ("The client sent no token.", "トークンなし。")})
    run = lint_kb(record("alpha"), rules=RULES, files=files)
    assert run.lines == [
        "i18n/ja/alpha.yaml:4:3: error KB506 record `alpha` has no translatable field `causes.no-tokens.text`; "
        "did you mean `causes.no-token.text`?",
    ]


def test_known_fields_pass(lint_kb) -> None:
    files = translation("alpha", "ja", {"causes.no-token.text": ("The client sent no token.", "トークンなし。")})
    assert lint_kb(record("alpha"), rules=RULES, files=files).lines == []
