"""KB401 secret: no real-looking token, key or password anywhere in a record."""

from __future__ import annotations

from lint.snippet_records import with_steps

RULES = ("KB401",)
ADVICE = ("never publish secrets: replace it with a placeholder such as `<your-token>` "
          "(and rotate it if it was ever in use)")


def test_tokens_in_snippets_and_text_are_reported(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - file: .env
          format: dotenv
          code: |
            OPENCLAW_GATEWAY_TOKEN=3f9a1c7e5b2d4f608a1e9c3b7d5f2a4e6c8b0d1f3a5e7c9b
        - run: export GITHUB_TOKEN=ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8
        - text: "Or paste `sk-ant-api03-AbCdEf1234567890AbCdEf1234567890` here."
        """), rules=RULES)
    assert run.lines == [
        f"kb/records/alpha.yaml:22:34: error KB401 this looks like a real hex token; {ADVICE}",
        f"kb/records/alpha.yaml:23:34: error KB401 this looks like a real GitHub token; {ADVICE}",
        f"kb/records/alpha.yaml:24:26: error KB401 this looks like a real Anthropic API key; {ADVICE}",
    ]
    assert run.code == 1


def test_commit_shas_uuids_and_placeholders_are_not_secrets(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - run: git merge-base --is-ancestor 73acb8a555b9e570ab0275faa871d190cf226c21 HEAD
        - run: openclaw gateway status --token <your-token>
        """, signatures="""
  - text: gateway token missing
    examples:
      - "[ws] closed before connect conn=5d2f8a61-9c3e-4b7a-a1d0-6e4f2b9c8d17 code=1008 gateway token missing\"""",
        commits="""
  - repo: cloudflare/moltworker
    sha: 73acb8a555b9e570ab0275faa871d190cf226c21""",
        sources="""
  - id: faq
    url: https://github.com/openclaw/docs/blob/c0a8fa9ab2ea1170063db4f78cb4c4e1e9de02bb/docs/web/dashboard.md
    title: OpenClaw docs
    lang: en"""), rules=RULES)
    assert run.lines == []


def test_a_token_pasted_into_a_translation_is_reported(lint_kb) -> None:
    from lint.helpers import record, translation

    token = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
    files = translation("alpha", "fr", {"summary": ("The smallest record the format accepts.",
                                                    f"Le plus petit exemple ; mon jeton : {token}")})
    run = lint_kb(record("alpha"), rules=("KB401",), files=files)
    assert len(run.lines) == 1 and run.lines[0].startswith("i18n/fr/alpha.yaml:6:")
    assert "error KB401" in run.lines[0] and "<your-token>" in run.lines[0]
