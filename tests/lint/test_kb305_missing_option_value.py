"""KB305 missing-option-value: an option that takes a value is given none."""

from __future__ import annotations

from lint.snippet_records import with_steps

RULES = ("KB305",)


def test_option_at_the_end_or_before_another_option_has_no_value(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - run: openclaw devices rotate --device --role operator
        - run: openclaw devices rotate --role operator --device
        """), rules=RULES)
    assert run.lines == [
        "kb/records/alpha.yaml:19:38: error KB305 option `--device` of `openclaw devices rotate` needs a value: "
        "write `--device <device>`",
        "kb/records/alpha.yaml:20:54: error KB305 option `--device` of `openclaw devices rotate` needs a value: "
        "write `--device <device>`",
    ]
    assert run.code == 1


def test_values_given_as_placeholders_or_expansions_pass(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - run: openclaw devices rotate --device <device-id> --role operator
        - run: openclaw gateway status --token "$(cat ~/.openclaw/token)"
        """), rules=RULES)
    assert run.lines == []
