"""KB108 link-scheme: record text links only to https:// URLs, kb: records and #anchors."""

from __future__ import annotations

from lint.helpers import record

RULES = ("KB108",)

SUMMARY = """>-
  [a](http://example.org/x) [b](javascript:alert(1)) [c](bravo.md#fix)
  [d](../docs/x.md) [e](ftp://example.org/) [f](mailto:a@example.org)"""


def test_refused_links_are_reported_with_the_fix(lint_kb) -> None:
    run = lint_kb({**record("alpha", summary=SUMMARY), **record("bravo")}, rules=RULES)
    assert run.lines == [
        "kb/records/alpha.yaml:5:7: error KB108 link `http://example.org/x` is not allowed: write "
        "`https://example.org/x` (pages are served over HTTPS; check that the site supports it)",
        "kb/records/alpha.yaml:5:33: error KB108 link `javascript:alert(1)` is not allowed: `javascript:` links are "
        "unsafe; link an https:// page instead",
        "kb/records/alpha.yaml:5:58: error KB108 link `bravo.md#fix` is not allowed: link the record with "
        "`kb:bravo#fix`",
        "kb/records/alpha.yaml:6:7: error KB108 link `../docs/x.md` is not allowed: relative links are not allowed; "
        "use an https:// URL, or kb:record-id[#anchor] for a record",
        "kb/records/alpha.yaml:6:25: error KB108 link `ftp://example.org/` is not allowed: links must be https:// "
        "URLs or kb:record-id[#anchor]",
        "kb/records/alpha.yaml:6:49: error KB108 link `mailto:a@example.org` is not allowed: links must be https:// "
        "URLs or kb:record-id[#anchor]",
    ]


def test_https_kb_and_anchor_links_pass(lint_kb) -> None:
    summary = '"[a](https://example.org/) [b](kb:bravo) [c](#no-token) and `[d](http://code)`"'
    run = lint_kb({**record("alpha", summary=summary), **record("bravo")}, rules=RULES)
    assert run.lines == []
