"""A cited commit does not exist in its repository.

Each entry of `commits` names a repository of `kb/repos.yaml` and a commit id
(7 to 40 lowercase hex digits, which `kb validate` already checks). The id must
be a commit of that repository. It is looked up offline in the repository's
manifest (`manifest` in `kb/repos.yaml`, a snapshot of its commits in
`kb/commits/`), or, with `kb lint --git-dir owner/name=PATH`, in a local clone
(`git` is run in that clone; nothing is fetched). Commits of repositories that
have neither are not checked.

An id that is not found is usually mistyped or copied from a fork; a commit
newer than the manifest's snapshot needs the manifest regenerated or a
`--git-dir` clone.

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
    sha: 73acb8a555b9e570ab0275faa871d190cf226c2f
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext, at
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB201", "unknown-commit", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for rf in ctx.linted():
        for index, commit in enumerate(rf.record.commits):
            found = ctx.commits.lookup(commit.repo, commit.sha)
            if found is None or found.matches:
                continue
            where = ("commits", index, "sha")
            if not found.available:
                yield at(RULE, rf.doc, where, f"cannot check commit `{commit.sha}` of {commit.repo}: {found.where}; "
                         f"restore it, or pass --git-dir {commit.repo}=PATH")
            else:
                yield at(RULE, rf.doc, where,
                         f"commit `{commit.sha}` is not in {commit.repo} (looked up in {found.where}); "
                         f"copy the id from the repository, or, for a newer commit, update the manifest "
                         f"or pass --git-dir {commit.repo}=PATH")
