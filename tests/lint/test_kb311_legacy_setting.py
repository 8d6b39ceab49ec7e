"""KB311 legacy-setting: `gateway.token` and CLAWDBOT_*/MOLTBOT_* variables in steps for versions that ignore them."""

from __future__ import annotations

from lint.snippet_records import with_steps

RULES = ("KB311",)


def test_legacy_key_and_variables_are_reported_for_versions_that_ignore_them(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - run: openclaw config set gateway.token <your-token>
        - file: ~/.openclaw/openclaw.json
          format: json5
          code: |
            { gateway: { token: "<your-token>" } }
        - file: ~/.openclaw/.env
          format: dotenv
          code: |
            CLAWDBOT_GATEWAY_TOKEN=<your-token>
        - run: openclaw config set gateway.token <your-token>
          applies_to:
            openclaw: "<2026.6.35"
        """), rules=RULES)
    assert run.lines == [
        "kb/records/alpha.yaml:19:42: error KB311 `gateway.token` is ignored from OpenClaw 2026.6.35 on "
        "(this step applies to 2026.6.35 and 2026.9.6); use `gateway.auth.token`",
        "kb/records/alpha.yaml:23:24: error KB311 `gateway.token` is ignored from OpenClaw 2026.6.35 on "
        "(this step applies to 2026.6.35 and 2026.9.6); use `gateway.auth.token`",
        "kb/records/alpha.yaml:27:11: error KB311 `CLAWDBOT_GATEWAY_TOKEN` is a legacy variable, ignored from "
        "OpenClaw 2026.6.35 on (this step applies to 2026.6.35 and 2026.9.6); use `OPENCLAW_GATEWAY_TOKEN`",
    ]
    assert run.code == 1


def test_moltworker_secret_is_current_in_moltworker_records_and_prose_is_not_checked(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - run: npx wrangler secret put MOLTBOT_GATEWAY_TOKEN
        - run: npx wrangler secret put CLAWDBOT_GATEWAY_TOKEN
        """, products="[openclaw, moltworker]", source_claims="""
  - source: faq
    claim: Set `CLAWDBOT_GATEWAY_TOKEN` in `~/.openclaw/.env`.
    verdict: "false"
    fact: OpenClaw ignores it; the variable is `OPENCLAW_GATEWAY_TOKEN`."""), rules=RULES)
    assert run.lines == [
        "kb/records/alpha.yaml:20:38: error KB311 `CLAWDBOT_GATEWAY_TOKEN` is the old name of Moltworker's secret; "
        "use `MOLTBOT_GATEWAY_TOKEN`",
    ]
