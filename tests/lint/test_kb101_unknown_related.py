"""KB101 unknown-related: every `related` id names a record."""

from __future__ import annotations

from lint.helpers import record

RULES = ("KB101",)


def test_unknown_related_id_is_reported_with_the_closest_id(lint_kb) -> None:
    run = lint_kb({**record("alpha", related="[bravo-recrod, no-such-thing]"), **record("bravo-record")}, rules=RULES)
    assert run.lines == [
        "kb/records/alpha.yaml:26:11: error KB101 `related` names unknown record `bravo-recrod`; "
        "did you mean `bravo-record`?",
        "kb/records/alpha.yaml:26:25: error KB101 `related` names unknown record `no-such-thing`; "
        "`related` takes record ids (file names in kb/records/)",
    ]
    assert run.code == 1


def test_existing_related_ids_pass(lint_kb) -> None:
    run = lint_kb({**record("alpha", related="[bravo]"), **record("bravo", related="[alpha]")}, rules=RULES)
    assert run.lines == []


def test_a_related_record_that_fails_validation_is_not_unknown(lint_kb) -> None:
    """Its own validation findings say what is wrong; "unknown record" would mislead."""
    run = lint_kb({**record("alpha", related="[bravo]"), **record("bravo", updated="soon")}, rules=RULES)
    assert run.lines == []
