"""KB504 translation-structure: the same paragraphs and lists, with the same number of items."""

from __future__ import annotations

from lint.helpers import record, translation

RULES = ("KB504",)
SOURCE = "Two checks:\n\n- the token\n- the clock"
CAUSES = '\n  - id: no-token\n    text: "Two checks:\\n\\n- the token\\n- the clock"'


def test_a_list_merged_into_a_paragraph_is_reported(lint_kb) -> None:
    files = translation("alpha", "ja", {"causes.no-token.text": (SOURCE, "二つの確認：トークンと時計。")})
    run = lint_kb(record("alpha", causes=CAUSES), rules=RULES, files=files)
    assert run.lines == [
        "i18n/ja/alpha.yaml:6:11: error KB504 `causes.no-token.text`: the Markdown structure differs from the "
        "source: paragraph instead of paragraph, bullet_list(2)",
    ]


def test_the_same_structure_passes(lint_kb) -> None:
    files = translation("alpha", "ja", {"causes.no-token.text": (SOURCE, "二つの確認：\n\n- トークン\n- 時計")})
    assert lint_kb(record("alpha", causes=CAUSES), rules=RULES, files=files).lines == []
