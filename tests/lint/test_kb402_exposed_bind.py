"""KB402 exposed-bind: binding beyond loopback needs a warning in the step or its solution."""

from __future__ import annotations

from lint.snippet_records import with_steps

RULES = ("KB402",)
ADVICE = ("makes the gateway reachable from other machines; warn the reader in the step's text (say it must "
          "stay behind token auth and off the internet, or keep `loopback` and use an SSH tunnel)")


def test_lan_binds_and_any_address_without_warning_are_reported(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - text: Let other machines connect.
          run: openclaw config set gateway.bind lan
        - run: openclaw gateway --bind lan --port 18789
        - run: docker run -p 0.0.0.0:18789:18789 openclaw:local
        - file: ~/.openclaw/openclaw.json
          format: json5
          code: |
            { gateway: { bind: "lan" } }
        """), rules=RULES)
    assert run.lines == [
        f"kb/records/alpha.yaml:20:47: warning KB402 `gateway.bind lan` {ADVICE}",
        f"kb/records/alpha.yaml:21:31: warning KB402 `--bind lan` {ADVICE}",
        f"kb/records/alpha.yaml:22:28: warning KB402 `0.0.0.0` {ADVICE}",
        f"kb/records/alpha.yaml:26:24: warning KB402 `bind: \"lan\"` {ADVICE}",
    ]
    assert run.code == 0


def test_a_warned_lan_bind_and_loopback_pass(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - text: >-
            The gateway binds `lan` inside the container; **warning:** publish the port on the
            host loopback only.
          run: openclaw gateway --bind lan --port 18789
        """) | with_steps("bravo", """
        - run: openclaw config set gateway.bind loopback
        """), rules=RULES)
    assert run.lines == []
