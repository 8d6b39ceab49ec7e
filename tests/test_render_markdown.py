"""Record text goes through our markdown-it rules: raw HTML is text, links are checked, kb: links resolve."""

from __future__ import annotations

import markdown
import pytest

from kbtool.errors import RenderError
from kbtool.render import markup
from kbtool.render.links import LinkTargets
from kbtool.render.record_markdown import TextContext, refusals, render_blocks, render_inline

LINKS = LinkTargets({"this-record": frozenset({"cause-a", "fix-a"}), "other-record": frozenset({"fix-b"})})
ON_RECORD = TextContext("records/this-record.md", "this-record", LINKS)
ON_INDEX = TextContext("records.md", None, LINKS)

# The extensions of mkdocs.yml that give text a meaning, to check what the site would make of our output.
EXTENSIONS = ["admonition", "attr_list", "tables", "toc", "pymdownx.superfences"]


def to_html(text: str, context: TextContext = ON_RECORD) -> str:
    return markdown.markdown("\n".join(render_blocks(text, context)), extensions=EXTENSIONS)


def test_raw_html_shows_as_text() -> None:
    html = to_html("Summary <script>alert(1)</script> and <img src=x onerror=alert(2)>")
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_html_block_shows_as_text() -> None:
    html = to_html("<div onclick=\"x()\">\nhello\n</div>")
    assert "<div" not in html
    assert "&lt;div onclick" in html


@pytest.mark.parametrize("text, forbidden", [
    ('Text {: onclick="alert(1)" }', "<p "),  # attr_list would put the attribute on the paragraph
    ('Text {#evil .cls}', "<p "),
    ('!!! danger "Injected"', 'class="admonition'),
    ("[TOC]", 'class="toc"'),
])
def test_markup_of_python_markdown_extensions_is_escaped(text: str, forbidden: str) -> None:
    assert forbidden not in to_html(text)


def test_attr_list_cannot_add_attributes() -> None:
    html = to_html('Text {: onclick="alert(1)" }')
    assert "<p>Text {: onclick=\"alert(1)\" }</p>" == html


def test_line_starts_that_would_open_blocks_stay_text() -> None:
    html = to_html("2026\\. was the year\n\n\\- dash\n\n\\> quote\n\n\\# hash\n\n!!! note")
    assert "<ol" not in html and "<ul" not in html and "<blockquote" not in html and "<h1" not in html
    assert "admonition" not in html
    assert "<p>2026. was the year</p>" in html
    assert "<p>!!! note</p>" in html


def test_code_keeps_backticks_and_html_literal() -> None:
    html = to_html("Run ``a `b` <c>``")
    assert "<code>a `b` &lt;c&gt;</code>" in html


def test_fenced_code_keeps_its_content() -> None:
    html = to_html("```json\n{\"a\": \"<b>\"}\n```")
    assert "&lt;b&gt;" in html and "<b>" not in html


def test_lists_emphasis_and_https_links_render() -> None:
    html = to_html("- *one*\n- **two** [docs](https://example.org/a_(b))")
    assert "<em>one</em>" in html and "<strong>two</strong>" in html
    assert '<a href="https://example.org/a_%28b%29">docs</a>' in html


@pytest.mark.parametrize("href", [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "http://example.org/",
    "vbscript:x",
    "file:///etc/passwd",
])
def test_unsafe_links_are_refused(href: str) -> None:
    with pytest.raises(RenderError, match="refused"):
        render_blocks(f"[click]({href})", ON_RECORD)


@pytest.mark.parametrize("href", ["../etc/passwd", "page.md", "//example.org/x", "mailto:a@example.org"])
def test_other_links_are_not_allowed(href: str) -> None:
    with pytest.raises(RenderError, match="not allowed|refused"):
        render_blocks(f"[click]({href})", ON_RECORD)


def test_autolinks_are_checked_too() -> None:
    with pytest.raises(RenderError, match="refused"):
        render_blocks("<http://example.org>", ON_RECORD)
    assert render_blocks("<https://example.org>", ON_RECORD) == ["[https://example.org](https://example.org)"]


def test_kb_links_resolve_relative_to_the_page_so_they_stay_in_its_language() -> None:
    assert render_inline("[b](kb:other-record#fix-b)", ON_RECORD) == "[b](other-record.md#fix-b)"
    assert render_inline("[b](kb:other-record)", ON_INDEX) == "[b](records/other-record.md)"
    assert render_inline("[a](#cause-a)", ON_RECORD) == "[a](this-record.md#cause-a)"


def test_unknown_kb_link_is_a_clear_error() -> None:
    with pytest.raises(RenderError, match=r"unknown record `other-recrod`; did you mean `other-record`\?"):
        render_blocks("[b](kb:other-recrod)", ON_RECORD)


def test_unknown_kb_anchor_is_a_clear_error() -> None:
    with pytest.raises(RenderError, match=r"record `other-record` has no cause or solution `fix-c`; did you mean `fix-b`\?"):
        render_blocks("[b](kb:other-record#fix-c)", ON_RECORD)


def test_images_and_headings_are_refused() -> None:
    with pytest.raises(RenderError, match="image"):
        render_blocks("![x](https://example.org/x.png)", ON_RECORD)
    with pytest.raises(RenderError, match="heading"):
        render_blocks("# Title", ON_RECORD)


REFUSAL_CASES = [
    "plain *text* with `code` and [a link](https://example.org/)",
    "![x](https://example.org/x.png)",
    "# Title",
    "Title\n=====",
    "- a list\n- with ![an image](https://example.org/x.png)\n  ## and a heading",
    "> a quote\n>\n> ## with a heading ![and an image](u)",
    "[![an image in a link](u)](https://example.org/)",
    "text\n\n---\n\n```sh\n# a comment\n```\n\n    indented code",
    "first\n\nsecond paragraph",
    "1. numbered",
]


@pytest.mark.parametrize("one_paragraph", [False, True], ids=["blocks", "one-paragraph"])
@pytest.mark.parametrize("text", REFUSAL_CASES)
def test_refusals_lists_what_the_renderer_refuses(text: str, one_paragraph: bool) -> None:
    """``kb lint`` (KB109) reads :func:`refusals`: its first refusal is the renderer's error, word for word."""
    found = refusals(text, one_paragraph=one_paragraph)
    try:
        (render_inline if one_paragraph else render_blocks)(text, ON_RECORD)
    except RenderError as exc:
        assert found and found[0].message == str(exc)
    else:
        assert found == []


def test_refusals_finds_every_refused_construct_but_not_inside_one() -> None:
    text = "![a](u) *![b](u)*\n\n## Heading ![not counted](u)\n\n- ![c](u)"
    assert [(r.message.split(" (")[0], r.written) for r in refusals(text)] == [
        ("an image", "!["), ("an image", "!["), ("a heading", "## Heading ![not counted](u)"), ("an image", "!["),
    ]
    assert [r.message for r in refusals("> quote ![i](u)\n\n- a", one_paragraph=True)] == [
        "only a single paragraph is allowed here, found a block quote",
        "only a single paragraph is allowed here, found a bulleted list",
    ]


def test_escape_text_round_trips_through_python_markdown() -> None:
    text = r"a*b_c `d` [e](f) {#g} <h> & \i # j"
    html = markdown.markdown(markup.escape_text(text), extensions=EXTENSIONS)
    assert html == "<p>a*b_c `d` [e](f) {#g} &lt;h&gt; &amp; \\i # j</p>"


def test_fence_is_longer_than_any_fence_inside() -> None:
    assert markup.fence("```\nx\n```", "text") == ["````text", "```", "x", "```", "````"]
