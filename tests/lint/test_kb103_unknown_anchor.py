"""KB103 unknown-anchor: `#anchor` of a record link is a place on the target page."""

from __future__ import annotations

import re

import pytest

from conftest import REPO
from kbtool.load.layout import Layout
from kbtool.render.context import Site, record_anchors
from kbtool.render.record_page import render_record_page
from kbtool.validate.engine import validate
from lint.helpers import record

RULES = ("KB103",)

BRAVO_SOLUTIONS = """
  - id: open-dashboard
    title: Open the dashboard
    steps:
      - run: openclaw dashboard
    verify:
      - run: openclaw gateway status
"""


def _alpha(text: str) -> dict[str, str]:
    return record("alpha", causes=f"\n  - id: no-token\n    text: \"{text}\"")


def test_unknown_anchors_are_reported_with_the_closest_one(lint_kb) -> None:
    text = "[a](kb:bravo#open-dashbaord) [b](kb:bravo#nothing-like-it) [c](#no-tokne)"
    run = lint_kb({**_alpha(text), **record("bravo", solutions=BRAVO_SOLUTIONS)}, rules=RULES)
    assert run.lines == [
        "kb/records/alpha.yaml:14:16: error KB103 link `kb:bravo#open-dashbaord`: record `bravo` has no anchor "
        "`open-dashbaord`; did you mean `kb:bravo#open-dashboard`?",
        "kb/records/alpha.yaml:14:45: error KB103 link `kb:bravo#nothing-like-it`: record `bravo` has no anchor "
        "`nothing-like-it`; anchors are cause and solution ids and section names such as `#solutions`",
        "kb/records/alpha.yaml:14:75: error KB103 link `#no-tokne`: this record has no anchor `no-tokne`; "
        "did you mean `#no-token`?",
    ]


def test_causes_solutions_verify_parts_and_sections_are_anchors(lint_kb) -> None:
    text = ("[a](kb:bravo#no-token) [b](kb:bravo#open-dashboard) [c](kb:bravo#open-dashboard-verify) "
            "[d](kb:bravo#sources) [e](#causes) [f](kb:bravo)")
    run = lint_kb({**_alpha(text), **record("bravo", solutions=BRAVO_SOLUTIONS)}, rules=RULES)
    assert run.lines == []


def test_optional_sections_are_anchors_only_when_the_record_has_them(lint_kb) -> None:
    run = lint_kb({**_alpha("[a](kb:bravo#symptoms) [b](kb:bravo#commits)"), **record("bravo")}, rules=RULES)
    assert [line.split(": ", 1)[1] for line in run.lines] == [
        "error KB103 link `kb:bravo#symptoms`: record `bravo` has no `symptoms`, so its page has no `#symptoms` "
        "section; link another anchor",
        "error KB103 link `kb:bravo#commits`: record `bravo` has no `commits`, so its page has no `#commits` "
        "section; link another anchor",
    ]


REAL = validate(Layout(REPO))


@pytest.mark.parametrize("record_id", sorted(REAL.records))
def test_every_anchor_lint_accepts_is_on_the_rendered_page(record_id: str) -> None:
    """What KB103 accepts is exactly what the page has: the rule and the renderer share `record_anchors`."""
    site = Site(records=REAL.records, registries=REAL.registries)
    page = render_record_page(REAL.records[record_id], site, "en")
    on_page = set(re.findall(r"\{#([a-z0-9-]+)\}", page))
    assert set(record_anchors(REAL.records[record_id])) == on_page
