"""A translation contains raw HTML.

Record text is Markdown; raw HTML is shown as text on the site, and in a
translation it is either a mistake or an attempt to inject markup. Use
Markdown (`**bold**`, `` `code` ``) instead.

## Passing

```yaml
text: "**注意:** ポートはループバックにだけ公開します。"
```

## Failing

```yaml
text: "<b>注意:</b> ポートはループバックにだけ公開します。"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext
from kbtool.lint.translated import shape_findings
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB505", "translation-raw-html", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    return shape_findings(ctx, RULE, "html")
