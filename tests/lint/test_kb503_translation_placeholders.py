"""KB503 translation-placeholders: `<placeholders>` and `{placeholders}` outside code are kept."""

from __future__ import annotations

from lint.helpers import record, translation

RULES = ("KB503",)
SOURCE = "Paste <your-token> into the settings."
CAUSES = f'\n  - id: no-token\n    text: "{SOURCE}"'


def test_a_translated_placeholder_is_reported(lint_kb) -> None:
    files = translation("alpha", "fr", {"causes.no-token.text": (SOURCE, "Collez <votre-jeton> dans les réglages.")})
    run = lint_kb(record("alpha", causes=CAUSES), rules=RULES, files=files)
    column = files["i18n/fr/alpha.yaml"].splitlines()[5].index("<votre-jeton>") + 1
    assert run.lines == [
        f"i18n/fr/alpha.yaml:6:{column}: error KB503 `causes.no-token.text`: placeholders differ from the source: "
        "the translation has `<votre-jeton>` which the source does not and lacks `<your-token>`; "
        "copy them exactly from the source",
    ]


def test_the_same_placeholder_passes(lint_kb) -> None:
    files = translation("alpha", "fr", {"causes.no-token.text": (SOURCE, "Collez <your-token> dans les réglages.")})
    assert lint_kb(record("alpha", causes=CAUSES), rules=RULES, files=files).lines == []
