"""A step runs another program (`git`, `docker`, `npm`, `wrangler` ...) with a subcommand it does not have.

`git pul`, `docker compose upp` or `npx wrangler secrets put` fail when
pasted. The subcommands of the programs troubleshooting steps use are
listed in `kbtool/lint/snippets/programs.py` (git, docker and docker
compose, npm, wrangler, openssl, systemctl, launchctl, tailscale); the
program is found through wrappers such as `sudo`, `env` and `npx`. A
warning, because the table can lag behind a new release of one of them:
add the subcommand there when it is real.

## Passing

```yaml
steps:
  - run: npx wrangler secret put MOLTBOT_GATEWAY_TOKEN
  - run: docker compose up -d --force-recreate openclaw-gateway
```

## Failing

```yaml
steps:
  - run: npx wrangler secrets put MOLTBOT_GATEWAY_TOKEN
  - run: docker compose recreate openclaw-gateway
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext, did_you_mean
from kbtool.lint.snippets.commands import program_runs
from kbtool.lint.snippets.positions import at_offset
from kbtool.lint.snippets.programs import unknown_subcommand
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB308", "unknown-program-subcommand", Severity.WARNING, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for run in program_runs(ctx):
        unknown = unknown_subcommand(run.invocation)
        if unknown is None:
            continue
        word, command, accepted = unknown
        yield at_offset(RULE, run.record.doc, run.site.path, word.start, word.text,
                        f"unknown subcommand `{word.text}` of `{command}`{did_you_mean(word.text, accepted)}")
