"""KB105 one-sided-related: a related record lists this record back (a suggestion)."""

from __future__ import annotations

from lint.helpers import record

RULES = ("KB105",)


def test_one_sided_related_link_is_a_suggestion_naming_the_other_file(lint_kb) -> None:
    run = lint_kb({**record("alpha", related="[bravo, charlie]"), **record("bravo", related="[alpha]"),
                   **record("charlie")}, rules=RULES)
    assert run.lines == [
        "kb/records/alpha.yaml:26:18: info KB105 `charlie` does not list this record in its `related`; "
        "add `alpha` to `related` in kb/records/charlie.yaml, or remove `charlie` here",
    ]
    assert run.code == 0


def test_suggestions_do_not_fail_strict_runs(lint_kb) -> None:
    run = lint_kb({**record("alpha", related="[bravo]"), **record("bravo")}, "--strict", rules=RULES)
    assert len(run.lines) == 1
    assert run.code == 0


def test_links_listed_both_ways_pass(lint_kb) -> None:
    run = lint_kb({**record("alpha", related="[bravo]"), **record("bravo", related="[alpha]")}, rules=RULES)
    assert run.lines == []


def test_only_the_records_being_linted_are_reported(lint_kb) -> None:
    run = lint_kb({**record("alpha", related="[bravo]"), **record("bravo"), **record("charlie", related="[bravo]")},
                  "kb/records/charlie.yaml", rules=RULES)
    assert [line.split(":")[0] for line in run.lines] == ["kb/records/charlie.yaml"]
