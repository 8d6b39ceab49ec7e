"""KB602 counter-example-matched: a signature must not match its own counter-examples."""

from __future__ import annotations

from lint.helpers import line_of, minimal_record, record

RULES = ("KB602",)


def test_a_loose_signature_is_reported_at_the_counter_example_it_matches(lint_kb) -> None:
    signature = """
  - text: token mismatch
    counter_examples:
      - "gateway closed (1008): unauthorized: device token mismatch (rotate/reissue device token)"
      - "sshd[2211]: Disconnecting authenticating user root: Too many failed authentication attempts"
"""
    run = lint_kb(record("alpha", signatures=signature), rules=RULES)
    line = line_of(minimal_record(signatures=signature), "device token mismatch")
    assert run.lines == [
        f"kb/records/alpha.yaml:{line}:9: error KB602 the signature matches this counter-example; make it "
        "stricter on what identifies the error",
    ]
    assert run.code == 1


def test_a_strict_signature_passes(lint_kb) -> None:
    signature = """
  - regex: 'unauthorized: gateway token mismatch(?: \\(|$)'
    examples:
      - "gateway closed (1008): unauthorized: gateway token mismatch (set gateway.remote.token to match gateway.auth.token)"
    counter_examples:
      - "gateway closed (1008): unauthorized: device token mismatch (rotate/reissue device token)"
"""
    run = lint_kb(record("alpha", signatures=signature), rules=RULES)
    assert run.lines == []
