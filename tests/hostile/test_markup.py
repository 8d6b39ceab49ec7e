"""HTML, script and hidden markup in every text field of a record and its translation: the page shows text.

Payloads go into every prose and code field of a rich record (and every field
of its Japanese translation): script tags, event-handler attributes, a tag
split around another (``<scr<script>ipt>``), HTML entities, autolinks and
attribute lists. The built pages must contain no element or attribute that
runs them, and a real browser (Debian Chromium) must load every record page
without any payload running: ``window.pwned`` stays undefined and no dialog
opens. Links to ``javascript:`` and ``data:`` are refused before anything is
built (``kb lint`` KB108 with the position, ``kb build`` with the field), and
so are images and headings, in a record or its translation (KB109).

Already covered: ``tests/test_render_markdown.py`` (each escape, as pure
rendering) and ``tests/test_build.py`` (a script in a title and a summary).
"""

from __future__ import annotations

import html.parser
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from browser_helpers import browser, serve_directory  # noqa: F401 (a fixture)
from conftest import REPO, Result
from kbtool.cli import main
from render_helpers import RENDER_FIXTURES
from site_helpers import make_site_root

from hostile.conftest import snapshot

PAYLOADS = [
    "<script>window.pwned=1;alert(1)</script>",
    '<img src="x" onerror="window.pwned=2;alert(2)">',
    "<scr<script>ipt>window.pwned=3</script>",
    "&lt;script&gt;window.pwned=4&lt;/script&gt; &#60;script&#62;",
    "<svg onload=window.pwned=5>",
    '<a href="javascript:window.pwned=6">x</a>',
    '{: onclick="window.pwned=8" } {#x onmouseover=window.pwned=9}',
    "<iframe srcdoc='<script>parent.pwned=10</script>'></iframe>",
    "</code></pre><script>window.pwned=11</script>",
    "<!-- --><style>*{display:none}</style>",
]
#: Record fields shown as text on the page (prose and code). Ids, URLs, dates and versions are checked by the schema.
TEXT_KEYS = {"title", "summary", "text", "when", "note", "claim", "fact", "subject", "run", "code", "output", "file"}


def _poisoned(value: Any, counter: list[int], key: str | None = None) -> Any:
    """``value`` with a payload appended to every text field (a different one each time)."""
    if isinstance(value, dict):
        return {k: _poisoned(v, counter, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_poisoned(v, counter, key) for v in value]
    if isinstance(value, str) and key in TEXT_KEYS | {"symptoms", "verified", "unverified"}:
        counter[0] += 1
        return f"{value} {PAYLOADS[counter[0] % len(PAYLOADS)]}"
    return value


def _hostile_kb(root: Path) -> Path:
    make_site_root(root)
    record = root / "kb" / "records" / "golden-record.yaml"
    data = _poisoned(yaml.safe_load(record.read_text(encoding="utf-8")), [0])
    data["signatures"].append({"text": "token <script>window.pwned=12</script>",
                               "examples": ["error: token <script>window.pwned=12</script>"]})
    record.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    assert main(["--root", str(root), "i18n", "stub", "ja", "golden-record"]) == 0
    translation = root / "i18n" / "ja" / "golden-record.yaml"
    tdata = yaml.safe_load(translation.read_text(encoding="utf-8"))
    for number, field in enumerate(tdata["fields"].values()):
        field["text"] = f"翻訳 {PAYLOADS[number % len(PAYLOADS)]}"
    translation.write_text(yaml.safe_dump(tdata, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile-markup")
    root = _hostile_kb(tmp / "kb")
    assert main(["--root", str(root), "build", "--lang", "en", "--lang", "ja", "--out", str(tmp / "site")]) == 0
    return tmp / "site"


class _Active(html.parser.HTMLParser):
    """What in a page can run: script contents, event-handler attributes, script URLs, srcdoc."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_script = tag == "script"
        for name, value in attrs:
            value = (value or "").strip().lower()
            injected = name.startswith("on") and ("pwned" in value or "alert" in value)  # not the site's own
            if injected or name == "srcdoc" or value.startswith(("javascript:", "data:text/html")):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag in ("iframe", "svg", "style") and "pwned" in self.get_starttag_text().lower():
            self.found.append(self.get_starttag_text())

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and "pwned" in data:
            self.found.append(f"<script>{data[:80]}")


def _record_pages(site: Path) -> list[Path]:
    return [site / "records" / "golden-record.html", site / "ja" / "records" / "golden-record.html"]


def test_no_payload_becomes_markup_in_the_built_pages(hostile_site: Path) -> None:
    for page in sorted(hostile_site.rglob("*.html")):
        parser = _Active()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.found == [], page


def test_the_payloads_are_shown_as_text(hostile_site: Path) -> None:
    for page in _record_pages(hostile_site):
        text = page.read_text(encoding="utf-8")
        assert "&lt;script&gt;window.pwned=1" in text
        assert re.search(r"&lt;img src=(&quot;|\")x(&quot;|\") onerror=", text)
        assert "&lt;scr&lt;script&gt;ipt&gt;" in text
        assert "window.pwned=12" in text  # the signature, in a code block


@pytest.mark.parametrize("link", [
    "[a](javascript:window.pwned=1)", "[a](JaVaScRiPt:window.pwned=1)", "[a](data:text/html;base64,PHNjcmlwdD4=)",
    "<javascript:window.pwned=1>", "<data:text/html,x>", "[a][r]\n\n[r]: javascript:window.pwned=1",
    "[a](vbscript:x)", "[a](file:///etc/passwd)",
])
def test_script_and_data_links_are_refused_with_their_position(link: str, make_kb: Callable[..., Path],
                                                               kb: Callable[..., Result]) -> None:
    root = make_kb({"related-record.yaml": (RENDER_FIXTURES / "related-record.yaml").read_text(encoding="utf-8")})
    shutil.copytree(REPO / "kb" / "cli", root / "kb" / "cli")
    (root / "mkdocs.yml").write_bytes((REPO / "mkdocs.yml").read_bytes())
    record = root / "kb" / "records" / "related-record.yaml"
    data = yaml.safe_load(record.read_text(encoding="utf-8"))
    data["summary"] = f"Text {link}"
    record.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    before = snapshot(root)
    lint = kb("lint")
    assert lint.code == 1 and "Traceback" not in lint.err
    assert re.search(r"^kb/records/related-record\.yaml:\d+:\d+: error KB108 link `[^`]+` is not allowed: `"
                     r"(javascript|data|vbscript|file):` links are unsafe", lint.out, re.MULTILINE), lint.out
    build = kb("build", "--lang", "en", "--out", "out")
    assert build.code == 1 and "Traceback" not in build.err
    assert "kb/records/related-record.yaml: summary: link `" in build.err and "is refused" in build.err
    assert snapshot(root) == before


@pytest.mark.parametrize("where", ["record", "ja-translation"])
@pytest.mark.parametrize(("markdown", "explanation"), [
    ("![x](https://example.org/track.png?u=1)", "an image (images would load from another host"),
    ("## Injected heading", "a heading (use a paragraph; the page makes the headings)"),
])
def test_images_and_headings_are_refused_by_lint_as_by_the_build(where: str, markdown: str, explanation: str,
                                                                 make_kb: Callable[..., Path],
                                                                 kb: Callable[..., Result]) -> None:
    root = make_kb({"related-record.yaml": (RENDER_FIXTURES / "related-record.yaml").read_text(encoding="utf-8")})
    shutil.copytree(REPO / "kb" / "cli", root / "kb" / "cli")
    (root / "mkdocs.yml").write_bytes((REPO / "mkdocs.yml").read_bytes())
    text = f"Text.\n\n{markdown}\n"
    if where == "record":
        path = root / "kb" / "records" / "related-record.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["summary"] = text
    else:
        assert kb("i18n", "stub", "ja", "related-record").code == 0
        path = root / "i18n" / "ja" / "related-record.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["fields"]["summary"]["text"] = text
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    shown = path.relative_to(root).as_posix()
    line = next(n for n, written in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if markdown in written)
    before = snapshot(root)
    lint = kb("lint")
    assert lint.code == 1 and "Traceback" not in lint.err
    assert re.search(rf"^{re.escape(shown)}:{line}:\d+: error KB109 (`summary`: )?{re.escape(explanation)}",
                     lint.out, re.MULTILINE), lint.out
    build = kb("build", "--lang", "en", "--lang", "ja", "--out", "out")
    assert build.code == 1 and "Traceback" not in build.err
    assert "related-record.yaml: summary: " in build.err and explanation in build.err, build.err
    assert snapshot(root) == before


# In a browser


@pytest.fixture(scope="module")
def base_url(hostile_site: Path) -> Iterator[str]:
    with serve_directory(hostile_site) as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("page_path", ["records/golden-record.html", "ja/records/golden-record.html",
                                       "match.html", "ja/match.html"])
def test_no_injected_script_runs_in_a_browser(browser: Any, base_url: str, page_path: str) -> None:  # noqa: F811
    context = browser.new_context()
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base_url)
                  else route.abort())
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(base_url + page_path, wait_until="load")
        if "match" in page_path:  # the paste page shows the matching record's title and line
            page.fill("textarea", "error: token <script>window.pwned=12</script>\n" + "\n".join(PAYLOADS))
            page.wait_for_timeout(500)
        else:
            # Event handlers an attribute list or a tag could have added: hover and focus everything.
            page.evaluate("""() => document.querySelectorAll('body *').forEach(e => {
                e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); e.dispatchEvent(new FocusEvent('focus'));
            })""")
        page.wait_for_timeout(300)
        assert page.evaluate("typeof window.pwned") == "undefined"
        assert dialogs == []
    finally:
        context.close()
