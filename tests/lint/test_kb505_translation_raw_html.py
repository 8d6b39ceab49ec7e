"""KB505 translation-raw-html: no raw HTML in a translation."""

from __future__ import annotations

from lint.helpers import record, translation

RULES = ("KB505",)
SOURCE = "The client sent no token."


def test_raw_html_is_reported(lint_kb) -> None:
    bad = "クライアントは<b>トークンを送っていません</b>。<script>alert(1)</script>"
    files = translation("alpha", "ja", {"causes.no-token.text": (SOURCE, bad)})
    run = lint_kb(record("alpha"), rules=RULES, files=files)
    column = files["i18n/ja/alpha.yaml"].splitlines()[5].index("<b>") + 1
    assert run.lines == [
        f"i18n/ja/alpha.yaml:6:{column}: error KB505 `causes.no-token.text`: raw HTML is not allowed: "
        "`<b>`, `</b>`, `<script>`",
    ]


def test_markdown_emphasis_passes(lint_kb) -> None:
    files = translation("alpha", "ja", {"causes.no-token.text": (SOURCE, "クライアントは**トークンを送っていません**。")})
    assert lint_kb(record("alpha"), rules=RULES, files=files).lines == []
