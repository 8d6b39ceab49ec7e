"""KB604 signature-not-portable: regexes keep to what Python, RE2 and JavaScript read alike."""

from __future__ import annotations

import pytest

from lint.helpers import line_of, minimal_record, record

RULES = ("KB604",)


def _signature(regex: str) -> str:
    return f"\n  - regex: '{regex}'\n    examples:\n      - 'gateway token missing'\n"


@pytest.mark.parametrize(("regex", "message"), [
    ("(?i)gateway token missing", "inline flags differ between engines; write the cases out, e.g. [Ee]rror"),
    ("(?P<what>gateway) token missing", "named groups are written differently in Python and JavaScript; use (?:...)"),
    ("(?<=gateway )token missing", "lookaround assertions cannot run in RE2, which indexes signatures"),
    ("gateway token missing\\Z", "\\A, \\Z and \\z do not exist in JavaScript; use ^ and $"),
    ("gateway\\ token missing", "\\  is a needless escape that JavaScript refuses; write   alone"),
    ("token={REPLACE}|gateway token missing",
     "a { that does not start a repetition must be escaped as \\{ for JavaScript"),
    ("x*|gateway token missing", "matches an empty line, so it would match every line"),
])
def test_constructs_that_differ_between_engines_are_reported_at_the_regex(lint_kb, regex: str, message: str) -> None:
    signature = _signature(regex)
    run = lint_kb(record("alpha", signatures=signature), rules=RULES)
    line = line_of(minimal_record(signatures=signature), "- regex:")
    assert run.lines[0] == f"kb/records/alpha.yaml:{line}:12: error KB604 {message}"
    assert run.code == 1


def test_the_portable_subset_passes(lint_kb) -> None:
    signature = _signature("(?:^|: )gateway token (?:missing|mismatch)(?: \\(|$)|\\bAUTH_TOKEN_MISSING\\b|"
                           "token=\\{REPLACE\\}")
    run = lint_kb(record("alpha", signatures=signature), rules=RULES)
    assert run.lines == []
