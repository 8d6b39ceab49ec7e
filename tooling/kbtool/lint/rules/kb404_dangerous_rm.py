"""A step deletes broadly: `rm -r` on `/`, `~`, `$HOME`, `*`, or the OpenClaw state directory without a backup.

`rm -rf ~/.openclaw` deletes the config, the gateway token, the paired
devices and the agents' workspace at once; a fix rarely needs that, and
when it does the reader must make a copy first. The state directory
(`~/.openclaw`, `~/.clawdbot`, `/root/.openclaw`, `/home/node/.openclaw`,
`$OPENCLAW_STATE_DIR`) is accepted when the step or its solution says to
back it up; `/`, `~`, `$HOME`, `*`, `.` and `..` never are.

## Passing

```yaml
steps:
  - text: Back up the state directory first, then remove the stale device list.
    run: |
      cp -a ~/.openclaw ~/.openclaw.bak
      rm -rf ~/.openclaw/devices
```

## Failing

```yaml
steps:
  - run: rm -rf ~/.openclaw
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbtool.lint.context import LintContext
from kbtool.lint.snippets.positions import at_offset
from kbtool.lint.snippets.programs import invocations
from kbtool.lint.snippets.shell import parse
from kbtool.lint.snippets.sites import SnippetSite, snippet_sites
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB404", "dangerous-rm", Severity.WARNING, __doc__)

BROAD = frozenset({"/", "/*", "~", "~/*", "$HOME", "${HOME}", "$HOME/*", "${HOME}/*", "*", ".", "..", "./*",
                   "/root", "/home", "/etc", "/usr", "/var"})
STATE_DIRS = frozenset({"~/.openclaw", "$HOME/.openclaw", "${HOME}/.openclaw", "~/.clawdbot", "$HOME/.clawdbot",
                        "/root/.openclaw", "/home/node/.openclaw", "$OPENCLAW_STATE_DIR", "${OPENCLAW_STATE_DIR}"})
BACKUP_WORDS = re.compile(r"(?i)\bback(?:ing)?[ -]?up\b|\bbackups?\b|\bcopy\b|\bcp -a\b|\bsnapshot\b")


def check(ctx: LintContext) -> Iterator[Finding]:
    for rf in ctx.linted():
        for site in snippet_sites(rf.record, rf.doc.data):
            if site.shell != "bash":
                continue
            for command in parse(site.snippet.code, "bash").commands:
                found = invocations(command)
                if not found or found[-1].program != "rm":
                    continue
                args = found[-1].args
                flags = [w.text for w in args if _recursive(w.text)]
                if not flags:
                    continue
                for word in args:
                    target = _target(word.text)
                    written = f"rm {flags[0]} {word.text}"
                    if target in BROAD:
                        message = (f"`{written}` deletes far more than a fix needs; remove only the files "
                                   "the step is about")
                    elif target in STATE_DIRS and not _backed_up(site):
                        message = (f"`{written}` deletes the whole OpenClaw state (config, gateway token, "
                                   "paired devices, workspace); tell the reader to back it up first "
                                   "(`cp -a ~/.openclaw ~/.openclaw.bak`)")
                    else:
                        continue
                    yield at_offset(RULE, rf.doc, site.path, word.start, word.text, message)


def _recursive(flag: str) -> bool:
    if flag == "--recursive":
        return True
    return flag.startswith("-") and not flag.startswith("--") and ("r" in flag or "R" in flag)


def _target(text: str) -> str:
    bare = text.replace("'", "").replace('"', "")
    return bare.rstrip("/") or "/"


def _backed_up(site: SnippetSite) -> bool:
    texts = [site.step.text or "", site.solution.title, site.solution.when or "", site.snippet.code]
    texts += [step.text or "" for step in site.solution.steps]
    return any(BACKUP_WORDS.search(text) for text in texts)
