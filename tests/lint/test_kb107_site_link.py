"""KB107 site-link: every internal href/src of a built site resolves, fragments included."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kbtool.cli import main
from kbtool.lint.site_index import parse_html
from lint.helpers import record
from site_helpers import make_site_root

RULES = ("KB107",)

INDEX = """\
<!doctype html>
<html><head><link rel="stylesheet" href="assets/site.css"><script src="assets/missing.js"></script></head>
<body id="top">
<a href="records/a.html#use-token">ok</a> <a href="records/a.html#use-tokne">typo</a>
<a href="records/">directory</a> <a href="#top">top</a> <a href="#nowhere">nowhere</a>
<a href="https://example.org/x.html">external</a> <a href="mailto:a@example.org">mail</a>
<img src="data:image/png;base64,AAAA"> <a href="../outside.html">outside</a>
<a
   class="x"
   href="recrods/a.html">split tag</a>
</body></html>
"""
RECORD = '<html><body><h2 id="use-token">Use</h2><a name="old-anchor"></a><a href="../index.html#top">home</a></body></html>'


def _site(root: Path) -> Path:
    site = root / "site"
    (site / "assets").mkdir(parents=True)
    (site / "records").mkdir()
    (site / "index.html").write_text(INDEX, encoding="utf-8")
    (site / "assets" / "site.css").write_text("body {}", encoding="utf-8")
    (site / "records" / "a.html").write_text(RECORD, encoding="utf-8")
    (site / "records" / "index.html").write_text(RECORD, encoding="utf-8")
    return site


def test_broken_files_and_fragments_are_reported_at_the_attribute(lint_kb, tmp_path: Path) -> None:
    site = _site(tmp_path / "out")
    run = lint_kb(record("alpha"), "--site", str(site), rules=RULES)
    shown = "out/site/index.html"
    assert run.lines == [
        f"{shown}:2:72: error KB107 `assets/missing.js` points to `assets/missing.js`, which is not in the site; "
        "did you mean `assets/site.css`?",
        f"{shown}:4:52: error KB107 `records/a.html#use-tokne`: `records/a.html` has no element with id `use-tokne`; "
        "did you mean `#use-token`?",
        f"{shown}:5:66: error KB107 `#nowhere`: `index.html` has no element with id `nowhere`",
        f"{shown}:7:49: error KB107 `../outside.html` leaves the site (it resolves outside out/site)",
        f"{shown}:10:10: error KB107 `recrods/a.html` points to `recrods/a.html`, which is not in the site; "
        "did you mean `records/a.html`?",
    ]
    assert run.code == 1


def test_without_site_nothing_is_checked(lint_kb, tmp_path: Path) -> None:
    _site(tmp_path / "out")
    assert lint_kb(record("alpha"), rules=RULES).lines == []


def test_a_missing_site_directory_is_a_usage_error(lint_kb, tmp_path: Path) -> None:
    run = lint_kb(record("alpha"), "--site", str(tmp_path / "nope"), usage=True)
    assert run.code == 2
    assert "--site" in run.err and "no such directory" in run.err


def test_ids_and_names_are_anchors() -> None:
    page = parse_html(RECORD)
    assert page.ids == {"use-token", "old-anchor"}
    assert [(link.url, link.line, link.column) for link in page.links] == [("../index.html#top", 1, 74)]


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real build (MkDocs + Material, two languages) of the render fixture records."""
    tmp = tmp_path_factory.mktemp("site")
    root = make_site_root(tmp / "kbroot")
    assert main(["--root", str(root), "build", "--out", str(tmp / "out"), "--lang", "en", "--lang", "fr"]) == 0
    return tmp / "out"


def test_a_real_build_has_no_broken_links(real_site: Path, lint_kb) -> None:
    run = lint_kb(record("alpha"), "--site", str(real_site), rules=RULES)
    assert run.lines == []


def test_a_link_broken_after_the_build_is_found(real_site: Path, lint_kb, tmp_path: Path) -> None:
    site = tmp_path / "copy"
    shutil.copytree(real_site, site)
    page = site / "fr" / "records.html"
    page.write_text(page.read_text(encoding="utf-8").replace('href="records/', 'href="record/', 1), encoding="utf-8")
    run = lint_kb(record("alpha"), "--site", str(site), rules=RULES)
    assert len(run.lines) == 1
    assert run.lines[0].startswith("copy/fr/records.html:")
    assert "which is not in the site; did you mean `fr/records/" in run.lines[0]
