"""A cited commit's `date` is not the commit's author date.

`date` is the day the commit was authored, as its author's clock showed it
(the date part of `git log --format=%aI`, which the manifests in
`kb/commits/` list). A different day usually means the date of a merge, a
release or the wrong commit. The message gives the real date.

## Passing

```yaml
commits:
  - repo: cloudflare/moltworker
    sha: 73acb8a555b9e570ab0275faa871d190cf226c21
    date: 2026-02-06
```

## Failing

```yaml
commits:
  - repo: cloudflare/moltworker
    sha: 73acb8a555b9e570ab0275faa871d190cf226c21
    date: 2026-02-05
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext, at
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB204", "commit-date", Severity.WARNING, __doc__)

_DAY = len("2026-02-06")


def check(ctx: LintContext) -> Iterator[Finding]:
    for rf in ctx.linted():
        for index, commit in enumerate(rf.record.commits):
            found = ctx.commits.lookup(commit.repo, commit.sha)
            if commit.date is None or found is None or len(found.matches) != 1:
                continue
            authored = found.matches[0].date
            if authored and commit.date != authored[:_DAY]:
                yield at(RULE, rf.doc, ("commits", index, "date"),
                         f"date {commit.date} is not the author date of {commit.sha[:12]} in {commit.repo} "
                         f"({authored}); write date: {authored[:_DAY]}")
