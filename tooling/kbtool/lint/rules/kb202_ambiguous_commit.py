"""An abbreviated commit id matches several commits.

A short id such as `73acb8a` is only a name while one commit of the repository
starts with it; when several do, the record does not say which one it means
(and the id can become ambiguous later, as the repository grows). The message
lists the matching commits with their subjects; write enough digits to tell
them apart, or better, the full 40-digit id.

## Passing

```yaml
commits:
  - repo: cloudflare/moltworker
    sha: 73acb8a555b9e570ab0275faa871d190cf226c21
```

## Failing

```yaml
commits:
  - repo: cloudflare/moltworker
    sha: 73acb8a   # when two commits start with these digits
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext, at
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB202", "ambiguous-commit", Severity.ERROR, __doc__)

SHOWN = 3


def check(ctx: LintContext) -> Iterator[Finding]:
    for rf in ctx.linted():
        for index, commit in enumerate(rf.record.commits):
            found = ctx.commits.lookup(commit.repo, commit.sha)
            if found is None or len(found.matches) < 2:
                continue
            listed = "; ".join(f"{c.sha[:12]} \"{c.subject}\"" for c in found.matches[:SHOWN])
            more = f" and {len(found.matches) - SHOWN} more" if len(found.matches) > SHOWN else ""
            same = [c for c in found.matches if commit.subject is not None and c.subject == commit.subject]
            fix = f"write the full id `{same[0].sha}`" if len(same) == 1 else "write the full id of the one you mean"
            yield at(RULE, rf.doc, ("commits", index, "sha"),
                     f"commit id `{commit.sha}` is ambiguous in {commit.repo}: it matches {len(found.matches)} "
                     f"commits ({listed}{more}); {fix}")
