"""A translated field is outdated: its source text changed since it was translated.

Each translated field stores a hash of the source text it was made from.
When the source changes, the site shows the source text with a note instead
of the old translation. Update the translation and then run
`kb i18n mark-current <record-id> <field> --lang <lang>`; or, if the source
edit changed no meaning (a typo), run the same command to keep the
translation as it is.

## Passing

```yaml
# the hash equals the hash of the record's present text
summary: {hash: 4ddf416d4a4b, text: "..."}
```

## Failing

```yaml
# the record's summary was edited after this was translated
summary: {hash: 0123456789ab, text: "..."}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext, at
from kbtool.lint.translated import translated_fields
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB507", "translation-outdated", Severity.WARNING, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for item in translated_fields(ctx):
        if item.unit is None or item.translation.doc is None or not item.value.text.strip():
            continue
        if item.value.hash != item.unit.hash:
            yield at(RULE, item.translation.doc, ("fields", item.key, "hash"),
                     f"`{item.key}` was translated from an older source text; update the translation, then run "
                     f"`kb i18n mark-current {item.translation.record} {item.key} --lang {item.translation.lang}`")
