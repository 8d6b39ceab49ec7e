"""A `related` id names no record.

`related` lists the ids of other records (their file names without `.yaml`);
the page links each one by its title. An id that names no record fails the
site build, usually because of a typo or a record that was renamed. The
message suggests the closest existing id.

## Passing

```yaml
related:
  - openclaw-gateway-token-missing
```

## Failing

```yaml
related:
  - openclaw-gateway-token-mising
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext, at, did_you_mean
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB101", "unknown-related", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for rf in ctx.linted():
        for index, related in enumerate(rf.record.related):
            if related not in ctx.record_ids:
                hint = did_you_mean(related, ctx.record_ids) or "; `related` takes record ids (file names in kb/records/)"
                yield at(RULE, rf.doc, ("related", index), f"`related` names unknown record `{related}`{hint}")
