"""A translation addresses a field or id the record does not have.

Fields are addressed by the record's stable ids (`causes.<cause-id>.text`,
`solutions.<solution-id>.steps.<n>.text`). After a cause or solution is
renamed or a step removed, its old translation would never be shown: rename
the key to the new id, or delete the field (`kb i18n stub` adds the new
ones).

## Passing

```yaml
# the record has a cause `legacy-gateway-token-key`
fields:
  causes.legacy-gateway-token-key.text: {hash: 0a1b2c3d4e5f, text: "..."}
```

## Failing

```yaml
fields:
  causes.legacy-token.text: {hash: 0a1b2c3d4e5f, text: "..."}
```
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from kbtool.i18n.units import record_units
from kbtool.lint.context import LintContext, at
from kbtool.lint.translated import translated_fields
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB506", "translation-unknown-field", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for item in translated_fields(ctx):
        if item.unit is not None or item.translation.doc is None:
            continue
        keys = [u.key for u in record_units(ctx.records[item.translation.record].record)]
        close = difflib.get_close_matches(item.key, keys, n=1)
        hint = f"; did you mean `{close[0]}`?" if close else "; delete it or rename it to a field the record has"
        yield at(RULE, item.translation.doc, ("fields", item.key), f"record `{item.translation.record}` has no "
                 f"translatable field `{item.key}`{hint}", key=True)
