"""KB109 markup-not-allowed: images, headings, and blocks where the page holds one paragraph."""

from __future__ import annotations

import pytest

from kbtool.errors import RenderError
from kbtool.i18n.units import record_units, with_texts
from kbtool.lint.links import rendered_as
from kbtool.render.record_page import render_record_page
from lint.helpers import line_of, record, translation
from render_helpers import fixture_site

RULES = ("KB109",)
IMAGE = "an image (images would load from another host; link to it instead) is not allowed in record text"
HEADING = "a heading (use a paragraph; the page makes the headings) is not allowed in record text"

SUMMARY = """|-
  See ![the banner](https://example.org/a.png) first.

  ## What you see

  - the page ![again](https://example.org/b.png)"""


def test_each_image_and_heading_is_reported_where_it_is_written(lint_kb) -> None:
    run = lint_kb(record("alpha", summary=SUMMARY), rules=RULES)
    text = (run.root / "kb" / "records" / "alpha.yaml").read_text(encoding="utf-8")
    first, heading, second = line_of(text, "![the"), line_of(text, "## What"), line_of(text, "![again")
    assert run.lines == [
        f"kb/records/alpha.yaml:{first}:7: error KB109 {IMAGE}",
        f"kb/records/alpha.yaml:{heading}:3: error KB109 {HEADING}",
        f"kb/records/alpha.yaml:{second}:14: error KB109 {IMAGE}",
    ]


def test_a_block_in_a_field_the_page_writes_on_one_line_is_reported(lint_kb) -> None:
    solutions = ("\n  - id: dashboard\n    title: '# Open the dashboard'\n    when: \"Either:\\n\\n- a\\n- b\"\n"
                 "    steps:\n      - run: openclaw dashboard")
    run = lint_kb(record("alpha", solutions=solutions), rules=RULES)
    text = (run.root / "kb" / "records" / "alpha.yaml").read_text(encoding="utf-8")
    title, when = line_of(text, "# Open"), line_of(text, "when:")
    assert run.lines == [
        f"kb/records/alpha.yaml:{title}:13: error KB109 only a single paragraph is allowed here, found a heading "
        "(use a paragraph; the page makes the headings)",
        f"kb/records/alpha.yaml:{when}:23: error KB109 only a single paragraph is allowed here, found a bulleted list",
    ]


def test_a_translation_is_checked_like_its_record(lint_kb) -> None:
    files = translation("alpha", "ja", {
        "causes.no-token.text": ("The client sent no token.", "## 原因\n\nクライアントはトークンを送っていません。"),
        "solutions.dashboard.title": ("Open the dashboard", "![画面](https://example.org/a.png) ダッシュボードを開く"),
    })
    run = lint_kb(record("alpha"), rules=RULES, files=files)
    lines = files["i18n/ja/alpha.yaml"].splitlines()
    assert run.lines == [
        f"i18n/ja/alpha.yaml:6:{lines[5].index('## 原因') + 1}: error KB109 `causes.no-token.text`: {HEADING}",
        f"i18n/ja/alpha.yaml:9:{lines[8].index('![') + 1}: error KB109 `solutions.dashboard.title`: {IMAGE}",
    ]


def test_markdown_the_page_accepts_passes(lint_kb) -> None:
    summary = ('"Check *this* and **that**, `code`, [a link](https://example.org/) and \\\\# no heading, '
               '\\\\![no image] here:\\n\\n- a list\\n\\n1. numbered\\n\\n> a quote\\n\\n---\\n\\n```bash\\n'
               '# a comment, not a heading\\n```"')
    files = translation("alpha", "ja", {"summary": ("The smallest record the format accepts.", "最小の記録。\n\n- 一覧")})
    run = lint_kb(record("alpha", summary=summary), rules=RULES, files=files)
    assert run.code == 0 and run.lines == []


@pytest.fixture
def golden(make_kb):
    site = fixture_site(make_kb)
    return site, site.records["golden-record"]


@pytest.mark.parametrize(("text", "refused_in"), [
    ("> a quote", {"one paragraph"}),
    ("## A heading", {"one paragraph", "blocks"}),
    ("An ![image](https://example.org/a.png)", {"one paragraph", "blocks"}),
])
def test_what_the_rule_expects_of_each_field_is_what_the_page_does(golden, text: str, refused_in: set[str]) -> None:
    """Each translatable field in turn holds ``text``: the page refuses it exactly where KB109 says it does
    (``rendered_as``), so the rule's table of one-paragraph fields cannot drift from the page."""
    site, record = golden
    assert {rendered_as(unit.path) for unit in record_units(record)} == {None, "blocks", "one paragraph"}
    for unit in record_units(record):
        changed = with_texts(record, {unit.key: text})
        expected = rendered_as(unit.path) in refused_in
        try:
            render_record_page(changed, site, "en")
        except RenderError:
            assert expected, unit.key
        else:
            assert not expected, unit.key
