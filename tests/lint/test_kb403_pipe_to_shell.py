"""KB403 pipe-to-shell: a download must not be piped straight into a shell."""

from __future__ import annotations

from lint.snippet_records import with_steps

RULES = ("KB403",)
ADVICE = ("which runs whatever the server sends; download the script, show how to read it, then run it "
          "(or install the package instead)")


def test_downloads_run_by_a_shell_are_reported(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - run: curl -fsSL https://openclaw.example.com/install.sh | sudo bash
        - run: bash <(wget -qO- https://openclaw.example.com/install.sh)
        - run:
            shell: powershell
            code: iwr -useb https://openclaw.example.com/install.ps1 | iex
        """), rules=RULES)
    assert run.lines == [
        f"kb/records/alpha.yaml:19:72: warning KB403 a download is piped into `bash`, {ADVICE}",
        f"kb/records/alpha.yaml:20:14: warning KB403 a download is piped into `bash`, {ADVICE}",
        f"kb/records/alpha.yaml:23:70: warning KB403 a download is piped into `iex`, {ADVICE}",
    ]


def test_downloading_then_running_and_piping_into_other_programs_pass(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - run: |
            curl -fsSLo install.sh https://openclaw.example.com/install.sh
            bash install.sh
        - run: curl -s http://127.0.0.1:18789/health | jq .
        """), rules=RULES)
    assert run.lines == []
