"""An `openclaw` command does not accept an option in any version the step applies to.

Options are looked up on the command itself, then on the program (options
such as `--profile` are accepted after any command), as commander does.
`--no-X` is accepted only where the reference declares it; `--X=value` and
clustered short flags (`-fy`) are read as the CLI reads them.

An option that exists in some versions of the range only is reported by
KB306 instead.

## Passing

```yaml
steps:
  - run: openclaw gateway restart --force
```

## Failing

```yaml
steps:
  - run: openclaw devices rotate --device <device-id> --role operator --force
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext
from kbtool.lint.snippets.commands import command_line, problems_everywhere, report
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB304", "unknown-option", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for found in problems_everywhere(ctx, "option"):
        problem = found.problem.problem
        command = command_line(problem.command)
        hint = (f"; did you mean `{problem.suggestion}`?" if problem.suggestion
                else f"; `{command} --help` lists its options")
        yield report(RULE, found, f"unknown option `{problem.word}` of `{command}`{hint}")
