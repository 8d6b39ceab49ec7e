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
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB603", "ambiguous-signature", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    # Each example goes through the matcher once (not every signature against every example), so the
    # rule stays linear in the size of the knowledge base.
    reported: set[tuple[str, int, str]] = set()
    for other_id in sorted(ctx.records):
        other = ctx.records[other_id]
        for signature in other.record.signatures:
            for example in signature.examples:
                for compiled in ctx.matcher.signatures_matching(example):
                    own = compiled.record_id
                    key = (own, compiled.index, other_id)
                    if own == other_id or key in reported or ctx.related(own, other_id) \
                            or (ctx.selected and own not in ctx.selected):
                        continue
                    reported.add(key)
                    yield at(RULE, ctx.records[own].doc, ("signatures", compiled.index),
                             f"this signature also matches an example of `{other_id}` ({other.doc.path}): "
                             f"{example!r}; make it stricter, or list the records in each other's `related`")
