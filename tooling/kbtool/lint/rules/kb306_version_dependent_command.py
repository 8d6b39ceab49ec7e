"""An `openclaw` command, subcommand or option exists in some versions of the step's range but not in others.

`openclaw gateway auth-token --show` is the documented way to print the
token, but only since 2026.8.1; a step that applies to 2026.2.3 as well
fails there. Narrow the step's `applies_to` to the versions that have the
command (the message proposes a range when the versions that have it are
one end of the range), or split the step into one per version.

A step whose range holds no version of the CLI reference (`kb/cli/`) is
reported too: its commands cannot be checked.

## Passing

```yaml
steps:
  - run: openclaw gateway auth-token --show
    applies_to:
      openclaw: ">=2026.8.1"
```

## Failing

```yaml
applies_to:
  openclaw: ">=2026.2.3"
solutions:
  - id: show-token
    title: Print the token
    steps:
      - run: openclaw gateway auth-token --show
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext
from kbtool.lint.snippets.commands import command_line, narrowing_advice, openclaw_problems, openclaw_runs, version_list
from kbtool.lint.snippets.openclaw import CliProblem
from kbtool.lint.snippets.positions import at_offset
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB306", "version-dependent-command", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for run, versions in openclaw_runs(ctx):
        if not versions:
            ranges = " and ".join(f'`{r["openclaw"]}`' for r in run.site.ranges if r.get("openclaw"))
            yield at_offset(RULE, run.record.doc, run.site.path, run.invocation.name.start, run.invocation.name.text,
                            f"no OpenClaw version of the CLI reference (kb/cli/: {version_list(ctx.cli.versions())}) "
                            f"is in this step's range {ranges}, so its commands cannot be checked")
    for found in openclaw_problems(ctx):
        if found.problem.everywhere:
            continue
        problem = found.problem.problem
        failing, passing = version_list(found.problem.failing), version_list(found.problem.passing)
        yield at_offset(RULE, found.run.record.doc, found.run.site.path, found.problem.word.start, problem.word,
                        f"{_what(problem, failing, passing)}; "
                        f"{narrowing_advice(found.problem.passing, found.versions)}")


def _what(problem: CliProblem, failing: str, passing: str) -> str:
    command = command_line(problem.command)
    if problem.kind in ("command", "subcommand"):
        full = command_line(f"{problem.command} {problem.word}".strip())
        return f"`{full}` does not exist in {failing} (it exists in {passing})"
    if problem.kind == "option":
        return f"`{command}` has no option `{problem.word}` in {failing} (it has in {passing})"
    return f"option `{problem.word}` of `{command}` needs a value in {failing} (not in {passing})"
