"""``kb serve``: a real preview server on a copy of the knowledge base, edited while it runs.

One server per language for the whole module (starting one generates and builds the site). Each test edits
a different record, so the tests do not depend on each other's order. The server's stderr goes to a file the
tests read; the server is stopped with SIGTERM, as ``kb serve`` expects, and its process group is killed if it
does not stop.
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from browser_helpers import browser, require_browser  # noqa: F401 (a fixture)
from conftest import REPO, Result

from kbtool.cli import main
from kbtool.render import catalogs
from serve_helpers import KB, Server, free_port, start_server, stop, wait_until

#: What ``kb build`` reads at the knowledge-base root; ``pyproject.toml`` holds the lint settings.
KB_FILES = ("kb", "i18n", "mkdocs.yml", "overrides", "pyproject.toml")
#: Interface catalogs are read beside the tool's code, not from ``--root`` (see kbtool.render.catalogs), and
#: the tests must not edit the checkout's own. This runs the same ``kb`` entry point with the catalogs of a
#: copy, the way tests/test_ui_catalogs.py points ``UI_DIR`` at a copy in-process.
KB_WITH_UI_DIR = (
    "import sys; from pathlib import Path; from kbtool.render import catalogs; from kbtool.cli import main; "
    "catalogs.UI_DIR = Path(sys.argv[1]); sys.exit(main(sys.argv[2:]))"
)
#: Long enough for the one-second look, generating, MkDocs's rebuild and the browser's next poll.
UPDATE_SECONDS = 30.0
UPDATE_MS = int(UPDATE_SECONDS * 1000)


def copy_kb(root: Path) -> Path:
    root.mkdir()
    for name in KB_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy(source, root / name)
    return root


@pytest.fixture(scope="module")
def serve(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], Server]]:
    """Start ``kb serve --lang LANG`` on a fresh copy (once per language); every server is stopped at the end."""
    servers: dict[str, Server] = {}

    def start(lang: str) -> Server:
        if lang in servers:
            return servers[lang]
        root = copy_kb(tmp_path_factory.mktemp(f"serve-{lang}") / "kb-copy")
        port = free_port()
        arguments = ["--root", str(root), "serve", "--lang", lang, "--addr", f"127.0.0.1:{port}"]
        command = [str(KB), *arguments] if lang == "en" else \
            [sys.executable, "-c", KB_WITH_UI_DIR, str(root / "i18n" / "ui"), *arguments]
        server = start_server(command, root, port)
        servers[lang] = server
        return server

    try:
        yield start
    finally:
        for server in servers.values():
            stop(server.process)


def set_title(server: Server, record_id: str, title: str, broken: bool = False) -> Path:
    """Write the original record with a new title (JSON's string syntax is YAML's double-quoted one).

    ``broken`` adds a YAML syntax error at the end.
    """
    path = server.root / "kb" / "records" / f"{record_id}.yaml"
    original = (REPO / "kb" / "records" / path.name).read_text(encoding="utf-8")
    text, count = re.subn(r"^title: .*$", lambda _: f"title: {json.dumps(title)}", original, count=1,
                          flags=re.MULTILINE)
    assert count == 1, f"{path}: no title line"
    if broken:
        text += "tags: [unclosed\n"
    path.write_text(text, encoding="utf-8")
    return path


def heading(server: Server, record_id: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", server.get(f"records/{record_id}.html"), re.DOTALL)
    assert match, f"records/{record_id}.html has no heading"
    return re.sub(r"<a class=\"headerlink\".*?</a>", "", match.group(1)).strip()  # without the permalink


def open_page(browser: Any, server: Server, page: str) -> Any:
    tab = browser.new_page()
    tab.goto(f"{server.url}{page}")
    return tab


@pytest.mark.browser
def test_an_open_page_reloads_itself_when_its_record_changes(serve: Callable[[str], Server], browser: Any) -> None:
    sync_api = require_browser()
    server = serve("en")
    record_id = server.record(0)
    tab = open_page(browser, server, f"records/{record_id}.html")
    try:
        set_title(server, record_id, "Edited while the preview runs")
        # No navigation from here on: only MkDocs's live-reload script can bring the new title in.
        sync_api.expect(tab.locator("h1")).to_contain_text("Edited while the preview runs", timeout=UPDATE_MS)
    finally:
        tab.close()
    assert re.search(rf"kb serve: \d+ pages? regenerated \(kb/records/{record_id}\.yaml changed\)", server.stderr())


def test_a_broken_record_is_reported_and_the_last_good_page_stays_until_it_is_fixed(
        serve: Callable[[str], Server]) -> None:
    server = serve("en")
    record_id = server.record(1)
    before = heading(server, record_id)
    set_title(server, record_id, "Saved with a YAML error", broken=True)
    shown = f"kb/records/{record_id}.yaml"
    wait_until(lambda: re.search(rf"^{re.escape(shown)}:\d+:\d+: error KB005 ", server.stderr(), re.MULTILINE)
               is not None, UPDATE_SECONDS, "the YAML error is reported with its line and column", server)
    assert "keeping the last good pages" in server.stderr()
    assert heading(server, record_id) == before

    set_title(server, record_id, "Fixed and saved again")
    wait_until(lambda: heading(server, record_id) == "Fixed and saved again", UPDATE_SECONDS,
               "the fixed record reaches the page", server)
    assert re.search(rf"kb serve: fixed; \d+ pages? regenerated \({re.escape(shown)} changed\)", server.stderr())


@pytest.mark.browser
def test_japanese_preview_shows_translations_and_follows_their_edits(serve: Callable[[str], Server],
                                                                     browser: Any) -> None:
    sync_api = require_browser()
    server = serve("ja")
    record_id = server.record(2)
    translation = server.root / "i18n" / "ja" / f"{record_id}.yaml"
    data = yaml.safe_load(translation.read_text(encoding="utf-8"))
    title = data["fields"]["title"]["text"]
    tab = open_page(browser, server, f"records/{record_id}.html")
    try:
        sync_api.expect(tab.locator("h1")).to_contain_text(title)  # the translation, as `kb build` shows it
        data["fields"]["title"]["text"] = f"{title}（編集済み）"
        translation.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        sync_api.expect(tab.locator("h1")).to_contain_text(f"{title}（編集済み）", timeout=UPDATE_MS)
    finally:
        tab.close()
    assert f"(i18n/ja/{record_id}.yaml changed)" in server.stderr()


def test_japanese_preview_rereads_the_interface_catalog(serve: Callable[[str], Server]) -> None:
    server = serve("ja")
    record_id = server.record(3)
    catalog = catalogs.po_file("ja", server.root / "i18n" / "ui")
    page = f"records/{record_id}.html"
    assert ">症状<" in server.get(page)
    good = catalog.read_text(encoding="utf-8")
    edited = good.replace('msgid "Symptoms"\nmsgstr "症状"\n',
                          'msgid "Symptoms"\nmsgstr "症状（編集済み）"\n')
    assert edited != good, f"{catalog}: the Japanese of Symptoms is not 症状 any more; update this test"

    catalog.write_text(edited.replace('msgid "Symptoms"', 'msgid Symptoms'), encoding="utf-8")
    wait_until(lambda: "i18n/ui/ja/LC_MESSAGES/messages.po:" in server.stderr(), UPDATE_SECONDS,
               "the broken catalog is reported with its line", server)
    assert re.search(r"^i18n/ui/ja/LC_MESSAGES/messages\.po:\d+: invalid PO file", server.stderr(), re.MULTILINE)
    assert ">症状<" in server.get(page)

    catalog.write_text(edited, encoding="utf-8")
    wait_until(lambda: ">症状（編集済み）<" in server.get(page), UPDATE_SECONDS,
               "the catalog's new text reaches the page", server)


def test_help_says_what_is_watched(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["serve", "--help"])
    assert exit_info.value.code == 0
    shown = capsys.readouterr().out
    for watched in ("kb/**/*.yaml", "i18n/<lang>/*.yaml", "i18n/ui/<lang>/LC_MESSAGES/messages.po"):
        assert watched in shown


def test_a_knowledge_base_broken_at_start_is_reported_and_nothing_is_served(
        tmp_path: Path, kb: Callable[..., Result], monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_kb(tmp_path / "kb-copy")
    record = sorted((root / "kb" / "records").glob("*.yaml"))[0]
    record.write_text(record.read_text(encoding="utf-8") + "tags: [unclosed\n", encoding="utf-8")
    monkeypatch.chdir(root)
    result = kb("serve", "--addr", f"127.0.0.1:{free_port()}")
    assert result.code == 1
    assert re.search(rf"^kb/records/{record.stem}\.yaml:\d+:\d+: error KB005 ", result.err, re.MULTILINE)
    assert "previewing" not in result.err


def test_an_address_in_use_is_a_usage_error(kb: Callable[..., Result]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        addr = f"127.0.0.1:{taken.getsockname()[1]}"
        result = kb("--root", str(REPO), "serve", "--addr", addr)
    assert result.code == 2
    assert f"--addr {addr}: cannot serve there" in result.err
