"""KB309 config-syntax: a config snippet parses in its format, errors at their line and column."""

from __future__ import annotations

from lint.snippet_records import with_steps

RULES = ("KB309",)


def test_each_format_reports_its_first_error_in_place(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - file: ~/.openclaw/openclaw.json
          format: json
          code: |
            {
              gateway: { auth: { token: "<your-token>" } }
            }
        - file: .env
          format: dotenv
          code: |
            # comment
            export A=1
            B="two words" # comment
            BAD LINE
        - file: docker-compose.yml
          format: yaml
          code: |
            services:
              openclaw-gateway:
                ports: ["127.0.0.1:18789:18789"
        - file: config.toml
          format: toml
          code: |
            a = 1
            b =
        """), rules=RULES)
    assert run.lines == [
        "kb/records/alpha.yaml:23:13: error KB309 json syntax error in `~/.openclaw/openclaw.json`: "
        "expecting property name enclosed in double quotes",
        "kb/records/alpha.yaml:31:11: error KB309 dotenv syntax error in `.env`: "
        "expected `KEY=value` (a variable name, `=`, then the value)",
        "kb/records/alpha.yaml:37:46: error KB309 yaml syntax error in `docker-compose.yml`: "
        "did not find expected ',' or ']' (while parsing a flow sequence)",
        "kb/records/alpha.yaml:42:14: error KB309 toml syntax error in `config.toml`: invalid value",
    ]
    assert run.code == 1


def test_json5_features_and_valid_snippets_pass(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - file: ~/.openclaw/openclaw.json
          format: json5
          code: |
            {
              // JSON5: comments, unquoted keys, trailing commas
              gateway: { auth: { mode: "token", token: "<your-token>" }, },
            }
        - file: .env
          format: dotenv
          code: |
            OPENCLAW_GATEWAY_TOKEN=<your-token>
            export OPENCLAW_GATEWAY_PORT='18789'
        """), rules=RULES)
    assert run.lines == []
