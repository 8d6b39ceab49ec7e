"""KB304 unknown-option: an option the command does not accept in any version of the range."""

from __future__ import annotations

from lint.snippet_records import with_steps

RULES = ("KB304",)


def test_unknown_option_is_reported_at_its_place(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - run: openclaw devices rotate --device <device-id> --role operator --force
        - run: "openclaw   devices   list --jsn"
        - run: 'openclaw config get ''gateway.bind'' --jsn'
        """), rules=RULES)
    assert run.lines == [
        "kb/records/alpha.yaml:19:75: error KB304 unknown option `--force` of `openclaw devices rotate`; "
        "`openclaw devices rotate --help` lists its options",
        "kb/records/alpha.yaml:20:41: error KB304 unknown option `--jsn` of `openclaw devices list`; "
        "did you mean `--json`?",
        "kb/records/alpha.yaml:21:52: error KB304 unknown option `--jsn` of `openclaw config get`; "
        "did you mean `--json`?",
    ]
    assert run.code == 1


def test_options_are_read_as_the_cli_reads_them(lint_kb) -> None:
    """Program options after the command, `--opt=value`, variadic values, `--` and declared `--no-X`."""
    run = lint_kb(with_steps("alpha", """
        - run: openclaw devices list --profile work --json
        - run: openclaw gateway status --url=ws://127.0.0.1:18789 --token <your-token>
        - run: openclaw devices rotate --device <device-id> --role operator --scope operator.read operator.write
        - run: openclaw --no-color gateway status -h
        - run: openclaw devices approve -- --not-an-option
        """), rules=RULES)
    assert run.lines == []
