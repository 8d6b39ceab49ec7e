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


def test_tags_a_browser_reads_but_commonmark_does_not_are_reported(lint_kb) -> None:
    """CommonMark's tag grammar refuses `=` or `'` in an unquoted value and `/` after the name; browsers do not."""
    tags = ["<img src=x onerror=window.pwned=1>", "<svg/onload=alert(1)>", "<img src=x onerror=alert('1')>"]
    files = translation("alpha", "ja", {"causes.no-token.text": (SOURCE, f"クライアントは{''.join(tags)}。")})
    run = lint_kb(record("alpha"), rules=RULES, files=files)
    column = files["i18n/ja/alpha.yaml"].splitlines()[5].index("<img") + 1
    assert run.lines == [
        f"i18n/ja/alpha.yaml:6:{column}: error KB505 `causes.no-token.text`: raw HTML is not allowed: "
        + ", ".join(f"`{tag}`" for tag in tags),
    ]


def test_escaped_tags_and_placeholders_pass(lint_kb) -> None:
    source = "Replace <your-token> with the token."
    text = r"<your-token> をトークンに置き換えます(\<img src=x onerror=a=1> や &lt;b> は文字です)。"
    files = translation("alpha", "ja", {"causes.no-token.text": (source, text)})
    run = lint_kb(record("alpha", causes=f"\n  - id: no-token\n    text: {source}"), rules=RULES, files=files)
    assert run.lines == []
