"""A `source_claims` entry names a source the record does not list.

Each claim in `source_claims` is attributed to one of the record's `sources`
by its id, and the page links the claim to that source. An id that is not in
`sources` (a typo, or a source that was removed) fails the site build. The
message suggests the closest source id.

## Passing

```yaml
sources:
  - id: clawpod-1008
    url: https://clawpod.app/blog/openclaw-gateway-disconnected-1008-fix
    title: "Fix OpenClaw Disconnected 1008: Gateway Token Error"
    lang: en
source_claims:
  - source: clawpod-1008
    claim: "`lsof -i :3100` checks the default gateway port."
    verdict: "false"
    fact: The default gateway port is 18789.
```

## Failing

```yaml
source_claims:
  - source: clawpod-1080
    claim: "`lsof -i :3100` checks the default gateway port."
    verdict: "false"
    fact: The default gateway port is 18789.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext, at, did_you_mean
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB421", "unknown-claim-source", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for rf in ctx.linted():
        ids = [source.id for source in rf.record.sources]
        for index, claim in enumerate(rf.record.source_claims):
            if claim.source not in ids:
                hint = did_you_mean(claim.source, ids) or f"; this record's sources are {', '.join(ids)}"
                yield at(RULE, rf.doc, ("source_claims", index, "source"),
                         f"claim names source `{claim.source}`, which this record does not list{hint}")
