"""Headless Debian Chromium for the browser tests: the ``browser`` fixture, and skip-or-fail when it is missing.

Browser test modules import the fixture: ``from browser_helpers import browser``.

Playwright's own browser download cannot be used here, so the tests launch
``/usr/bin/chromium``. Without it (or without Playwright) they skip on a
developer machine, but fail under CI=true: in CI these tests must run.
"""

from __future__ import annotations

import http.server
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def require_browser() -> Any:
    """Playwright's sync API, or skip (fail under CI=true) when it or Chromium is missing."""
    problem = None
    try:
        from playwright import sync_api
    except ImportError:
        problem = "the playwright package is not installed (pip install -e '.[test]')"
    if problem is None and not CHROMIUM.exists():
        problem = f"{CHROMIUM} is missing (apt-get install chromium)"
    if problem is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests must run in CI: {problem}")
        pytest.skip(problem)
    return sync_api


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium per test module."""
    sync_api = require_browser()
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def search(page: Any, query: str) -> list[str]:
    """Type ``query`` into the search box and return the result links, best first."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material reacts to key events; fill() alone does not start a search
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    links: list[str] = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
    return links


@dataclass
class LocalPage:
    """A page that may load local files only; what it tried to load from elsewhere, and its script errors."""

    page: Any
    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@contextmanager
def local_only_page(browser: Any, console_errors: bool = False, **options: Any) -> Iterator[LocalPage]:
    """A page in a new context where every request that is not ``file://`` is refused and recorded.

    Uncaught script errors are collected, and with ``console_errors`` also
    what the page logs as an error. ``options`` go to ``browser.new_context``.
    """
    context = browser.new_context(**options)
    local = LocalPage(page=None)

    def route(route: Any) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            local.outside.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    local.page = context.new_page()
    local.page.on("pageerror", lambda error: local.errors.append(str(error)))
    if console_errors:
        local.page.on("console", lambda message: local.errors.append(message.text) if message.type == "error"
                      else None)
    try:
        yield local
    finally:
        context.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base class's name)
        del format, args


@contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on a free port of 127.0.0.1 in a thread; yields its base URL (ending in ``/``)."""
    handler = lambda *args, **kwargs: _QuietHandler(*args, directory=str(directory), **kwargs)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
