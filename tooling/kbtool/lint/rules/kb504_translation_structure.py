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

from kbtool.i18n.shape import differences, first_extra
from kbtool.lint.context import LintContext, at_text
from kbtool.lint.translated import translated_fields
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo


RULE = RuleInfo.from_doc("KB504", "translation-structure", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for item in translated_fields(ctx):
        if not item.current or item.unit is None or item.translation.doc is None:
            continue  # outdated and missing fields are KB507's and KB508's
        for kind, message in differences(item.unit.text, item.value.text):
            if kind == "structure":
                needle = first_extra(item.unit.text, item.value.text, kind) or ""
                yield at_text(RULE, item.translation.doc, item.text_path, needle, f"`{item.key}`: {message}")
