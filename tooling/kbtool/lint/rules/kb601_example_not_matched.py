"""A signature does not match one of its own `examples`.

Examples are lines as a user pastes them, and they are the signature's
tests: each must match, exactly as `kb match` and the "Paste your error"
page would see it (ANSI colours, a leading timestamp or a docker compose
prefix are ignored first). A failing example usually means the signature
is stricter than what the software prints, for instance the hint in
parentheses changed between versions, or a client adds a prefix.

## Passing

```yaml
signatures:
  - regex: 'unauthorized: gateway token mismatch(?: \\(|$)'
    examples:
      - "disconnected (1008): unauthorized: gateway token mismatch (open a tokenized dashboard URL or paste token in Control UI settings)"
```

## Failing

```yaml
signatures:
  - text: "gateway token mismatch (open the dashboard URL"
    examples:
      - "disconnected (1008): unauthorized: gateway token mismatch (open a tokenized dashboard URL or paste token in Control UI settings)"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext, at
from kbtool.match.matcher import line_matches
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB601", "example-not-matched", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for rf, compiled, index, line in ctx.signature_lines("examples"):
        if not line_matches(compiled, line):
            yield at(RULE, rf.doc, ("signatures", compiled.index, "examples", index),
                     "this example does not match its signature; loosen the signature where the "
                     "software's output varies, or correct the example")
