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

from kbtool.lint.context import LintContext
from kbtool.lint.translated import shape_findings
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB502", "translation-link-targets", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    return shape_findings(ctx, RULE, "links")
