"""KB421 unknown-claim-source: each `source_claims[].source` is a source id of the record."""

from __future__ import annotations

from lint.helpers import record

RULES = ("KB421",)

SOURCES = """
  - id: clawpod-1008
    url: https://clawpod.app/blog/openclaw-gateway-disconnected-1008-fix
    title: A blog post
    lang: en
  - id: openclaw-docs
    url: https://github.com/openclaw/docs
    title: OpenClaw docs
    lang: en"""


def _claims(*sources: str) -> str:
    return "".join(f"\n  - source: {source}\n    claim: A claim.\n    verdict: \"false\"\n    fact: The fact."
                   for source in sources)


def test_claims_naming_unlisted_sources_are_reported(lint_kb) -> None:
    run = lint_kb(record("alpha", sources=SOURCES, source_claims=_claims("clawpod-1008", "clawpod-1080", "reddit")),
                  rules=RULES)
    assert run.lines == [
        "kb/records/alpha.yaml:35:13: error KB421 claim names source `clawpod-1080`, which this record does not "
        "list; did you mean `clawpod-1008`?",
        "kb/records/alpha.yaml:39:13: error KB421 claim names source `reddit`, which this record does not list; "
        "this record's sources are clawpod-1008, openclaw-docs",
    ]


def test_claims_naming_listed_sources_pass(lint_kb) -> None:
    run = lint_kb(record("alpha", sources=SOURCES, source_claims=_claims("clawpod-1008", "openclaw-docs")),
                  rules=RULES)
    assert run.lines == []
