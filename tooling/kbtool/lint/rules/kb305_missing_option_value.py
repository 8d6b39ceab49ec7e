"""An `openclaw` option that needs a value is given none.

The CLI stops with "option '--device <id>' argument missing" when the
option is last, and when another option follows it reads that option as
the value. Give the value, as a `<placeholder>` if the reader must fill
it in.

## Passing

```yaml
steps:
  - run: openclaw devices rotate --device <device-id> --role operator
```

## Failing

```yaml
steps:
  - run: openclaw devices rotate --device --role operator
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext
from kbtool.lint.snippets.commands import command_line, problems_everywhere, report
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB305", "missing-option-value", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for found in problems_everywhere(ctx, "value"):
        problem = found.problem.problem
        option = problem.word.split("=", 1)[0]
        name = option.lstrip("-") or "value"
        yield report(RULE, found, f"option `{option}` of `{command_line(problem.command)}` needs a value: "
                                  f"write `{option} <{name}>`")
