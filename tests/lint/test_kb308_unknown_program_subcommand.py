"""KB308 unknown-program-subcommand: subcommands of git, docker, npm, wrangler ... must exist."""

from __future__ import annotations

from lint.snippet_records import with_steps

RULES = ("KB308",)


def test_unknown_subcommands_of_other_programs_are_warnings(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - run: git pul && npx wrangler secrets put MOLTBOT_GATEWAY_TOKEN
        - run: docker compose -f compose.yml recreate openclaw-gateway
        - run: sudo systemctl --user restrat openclaw-gateway
        """), rules=RULES)
    assert run.lines == [
        "kb/records/alpha.yaml:19:18: warning KB308 unknown subcommand `pul` of `git`; did you mean `pull`?",
        "kb/records/alpha.yaml:19:38: warning KB308 unknown subcommand `secrets` of `wrangler`; "
        "did you mean `secret`?",
        "kb/records/alpha.yaml:20:44: warning KB308 unknown subcommand `recreate` of `docker compose`; "
        "did you mean `create`?",
        "kb/records/alpha.yaml:21:36: warning KB308 unknown subcommand `restrat` of `systemctl`; "
        "did you mean `restart`?",
    ]


def test_commands_the_records_use_pass(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - run: |
            git pull && git merge-base --is-ancestor HEAD HEAD && npm install && npm run deploy
            npx wrangler secret put MOLTBOT_GATEWAY_TOKEN && npx wrangler tail
            docker compose up -d --force-recreate openclaw-gateway
            openssl rand -hex 32
            launchctl kickstart -k gui/501/ai.openclaw.gateway
            systemctl --user restart openclaw-gateway
            tailscale serve --bg 18789
            git config --global core.autocrlf input
        """), rules=RULES)
    assert run.lines == []
