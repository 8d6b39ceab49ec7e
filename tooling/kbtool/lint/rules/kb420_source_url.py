"""A source URL is not a well-formed `https://` URL of a named host.

The record format already requires `sources[].url` to start with `https://`
and contain no spaces. This checks the rest of what makes a URL one a reader
can open and a link checker can follow (RFC 3986, read with Python's
`urllib.parse`): it parses, its host is a domain name (with a dot) or an IP
address, its port is a number, it carries no user name or password, and it
contains no characters that must be percent-encoded (`<`, `>`, `"`, `{`, `}`,
`|`, `\\`, `^`, a backtick).

## Passing

```yaml
sources:
  - id: openclaw-issue-24419
    url: https://github.com/openclaw/openclaw/issues/24419
```

## Failing

```yaml
sources:
  - id: openclaw-issue-24419
    url: https://user:secret@github.com:port/openclaw/openclaw/issues/{24419}
```
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from kbtool.lint.context import LintContext, at
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB420", "source-url", Severity.ERROR, __doc__)

_LABEL = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$")
_UNSAFE = '<>"{}|\\^`'


def check(ctx: LintContext) -> Iterator[Finding]:
    for rf in ctx.linted():
        for index, source in enumerate(rf.record.sources):
            problem = url_problem(source.url)
            if problem is not None:
                yield at(RULE, rf.doc, ("sources", index, "url"), f"source URL {problem}")


def url_problem(url: str) -> str | None:
    """What is wrong with ``url`` as a source link, with the fix, or None when it is fine."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        return f"cannot be read as a URL ({exc}); check the brackets and the port after the host"
    if parts.scheme != "https":
        return f"must start with https:// (it is `{parts.scheme}:`)"
    if parts.username is not None or parts.password is not None:
        return "contains a user name or password before `@`; remove them (and never publish credentials)"
    host = parts.hostname or ""
    if not host:
        return "has no host; write it as https://host/path"
    if not _is_ip(host):
        try:
            labels = host.encode("idna").decode("ascii").rstrip(".").split(".")
        except UnicodeError:
            labels = [""]
        if not all(_LABEL.match(label) for label in labels):
            return f"has a host `{host}` that is not a valid domain name; check for doubled dots and stray characters"
        if len(labels) < 2:
            return f"has a host `{host}` without a domain; write the full host name (such as `{host}.example.org`)"
    if port == 0:
        return "has port 0; remove the port"
    bad = sorted({char for char in url if char in _UNSAFE})
    if bad:
        shown = ", ".join(f"`{char}` as %{ord(char):02X}" for char in bad)
        return f"contains characters that must be percent-encoded: write {shown}"
    return None


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True
