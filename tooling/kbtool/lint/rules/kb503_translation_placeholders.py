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

from kbtool.lint.context import LintContext
from kbtool.lint.translated import shape_findings
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB503", "translation-placeholders", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    return shape_findings(ctx, RULE, "placeholders")
