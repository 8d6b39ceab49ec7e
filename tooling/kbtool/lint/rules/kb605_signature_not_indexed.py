"""A signature has no fixed text of three characters or more that every match contains.

`kb match` reads large logs quickly by first looking for the fixed text
each signature requires (`unauthorized: gateway token mismatch` in
`unauthorized: gateway token mismatch(?: \\(|$)`), all at once, and running
signatures only on the lines that contain it. A signature made only of
classes and repetitions (`\\b[A-Z_]+_MISMATCH\\b` has `_MISMATCH`, but
`[a-z]+ [a-z]+ required` has none before ` required`) must instead be run
on every line. It still works; it is slower, and usually too loose to
identify one error.

## Passing

```yaml
signatures:
  - regex: '\\bAUTH_(?:DEVICE_)?TOKEN_MISMATCH\\b'
```

## Failing

```yaml
signatures:
  - regex: '\\b[A-Z]{4}_[A-Z]+\\b'
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext, at
from kbtool.match.patterns import MIN_LITERAL
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB605", "signature-not-indexed", Severity.WARNING, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for rf in ctx.linted():
        for compiled in ctx.signatures[rf.record.id]:
            if compiled.literals is None:
                yield at(RULE, rf.doc, ("signatures", compiled.index),
                         f"no fixed text of {MIN_LITERAL} or more characters is required by every match, so this "
                         "signature runs on every line of a log; include the error's own words")
