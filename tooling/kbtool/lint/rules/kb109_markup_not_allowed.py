"""Record text uses Markdown the site build refuses: an image, a heading, or a block where one paragraph fits.

Record text is CommonMark, but only part of it reaches a page: paragraphs,
emphasis, code, lists, block quotes, code blocks and links. An image would
load from another host (link to it instead); a heading would break the
page's outline, which the page makes itself. Cause and solution titles,
`when`, `claim` and `fact` are written on one line of the page, so they hold
one paragraph and no list, quote or code block. `kb build` stops at the first such construct;
this rule reports every one, in records and in their translations, with the
build's explanation. What is allowed is the renderer's own list
(`kbtool.render.record_markdown`), so the two cannot disagree.

## Passing

```yaml
summary: >-
  The dashboard shows a red banner (see
  [the screenshot](https://docs.openclaw.ai/img/banner.png)).
solutions:
  - id: paste-token
    title: Paste the token into the dashboard
```

## Failing

```yaml
summary: |-
  ## What you see

  ![the red banner](https://docs.openclaw.ai/img/banner.png)
solutions:
  - id: paste-token
    title: "- Paste the token into the dashboard"
```
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from kbtool.lint.context import LintContext, at_text
from kbtool.lint.links import rendered_as, rendered_markdown
from kbtool.lint.translated import translated_fields
from kbtool.load.document import DataPath, Document
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo
from kbtool.render.record_markdown import refusals

RULE = RuleInfo.from_doc("KB109", "markup-not-allowed", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for rf in ctx.linted():
        for path, text, one_paragraph in rendered_markdown(rf.doc.data):
            yield from _findings(rf.doc, path, text, one_paragraph, "")
    for item in translated_fields(ctx):
        how = rendered_as(item.unit.path) if item.unit is not None else None
        if how is not None and item.translation.doc is not None and item.value.text.strip():
            yield from _findings(item.translation.doc, item.text_path, item.value.text, how == "one paragraph",
                                 f"`{item.key}`: ")


def _findings(doc: Document, path: DataPath, text: str, one_paragraph: bool, prefix: str) -> Iterator[Finding]:
    """Each refused construct at the place it is written: the n-th image at the n-th `![` of the field."""
    seen: Counter[str] = Counter()
    for refusal in refusals(text, one_paragraph=one_paragraph):
        yield at_text(RULE, doc, path, refusal.written, prefix + refusal.message, nth=seen[refusal.written])
        seen[refusal.written] += 1
