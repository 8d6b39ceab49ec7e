"""The built site in a real browser: headless Debian Chromium driven by Playwright, served on 127.0.0.1.

Chromium comes from ``browser_helpers``: these tests skip without it on a
developer machine and fail under CI=true.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser_helpers import browser, search, serve_directory  # noqa: F401 (a fixture)

from kbtool.cli import main

from site_helpers import make_site_root

pytestmark = pytest.mark.browser

RECORDS = ("golden-record", "related-record", "ja-record", "zh-record")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("browser")
    root = make_site_root(tmp / "kbroot", RECORDS)
    assert main(["--root", str(root), "build", "--out", str(tmp / "site")]) == 0
    return tmp / "site"


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    with serve_directory(site) as url:
        yield url


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    """A page whose requests to anything but the local server are blocked and recorded, then asserted none."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []

    def route(route: Any) -> None:
        url = route.request.url
        if url.startswith(base_url) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    yield page
    context.close()
    assert outside == [], f"requests left 127.0.0.1: {outside}"


def test_home_to_index_to_record_in_two_clicks(page: Any, base_url: str) -> None:
    page.goto(base_url + "index.html")
    page.locator("article").get_by_role("link", name="All records").click()
    assert page.url == base_url + "records.html"
    page.locator("article").get_by_role("link", name="gateway closed (1008): unauthorized: gateway token mismatch").click()
    assert page.url == base_url + "records/golden-record.html"
    assert "gateway token mismatch" in page.locator("h1").inner_text()


def test_language_switcher_lands_on_the_same_record(page: Any, base_url: str) -> None:
    page.goto(base_url + "records/golden-record.html")
    page.hover(".md-header__option .md-select")
    page.click('.md-select__link[hreflang="ja"]')
    assert page.url == base_url + "ja/records/golden-record.html"
    assert page.get_attribute("html", "lang") == "ja"
    assert page.locator("#error-messages").inner_text().startswith("エラーメッセージ")


def test_language_switcher_works_from_file_urls(browser: Any, site: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((site / "fr" / "records" / "golden-record.html").as_uri())
    page.hover(".md-header__option .md-select")
    page.click('.md-select__link[hreflang="zh-Hans"]')
    assert page.url == (site / "zh" / "records" / "golden-record.html").as_uri()
    page.close()


@pytest.mark.parametrize("query", ["ProcessExitedBeforeReadyError", "gateway token mismatch", "1008"])
def test_exact_english_error_string_finds_its_record_first(page: Any, base_url: str, query: str) -> None:
    page.goto(base_url + "index.html")
    results = search(page, query)
    assert results[0].split("?")[0] == base_url + "records/golden-record.html"


@pytest.mark.parametrize("lang, query, record", [
    ("ja", "権限", "ja-record"),  # inside 接続権限がまだ: segmented in the browser, untouched by jieba
    ("zh", "密码", "zh-record"),  # segmented at build time by jieba
    ("zh", "客户端", "zh-record"),
])
def test_cjk_word_finds_its_record_and_stays_in_the_language(page: Any, base_url: str, lang: str, query: str,
                                                             record: str) -> None:
    page.goto(base_url + f"{lang}/index.html")
    results = search(page, query)
    assert results[0].split("?")[0] == base_url + f"{lang}/records/{record}.html"
    assert all(url.startswith(base_url + f"{lang}/") for url in results)


def test_code_blocks_have_copy_buttons(page: Any, base_url: str) -> None:
    page.goto(base_url + "records/golden-record.html")
    page.wait_for_selector('button.md-code__button[data-md-type="copy"]')
    assert page.locator('button.md-code__button[data-md-type="copy"]').count() == page.locator(".highlight pre").count()
