"""A step makes the gateway listen beyond loopback without warning the reader.

`--bind lan`, `gateway.bind: "lan"` or a `0.0.0.0` address make the
gateway, and through it the agent and everything its tools reach,
reachable from other machines. Sometimes that is needed (inside a Docker
container, so the published port works), but the step must say what it
exposes: the record's text around it (the step's text, or the solution's
title, `when` or other steps' text) must carry a warning, using words such
as "warning", "loopback" or "exposed".

## Passing

```yaml
steps:
  - text: >-
      The gateway binds `lan` inside the container; **warning:** publish the
      port on the host's loopback only (`127.0.0.1:18789:18789`).
    run: openclaw gateway --bind lan --port 18789
```

## Failing

```yaml
steps:
  - text: Let other machines connect.
    run: openclaw config set gateway.bind lan
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbtool.lint.context import LintContext
from kbtool.lint.snippets.config_formats import json_values
from kbtool.lint.snippets.config_keys import is_openclaw_config
from kbtool.lint.snippets.positions import at_offset
from kbtool.lint.snippets.programs import invocations
from kbtool.lint.snippets.shell import Word, parse
from kbtool.lint.snippets.sites import SnippetSite, snippet_sites
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB402", "exposed-bind", Severity.WARNING, __doc__)

WARNING_WORDS = re.compile(r"(?i)\b(?:warning|loopback|expos(?:e|ed|es|ing|ure)|publicly|internet|firewall)\b")
_ANY_ADDRESS = re.compile(r"(?<![\d.])0\.0\.0\.0(?![\d.])")
_BIND_OPTIONS = ("--bind", "--gateway-bind")
_EXPOSING_BINDS = frozenset({"lan"})


def check(ctx: LintContext) -> Iterator[Finding]:
    for rf in ctx.linted():
        for site in snippet_sites(rf.record, rf.doc.data):
            places = list(_exposing(site))
            if not places or _warned(site):
                continue
            for offset, what in places:
                yield at_offset(RULE, rf.doc, site.path, offset, what,
                                f"`{what}` makes the gateway reachable from other machines; warn the reader in "
                                "the step's text (say it must stay behind token auth and off the internet, or "
                                "keep `loopback` and use an SSH tunnel)")


def _exposing(site: SnippetSite) -> Iterator[tuple[int, str]]:
    """Offsets in the snippet where it binds beyond loopback, with the text written there."""
    code = site.snippet.code
    for match in _ANY_ADDRESS.finditer(code):
        yield match.start(), match.group(0)
    if site.is_command:
        for command in parse(code, site.shell).commands:
            for invocation in invocations(command):
                if invocation.program == "openclaw":
                    yield from _openclaw_binds(invocation.args)
    elif site.snippet.file is not None and is_openclaw_config(site.snippet.file) and site.snippet.format:
        for path, value, offset in json_values(code):
            if path == ("gateway", "bind") and value in _EXPOSING_BINDS:
                yield offset, f'bind: "{value}"'
    for match in re.finditer(r"OPENCLAW_GATEWAY_BIND\s*[=:]\s*['\"]?(lan)\b", code):
        yield match.start(1), f"OPENCLAW_GATEWAY_BIND={match.group(1)}"


def _openclaw_binds(args: tuple[Word, ...]) -> Iterator[tuple[int, str]]:
    texts = [w.text for w in args]
    for index, word in enumerate(args):
        name, _, value = word.text.partition("=")
        if name in _BIND_OPTIONS:
            value = value or (texts[index + 1] if index + 1 < len(texts) else "")
            if value in _EXPOSING_BINDS:
                yield word.start, f"{name} {value}"
    if texts[:3] == ["config", "set", "gateway.bind"] and len(args) > 3 and texts[3] in _EXPOSING_BINDS:
        yield args[3].start, f"gateway.bind {texts[3]}"


def _warned(site: SnippetSite) -> bool:
    texts = [site.step.text or "", site.solution.title, site.solution.when or ""]
    texts += [step.text or "" for step in (*site.solution.steps, *site.solution.verify)]
    return any(WARNING_WORDS.search(text) for text in texts)
