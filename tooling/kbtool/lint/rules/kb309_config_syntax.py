"""A config snippet does not parse in its declared `format`.

A reader copies the snippet into the file it names; if it is not valid
JSON, JSON5, YAML, TOML or dotenv, the program refuses the file or, worse,
reads something else. The error is reported at its line and column in the
record. JSON5 (what OpenClaw reads `openclaw.json` as) allows comments,
unquoted keys and trailing commas; JSON does not. Dotenv lines are blank,
`# comments` or `[export ]KEY=value`, with the value unquoted, in single
quotes (literal) or in double quotes (escapes).

## Passing

```yaml
steps:
  - file: ~/.openclaw/openclaw.json
    format: json5
    code: |
      {
        gateway: { auth: { mode: "token", token: "<your-token>" } },
      }
```

## Failing

```yaml
steps:
  - file: ~/.openclaw/openclaw.json
    format: json
    code: |
      {
        gateway: { auth: { mode: "token", token: "<your-token>" } },
      }
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext
from kbtool.lint.snippets.config_formats import parse_error
from kbtool.lint.snippets.positions import at_offset
from kbtool.lint.snippets.sites import snippet_sites
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB309", "config-syntax", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for rf in ctx.linted():
        for site in snippet_sites(rf.record, rf.doc.data):
            fmt = site.snippet.format
            if site.is_command or fmt is None:
                continue
            error = parse_error(site.snippet.code, fmt)
            if error is not None:
                needle = site.snippet.code[error.offset:error.offset + 1]
                yield at_offset(RULE, rf.doc, site.path, error.offset, needle,
                                f"{fmt} syntax error in `{site.snippet.file}`: {error.message}")
