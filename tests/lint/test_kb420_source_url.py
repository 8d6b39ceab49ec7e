"""KB420 source-url: every source URL is a well-formed https:// URL of a named host."""

from __future__ import annotations

import pytest

from kbtool.lint.rules.kb420_source_url import url_problem
from lint.helpers import record

RULES = ("KB420",)


def _sources(*urls: str) -> str:
    return "".join(f"\n  - id: s{i}\n    url: \"{url}\"\n    title: Source {i}\n    lang: en"
                   for i, url in enumerate(urls))


def test_malformed_source_urls_are_reported_at_the_url(lint_kb) -> None:
    urls = ("https://github.com/openclaw/docs", "https://user:pw@example.org/x", "https://docs/x",
            "https://example.org:80a/", "https://example..org/", "https://example.org/{id}")
    run = lint_kb(record("alpha", sources=_sources(*urls)), rules=RULES)
    assert run.lines == [
        "kb/records/alpha.yaml:26:10: error KB420 source URL contains a user name or password before `@`; "
        "remove them (and never publish credentials)",
        "kb/records/alpha.yaml:30:10: error KB420 source URL has a host `docs` without a domain; write the full "
        "host name (such as `docs.example.org`)",
        "kb/records/alpha.yaml:34:10: error KB420 source URL cannot be read as a URL (Port could not be cast to "
        "integer value as '80a'); check the brackets and the port after the host",
        "kb/records/alpha.yaml:38:10: error KB420 source URL has a host `example..org` that is not a valid domain "
        "name; check for doubled dots and stray characters",
        "kb/records/alpha.yaml:42:10: error KB420 source URL contains characters that must be percent-encoded: "
        "write `{` as %7B, `}` as %7D",
    ]


@pytest.mark.parametrize("url", [
    "https://github.com/openclaw/openclaw/issues/24419",
    "https://clawpod.app/blog/openclaw-gateway-disconnected-1008-fix",
    "https://127.0.0.1:8443/x",
    "https://[2001:db8::1]/x",
    "https://bücher.example/seite?x=1#frag",
    "https://example.org./path",
])
def test_well_formed_urls_pass(url: str) -> None:
    assert url_problem(url) is None


def test_the_real_sources_pass(lint_kb) -> None:
    run = lint_kb(record("alpha"), rules=RULES)
    assert run.lines == []
