"""KB601 example-not-matched: every example matches its own signature, as `kb match` cleans it."""

from __future__ import annotations

from lint.helpers import line_of, minimal_record, record

RULES = ("KB601",)

SIGNATURE = """
  - regex: 'unauthorized: gateway token missing(?: \\(|$)'
    examples:
      - "disconnected (1008): unauthorized: gateway token missing (open a tokenized dashboard URL)"
      - "gateway closed (1008): unauthorized: gateway token missing"
      - "disconnected (1008): gateway token missing"
"""


def test_an_example_the_signature_misses_is_reported_where_it_is_written(lint_kb) -> None:
    run = lint_kb(record("alpha", signatures=SIGNATURE), rules=RULES)
    line = line_of(minimal_record(signatures=SIGNATURE), "disconnected (1008): gateway token missing")
    assert run.lines == [
        f"kb/records/alpha.yaml:{line}:9: error KB601 this example does not match its signature; loosen the "
        "signature where the software's output varies, or correct the example",
    ]
    assert run.code == 1


def test_examples_are_cleaned_as_a_pasted_log_is(lint_kb) -> None:
    signature = """
  - regex: '^gateway closed \\(1008\\): unauthorized: gateway token missing'
    examples:
      - "2026-02-03T10:15:30.123Z gateway closed (1008): unauthorized: gateway token missing"
      - "\\e[31mgateway closed (1008): unauthorized: gateway token missing\\e[0m"
      - "openclaw-gateway-1  | gateway closed (1008):\\tunauthorized: gateway token missing"
"""
    run = lint_kb(record("alpha", signatures=signature), rules=RULES)
    assert run.lines == []
    assert run.code == 0


def test_text_signatures_match_their_text_exactly(lint_kb) -> None:
    signature = """
  - text: "Visit https://moltbot.example.workers.dev?token={REPLACE_WITH_YOUR_TOKEN}"
    examples:
      - "Invalid or missing token. Visit https://moltbot.example.workers.dev?token={REPLACE_WITH_YOUR_TOKEN}"
      - "Invalid or missing token. Visit https://moltbot.example.workers.dev?token=REPLACE_WITH_YOUR_TOKEN"
"""
    run = lint_kb(record("alpha", signatures=signature), rules=RULES)
    assert [line.split(": error")[0] for line in run.lines] == [
        f"kb/records/alpha.yaml:{line_of(minimal_record(signatures=signature), '?token=REPLACE')}:9"]
