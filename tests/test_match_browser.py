"""The "Paste your error" page in headless Chromium: the shared table of tests/match/, run by the page's script.

The real knowledge base is built once and opened from ``file://``, as the
offline bundle is. Every case must give the same records, scores, lines and
highlighted spans as ``kb match`` (the Python matcher), so the two
implementations of the matching rules cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser_helpers import browser, local_only_page  # noqa: F401 (a fixture)

from conftest import REPO
from kbtool.cli import main
from kbtool.load.layout import Layout
from kbtool.match.matcher import Matcher
from kbtool.render.ui_text import t
from kbtool.validate.engine import validate
from match_table import PasteCase, all_cases, pasted_logs

pytestmark = pytest.mark.browser

VALIDATION = validate(Layout(REPO))
MATCHER = Matcher.from_records(VALIDATION.records.values())
CASES = all_cases()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("match") / "site"
    assert main(["--root", str(REPO), "build", "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def match_page(browser: Any, site: Path) -> Iterator[Any]:
    """The English page from file://; any request that is not a local file fails the test run."""
    with local_only_page(browser) as local:
        local.page.goto((site / "match.html").as_uri())
        yield local.page
    assert local.outside == [], f"the page made network requests: {local.outside}"
    # Material's search cannot load its index from file:// without the offline plugin (the offline
    # bundle's build uses it); that error is the search box's, not this page's.
    errors = [e for e in local.errors if "search_index.js" not in e]
    assert errors == [], f"script errors on the page: {errors}"


def _python_results(text: str) -> list[dict[str, Any]]:
    results = []
    for match in MATCHER.match(text):
        matched, start, end = match.hit.excerpt()
        results.append({"id": match.record_id, "score": match.score, "line": match.hit.line,
                        "matched": matched, "span": [start, end]})
    return results


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_shared_table_on_the_page(match_page: Any, case: PasteCase) -> None:
    page_results = match_page.evaluate("text => window.kbMatch(text)", case.text)
    ids = [r["id"] for r in page_results]
    assert case.problem(ids) is None, case.problem(ids)
    keys = ("id", "score", "line", "matched", "span")
    assert [{k: r[k] for k in keys} for r in page_results] == _python_results(case.text)


def test_every_signature_compiles_in_the_browser(match_page: Any) -> None:
    count = sum(len(r.signatures) for r in VALIDATION.records.values())
    assert match_page.evaluate("window.kbMatchData.signatures.length") == count
    refused = match_page.evaluate("""() => window.kbMatchData.signatures.filter(s => {
        try { new RegExp(s[2], window.kbMatchData.flags); return false; } catch (e) { return true; }
    }).map(s => s[2])""")
    assert refused == []


def test_pasting_shows_the_records_in_the_pages_language(browser: Any, site: Path) -> None:
    case = next(c for c in pasted_logs() if c.name.startswith("japanese"))
    page = browser.new_page()
    page.goto((site / "ja" / "match.html").as_uri())
    assert page.locator("#kb-match").is_visible()
    assert page.inner_text("#kb-match-status") == t("ja", "Paste an error message or a log above.")
    page.fill("#kb-match-input", case.text)
    rows = page.locator("#kb-match-results > li")
    assert [rows.nth(i).get_attribute("data-record") for i in range(rows.count())][0] == case.expect[0]
    expected = _python_results(case.text)[0]
    assert rows.first.locator("mark").inner_text() == expected["matched"][expected["span"][0]:expected["span"][1]]
    assert page.inner_text("#kb-match-status") == t("ja", "Matching records: {count}", count=rows.count())
    title = rows.first.locator("a").inner_text()
    assert title != VALIDATION.records[case.expect[0]].title  # the Japanese title
    rows.first.locator("a").click()
    assert page.url == (site / "ja" / "records" / f"{case.expect[0]}.html").as_uri()
    page.close()


def test_text_that_matches_nothing_says_so(browser: Any, site: Path) -> None:
    page = browser.new_page()
    page.goto((site / "fr" / "match.html").as_uri())
    page.fill("#kb-match-input", "npm notice New minor version of npm available!")
    assert page.locator("#kb-match-results > li").count() == 0
    assert page.inner_text("#kb-match-status") == t("fr", "No record matches this text. Try the search with the "
                                                          "exact message, or look through the error messages.")
    page.close()


def test_pasted_markup_is_shown_as_text(browser: Any, site: Path) -> None:
    page = browser.new_page()
    page.goto((site / "match.html").as_uri())
    page.fill("#kb-match-input", '<img src=x onerror="window.pwned=1">gateway closed (1008): pairing required')
    assert page.locator("#kb-match-results img").count() == 0
    assert "<img src=x" in page.locator("#kb-match-results code").first.inner_text()
    assert page.evaluate("window.pwned") is None
    page.close()
