"""KB306 version-dependent-command: a command or option exists in only some versions of the step's range."""

from __future__ import annotations

from lint.snippet_records import with_steps

RULES = ("KB306",)


def test_newer_command_in_a_range_reaching_older_versions(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - run: openclaw gateway auth-token --show
        - run: openclaw devices approve --latest
        """), rules=RULES)
    assert run.lines == [
        "kb/records/alpha.yaml:19:31: error KB306 `openclaw gateway auth-token` does not exist in 2026.2.3 and "
        "2026.6.35 (it exists in 2026.9.6); narrow the step's `applies_to` to `openclaw: \">=2026.9.6\"`",
        "kb/records/alpha.yaml:20:39: error KB306 `openclaw devices approve` has no option `--latest` in 2026.2.3 "
        "(it has in 2026.6.35 and 2026.9.6); narrow the step's `applies_to` to `openclaw: \">=2026.6.35\"`",
    ]
    assert run.code == 1


def test_a_narrowed_step_passes(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - run: openclaw gateway auth-token --show
          applies_to:
            openclaw: ">=2026.8.1"
        - run: openclaw config get gateway.auth.token
          applies_to:
            openclaw: "<2026.6.35"
        """), rules=RULES)
    assert run.lines == []


def test_a_range_without_any_known_version_cannot_be_checked(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - run: openclaw doctor
          applies_to:
            openclaw: ">=2027.1.1"
        """), rules=RULES)
    assert run.lines == [
        "kb/records/alpha.yaml:19:14: error KB306 no OpenClaw version of the CLI reference (kb/cli/: 2026.2.3, "
        "2026.6.35 and 2026.9.6) is in this step's range `>=2026.2.3` and `>=2027.1.1`, so its commands cannot "
        "be checked",
    ]
