"""A `kb:` link in record text points to a record that does not exist.

Record text (Markdown) links to another record with `kb:record-id`, or to a
cause or solution in it with `kb:record-id#anchor`; the site turns these into
relative links in the reader's language. A link to an id that names no record
would fail the site build. The message suggests the closest existing id.
Links inside code spans and code blocks are not links and are not checked.

## Passing

```yaml
text: See [gateway token missing](kb:openclaw-gateway-token-missing).
```

## Failing

```yaml
text: See [gateway token missing](kb:openclaw-gateway-token-mising).
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext, did_you_mean
from kbtool.lint.links import kb_target
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB102", "unknown-link-target", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for rf in ctx.linted():
        for link in ctx.links(rf):
            target = kb_target(link.href, rf.record.id)
            if target is None or target.record in ctx.record_ids:
                continue
            hint = (did_you_mean(target.record, ctx.record_ids, "`kb:{}`")
                    or "; record ids are the file names in kb/records/")
            yield Finding(rf.doc.path, link.line, link.column, RULE.id, RULE.severity,
                          f"link `{link.href}` points to unknown record `{target.record}`{hint}")
