"""A record links to itself: it lists its own id in `related`, or links `kb:` to its own page.

A related record that is the record itself sends the reader in a circle, and
a `kb:` link to the page the reader is on (without an `#anchor`) goes nowhere.
Remove the entry; to point at a place on the same page, link its anchor
(`#solution-id`, or `kb:this-record#solution-id`).

## Passing

```yaml
id: openclaw-gateway-token-missing
related: [openclaw-gateway-token-mismatch]
causes:
  - id: no-token
    text: The client sent no token; see [the fix](#open-dashboard).
```

## Failing

```yaml
id: openclaw-gateway-token-missing
related: [openclaw-gateway-token-missing]
causes:
  - id: no-token
    text: The client sent no token; see [this page](kb:openclaw-gateway-token-missing).
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext, at
from kbtool.lint.links import kb_target
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB104", "self-link", Severity.WARNING, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for rf in ctx.linted():
        own = rf.record.id
        for index, related in enumerate(rf.record.related):
            if related == own:
                yield at(RULE, rf.doc, ("related", index), f"`related` lists this record itself (`{own}`); remove it")
        for link in ctx.links(rf):
            target = kb_target(link.href, own)
            if target is not None and target.record == own and not target.anchor:
                yield Finding(rf.doc.path, link.line, link.column, RULE.id, RULE.severity,
                              f"link `{link.href}` points to this record's own page; link a place on it "
                              "with `#cause-or-solution-id`, or remove the link")
