"""A translation's code spans differ from its source's.

Code spans hold commands, config keys, error strings and file names: things
the reader types or searches for, which exist once, in the record. A
translation keeps every one of them exactly, in any order; only the prose
around them is translated.

## Passing

```yaml
# kb/records/x.yaml: text: Run `openclaw doctor --fix`, then restart.
fields:
  causes.stale.text:
    hash: 1b86a7ca6b1d
    text: "`openclaw doctor --fix` を実行してから再起動します。"
```

## Failing

```yaml
fields:
  causes.stale.text:
    hash: 1b86a7ca6b1d
    text: "`openclaw doctor --repair` を実行してから再起動します。"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext
from kbtool.lint.translated import shape_findings
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB501", "translation-code-spans", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    return shape_findings(ctx, RULE, "code")
