"""A translation's link targets differ from its source's.

Link text is translated; where a link goes is not: `kb:` links, anchors and
URLs are the same in every language, so the translated page links to the
same record and the same place on it.

## Passing

```yaml
# source: see [device token mismatch](kb:openclaw-device-token-mismatch#rotate).
text: "[デバイストークンの不一致](kb:openclaw-device-token-mismatch#rotate) を参照してください。"
```

## Failing

```yaml
text: "[デバイストークンの不一致](kb:openclaw-device-token-mismatch) を参照してください。"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.i18n.shape import differences, first_extra
from kbtool.lint.context import LintContext, at_text
from kbtool.lint.translated import translated_fields
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo


RULE = RuleInfo.from_doc("KB502", "translation-link-targets", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for item in translated_fields(ctx):
        if not item.current or item.unit is None or item.translation.doc is None:
            continue  # outdated and missing fields are KB507's and KB508's
        for kind, message in differences(item.unit.text, item.value.text):
            if kind == "links":
                needle = first_extra(item.unit.text, item.value.text, kind) or ""
                yield at_text(RULE, item.translation.doc, item.text_path, needle, f"`{item.key}`: {message}")
