"""Record ids, links and snippet paths that try to leave the tree: ``../``, absolute, Windows drive and UNC paths.

An id names a file (``kb/records/<id>.yaml``, ``i18n/<lang>/<id>.yaml``) and
a page, so it must be a slug: anything else is refused before a path is
made from it. A file snippet's ``file`` is where the *reader* puts the
snippet on their machine (``~/.openclaw/openclaw.json``); the tool never
opens it, so any path is shown as text and nothing outside the tree is read
or written. (Catalog entries naming records outside the tree are in
``test_catalogs.py``.)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, Result
from site_helpers import add_site_config, make_site_kb

from hostile.conftest import snapshot

def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


ESCAPES = ["../x", "../../outside", "/tmp/outside", "C:\\Windows\\outside", "C:outside", "\\\\server\\share\\x",
           "x/../../outside", "..", ".", "x\0y", "records/x", "x.yaml"]
GOOD = (FIXTURES / "validate" / "good" / "minimal-record.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("record_id", ESCAPES)
def test_kb_new_refuses_an_id_that_is_a_path(record_id: str, make_kb: Callable[..., Path],
                                             kb: Callable[..., Result]) -> None:
    root = make_kb({})
    before, beside = snapshot(root), _names(root.parent)
    result = kb("new", "--id", record_id, "--title", "gateway closed (1008)", "--product", "openclaw")
    assert "Traceback" not in result.err
    assert result.code == 2
    assert re.search(r"^kb: error: --id: .*(is not a record id|empty)", result.err, re.MULTILINE), result.err
    assert "nothing was written" in result.err
    assert (snapshot(root), _names(root.parent)) == (before, beside)


@pytest.mark.parametrize("record_id", [e for e in ESCAPES if "\0" not in e])
def test_a_record_id_that_is_a_path_is_refused_with_its_position(record_id: str, make_kb: Callable[..., Path],
                                                                 kb: Callable[..., Result]) -> None:
    text = GOOD.replace("id: minimal-record", f"id: {yaml.safe_dump(record_id).splitlines()[0]}")
    root = make_kb({"minimal-record.yaml": text})
    before = snapshot(root)
    result = kb("validate")
    assert result.code == 1 and "Traceback" not in result.err
    assert re.search(r"^kb/records/minimal-record\.yaml:2:5: error KB0\d\d `id`", result.out, re.MULTILINE), result.out
    assert snapshot(root) == before


@pytest.mark.parametrize("field, value, rule", [
    ("record", "../../outside", "KB022"),
    ("record", "C:\\outside", "KB022"),
    ("lang", "../..", "KB022"),
])
def test_a_translation_naming_a_path_is_refused(field: str, value: str, rule: str, make_kb: Callable[..., Path],
                                                kb: Callable[..., Result]) -> None:
    root = make_kb({"minimal-record.yaml": GOOD})
    (root / "i18n" / "ja").mkdir(parents=True)
    values = {"record": "minimal-record", "lang": "ja", field: value}
    (root / "i18n" / "ja" / "minimal-record.yaml").write_text(
        yaml.safe_dump({**values, "fields": {}}, sort_keys=False), encoding="utf-8")
    before, beside = snapshot(root), _names(root.parent)
    result = kb("i18n", "status")
    assert result.code == 2 and "Traceback" not in result.err
    assert re.search(rf"^i18n/ja/minimal-record\.yaml:\d+:\d+: error KB0\d\d `{field}`", result.err,
                     re.MULTILINE), result.err
    assert (snapshot(root), _names(root.parent)) == (before, beside)


@pytest.mark.parametrize("link", ["kb:../../outside", "kb:..", "../../outside.md", "/etc/passwd",
                                  "C:\\Windows\\win.ini", "file:///etc/passwd", "\\\\server\\share\\x"])
def test_a_link_that_leaves_the_tree_is_refused(link: str, make_kb: Callable[..., Path],
                                                kb: Callable[..., Result]) -> None:
    root = make_kb({"minimal-record.yaml": GOOD.replace("summary: The smallest",
                                                        f"summary: See [there](<{link}>). The smallest")})
    add_site_config(root)
    result = kb("build", "--lang", "en", "--out", "out")
    assert result.code == 1 and "Traceback" not in result.err
    assert "kb/records/minimal-record.yaml: summary: link `" in result.err  # backslashes come percent-encoded
    assert not (root / "out").exists()


SNIPPET_PATHS = ["../../secret.txt", "../secret.txt", "/etc/passwd", "C:\\Windows\\System32\\drivers\\etc\\hosts",
                 "\\\\server\\share\\openclaw.json", "~/../../secret.txt"]


def test_snippet_paths_are_shown_never_opened(make_kb: Callable[..., Path], kb: Callable[..., Result]) -> None:
    root = make_site_kb(make_kb, names=("related-record",))
    (root / "secret.txt").write_text("SECRET-CONTENT\n", encoding="utf-8")
    record = root / "kb" / "records" / "related-record.yaml"
    data = yaml.safe_load(record.read_text(encoding="utf-8"))
    data["solutions"][0]["steps"] = [{"file": path, "format": "json", "code": "{}\n"} for path in SNIPPET_PATHS]
    record.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    before, beside = snapshot(root), _names(root.parent)
    result = kb("build", "--lang", "en", "--out", "out")
    assert result.code == 0, result.err
    page = (root / "out" / "records" / "related-record.html").read_text(encoding="utf-8")
    assert "SECRET-CONTENT" not in page and "root:x:0:0" not in page
    for path in SNIPPET_PATHS:
        assert path in page, path
    after = {name: digest for name, digest in snapshot(root).items() if not name.startswith("out/")}
    assert (after, _names(root.parent)) == (before, beside)
