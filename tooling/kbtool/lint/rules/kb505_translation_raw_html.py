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

from kbtool.i18n.shape import differences, first_extra
from kbtool.lint.context import LintContext, at_text
from kbtool.lint.translated import translated_fields
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo


RULE = RuleInfo.from_doc("KB505", "translation-raw-html", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for item in translated_fields(ctx):
        if not item.current or item.unit is None or item.translation.doc is None:
            continue  # outdated and missing fields are KB507's and KB508's
        for kind, message in differences(item.unit.text, item.value.text):
            if kind == "html":
                needle = first_extra(item.unit.text, item.value.text, kind) or ""
                yield at_text(RULE, item.translation.doc, item.text_path, needle, f"`{item.key}`: {message}")
