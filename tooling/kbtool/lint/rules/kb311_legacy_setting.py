"""A snippet sets a legacy config key or environment variable that the versions it applies to ignore.

OpenClaw 2026.6.35 and later ignore the old `gateway.token` key (2026.2.3
still moved it to `gateway.auth.token`) and the `CLAWDBOT_*` and
`MOLTBOT_*` environment variables ("use OPENCLAW_* names"). A fix that
writes them leaves the gateway without the token the reader thinks it set.
Moltworker's own secret `MOLTBOT_GATEWAY_TOKEN` is current in Moltworker
records; its older name `CLAWDBOT_GATEWAY_TOKEN` is reported there. Text
that explains the legacy names is not checked, only snippets.

## Passing

```yaml
steps:
  - file: ~/.openclaw/.env
    format: dotenv
    code: |
      OPENCLAW_GATEWAY_TOKEN=<your-token>
  - run: openclaw config set gateway.auth.token <your-token>
```

## Failing

```yaml
applies_to:
  openclaw: ">=2026.2.3"
solutions:
  - id: set-token
    title: Set the token
    steps:
      - file: ~/.openclaw/.env
        format: dotenv
        code: |
          CLAWDBOT_GATEWAY_TOKEN=<your-token>
      - run: openclaw config set gateway.token <your-token>
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.clitree import version_key
from kbtool.lint.context import LintContext
from kbtool.lint.snippets.commands import version_list
from kbtool.lint.snippets.config_keys import legacy_key
from kbtool.lint.snippets.config_uses import config_key_uses
from kbtool.lint.snippets.envvars import LEGACY_IGNORED_SINCE, env_names
from kbtool.lint.snippets.openclaw import versions_in_range
from kbtool.lint.snippets.positions import at_offset
from kbtool.lint.snippets.sites import SnippetSite, snippet_sites
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB311", "legacy-setting", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for use in config_key_uses(ctx):
        legacy = legacy_key(use.path)
        if legacy is None or legacy[0].count(".") + 1 != len(use.path):
            continue
        key, info = legacy
        ignoring = _ignoring(ctx, use.site, info.ignored_since)
        if ignoring:
            yield at_offset(RULE, use.record.doc, use.site.path, use.offset, str(use.path[-1]),
                            f"`{key}` is ignored from OpenClaw {info.ignored_since} on (this step applies to "
                            f"{version_list(ignoring)}); use `{info.replacement}`")
    for rf in ctx.linted():
        moltworker = "moltworker" in rf.record.products
        for site in snippet_sites(rf.record, rf.doc.data):
            for name in env_names(site.snippet.code, moltworker=moltworker):
                if name.status != "legacy":
                    continue
                instead = f"; use `{name.replacement}`" if name.replacement else ""
                if name.replacement is not None and name.replacement.startswith("MOLTBOT_"):
                    message = f"`{name.name}` is the old name of Moltworker's secret{instead}"
                else:
                    ignoring = _ignoring(ctx, site, LEGACY_IGNORED_SINCE)
                    if not ignoring:
                        continue
                    message = (f"`{name.name}` is a legacy variable, ignored from OpenClaw {LEGACY_IGNORED_SINCE} on "
                               f"(this step applies to {version_list(ignoring)}){instead}")
                yield at_offset(RULE, rf.doc, site.path, name.offset, name.name, message)


def _ignoring(ctx: LintContext, site: SnippetSite, since: str) -> tuple[str, ...]:
    """The versions of the step's range that ignore a legacy setting introduced as ignored in ``since``."""
    return tuple(v for v in versions_in_range(ctx.cli, *site.ranges) if version_key(v) >= version_key(since))
