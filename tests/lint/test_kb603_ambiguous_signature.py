"""KB603 ambiguous-signature: a signature must not match another record's examples unless they are related."""

from __future__ import annotations

from lint.helpers import line_of, minimal_record, record

RULES = ("KB603",)

LOOSE = """
  - text: token mismatch
    examples:
      - "disconnected (1008): unauthorized: gateway token mismatch"
"""
DEVICE = """
  - regex: 'unauthorized: device token mismatch(?: \\(|$)'
    examples:
      - "gateway closed (1008): unauthorized: device token mismatch (rotate/reissue device token)"
"""


def test_a_signature_matching_an_unrelated_records_example_is_reported(lint_kb) -> None:
    run = lint_kb({**record("gateway", signatures=LOOSE), **record("device", signatures=DEVICE)}, rules=RULES)
    line = line_of(minimal_record(signatures=LOOSE), "- text: token mismatch")
    assert run.lines == [
        f"kb/records/gateway.yaml:{line}:5: error KB603 this signature also matches an example of `device` "
        "(kb/records/device.yaml): 'gateway closed (1008): unauthorized: device token mismatch "
        "(rotate/reissue device token)'; make it stricter, or list the records in each other's `related`",
    ]
    assert run.code == 1


def test_related_records_may_share_what_they_match(lint_kb) -> None:
    run = lint_kb({**record("gateway", signatures=LOOSE, related="[device]"),
                   **record("device", signatures=DEVICE)}, rules=RULES)
    assert run.lines == []


def test_strict_signatures_are_not_ambiguous(lint_kb) -> None:
    strict = LOOSE.replace("text: token mismatch", "text: 'unauthorized: gateway token mismatch'")
    run = lint_kb({**record("gateway", signatures=strict), **record("device", signatures=DEVICE)}, rules=RULES)
    assert run.lines == []
