"""KB310 unknown-config-key: keys of openclaw.json snippets and `openclaw config` paths are real."""

from __future__ import annotations

from lint.snippet_records import with_steps

RULES = ("KB310",)


def test_misspelt_keys_are_reported_with_the_real_key(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - run: openclaw config set gateway.remote.tokn <your-token>
        - run: openclaw config get 'gateway.controlUI.allowedOrigins'
        - file: ~/.openclaw/openclaw.json
          format: json5
          code: |
            {
              gatway: { port: 18789 },
              gateway: {
                auth: { tokn: "<your-token>", rateLimit: { maxAttempts: 10 } },
                controlUi: { allowedOrigins: ["https://openclaw.example.com"] },
              },
              agents: { anything: { goes: true } },
            }
        """), rules=RULES)
    assert run.lines == [
        "kb/records/alpha.yaml:19:49: warning KB310 unknown OpenClaw config key `gateway.remote.tokn`; "
        "did you mean `gateway.remote.token`?",
        "kb/records/alpha.yaml:20:43: warning KB310 unknown OpenClaw config key `gateway.controlUI`; "
        "did you mean `gateway.controlUi`?",
        "kb/records/alpha.yaml:25:13: warning KB310 unknown OpenClaw config key `gatway`; did you mean `gateway`?",
        "kb/records/alpha.yaml:27:23: warning KB310 unknown OpenClaw config key `gateway.auth.tokn`; "
        "did you mean `gateway.auth.token`?",
    ]


def test_real_keys_and_other_files_pass(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - run: openclaw config set gateway.controlUi.allowedOrigins '["https://openclaw.example.com"]' --json
        - file: ~/.openclaw/openclaw.json
          format: json5
          code: |
            { gateway: { bind: "loopback", tailscale: { mode: "serve" }, remote: { url: "ws://127.0.0.1:18789" } } }
        - file: package.json
          format: json
          code: |
            { "scripts": { "deploy": "wrangler deploy" } }
        """), rules=RULES)
    assert run.lines == []
