"""KB605 signature-not-indexed: a signature should require some fixed text, so large logs are read quickly."""

from __future__ import annotations

from lint.helpers import line_of, minimal_record, record

RULES = ("KB605",)


def test_a_signature_without_fixed_text_is_a_warning(lint_kb) -> None:
    signature = "\n  - regex: '\\b[A-Z]{4}_[A-Z]+\\b'\n    examples:\n      - 'AUTH_TOKEN'\n"
    run = lint_kb(record("alpha", signatures=signature), rules=RULES)
    line = line_of(minimal_record(signatures=signature), "- regex:")
    assert run.lines == [
        f"kb/records/alpha.yaml:{line}:5: warning KB605 no fixed text of 3 or more characters is required by "
        "every match, so this signature runs on every line of a log; include the error's own words",
    ]
    assert run.code == 0


def test_strict_runs_fail_on_it(lint_kb) -> None:
    signature = "\n  - regex: '\\b[A-Z]{4}_[A-Z]+\\b'\n    examples:\n      - 'AUTH_TOKEN'\n"
    assert lint_kb(record("alpha", signatures=signature), "--strict", rules=RULES).code == 1


def test_fixed_text_inside_alternatives_counts(lint_kb) -> None:
    signature = ("\n  - regex: '\\bAUTH_(?:DEVICE_)?TOKEN_(?:MISMATCH|MISSING)\\b'\n"
                 "    examples:\n      - 'AUTH_TOKEN_MISSING'\n")
    run = lint_kb(record("alpha", signatures=signature), rules=RULES)
    assert run.lines == []
