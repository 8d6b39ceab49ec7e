"""A link's `#anchor` is not a place on the target record's page.

`kb:record-id#anchor` (and `#anchor` for the record the text is in) must name
a cause or solution id of that record, the verify part of a solution
(`<solution-id>-verify`), or a section of its page: `error-messages`,
`causes`, `solutions`, `applies-to`, `sources`, `verification`, and
`symptoms`, `related`, `commits` and `corrections` when the record has them.
Otherwise the site build fails (or, for a reader, the link lands at the top of
the page). The message suggests the closest anchor.

## Passing

```yaml
text: Rotate the token ([how](kb:openclaw-device-token-mismatch#drift-recovery-checklist)).
```

## Failing

```yaml
text: Rotate the token ([how](kb:openclaw-device-token-mismatch#drift-recovery)).
```
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext, did_you_mean
from kbtool.lint.links import kb_target
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo
from kbtool.render.context import record_anchors

RULE = RuleInfo.from_doc("KB103", "unknown-anchor", Severity.ERROR, __doc__)

#: Sections a page has only when the record has the field (see ``record_anchors``).
_OPTIONAL_SECTIONS = {"symptoms": "symptoms", "related": "related", "commits": "commits",
                      "corrections": "source_claims"}


def check(ctx: LintContext) -> Iterator[Finding]:
    anchors: dict[str, list[str]] = {}
    for rf in ctx.linted():
        for link in ctx.links(rf):
            target = kb_target(link.href, rf.record.id)
            if target is None or not target.anchor or target.record not in ctx.records:
                continue  # not a record link, no anchor, or a target KB102 (or validation) reports
            if target.record not in anchors:
                anchors[target.record] = record_anchors(ctx.records[target.record].record)
            if target.anchor in anchors[target.record]:
                continue
            whose = "this record" if target.record == rf.record.id else f"record `{target.record}`"
            if target.anchor in _OPTIONAL_SECTIONS:
                message = (f"{whose} has no `{_OPTIONAL_SECTIONS[target.anchor]}`, so its page has no "
                           f"`#{target.anchor}` section; link another anchor")
            else:
                base = link.href[: -len(target.anchor)]
                hint = did_you_mean(target.anchor, anchors[target.record], f"`{base}{{}}`") or (
                    "; anchors are cause and solution ids and section names such as `#solutions`")
                message = f"{whose} has no anchor `{target.anchor}`{hint}"
            yield Finding(rf.doc.path, link.line, link.column, RULE.id, RULE.severity, f"link `{link.href}`: {message}")
