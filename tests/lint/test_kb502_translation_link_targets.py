"""KB502 translation-link-targets: link text is translated, link targets are not."""

from __future__ import annotations

from lint.helpers import record, translation

RULES = ("KB502",)
SOURCE = "See [the docs](https://example.org/docs) and [the fix](#dashboard)."
CAUSES = f'\n  - id: no-token\n    text: "{SOURCE}"'


def test_a_changed_link_target_is_reported(lint_kb) -> None:
    bad = "[ドキュメント](https://example.org/ja/docs) と [解決方法](#dashboard) を参照してください。"
    files = translation("alpha", "ja", {"causes.no-token.text": (SOURCE, bad)})
    run = lint_kb(record("alpha", causes=CAUSES), rules=RULES, files=files)
    column = files["i18n/ja/alpha.yaml"].splitlines()[5].index("https://example.org/ja/docs") + 1
    assert run.lines == [
        f"i18n/ja/alpha.yaml:6:{column}: error KB502 `causes.no-token.text`: link targets differ from the source: "
        "the translation has `https://example.org/ja/docs` which the source does not and lacks "
        "`https://example.org/docs`; copy them exactly from the source",
    ]


def test_translated_link_text_passes(lint_kb) -> None:
    good = "[ドキュメント](https://example.org/docs) と [解決方法](#dashboard) を参照してください。"
    run = lint_kb(record("alpha", causes=CAUSES), rules=RULES,
                  files=translation("alpha", "ja", {"causes.no-token.text": (SOURCE, good)}))
    assert run.lines == []
