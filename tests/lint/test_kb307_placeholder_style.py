"""KB307 placeholder-style: placeholders in snippets are written `<lower-kebab>`."""

from __future__ import annotations

from lint.snippet_records import with_steps

RULES = ("KB307",)


def test_other_placeholder_styles_are_reported_with_the_kebab_form(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - run: openclaw gateway status --url ws://127.0.0.1:18789 --token YOUR_TOKEN
        - run: openclaw devices approve $REQUEST_ID
        - run: openclaw devices rotate --device {DEVICE_ID} --role operator
        - file: .env
          format: dotenv
          code: |
            OPENCLAW_GATEWAY_TOKEN=<YOUR_TOKEN>
            OPENCLAW_GATEWAY_PASSWORD=xxxxxxxx
        """), rules=RULES)
    assert run.lines == [
        "kb/records/alpha.yaml:19:73: warning KB307 placeholder `YOUR_TOKEN` is not written as `<lower-kebab>`; "
        "write `<your-token>`",
        "kb/records/alpha.yaml:20:39: warning KB307 placeholder `$REQUEST_ID` is not written as `<lower-kebab>`; "
        "write `<request-id>`",
        "kb/records/alpha.yaml:21:47: warning KB307 placeholder `{DEVICE_ID}` is not written as `<lower-kebab>`; "
        "write `<device-id>`",
        "kb/records/alpha.yaml:25:34: warning KB307 placeholder `<YOUR_TOKEN>` is not written as `<lower-kebab>`; "
        "write `<your-token>`",
        "kb/records/alpha.yaml:26:37: warning KB307 `xxxxxxxx` stands for a value the reader must fill in; "
        "write a named placeholder such as `<your-token>`",
    ]
    assert run.code == 0  # a warning


def test_real_variables_and_kebab_placeholders_pass(lint_kb) -> None:
    """A variable set by a step, a shell or OpenClaw variable, and `${VAR}` in a compose file are not placeholders."""
    run = lint_kb(with_steps("alpha", """
        - run: |
            TOKEN=$(openssl rand -hex 24)
            openclaw config set gateway.auth.token "$TOKEN"
        - run: openclaw gateway status --token "$OPENCLAW_GATEWAY_TOKEN" --url "ws://$HOSTNAME:18789"
        - run: ssh -N -L 18789:127.0.0.1:18789 <user>@<gateway-host>
        - file: docker-compose.yml
          format: yaml
          code: |
            services:
              openclaw-gateway:
                environment:
                  OPENCLAW_GATEWAY_TOKEN: ${OPENCLAW_GATEWAY_TOKEN}
        """), rules=RULES)
    assert run.lines == []
