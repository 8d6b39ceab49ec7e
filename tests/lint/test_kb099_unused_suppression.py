"""KB099 unused-suppression: a suppression comment that silences nothing is reported (see test_suppress.py)."""

from __future__ import annotations

from lint.helpers import record

RULES = ("KB099",)


def test_a_suppression_that_silences_nothing_is_a_warning(lint_kb) -> None:
    run = lint_kb(record("alpha", related="\n  - nothing  # kb: disable=KB105"), "--strict", rules=RULES)
    assert run.lines == [
        "kb/records/alpha.yaml:27:14: warning KB099 `disable=KB105` suppresses nothing: KB105 reports nothing on "
        "line 27; remove it",
    ]
    assert run.code == 1


def test_a_suppression_that_silences_a_finding_passes(lint_kb) -> None:
    run = lint_kb(record("alpha", related="\n  - nothing  # kb: disable=KB101"), rules=RULES)
    assert run.lines == []
    assert run.code == 0


def test_kb099_can_be_disabled_in_the_configuration(lint_kb) -> None:
    run = lint_kb(record("alpha", related="\n  - alpha  # kb: disable=KB105"), rules=RULES,
                  files={"pyproject.toml": '[tool.kb.lint]\ndisable = ["KB099"]\n'})
    assert run.lines == []
