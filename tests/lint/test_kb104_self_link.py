"""KB104 self-link: a record does not list itself in `related` or link `kb:` to its own page."""

from __future__ import annotations

from lint.helpers import record

RULES = ("KB104",)


def test_related_to_itself_and_kb_link_to_own_page_are_reported(lint_kb) -> None:
    causes = '\n  - id: no-token\n    text: "See [here](kb:alpha)."'
    run = lint_kb({**record("alpha", causes=causes, related="[bravo, alpha]"), **record("bravo", related="[alpha]")},
                  rules=RULES)
    assert run.lines == [
        "kb/records/alpha.yaml:14:23: warning KB104 link `kb:alpha` points to this record's own page; "
        "link a place on it with `#cause-or-solution-id`, or remove the link",
        "kb/records/alpha.yaml:26:18: warning KB104 `related` lists this record itself (`alpha`); remove it",
    ]
    assert run.code == 0  # a warning: exit 1 only with --strict


def test_links_to_a_place_on_the_own_page_pass(lint_kb) -> None:
    causes = '\n  - id: no-token\n    text: "See [fix](kb:alpha#dashboard) or [fix](#dashboard)."'
    run = lint_kb(record("alpha", causes=causes), rules=RULES)
    assert run.lines == []
