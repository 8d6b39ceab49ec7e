"""KB303 unknown-subcommand: `openclaw devices rotate-token` does not exist in any version."""

from __future__ import annotations

from lint.snippet_records import with_steps

RULES = ("KB303",)


def test_invented_subcommand_is_reported_with_the_real_one(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - run: openclaw devices rotate-token --force
        - run: |
            openclaw devices list
            openclaw gateway restat
        """), rules=RULES)
    assert run.lines == [
        "kb/records/alpha.yaml:19:31: error KB303 unknown subcommand `rotate-token` of `openclaw devices`; "
        "did you mean `rotate`?",
        "kb/records/alpha.yaml:22:28: error KB303 unknown subcommand `restat` of `openclaw gateway`; "
        "did you mean `restart`?",
    ]
    assert run.code == 1


def test_positional_arguments_are_not_subcommands(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - run: openclaw devices approve <request-id>
        - run: openclaw config get gateway.auth.token
        - run: openclaw gateway --tailscale serve
        """), rules=RULES)
    assert run.lines == []
