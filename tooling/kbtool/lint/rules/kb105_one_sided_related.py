"""A related record does not list this record back (a suggestion).

`related` links are read both ways: if the gateway token mismatch page
suggests the token missing page, a reader of the token missing page is likely
to need the mismatch page too. When record A lists B but B does not list A,
this suggests adding A to B's `related`. It is a suggestion (severity `info`),
since some links are one-way on purpose; silence one with
`# kb: disable=KB105` at the end of the line.

## Passing

```yaml
# kb/records/openclaw-gateway-token-mismatch.yaml
related: [openclaw-gateway-token-missing]
# kb/records/openclaw-gateway-token-missing.yaml
related: [openclaw-gateway-token-mismatch]
```

## Failing

```yaml
# kb/records/openclaw-gateway-token-mismatch.yaml
related: [openclaw-gateway-token-missing]
# kb/records/openclaw-gateway-token-missing.yaml
related: []
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext, at
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB105", "one-sided-related", Severity.INFO, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for rf in ctx.linted():
        own = rf.record.id
        for index, related in enumerate(rf.record.related):
            other = ctx.records.get(related)
            if other is None or related == own or own in other.record.related:
                continue
            yield at(RULE, rf.doc, ("related", index),
                     f"`{related}` does not list this record in its `related`; add `{own}` to "
                     f"`related` in {other.doc.path}, or remove `{related}` here")
