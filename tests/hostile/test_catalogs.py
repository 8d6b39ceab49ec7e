"""Hostile PO catalogs: the interface catalogs the build compiles, and the input of ``kb i18n import-po``.

Broken syntax, a plural form that does not fit its msgid, and a translation
that injects HTML or a link each stop with the file and line, exit non-zero,
print no traceback and write nothing. ``tests/test_ui_catalogs.py`` already
checks ``load_catalog`` on unquoted and duplicate entries, placeholders and
non-UTF-8, and one broken catalog through ``kb build``; this module runs the
new cases through the commands.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import FIXTURES, Result
from kbtool.render import catalogs
from site_helpers import make_site_kb

from hostile.conftest import snapshot

#: (old text of the French catalog, hostile replacement, what the error says). Each old text occurs once.
UI_CASES = {
    "unterminated-string": ('msgstr "Vérifier"', 'msgstr "Vérifier', "not PO syntax"),
    "msgstr-index-on-a-singular": ('msgstr "Vérifier"', 'msgstr[0] "Vérifier"', "has no msgid_plural"),
    "plural-without-indexes": ('msgid "Verify"\nmsgstr "Vérifier"',
                               'msgid "Verify"\nmsgid_plural "Verifies"\nmsgstr "Vérifier"', "has a plural form"),
    "more-forms-than-the-language-has": ('msgid "Verify"\nmsgstr "Vérifier"',
                                         'msgid "Verify"\nmsgid_plural "Verifies"\nmsgstr[0] "V"\nmsgstr[1] "V"\n'
                                         'msgstr[2] "V"', "more translations than num_plurals"),
    "plural-forms-header-is-code": ('"Plural-Forms: nplurals=2; plural=(n > 1);\\n"',
                                    '"Plural-Forms: nplurals=x; plural=__import__(\'os\').system(\'touch PWNED\');\\n"',
                                    "invalid PO file"),
    "script-in-a-heading": ('msgstr "Vérifier"', 'msgstr "<script>window.pwned=1</script>"',
                            "contains `<`, which the English text does not"),
    "javascript-link-in-a-label": ('msgstr "Mettez ceci dans {file} :"',
                                   'msgstr "Mettez ceci dans {file} : [ici](javascript:window.pwned=1)"',
                                   "contains `[` `]`, which the English text does not"),
    "image-with-onerror": ('msgstr "Pas encore traduit"', 'msgstr "<img src=x onerror=window.pwned=1>"',
                           "contains `<`"),
    "language-header-leaving-the-tree": ('"Language: fr\\n"', '"Language: ../../x\\n"',
                                         "the Language header `../../x` is not a language code"),
}


@pytest.fixture
def fresh_translations() -> Iterator[None]:
    """Compiled catalogs are cached per process: start and end the test without them."""
    catalogs.translations.cache_clear()
    yield
    catalogs.translations.cache_clear()


def _hostile_ui(root: Path, old: str, new: str) -> tuple[Path, int]:
    """A copy of the interface catalogs in ``root/i18n/ui`` with the French one changed; its line."""
    ui = root / "i18n" / "ui"
    shutil.copytree(catalogs.UI_DIR, ui)
    po = catalogs.po_file("fr", ui)
    text = po.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    po.write_text(text.replace(old, new), encoding="utf-8")
    return po, text[: text.index(old)].count("\n") + 1


@pytest.mark.parametrize("case", UI_CASES, ids=list(UI_CASES))
def test_a_hostile_interface_catalog_stops_the_build(case: str, make_kb: Callable[..., Path], kb: Callable[..., Result],
                                                     monkeypatch: pytest.MonkeyPatch, fresh_translations: None) -> None:
    old, new, error = UI_CASES[case]
    root = make_site_kb(make_kb)
    po, line = _hostile_ui(root, old, new)
    monkeypatch.setattr(catalogs, "UI_DIR", po.parents[2])
    (root / "out").mkdir()
    (root / "out" / ".kb-site").write_text("previous\n", encoding="utf-8")
    before = snapshot(root)
    result = kb("build", "--lang", "fr", "--out", "out")
    assert "Traceback" not in result.err
    assert result.code == 1
    found = re.search(r"^(?:kb: error: )?i18n/ui/fr/LC_MESSAGES/messages\.po:(\d+): (.*)$", result.err, re.MULTILINE)
    assert found is not None, result.err
    assert error in found.group(2)
    assert abs(int(found.group(1)) - line) <= 3 or "Plural-Forms" in old  # Babel names the header's last line
    assert snapshot(root) == before
    assert not (root / "PWNED").exists()


@pytest.mark.parametrize("case", [c for c in UI_CASES if "script" not in c and "link" not in c and "image" not in c])
def test_kb_i18n_status_names_a_broken_interface_catalog(case: str, make_kb: Callable[..., Path],
                                                         kb: Callable[..., Result]) -> None:
    old, new, error = UI_CASES[case]
    root = make_site_kb(make_kb)
    _hostile_ui(root, old, new)
    before = snapshot(root)
    result = kb("i18n", "status", "--lang", "fr")
    assert "Traceback" not in result.err
    assert result.code == 2
    assert re.search(r"i18n/ui/fr/LC_MESSAGES/messages\.po:\d+: invalid PO file", result.err), result.err
    assert error in result.err
    assert snapshot(root) == before


# The input of `kb i18n import-po`


def _exported(root: Path, kb: Callable[..., Result]) -> str:
    result = kb("i18n", "export-po", "fr", "-o", "fr.po")
    assert result.code == 0, result.err
    return (root / "fr.po").read_text(encoding="utf-8")


def _translated(po: str, text: str, field: str = "title") -> str:
    """``po`` with the translation of the record's ``field`` set to ``text``."""
    head, sep, tail = po.partition(f'msgctxt "minimal-record:{field}"')
    return head + sep + tail.replace('msgstr ""', f'msgstr "{text}"', 1)


@pytest.fixture
def po_kb(make_kb: Callable[..., Path], kb: Callable[..., Result]) -> tuple[Path, str]:
    root = make_kb({"minimal-record.yaml": (FIXTURES / "validate" / "good" / "minimal-record.yaml").read_bytes()})
    return root, _exported(root, kb)


@pytest.mark.parametrize(("name", "change", "error"), [
    ("unterminated", lambda po: _translated(po, "Non autorisé").replace('"Non autorisé"', '"Non autorisé'),
     re.compile(r"^kb: error: hostile\.po:\d+: invalid PO file: not PO syntax", re.MULTILINE)),
    ("not-utf8", lambda po: _translated(po, "Non autorisé").replace("Non autorisé", "Non autoris\udce9"),
     re.compile(r"^kb: error: hostile\.po:\d+: not valid UTF-8 text", re.MULTILINE)),
    ("plural-for-a-record-field", lambda po: _translated(po, "x").replace(
        'msgstr "x"', 'msgid_plural "tokens missing"\nmsgstr[0] "x"\nmsgstr[1] "y"'),
     re.compile(r"^hostile\.po:\d+: plural messages are not used for records; message skipped$", re.MULTILINE)),
    ("singular-with-msgstr-index", lambda po: _translated(po, "x").replace('msgstr "x"', 'msgstr[0] "x"'),
     re.compile(r"^kb: error: hostile\.po:\d+: invalid PO file: msgid .* has no msgid_plural", re.MULTILINE)),
    ("record-id-leaving-the-tree", lambda po: _translated(po, "x").replace(
        "minimal-record:title", "../../../outside:title"),
     re.compile(r"^hostile\.po:\d+: no record `\.\./\.\./\.\./outside`; message skipped$", re.MULTILINE)),
    ("language-not-translated", lambda po: _translated(po, "x").replace("Language: fr", "Language: de"),
     re.compile(r"^kb: error: hostile\.po:\d+: the catalog's Language header `de` is not one of the languages "
                r"records are translated into \(ja, fr, zh\); fix the header$", re.MULTILINE)),
    ("language-is-the-source", lambda po: _translated(po, "x").replace("Language: fr", "Language: en"),
     re.compile(r"^kb: error: hostile\.po:\d+: the catalog's Language header `en` is not one of the languages "
                r"records are translated into \(ja, fr, zh\)", re.MULTILINE)),
    ("language-leaving-the-tree", lambda po: _translated(po, "x").replace("Language: fr", "Language: ../../x"),
     re.compile(r"^kb: error: hostile\.po:\d+: the catalog's Language header `\.\./\.\./x` is not one of the "
                r"languages records are translated into \(ja, fr, zh\); fix the header$", re.MULTILINE)),
    ("language-unknown-to-babel", lambda po: _translated(po, "x").replace("Language: fr", "Language: zz"),
     re.compile(r"^kb: error: hostile\.po:\d+: the catalog's Language header `zz` is not one of the languages ",
                re.MULTILINE)),
])
def test_import_po_refuses_a_hostile_catalog_and_writes_nothing(name: str, change: Callable[[str], str],
                                                                error: re.Pattern[str], po_kb: tuple[Path, str],
                                                                kb: Callable[..., Result]) -> None:
    root, po = po_kb
    (root / "hostile.po").write_bytes(change(po).encode("utf-8", "surrogateescape"))
    before = snapshot(root)
    result = kb("i18n", "import-po", "hostile.po")
    assert "Traceback" not in result.err
    assert result.code in (1, 2)
    assert error.search(result.err), result.err
    assert snapshot(root) == before
    assert not (root / "i18n").exists() and not (root.parent / "outside.yaml").exists()


@pytest.mark.parametrize("lang_option", [(), ("--lang", "fr")], ids=["from-the-header", "with---lang"])
def test_import_po_names_a_language_header_leaving_the_tree(lang_option: tuple[str, ...], po_kb: tuple[Path, str],
                                                            kb: Callable[..., Result]) -> None:
    """The header's own line, and the languages that would be accepted (Babel alone blamed the first message)."""
    root, po = po_kb
    hostile = po.replace("Language: fr", "Language: ../../x")
    (root / "hostile.po").write_text(hostile, encoding="utf-8")
    line = hostile[: hostile.index('"Language: ')].count("\n") + 1
    before = snapshot(root)
    result = kb("i18n", "import-po", "hostile.po", *lang_option)
    assert result.code == 2
    assert result.out == ""
    assert result.err == (
        f"kb: error: hostile.po:{line}: the catalog's Language header `../../x` is not one of the languages "
        "records are translated into (ja, fr, zh); fix the header\n" if not lang_option else
        f"kb: error: hostile.po:{line}: the catalog's Language header is `../../x`, not `fr`; "
        "fix whichever of the two is wrong\n")
    assert snapshot(root) == before


@pytest.mark.parametrize("html", ['<img src=\\"x\\" onerror=\\"window.pwned=1\\">', "<img src=x onerror=window.pwned=1>"],
                         ids=["quoted-attributes", "unquoted-attributes"])
def test_html_imported_from_a_catalog_is_reported_by_lint(html: str, po_kb: tuple[Path, str],
                                                          kb: Callable[..., Result]) -> None:
    """The translator's text is imported as written (it is their file), then KB505 names it
    (test_markup.py shows the site escapes such text). CommonMark reads the unquoted one as text, a browser
    as a tag: KB505 reports both."""
    root, po = po_kb
    (root / "hostile.po").write_text(_translated(po, f"Texte {html}", "summary"), encoding="utf-8")
    assert kb("i18n", "import-po", "hostile.po").code == 0
    shutil.copytree(Path(catalogs.REPO) / "kb" / "cli", root / "kb" / "cli")
    result = kb("lint", "--format", "text")
    assert result.code == 1
    assert re.search(r"^i18n/fr/minimal-record\.yaml:\d+:\d+: error KB505 ", result.out, re.MULTILINE), result.out
