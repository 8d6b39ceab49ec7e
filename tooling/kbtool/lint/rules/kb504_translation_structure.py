"""A translation's Markdown structure differs from its source's.

The same paragraphs, lists (with the same number of items), quotes and code
blocks, in the same order: a translation that merges two list items or turns
a list into a paragraph no longer lines up with the steps it describes.

## Passing

```yaml
# source: a list of two items
text: |-
  - 一つ目
  - 二つ目
```

## Failing

```yaml
text: 一つ目と二つ目
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext
from kbtool.lint.translated import shape_findings
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB504", "translation-structure", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    return shape_findings(ctx, RULE, "structure")
