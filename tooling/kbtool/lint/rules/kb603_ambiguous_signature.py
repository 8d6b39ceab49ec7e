"""A signature matches an example of another record that is not related to this one.

When a pasted line matches two records, the reader gets two answers. That
is fine for records that are related (the same message with different
causes, an older and a newer wording) and list each other, or one lists
the other, in `related`; for unrelated records it means a signature is too
loose. Make the signature stricter on what identifies its error, or, if
the records really are related, link them.

## Passing

```yaml
# kb/records/openclaw-gateway-token-mismatch.yaml
signatures:
  - regex: 'unauthorized: gateway token mismatch(?: \\(|$)'
# kb/records/openclaw-device-token-mismatch.yaml
signatures:
  - regex: 'unauthorized: device token mismatch(?: \\(|$)'
    examples:
      - "gateway closed (1008): unauthorized: device token mismatch (rotate/reissue device token)"
```

## Failing

```yaml
# kb/records/openclaw-gateway-token-mismatch.yaml
signatures:
  - text: "token mismatch"
# kb/records/openclaw-device-token-mismatch.yaml (not in `related`)
signatures:
  - regex: 'unauthorized: device token mismatch(?: \\(|$)'
    examples:
      - "gateway closed (1008): unauthorized: device token mismatch (rotate/reissue device token)"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext, at
from kbtool.match.matcher import CompiledSignature, line_matches
from kbtool.model.finding import Finding, Severity
from kbtool.model.record import Record
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB603", "ambiguous-signature", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for rf in ctx.linted():
        own = rf.record.id
        for compiled in ctx.signatures[own]:
            for other_id in sorted(ctx.records):
                if other_id == own or ctx.related(own, other_id):
                    continue
                other = ctx.records[other_id]
                example = _first_matched_example(compiled, other.record)
                if example is not None:
                    yield at(RULE, rf.doc, ("signatures", compiled.index),
                             f"this signature also matches an example of `{other_id}` ({other.doc.path}): "
                             f"{example!r}; make it stricter, or list the records in each other's `related`")


def _first_matched_example(compiled: CompiledSignature, record: Record) -> str | None:
    for signature in record.signatures:
        for example in signature.examples:
            if line_matches(compiled, example):
                return example
    return None
