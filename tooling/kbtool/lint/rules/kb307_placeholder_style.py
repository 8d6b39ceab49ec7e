"""A placeholder in a snippet is not written as `<lower-kebab>`.

Readers learn one convention: what stands between angle brackets, in lower
case words joined by hyphens, is theirs to replace (`<your-token>`,
`<device-id>`, `<gateway-host>`). `{TOKEN}`, `YOUR_TOKEN`, `<YOUR_TOKEN>`,
`TOKEN_HERE` or `xxx` are easy to paste by mistake and look different on
every page; a shell variable nothing sets (`$TOKEN`, `$DEVICE_ID`) expands
to an empty string when pasted. Real variables are not placeholders:
`${OPENCLAW_GATEWAY_TOKEN}` in a compose file, `$HOME`, or a variable an
earlier step of the solution sets.

## Passing

```yaml
steps:
  - run: openclaw gateway status --url ws://127.0.0.1:18789 --token <your-token>
  - file: .env
    format: dotenv
    code: |
      OPENCLAW_GATEWAY_TOKEN=<your-token>
```

## Failing

```yaml
steps:
  - run: openclaw gateway status --url ws://127.0.0.1:18789 --token YOUR_TOKEN
  - run: openclaw devices approve $REQUEST_ID
  - file: .env
    format: dotenv
    code: |
      OPENCLAW_GATEWAY_TOKEN={TOKEN}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext
from kbtool.lint.snippets.envvars import NAME
from kbtool.lint.snippets.placeholders import find_bad_placeholders
from kbtool.lint.snippets.positions import at_offset
from kbtool.lint.snippets.shell import parse_bash
from kbtool.lint.snippets.sites import SnippetSite, snippet_sites
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB307", "placeholder-style", Severity.WARNING, __doc__)

#: Variables the shell or the login session sets; never placeholders.
SHELL_VARIABLES = frozenset({
    "HOME", "USER", "LOGNAME", "PATH", "PWD", "OLDPWD", "SHELL", "TERM", "LANG", "UID", "EUID", "HOSTNAME",
    "TMPDIR", "EDITOR", "PS1", "IFS", "RANDOM", "SECONDS", "BASH_SOURCE", "XDG_CONFIG_HOME", "XDG_RUNTIME_DIR",
})


def check(ctx: LintContext) -> Iterator[Finding]:
    for rf in ctx.linted():
        sites = list(snippet_sites(rf.record, rf.doc.data))
        for site in sites:
            unset = _unset_variables(site, sites) if site.shell == "bash" else []
            for placeholder in find_bad_placeholders(site.snippet.code, unset_variables=unset):
                if placeholder.suggestion is not None:
                    message = (f"placeholder `{placeholder.text}` is not written as `<lower-kebab>`; "
                               f"write `{placeholder.suggestion}`")
                else:
                    message = (f"`{placeholder.text}` stands for a value the reader must fill in; write a named "
                               "placeholder such as `<your-token>`")
                yield at_offset(RULE, rf.doc, site.path, placeholder.offset, placeholder.text, message)


def _unset_variables(site: SnippetSite, sites: list[SnippetSite]) -> list[tuple[str, int]]:
    """Variables ``site`` expands that no bash snippet of its solution sets, with their offsets."""
    assigned = {variable.name for other in sites if other.solution is site.solution and other.shell == "bash"
                for variable in parse_bash(other.snippet.code).variables if variable.assigned}
    return [(variable.name, variable.start) for variable in parse_bash(site.snippet.code).variables
            if not variable.assigned and variable.name not in assigned and variable.name not in SHELL_VARIABLES
            and not NAME.fullmatch(variable.name)]

