"""KB312 unknown-env-var: OpenClaw and Moltworker variable names in snippets are real."""

from __future__ import annotations

from lint.snippet_records import with_steps

RULES = ("KB312",)


def test_invented_and_misspelt_variables_are_reported(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - file: .env
          format: dotenv
          code: |
            OPENCLAW_GATEWAY_AUTH_TOKEN=<your-token>
            OPENCLAW_GATWAY_PORT=18789
        - run: echo "$OPENCLAW_GATEWAY_AUTH_TOKEN"
        """), rules=RULES)
    assert run.lines == [
        "kb/records/alpha.yaml:22:11: error KB312 `OPENCLAW_GATEWAY_AUTH_TOKEN` does not exist in any OpenClaw "
        "release; use `OPENCLAW_GATEWAY_TOKEN`",
        "kb/records/alpha.yaml:23:11: error KB312 unknown environment variable `OPENCLAW_GATWAY_PORT`; "
        "did you mean `OPENCLAW_GATEWAY_PORT`?",
        "kb/records/alpha.yaml:24:21: error KB312 `OPENCLAW_GATEWAY_AUTH_TOKEN` does not exist in any OpenClaw "
        "release; use `OPENCLAW_GATEWAY_TOKEN`",
    ]
    assert run.code == 1


def test_real_variables_pass_and_prose_quoting_a_wrong_claim_is_not_checked(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - file: docker-compose.yml
          format: yaml
          code: |
            services:
              openclaw-gateway:
                environment:
                  OPENCLAW_GATEWAY_TOKEN: ${OPENCLAW_GATEWAY_TOKEN}
                  ANTHROPIC_API_KEY: ${ANTHROPIC_API_KEY}
                volumes:
                  - ${OPENCLAW_CONFIG_DIR}:/home/node/.openclaw
        """, source_claims="""
  - source: faq
    claim: Set `OPENCLAW_GATEWAY_AUTH_TOKEN`.
    verdict: "false"
    fact: The variable is `OPENCLAW_GATEWAY_TOKEN`."""), rules=RULES)
    assert run.lines == []
