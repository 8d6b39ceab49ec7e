"""An `openclaw` command has no subcommand of that name in any version the step applies to.

Blog posts invent subcommands (`openclaw devices rotate-token`); the real
ones are in the CLI reference of each released version (`kb/cli/openclaw/`).
The message suggests the closest real subcommand, aliases included.

A subcommand that exists in some versions of the range only is reported by
KB306 instead.

## Passing

```yaml
steps:
  - run: openclaw devices rotate --device <device-id> --role operator
```

## Failing

```yaml
steps:
  - run: openclaw devices rotate-token --device <device-id>
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext
from kbtool.lint.snippets.commands import command_line, problems_everywhere, report
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB303", "unknown-subcommand", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for found in problems_everywhere(ctx, "subcommand"):
        problem = found.problem.problem
        parent = command_line(problem.command)
        hint = (f"; did you mean `{problem.suggestion}`?" if problem.suggestion
                else f"; `{parent} --help` lists them")
        yield report(RULE, found, f"unknown subcommand `{problem.word}` of `{parent}`{hint}")
