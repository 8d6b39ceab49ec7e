"""The offline bundle in headless Chromium, unpacked and opened from ``file://`` with every network request refused.

Navigation, the language switcher, search in English, Japanese and Chinese,
and the "Paste your error" page must all work with no server and no
network, and no page may log a script error.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser_helpers import browser, local_only_page, search  # noqa: F401 (a fixture)
from conftest import OfflineBundle
from kbtool.render.ui_text import t

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(offline_bundle: OfflineBundle) -> Path:
    return offline_bundle.unpacked


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A page that may load local files only; no request may leave, and no error may be logged."""
    with local_only_page(browser, console_errors=True, viewport={"width": 1280, "height": 900}) as local:
        yield local.page
    assert local.outside == [], f"the bundle made network requests: {local.outside}"
    assert local.errors == [], f"errors in the console: {local.errors}"


def test_from_the_top_index_to_a_record(page: Any, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    assert page.locator(".kb-bundle-notice").inner_text().startswith("Offline copy of the knowledge base, version ")
    page.locator("article").get_by_role("link", name=t("en", "All records")).click()
    assert page.url == (site / "records.html").as_uri()
    page.locator("article").get_by_role("link", name="disconnected (1008): pairing required").click()
    assert page.url == (site / "records" / "openclaw-pairing-required.html").as_uri()
    assert "pairing required" in page.locator("h1").inner_text()


def test_the_language_switcher_keeps_the_record(page: Any, site: Path) -> None:
    page.goto((site / "records" / "openclaw-pairing-required.html").as_uri())
    page.hover(".md-header__option .md-select")
    page.click('.md-select__link[hreflang="ja"]')
    assert page.url == (site / "ja" / "records" / "openclaw-pairing-required.html").as_uri()
    assert page.get_attribute("html", "lang") == "ja"
    assert "ペアリングが必要" in page.locator("h1").inner_text()
    page.hover(".md-header__option .md-select")
    page.click('.md-select__link[hreflang="en"]')
    assert page.url == (site / "records" / "openclaw-pairing-required.html").as_uri()


@pytest.mark.parametrize("lang, query, record", [
    ("en", "pairing required", "openclaw-pairing-required"),
    ("ja", "ペアリング", "openclaw-pairing-required"),
    ("zh", "配对", "openclaw-pairing-required"),
])
def test_search_works_from_the_file_system(page: Any, site: Path, lang: str, query: str, record: str) -> None:
    home = site / "index.html" if lang == "en" else site / lang / "index.html"
    page.goto(home.as_uri())
    results = [url.split("?")[0].split("#")[0] for url in search(page, query)]
    pages = site if lang == "en" else site / lang
    assert (pages / "records" / f"{record}.html").as_uri() in results[:3]
    assert all(url.startswith(pages.as_uri() + "/") for url in results)
    if lang == "en":
        assert not [url for url in results if any(f"/{other}/" in url for other in ("ja", "fr", "zh"))]


def test_the_paste_page_matches_in_the_bundle(page: Any, site: Path) -> None:
    page.goto((site / "ja" / "match.html").as_uri())
    page.fill("#kb-match-input", "2026-11-02T10:00:00Z gateway closed (1008): pairing required\n")
    first = page.locator("#kb-match-results > li").first
    assert first.get_attribute("data-record") == "openclaw-pairing-required"
    first.locator("a").click()
    assert page.url == (site / "ja" / "records" / "openclaw-pairing-required.html").as_uri()
