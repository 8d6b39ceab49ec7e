"""A snippet names an OpenClaw or Moltworker environment variable that does not exist.

`OPENCLAW_GATEWAY_AUTH_TOKEN` appears in blog posts but in no OpenClaw
release; the gateway reads `OPENCLAW_GATEWAY_TOKEN`. A fix that sets an
invented variable changes nothing. Names in the products' namespaces
(`OPENCLAW_*`, `CLAWDBOT_*`, `MOLTBOT_*`, `MOLTWORKER_*`, `CF_ACCESS_*`)
written in a command or config snippet (dotenv files, compose
`environment:`, `$VAR` in commands) are checked against the table in
`kbtool/lint/snippets/envvars.py`; other variables are not. Prose, such as
`source_claims` quoting a wrong claim, is not checked. Legacy names are
KB311's.

## Passing

```yaml
steps:
  - file: .env
    format: dotenv
    code: |
      OPENCLAW_GATEWAY_TOKEN=<your-token>
```

## Failing

```yaml
steps:
  - file: .env
    format: dotenv
    code: |
      OPENCLAW_GATEWAY_AUTH_TOKEN=<your-token>
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext
from kbtool.lint.snippets.envvars import INVENTED, env_names
from kbtool.lint.snippets.positions import at_offset
from kbtool.lint.snippets.sites import snippet_sites
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB312", "unknown-env-var", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for rf in ctx.linted():
        moltworker = "moltworker" in rf.record.products
        for site in snippet_sites(rf.record, rf.doc.data):
            for name in env_names(site.snippet.code, moltworker=moltworker):
                if name.status != "unknown":
                    continue
                if name.name in INVENTED:
                    message = f"`{name.name}` does not exist in any OpenClaw release; use `{name.replacement}`"
                else:
                    hint = f"; did you mean `{name.replacement}`?" if name.replacement else ""
                    message = f"unknown environment variable `{name.name}`{hint}"
                yield at_offset(RULE, rf.doc, site.path, name.offset, name.name, message)
