"""An OpenClaw config key in a snippet or an `openclaw config` command is not one OpenClaw knows.

OpenClaw refuses a config with unknown keys (or, for some, ignores them),
so a misspelt key in a fix (`gateway.auth.tokn`, `gateway.controlUI`)
silently changes nothing or stops the gateway from starting. Keys of
`openclaw.json` snippets (JSON or JSON5) and the paths given to
`openclaw config get|set|unset` are checked against the table in
`kbtool/lint/snippets/config_keys.py`: the top level and the whole
`gateway` tree. A warning, because the table is taken from the source and
can lag behind a new release: add the key there when it is real.

## Passing

```yaml
steps:
  - run: openclaw config set gateway.remote.token <your-token>
  - file: ~/.openclaw/openclaw.json
    format: json5
    code: |
      { gateway: { controlUi: { allowedOrigins: ["https://openclaw.example.com"] } } }
```

## Failing

```yaml
steps:
  - run: openclaw config set gateway.remote.tokn <your-token>
  - file: ~/.openclaw/openclaw.json
    format: json5
    code: |
      { gateway: { controlUI: { allowedOrigins: ["https://openclaw.example.com"] } } }
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext
from kbtool.lint.snippets.config_keys import unknown_key
from kbtool.lint.snippets.config_uses import config_key_uses
from kbtool.lint.snippets.positions import at_offset
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB310", "unknown-config-key", Severity.WARNING, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for use in config_key_uses(ctx):
        unknown = unknown_key(use.path)
        if unknown is None or unknown.index != len(use.path) - 1:
            continue  # known, or reported where the path first leaves the table
        hint = f"; did you mean `{unknown.suggestion}`?" if unknown.suggestion else ""
        yield at_offset(RULE, use.record.doc, use.site.path, use.offset, str(use.path[-1]),
                        f"unknown OpenClaw config key `{unknown.dotted}`{hint}")
