"""KB106 docs-record-link: links from hand-written docs/*.md pages to records resolve."""

from __future__ import annotations

from lint.helpers import record

RULES = ("KB106",)

PAGE = """\
# Guide

Start with [mismatch](kb:alpha#no-tokne) or [missing](kb:alpah),
then read [the source](../kb/records/alpah.yaml) and [another](../kb/records/alpha.yaml).

```markdown
[not a link](kb:nowhere)
```

- [fine](kb:alpha#dashboard) and [external](https://example.org/kb:nowhere)
"""


def test_broken_record_links_in_docs_pages_are_reported_at_their_line(lint_kb) -> None:
    run = lint_kb(record("alpha"), rules=RULES, files={
        "docs/index.md": PAGE,
        "docs/guide/start.md": PAGE.replace("../kb/", "../../kb/"),
    })
    assert run.lines == [
        "docs/guide/start.md:3:23: error KB106 link `kb:alpha#no-tokne`: record `alpha` has no anchor `no-tokne`; "
        "did you mean `kb:alpha#no-token`?",
        "docs/guide/start.md:3:55: error KB106 link `kb:alpah` points to unknown record `alpah`; "
        "did you mean `kb:alpha`?",
        "docs/guide/start.md:4:24: error KB106 link `../../kb/records/alpah.yaml` points to unknown record `alpah`; "
        "did you mean `../../kb/records/alpha.yaml`?",
        "docs/index.md:3:23: error KB106 link `kb:alpha#no-tokne`: record `alpha` has no anchor `no-tokne`; "
        "did you mean `kb:alpha#no-token`?",
        "docs/index.md:3:55: error KB106 link `kb:alpah` points to unknown record `alpah`; did you mean `kb:alpha`?",
        "docs/index.md:4:24: error KB106 link `../kb/records/alpah.yaml` points to unknown record `alpah`; "
        "did you mean `../kb/records/alpha.yaml`?",
    ]
    assert run.code == 1


def test_docs_pages_with_good_links_pass(lint_kb) -> None:
    page = "See [a](kb:alpha), [b](kb:alpha#sources) and [c](../kb/records/alpha.yaml#L3).\n"
    run = lint_kb(record("alpha"), rules=RULES, files={"docs/index.md": page})
    assert run.lines == []
