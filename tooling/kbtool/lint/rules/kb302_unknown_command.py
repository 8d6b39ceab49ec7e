"""An `openclaw` command in a step does not exist in any version the step applies to.

Commands are checked against the CLI reference in `kb/cli/openclaw/`,
taken from the released packages, for every version in the step's range
(the record's, solution's and step's `applies_to` together; every imported
version when there is none). That includes `openclaw` run through
`npx`, `sudo`, `docker compose run --rm openclaw-cli ...`,
`docker compose exec <service> openclaw ...` and `bash -c '...'`, in
pipelines and `&&` lists.

A command that exists in some versions of the range only is reported by
KB306 instead.

## Passing

```yaml
steps:
  - run: openclaw gateway status
  - run: docker compose run --rm openclaw-cli devices list
```

## Failing

```yaml
steps:
  - run: openclaw gatway status
  - run: docker compose run --rm openclaw-cli device list
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext
from kbtool.lint.snippets.commands import problems_everywhere, report
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB302", "unknown-command", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for found in problems_everywhere(ctx, "command"):
        problem = found.problem.problem
        hint = f"; did you mean `{problem.suggestion}`?" if problem.suggestion else "; `openclaw --help` lists them"
        yield report(RULE, found, f"unknown command `{problem.word}` of `openclaw`{hint}")
