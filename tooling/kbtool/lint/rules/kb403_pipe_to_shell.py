"""A step pipes a download straight into a shell (`curl ... | sh`).

The reader runs whatever the server sends at that moment, unseen, often
as root; a compromised or mistyped URL runs someone else's code. Download
the script, let the reader look at it, then run it, or install from the
package manager (`npm install -g openclaw`). Found in bash pipelines
(`curl | bash`, `wget -O- | sudo sh`), in `bash -c "$(curl ...)"` and
`bash <(curl ...)`, and in PowerShell (`iwr ... | iex`).

## Passing

```yaml
steps:
  - run: |
      curl -fsSLo install.sh https://openclaw.example.com/install.sh
      less install.sh
      bash install.sh
```

## Failing

```yaml
steps:
  - run: curl -fsSL https://openclaw.example.com/install.sh | bash
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbtool.lint.context import LintContext
from kbtool.lint.snippets.positions import at_offset
from kbtool.lint.snippets.programs import invocations
from kbtool.lint.snippets.shell import Command, Word, parse
from kbtool.lint.snippets.sites import snippet_sites
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB403", "pipe-to-shell", Severity.WARNING, __doc__)

DOWNLOADERS = frozenset({"curl", "wget"})
SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "fish", "source", "."})
_POWERSHELL = re.compile(r"(?i)\b(?:iwr|irm|curl|wget|Invoke-WebRequest|Invoke-RestMethod)\b[^|\n]*\|\s*"
                         r"(iex|Invoke-Expression)\b")


def check(ctx: LintContext) -> Iterator[Finding]:
    for rf in ctx.linted():
        for site in snippet_sites(rf.record, rf.doc.data):
            if site.shell == "powershell":
                for match in _POWERSHELL.finditer(site.snippet.code):
                    yield at_offset(RULE, rf.doc, site.path, match.start(1), match.group(1), _message(match.group(1)))
                continue
            if site.shell != "bash":
                continue
            script = parse(site.snippet.code, "bash")
            for pipeline in script.pipelines:
                downloaded = False
                for stage in pipeline:
                    shell = _shell(stage)
                    if downloaded and shell is not None:
                        yield at_offset(RULE, rf.doc, site.path, shell.start, shell.text, _message(shell.text))
                    downloaded = downloaded or _program(stage) in DOWNLOADERS
            for command in script.commands:
                shell = _shell(command)
                if shell is not None and any(_program(inner) in DOWNLOADERS for inner in command.nested):
                    yield at_offset(RULE, rf.doc, site.path, shell.start, shell.text, _message(shell.text))


def _program(command: Command) -> str:
    found = invocations(command)
    return found[-1].program if found else ""


def _shell(command: Command) -> Word | None:
    """The word naming the shell this command runs (through `sudo`, `env` ...), if it runs one."""
    found = invocations(command)
    if found and found[-1].program in SHELLS:
        return found[-1].name
    return None


def _message(shell: str) -> str:
    return (f"a download is piped into `{shell}`, which runs whatever the server sends; download the script, "
            "show how to read it, then run it (or install the package instead)")
