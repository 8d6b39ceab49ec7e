"""A signature matches one of its own `counter_examples`.

Counter-examples are lines that look alike but belong to another error
(a device token instead of a gateway token, a password instead of a
token, the same words from an unrelated program). The signature must not
match them, after the same cleaning `kb match` applies.

## Passing

```yaml
signatures:
  - regex: 'unauthorized: gateway token mismatch(?: \\(|$)'
    counter_examples:
      - "gateway closed (1008): unauthorized: device token mismatch (rotate/reissue device token)"
```

## Failing

```yaml
signatures:
  - text: "token mismatch"
    counter_examples:
      - "gateway closed (1008): unauthorized: device token mismatch (rotate/reissue device token)"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext, at
from kbtool.match.matcher import line_matches
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB602", "counter-example-matched", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for rf, compiled, index, line in ctx.signature_lines("counter_examples"):
        if line_matches(compiled, line):
            yield at(RULE, rf.doc, ("signatures", compiled.index, "counter_examples", index),
                     "the signature matches this counter-example; make it stricter on what "
                     "identifies the error")
