"""Inline suppressions: `# kb: disable=`, `disable-next-line=` and `disable-file=` comments in records."""

from __future__ import annotations

from kbtool.lint.suppress import read_suppressions
from kbtool.load.yaml_loader import load_yaml
from lint.helpers import record

RULES = ("KB101", "KB105", "KB099")
BRAVO = {**record("bravo"), **record("charlie")}  # list nothing back: each `related` entry is a KB105 suggestion


def _lint(lint_kb, related: str, *args: str, **files: str) -> list[str]:
    run = lint_kb({**record("alpha", related=related), **BRAVO}, *args, rules=RULES,
                  files={name.replace("_", "."): text for name, text in files.items()})
    return [line.split(":", 1)[1] for line in run.lines]


def test_end_of_line_suppression_silences_that_line_only(lint_kb) -> None:
    related = "\n  - bravo  # kb: disable=KB105\n  - bravo-typo"
    assert _lint(lint_kb, related) == [
        "28:5: error KB101 `related` names unknown record `bravo-typo`; did you mean `bravo`?",
    ]


def test_next_line_suppression_silences_the_line_below(lint_kb) -> None:
    related = "\n  # kb: disable-next-line=KB101, KB105\n  - bravo-typo\n  - bravo"
    assert _lint(lint_kb, related) == [
        "27:3: warning KB099 `disable-next-line=KB105` suppresses nothing: KB105 reports nothing on line 28; remove it",
        "29:5: info KB105 `bravo` does not list this record in its `related`; add `alpha` to `related` in "
        "kb/records/bravo.yaml, or remove `bravo` here",
    ]


def test_file_suppression_silences_the_whole_record(lint_kb) -> None:
    related = "\n  - bravo\n  - charlie  # a comment that is not a suppression\n# kb: disable-file=KB105"
    assert _lint(lint_kb, related) == []


def test_suppression_on_its_own_line_says_to_use_next_line(lint_kb) -> None:
    related = "\n  # kb: disable=KB105\n  - bravo"
    assert _lint(lint_kb, related)[0] == (
        "27:3: warning KB099 `disable=KB105` covers only its own line, which has no KB105 finding; "
        "use `# kb: disable-next-line=KB105` to cover the line below")


def test_unknown_validation_and_disabled_rules_and_unreadable_comments_are_reported(lint_kb) -> None:
    related = ("\n  - bravo  # kb: disable=KB105,KB999,KB020,KB104\n  # kb: disabel=KB105\n"
               "  - charlie # kb:disable-next-line=KB101")
    assert _lint(lint_kb, related, kb_toml='[lint]\ndisable = ["KB104"]\n') == [
        "27:12: warning KB099 `disable=KB020`: validation findings (KB0xx) cannot be suppressed; fix the record "
        "and remove the comment",
        "27:12: warning KB099 `disable=KB104`: KB104 is disabled in the configuration; remove the comment",
        "27:12: warning KB099 `disable=KB999`: there is no rule KB999; `kb lint --list-rules` lists them",
        "28:3: warning KB099 cannot read the suppression `# kb: disabel=KB105`; write `# kb: disable=KB101`, "
        "`# kb: disable-next-line=KB101` or `# kb: disable-file=KB101`",
        "29:5: info KB105 `charlie` does not list this record in its `related`; add `alpha` to `related` in "
        "kb/records/charlie.yaml, or remove `charlie` here",
        "29:13: warning KB099 `disable-next-line=KB101` suppresses nothing: KB101 reports nothing on line 30; "
        "remove it",
    ]


def test_unused_suppression_reports_can_themselves_be_silenced(lint_kb) -> None:
    related = "\n  - bravo  # kb: disable=KB105,KB101\n# kb: disable-file=KB099"
    assert _lint(lint_kb, related) == []


def test_comment_text_inside_values_is_not_a_suppression() -> None:
    text = (b'run: |\n  echo hi  # kb: disable=KB301\nquoted: "x # kb: disable=KB302"\n'
            b"plain: a # kb: disable=KB303\n# kb: disable-file=KB304\n")
    doc, findings = load_yaml(text, "x.yaml")
    assert doc is not None and not findings
    suppressions, unreadable = read_suppressions(doc)
    assert [(s.kind, s.rules, s.line, s.column, s.target) for s in suppressions] == [
        ("disable", ("KB303",), 4, 10, 4),
        ("disable-file", ("KB304",), 5, 1, None),
    ]
    assert unreadable == []


def test_records_not_being_linted_keep_their_suppressions_quiet(lint_kb) -> None:
    run = lint_kb({**record("alpha", related="\n  - bravo  # kb: disable=KB101"), **BRAVO},
                  "kb/records/bravo.yaml", rules=RULES)
    assert run.lines == []
