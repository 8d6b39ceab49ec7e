"""A signature's regex would not behave the same in `kb match` and on the "Paste your error" page.

The same signatures run in Python (`kb match`, `kb lint`), in RE2 (which
finds candidate lines in large logs) and in the browser's JavaScript. They
agree on a common subset, which signatures must keep to:

- no named groups, back-references, lookarounds, atomic groups,
  possessive quantifiers, inline flags (`(?i)`) or comments;
- no `\\A`, `\\Z`, `\\z`, `\\p{...}`, `\\N`, `\\u`, `\\x` escapes: write the
  character itself;
- no needless escapes such as `\\-` or `\\"` outside a class, and `{`, `}`,
  `]` escaped when they are text (JavaScript's `u` mode refuses them);
- nothing that matches an empty line, which would match every line.

`\\d`, `\\w`, `\\s` and `\\b` are ASCII-only everywhere (`re.ASCII`).

## Passing

```yaml
signatures:
  - regex: 'Visit https://\\S+\\?token=\\{REPLACE_WITH_YOUR_TOKEN\\}'
```

## Failing

```yaml
signatures:
  - regex: '(?i)visit https://\\S+\\?token={REPLACE_WITH_YOUR_TOKEN}'
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext, at
from kbtool.match.patterns import portability_problems
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB604", "signature-not-portable", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for rf in ctx.linted():
        for index, signature in enumerate(rf.record.signatures):
            if signature.regex is None:
                continue
            for problem in portability_problems(signature.regex):
                yield at(RULE, rf.doc, ("signatures", index, "regex"), problem)
