"""A link in the built site points to a file or `#fragment` that does not exist (with `--site DIR`).

`kb lint --site DIR` reads every `.html` file below `DIR` (every language) and
checks each `href` and `src` that stays on the site: the file it points to
exists (a directory means its `index.html`), and its `#fragment`, if any, is
the `id` (or `<a name>`) of an element of that page. Links to other hosts and
other schemes (`https:`, `mailto:`, `data:`) are not followed. Positions are
the line and column of the attribute value in the HTML file.

MkDocs checks the links it writes from Markdown; this also covers the theme,
the language switcher and links added after the build.

## Passing

```html
<!-- site/records/a.html, with site/records/b.html holding id="use-current-token" -->
<a href="b.html#use-current-token">Use the current token</a>
```

## Failing

```html
<a href="b.html#use-the-token">Use the current token</a>
<a href="../fr/records/c.html">Français</a>
```
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from kbtool.lint.context import LintContext, did_you_mean
from kbtool.lint.site_index import HtmlLink, SiteIndex
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo
from kbtool.validate.engine import display_path

RULE = RuleInfo.from_doc("KB107", "site-link", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    site = ctx.site
    if site is None:
        return
    for page_path in sorted(site.pages):
        shown = display_path(site.root / page_path)
        for link in site.pages[page_path].links:
            message = _problem(site, page_path, link)
            if message is not None:
                yield Finding(shown, link.line, link.column, RULE.id, RULE.severity, message)


def _problem(site: SiteIndex, page_path: str, link: HtmlLink) -> str | None:
    url = link.url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return f"`{url}` is not a valid URL"
    if parts.scheme or parts.netloc or not url:
        return None  # another host or scheme: not this site's to check
    target = page_path
    if parts.path:
        base = "" if parts.path.startswith("/") else posixpath.dirname(page_path)
        target = posixpath.normpath(posixpath.join(base, unquote(parts.path).lstrip("/")))
        if target == ".." or target.startswith("../"):
            return f"`{url}` leaves the site (it resolves outside {display_path(site.root)})"
        if target not in site.files:
            index = "index.html" if target == "." else f"{target}/index.html"
            if index not in site.files:
                hint = did_you_mean(target, site.files)
                return f"`{url}` points to `{target}`, which is not in the site{hint}"
            target = index
    fragment = unquote(parts.fragment)
    page = site.pages.get(target)
    if not fragment or page is None or fragment in page.ids:
        return None
    hint = did_you_mean(fragment, page.ids, "`#{}`")
    return f"`{url}`: `{target}` has no element with id `{fragment}`{hint}"
