"""A cited commit's `subject` is not the commit's real subject line.

`subject` shows readers which change is meant without opening the repository,
so it must be the commit's subject exactly as the repository has it (the first
line of its message). A paraphrase, a truncated or an outdated subject (the
commit was amended or the id points elsewhere) is reported with the real one
to copy.

## Passing

```yaml
commits:
  - repo: cloudflare/moltworker
    sha: 73acb8a555b9e570ab0275faa871d190cf226c21
    subject: "fix: inject gateway token into WebSocket requests for CF Access users"
```

## Failing

```yaml
commits:
  - repo: cloudflare/moltworker
    sha: 73acb8a555b9e570ab0275faa871d190cf226c21
    subject: "fix: inject the gateway token into WebSocket requests"
```
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from kbtool.lint.context import LintContext, at
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB203", "commit-subject", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for rf in ctx.linted():
        for index, commit in enumerate(rf.record.commits):
            found = ctx.commits.lookup(commit.repo, commit.sha)
            if commit.subject is None or found is None or len(found.matches) != 1:
                continue
            real = found.matches[0].subject
            if commit.subject != real:
                # JSON quoting is valid YAML and shows stray spaces and quotes unambiguously.
                yield at(RULE, rf.doc, ("commits", index, "subject"),
                         f"subject differs from the real subject of {commit.sha[:12]} in {commit.repo}; "
                         f"write subject: {json.dumps(real, ensure_ascii=False)}")
