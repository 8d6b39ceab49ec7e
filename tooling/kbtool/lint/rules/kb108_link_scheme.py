"""A link in record text is neither an `https://` URL nor a `kb:` record link.

Record text may link to `https://` URLs, to other records with
`kb:record-id[#anchor]`, and to a place on its own page with `#anchor`.
Anything else is refused by the site build: `http:` (readers would leave
HTTPS), `javascript:`, `data:` and `file:` (unsafe), and relative paths
(which break between languages and on GitHub). The message suggests the fix,
such as the `kb:` link for a path that names a record.

## Passing

```yaml
text: >-
  See [the docs](https://docs.openclaw.ai/gateway) and
  [token missing](kb:openclaw-gateway-token-missing).
```

## Failing

```yaml
text: >-
  See [the docs](http://docs.openclaw.ai/gateway) and
  [token missing](openclaw-gateway-token-missing.md).
```
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from urllib.parse import urlsplit

from kbtool.lint.context import LintContext
from kbtool.lint.links import kb_target
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB108", "link-scheme", Severity.ERROR, __doc__)

_UNSAFE = ("javascript", "data", "vbscript", "file")


def check(ctx: LintContext) -> Iterator[Finding]:
    for rf in ctx.linted():
        for link in ctx.links(rf):
            if link.href.startswith("https://") or kb_target(link.href, rf.record.id) is not None:
                continue
            yield Finding(rf.doc.path, link.line, link.column, RULE.id, RULE.severity,
                          f"link `{link.href}` is not allowed: {_fix(link.href, ctx.record_ids)}")


def _fix(href: str, record_ids: frozenset[str]) -> str:
    try:
        scheme = urlsplit(href).scheme.lower()
    except ValueError:
        scheme = ""
    if scheme == "http":
        return f"write `https{href[4:]}` (pages are served over HTTPS; check that the site supports it)"
    if scheme in _UNSAFE:
        return f"`{scheme}:` links are unsafe; link an https:// page instead"
    if scheme:
        return "links must be https:// URLs or kb:record-id[#anchor]"
    path, _, anchor = href.partition("#")
    stem = posixpath.splitext(posixpath.basename(path.rstrip("/")))[0]
    if stem in record_ids:
        return f"link the record with `kb:{stem}{'#' + anchor if anchor else ''}`"
    return "relative links are not allowed; use an https:// URL, or kb:record-id[#anchor] for a record"
