"""A command snippet does not parse: bash syntax errors, unbalanced quotes in PowerShell and cmd.

A reader pastes the step into a terminal. A missing quote leaves the shell
waiting for more input (or runs something else), and a stray `)` or `&&`
stops bash before the command runs. Bash snippets (`run: ...`, or
`run: {shell: bash, code: ...}`) are parsed with tree-sitter-bash;
PowerShell and cmd snippets are tokenised, which finds unterminated
quotes, here-strings and block comments.

Placeholders such as `<device-id>` are read as words, not as redirections.

## Passing

```yaml
steps:
  - run: openclaw config set gateway.controlUi.allowedOrigins '["https://openclaw.example.com"]' --json
  - run:
      shell: powershell
      code: openclaw devices approve <request-id>
```

## Failing

```yaml
steps:
  - run: openclaw config set gateway.controlUi.allowedOrigins '["https://openclaw.example.com"] --json
  - run: openclaw devices list )
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext
from kbtool.lint.snippets.positions import at_offset
from kbtool.lint.snippets.shell import parse
from kbtool.lint.snippets.sites import snippet_sites
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB301", "shell-syntax", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for rf in ctx.linted():
        for site in snippet_sites(rf.record, rf.doc.data):
            if not site.is_command:
                continue
            for problem in parse(site.snippet.code, site.shell).problems:
                yield at_offset(RULE, rf.doc, site.path, problem.offset, problem.needle,
                                f"{site.shell} syntax error: {problem.message}")
