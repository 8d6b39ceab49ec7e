"""A record's field has no translation in a language that has a translation file for it.

Missing fields are shown in the source language with a note. `kb i18n stub
<lang> <record-id>` adds the missing fields to the file for a translator to
fill. Reported as information: a partial translation is allowed.

## Passing

```yaml
fields:
  title: {hash: 446720fe358a, text: "unauthorized: gateway token mismatch"}
```

## Failing

```yaml
fields:
  title: {hash: 446720fe358a, text: ""}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.i18n.units import record_units
from kbtool.lint.context import LintContext, at
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB508", "translation-missing", Severity.INFO, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for rf in ctx.linted():
        rid = rf.record.id
        for lang, translation in ctx.translations_of(rid):
            if translation.doc is None:
                continue
            for unit in record_units(rf.record):
                value = translation.fields.get(unit.key)
                if value is None:
                    yield at(RULE, translation.doc, ("fields",), f"`{unit.key}` is not translated into `{lang}`; "
                             f"run `kb i18n stub {lang} {rid}` to add it", key=True)
                elif not value.text.strip():
                    yield at(RULE, translation.doc, ("fields", unit.key, "text"),
                             f"`{unit.key}` is not translated into `{lang}` yet")
