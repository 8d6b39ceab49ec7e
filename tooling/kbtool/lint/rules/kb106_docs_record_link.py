"""A link from a hand-written page in `docs/` to a record does not resolve.

Pages written by hand in `docs/` (`*.md`, any depth) link to records in one of
two ways: `kb:record-id` or `kb:record-id#anchor`, as record text does, or a
relative link to the record's YAML file (`../kb/records/record-id.yaml`), which
GitHub shows as the file. Both must name an existing record, and an anchor
must be a place on its page (see KB103). Other links are not checked here.
Positions are the line and column in the Markdown page.

## Passing

```markdown
Start with [gateway token mismatch](kb:openclaw-gateway-token-mismatch#use-current-token)
or its [source](../kb/records/openclaw-gateway-token-mismatch.yaml).
```

## Failing

```markdown
Start with [gateway token mismatch](kb:openclaw-gateway-token-mismatch#use-the-token)
or its [source](../kb/records/openclaw-token-mismatch.yaml).
```
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from kbtool.lint.context import DocsPage, LintContext, did_you_mean
from kbtool.lint.links import KbTarget, PlacedLink, kb_target, page_links
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo
from kbtool.render.context import record_anchors

RULE = RuleInfo.from_doc("KB106", "docs-record-link", Severity.ERROR, __doc__)

RECORDS_DIR = "kb/records/"


def check(ctx: LintContext) -> Iterator[Finding]:
    for page in ctx.docs_pages:
        for link in page_links(page.text):
            message = _problem(ctx, page, link)
            if message is not None:
                yield Finding(page.path, link.line, link.column, RULE.id, RULE.severity, message)


def _problem(ctx: LintContext, page: DocsPage, link: PlacedLink) -> str | None:
    target = kb_target(link.href, None)
    if target is None:
        record_id = _record_file(page, link.href)
        if record_id is None:
            return None
        target = KbTarget(record_id, "")
        template = f"`{posixpath.relpath(RECORDS_DIR, posixpath.dirname(page.relative))}/{{}}.yaml`"
    else:
        template = "`kb:{}`"
    record_id, anchor = target.record, target.anchor
    if record_id not in ctx.record_ids:
        hint = did_you_mean(record_id, ctx.record_ids, template) or "; record ids are the file names in kb/records/"
        return f"link `{link.href}` points to unknown record `{record_id}`{hint}"
    if anchor and record_id in ctx.records:
        anchors = record_anchors(ctx.records[record_id].record)
        if anchor not in anchors:
            hint = did_you_mean(anchor, anchors, f"`kb:{record_id}#{{}}`")
            return f"link `{link.href}`: record `{record_id}` has no anchor `{anchor}`{hint}"
    return None


def _record_file(page: DocsPage, href: str) -> str | None:
    """The record id a relative link to ``kb/records/<id>.yaml`` names, or None for any other link."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page.relative), unquote(parts.path)))
    if not path.startswith(RECORDS_DIR) or not path.endswith(".yaml") or "/" in path[len(RECORDS_DIR):]:
        return None
    return path[len(RECORDS_DIR):-len(".yaml")]
