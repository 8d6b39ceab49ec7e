"""KB301 shell-syntax: a command snippet must parse (bash) or tokenise (PowerShell, cmd)."""

from __future__ import annotations

from lint.snippet_records import with_steps

RULES = ("KB301",)


def test_bash_errors_are_reported_where_they_are_written(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - run: echo "unterminated
        - run: openclaw devices list )
        - run: |
            openclaw devices list
            if true; then echo x
        """), rules=RULES)
    assert run.lines == [
        'kb/records/alpha.yaml:19:19: error KB301 bash syntax error: unterminated double quote: '
        'the " here is never closed',
        "kb/records/alpha.yaml:20:36: error KB301 bash syntax error: unexpected `)`",
        "kb/records/alpha.yaml:23:11: error KB301 bash syntax error: `if` is never closed: `fi` is missing",
    ]
    assert run.code == 1


def test_powershell_and_cmd_quotes_must_be_closed(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - run:
            shell: powershell
            code: openclaw devices list; Write-Host 'x
        - run:
            shell: cmd
            code: echo "x
        """), rules=RULES)
    assert run.lines == [
        "kb/records/alpha.yaml:21:51: error KB301 powershell syntax error: unterminated single quote: "
        "the ' here is never closed",
        'kb/records/alpha.yaml:24:22: error KB301 cmd syntax error: unterminated double quote: '
        'the " here is never closed on its line',
    ]


def test_valid_bash_including_placeholders_and_rarer_constructs_passes(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - run: ssh -N -L 18789:127.0.0.1:18789 <user>@<gateway-host>
        - run: openclaw config set gateway.controlUi.allowedOrigins '["https://openclaw.example.com"]' --json
        - run: |
            # a comment line
            case "$1" in a) [[ -n $X ]] && echo $((1 + 2)) ;; esac
            cat <<EOF
            it's fine
            EOF
        - run:
            shell: powershell
            code: Write-Host 'it''s' | Out-Null; openclaw devices approve <request-id>
        """), rules=RULES)
    assert run.lines == []
    assert run.code == 0
