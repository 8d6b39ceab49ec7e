"""A translation's placeholders differ from its source's.

Placeholders such as `<your-token>` or `{date}` outside code stand for
values the reader fills in or the site inserts; a translated or dropped
placeholder breaks the instruction.

## Passing

```yaml
# source: Paste <your-token> into the settings.
text: "<your-token> を設定に貼り付けます。"
```

## Failing

```yaml
text: "<votre-jeton> dans les réglages."
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.i18n.shape import differences, first_extra
from kbtool.lint.context import LintContext, at_text
from kbtool.lint.translated import translated_fields
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo


RULE = RuleInfo.from_doc("KB503", "translation-placeholders", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for item in translated_fields(ctx):
        if not item.current or item.unit is None or item.translation.doc is None:
            continue  # outdated and missing fields are KB507's and KB508's
        for kind, message in differences(item.unit.text, item.value.text):
            if kind == "placeholders":
                needle = first_extra(item.unit.text, item.value.text, kind) or ""
                yield at_text(RULE, item.translation.doc, item.text_path, needle, f"`{item.key}`: {message}")
