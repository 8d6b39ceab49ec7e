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

from kbtool.i18n.shape import differences, first_extra
from kbtool.lint.context import LintContext, at_text
from kbtool.lint.translated import translated_fields
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo


RULE = RuleInfo.from_doc("KB501", "translation-code-spans", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for item in translated_fields(ctx):
        if not item.current or item.unit is None or item.translation.doc is None:
            continue  # outdated and missing fields are KB507's and KB508's
        for kind, message in differences(item.unit.text, item.value.text):
            if kind == "code":
                needle = first_extra(item.unit.text, item.value.text, kind) or ""
                yield at_text(RULE, item.translation.doc, item.text_path, needle, f"`{item.key}`: {message}")
