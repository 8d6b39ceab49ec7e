"""The interface catalogs in i18n/ui: up to date with the code, complete, well-formed, and read strictly."""

from __future__ import annotations

import gettext
import io
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract

from kbtool.cli import main
from kbtool.errors import BuildError
from kbtool.render import catalogs, ui_text
from kbtool.render.languages import LANGUAGES, SOURCE_LANGUAGE
from kbtool.render.site import generate

from render_helpers import fixture_site
from site_helpers import make_site_kb

TRANSLATED = [language for language in LANGUAGES if language.code != SOURCE_LANGUAGE]
CODES = [language.code for language in TRANSLATED]


def entries(catalog: Catalog) -> dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]]:
    """What extraction decides about each msgid: its flags, source files and translator comments."""
    return {m.id: (tuple(sorted(m.flags - {"fuzzy"})), tuple(sorted({f for f, _ in m.locations})),
                   tuple(m.auto_comments))
            for m in catalog if m.id and isinstance(m.id, str)}


@pytest.fixture(scope="module")
def template() -> Catalog:
    return catalogs.read_catalog(catalogs.UI_DIR / f"{catalogs.DOMAIN}.pot")


@pytest.fixture
def fresh_translations() -> Iterator[None]:
    """Compiled catalogs are cached per process: start and end the test without them."""
    catalogs.translations.cache_clear()
    yield
    catalogs.translations.cache_clear()


# The committed catalogs


def test_the_template_is_up_to_date_with_the_code(template: Catalog) -> None:
    """Compared as messages, not bytes: Babel's version is in the header and may wrap lines differently."""
    assert entries(template) == entries(catalogs.extract_template()), "run `make ui-pot` and commit the result"


@pytest.mark.parametrize("lang", CODES)
def test_each_catalog_has_the_template_strings_and_correct_headers(lang: str, template: Catalog) -> None:
    catalog = catalogs.load_catalog(catalogs.po_file(lang))
    assert entries(catalog) == entries(template), "run `make ui-pot` and commit the result"
    language = next(language for language in TRANSLATED if language.code == lang)
    locale = Locale.parse(language.hreflang, sep="-")
    headers = dict(catalog.mime_headers)
    assert headers["Language"] == str(locale)
    assert headers["Plural-Forms"] == Catalog(locale=locale).plural_forms  # Babel's CLDR plural rules
    assert headers["Content-Type"] == "text/plain; charset=utf-8"


@pytest.mark.parametrize("lang", CODES)
def test_every_string_is_translated(lang: str, template: Catalog) -> None:
    catalog = catalogs.load_catalog(catalogs.po_file(lang))
    missing = [msgid for msgid in entries(template)
               if (m := catalog.get(msgid)) is None or not m.string or m.fuzzy]
    assert missing == [], f"{catalogs.po_file(lang)}: translate these (fuzzy or empty ones show in English)"


@pytest.mark.parametrize("lang", CODES)
def test_placeholders_agree_between_english_and_translation(lang: str) -> None:
    catalog = catalogs.read_catalog(catalogs.po_file(lang))
    assert catalogs.placeholder_problems(catalog) == []
    for message in catalog:
        if message.id and message.string and not message.fuzzy:  # fuzzy translations are not used
            assert catalogs.placeholders(message.string) == catalogs.placeholders(message.id), message.id


def test_msgids_with_placeholders_are_flagged_python_brace_format(template: Catalog) -> None:
    for message in template:
        if message.id:
            assert ("python-brace-format" in message.flags) == bool(catalogs.placeholders(message.id)), message.id


def test_gettext_msgfmt_accepts_every_catalog_without_a_warning() -> None:
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        if os.environ.get("CI"):
            pytest.fail("msgfmt is missing: .ci/run installs Debian's gettext package")
        pytest.skip("msgfmt is missing (Debian: apt-get install gettext)")
    for lang in CODES:
        done = subprocess.run([msgfmt, "--check", "-o", os.devnull, str(catalogs.po_file(lang))],
                              capture_output=True, text=True, check=False)
        assert (done.returncode, done.stderr) == (0, ""), lang


def test_every_string_the_pages_use_is_in_the_template(make_kb: Callable[..., Path], template: Catalog) -> None:
    """A msgid reaching t() at run time but not marked (a variable without N_) would never be translated."""
    used: set[str] = set()

    class Recorder(gettext.NullTranslations):
        def gettext(self, message: str) -> str:
            used.add(message)
            return message

    site = fixture_site(make_kb)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ui_text, "translations", lambda lang: Recorder())
        assert generate(site, [language.code for language in LANGUAGES]).problems == []
    assert used, "the recorder saw no interface string"
    assert sorted(used - set(entries(template))) == []


# Reading at build time


def test_t_translates_fills_placeholders_and_falls_back_to_english() -> None:
    assert ui_text.t("en", "Symptoms") == "Symptoms"
    assert ui_text.t("ja", "Symptoms") == "症状"
    assert ui_text.t("fr", "Checked on {date}.", date="21 novembre 2026") == "Vérifié le 21 novembre 2026."
    assert ui_text.t("zh", "No such string {x}", x=1) == "No such string 1"
    assert ui_text.t("ja", "") == ""  # not gettext's header entry
    assert ui_text.label("fr", "Applies to") == "S’applique à\u00a0: "


def broken_copy(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    """The French catalog with ``old`` replaced by ``new``, and the line where that happened."""
    text = catalogs.po_file("fr").read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / "messages.po"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path, text[: text.index(old)].count("\n") + 1


@pytest.mark.parametrize(("old", "new", "error"), [
    ('msgstr "Vérifier"', 'msgstrr "Vérifier"', "invalid PO file: not PO syntax (a keyword and a quoted string "
                                                 'expected): msgstrr "Vérifier"'),
    ('msgstr "Vérifier"', "msgstr Vérifier", "invalid PO file: not PO syntax (a keyword and a quoted string "
                                               "expected): msgstr Vérifier"),
    ('msgstr "Vérifier"\n', "", "invalid PO file: missing msgstr for msgid 'Verify'"),
    ('msgid "Verify"\nmsgstr "Vérifier"\n', 'msgid "Verify"\nmsgstr "Vérifier"\n\nmsgid "Verify"\nmsgstr "X"\n',
     'invalid PO file: msgid "Verify" is defined twice (first on line'),
    ('msgstr "Vérifié le {date}."', 'msgstr "Vérifié le {jour}."',
     "the translation of 'Checked on {date}.' has the placeholders {jour} but the English text has {date}"),
    ('msgstr "Vérifié le {date}."', 'msgstr "Vérifié le {date."',
     "the translation of 'Checked on {date}.' has an unmatched brace; write {{ or }} for a literal one"),
    ('msgstr "Vérifié le {date}."', 'msgstr "Vérifié."',
     "the translation of 'Checked on {date}.' has the placeholders none but the English text has {date}"),
])
def test_a_broken_catalog_is_refused_with_its_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            old: str, new: str, error: str) -> None:
    path, line = broken_copy(tmp_path, old, new)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BuildError) as raised:
        catalogs.load_catalog(path)
    problem = next(text for text in str(raised.value).splitlines() if text.startswith("messages.po:"))
    number, _, message = problem.removeprefix("messages.po:").partition(": ")
    assert message.startswith(error)
    # The entry's msgid or msgstr line, or the line of the second definition just after it.
    assert int(number) in (line - 1, line, line + 2, line + 3)


def test_a_catalog_that_is_not_utf8_is_refused_with_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, line = broken_copy(tmp_path, 'msgstr "Vérifier"', 'msgstr "Vérifier"')
    path.write_bytes(path.read_bytes().replace("Vérifier".encode(), "Vérifier".encode("latin-1")))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BuildError, match=rf"^messages\.po:{line}: not valid UTF-8 text"):
        catalogs.load_catalog(path)


def test_kb_build_stops_on_a_broken_catalog_without_a_traceback(
        make_kb: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], fresh_translations: None) -> None:
    root = make_site_kb(make_kb)
    ui = tmp_path / "ui"
    shutil.copytree(catalogs.UI_DIR, ui)
    po = catalogs.po_file("fr", ui)
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "Vérifier"', "msgstr Vérifier"), encoding="utf-8")
    monkeypatch.setattr(catalogs, "UI_DIR", ui)
    assert main(["--root", str(root), "build", "--out", str(tmp_path / "out"), "--lang", "fr"]) == 1
    err = capsys.readouterr().err
    assert "ui/fr/LC_MESSAGES/messages.po:" in err and "not PO syntax" in err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_a_missing_catalog_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    fresh_translations: None) -> None:
    monkeypatch.setattr(catalogs, "UI_DIR", tmp_path)
    with pytest.raises(BuildError, match=r"fr/LC_MESSAGES/messages\.po: interface catalog missing; `make ui-pot`"):
        ui_text.t("fr", "Symptoms")


# Extraction and merging


def extracted(source: str) -> list[tuple[int, str, list[str]]]:
    """``(line, msgid, translator comments)`` as Babel extracts them with our method and keywords."""
    found = extract(catalogs.extract_python, io.BytesIO(source.encode("utf-8")), catalogs.KEYWORDS,
                    catalogs.COMMENT_TAGS, strip_comment_tags=True)
    return [(line, message, comments) for line, message, comments, _context in found]


def test_extraction_finds_marked_strings_in_f_strings_tables_and_aliases() -> None:
    source = '''\
from kbtool.render.ui_text import N_, label as lab, t

KINDS = {"blog": N_("blog post")}
# Translators: shown above the list of causes.
heading = f"## {t(lang, 'Causes')}"
intro = t(lang, "Fixes for OpenClaw "
                "and Moltworker.")
claim = f"**{lab(lang, 'Claim')}**"
dynamic = t(lang, KINDS[kind])
colon = lab(lang, "")
'''
    assert extracted(source) == [
        (3, "blog post", []),
        (5, "Causes", ["shown above the list of causes."]),
        (6, "Fixes for OpenClaw and Moltworker.", []),
        (8, "Claim", []),
    ]


def test_extraction_ignores_functions_not_imported_from_ui_text() -> None:
    assert extracted('from elsewhere import t\n\nt(lang, "Not ours")\nlabel(lang, "Nor this")\n') == []


def test_update_creates_merges_and_is_reproducible(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "tooling" / "kbtool" / "page.py"
    source.parent.mkdir(parents=True)
    source.write_text('from kbtool.render.ui_text import t\n\nt(lang, "Checked on {date}.")\n', encoding="utf-8")
    ui = tmp_path / "ui"
    assert catalogs.update(ui, root=tmp_path) == [
        "ui/messages.pot: written (1 string)",
        *(f"ui/{lang}/LC_MESSAGES/messages.po: written (1 to translate)" for lang in CODES),
    ]
    before = {path: path.read_bytes() for path in sorted(ui.rglob("*.po*"))}
    assert catalogs.update(ui, root=tmp_path) == []
    assert {path: path.read_bytes() for path in sorted(ui.rglob("*.po*"))} == before
    assert b"POT-Creation-Date" not in b"".join(before.values())

    fr = catalogs.po_file("fr", ui)
    catalog = catalogs.read_catalog(fr)
    catalog["Checked on {date}."].string = "Vérifié le {date}."
    fr.write_bytes(catalogs.po_bytes(catalog))
    source.write_text('from kbtool.render.ui_text import t\n\nt(lang, "Checked on {date}")\n', encoding="utf-8")
    assert catalogs.update(ui, root=tmp_path, check=True)[0] == "ui/messages.pot: out of date (1 string)"
    catalogs.update(ui, root=tmp_path)
    merged = catalogs.read_catalog(fr)
    assert [(m.id, m.string, m.fuzzy) for m in merged if m.id] == [("Checked on {date}", "Vérifié le {date}.", True)]
    assert catalogs.compile_catalog(merged).gettext("Checked on {date}") == "Checked on {date}"  # fuzzy: English
