"""``kb build`` end to end on a tiny knowledge base: four language sites, strict, self-contained, atomic."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kbtool.build import mkdocs_run
from kbtool.cli import main

from site_helpers import FIXTURE_RECORDS, REPO_URL, external_references, make_site_kb, make_site_root, tree_digest

LANGS = ("en", "ja", "fr", "zh")
RECORDS = FIXTURE_RECORDS


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One four-language build shared by the read-only tests below (a build takes a few seconds)."""
    tmp = tmp_path_factory.mktemp("built")
    root = make_site_root(tmp / "kbroot")
    assert main(["--root", str(root), "build", "--out", str(tmp / "out")]) == 0
    return tmp / "out"


def _page(site: Path, lang: str, page: str) -> str:
    prefix = "" if lang == "en" else f"{lang}/"
    return (site / f"{prefix}{page}").read_text(encoding="utf-8")


def test_every_language_has_a_page_per_record_and_the_index_pages(built_site: Path) -> None:
    for lang in LANGS:
        for page in ("index.html", "errors.html", "products.html", "tags.html", "records.html",
                     *(f"records/{r}.html" for r in RECORDS)):
            assert _page(built_site, lang, page)
        prefix = "" if lang == "en" else f"{lang}/"
        assert (built_site / f"{prefix}search/search_index.json").is_file()


def test_html_lang_is_the_page_language(built_site: Path) -> None:
    for lang in LANGS:
        html = _page(built_site, lang, "records/golden-record.html")
        assert re.search(rf'<html lang="{lang}"', html), lang


def test_hreflang_alternates_point_to_the_same_record_in_each_language(built_site: Path) -> None:
    html = _page(built_site, "ja", "records/golden-record.html")
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))
    assert alternates == {
        "en": "../../records/golden-record.html",
        "x-default": "../../records/golden-record.html",
        "ja": "golden-record.html",
        "fr": "../../fr/records/golden-record.html",
        "zh-Hans": "../../zh/records/golden-record.html",
    }
    for href in alternates.values():  # each target exists
        assert (built_site / "ja" / "records" / href).resolve().is_file()


def test_language_switcher_links_stay_on_the_record(built_site: Path) -> None:
    html = _page(built_site, "en", "records/golden-record.html")
    links = re.findall(r'<a href="([^"]+)" hreflang="[^"]+" lang="[^"]+"\s+class="md-select__link', html)
    assert links == ["golden-record.html", "../ja/records/golden-record.html",
                     "../fr/records/golden-record.html", "../zh/records/golden-record.html"]


def test_records_are_not_in_the_navigation(built_site: Path) -> None:
    html = _page(built_site, "en", "index.html")
    nav = html[html.index('class="md-nav md-nav--primary"'):html.index('class="md-sidebar md-sidebar--secondary"')]
    assert "records/golden-record.html" not in nav
    assert "records.html" in nav


def test_nothing_is_loaded_from_another_host(built_site: Path) -> None:
    assert external_references(built_site) == []


def test_edit_and_report_links_and_untranslated_note(built_site: Path) -> None:
    html = _page(built_site, "ja", "records/golden-record.html")
    assert f'href="{REPO_URL}/edit/main/kb/records/golden-record.yaml"' in html
    assert f"{REPO_URL}/issues/new?title=" in html
    assert "このページはまだ翻訳されていません" in html


def test_search_settings_per_language(built_site: Path) -> None:
    import json

    ja = json.loads(_page(built_site, "ja", "search/search_index.json"))
    zh = json.loads(_page(built_site, "zh", "search/search_index.json"))
    assert ja["config"]["lang"] == ["ja"]
    assert "_:()" in ja["config"]["separator"]
    assert "\\u200b" in zh["config"]["separator"]
    # jieba segmented the Chinese build (pieces joined by U+200B) and left the Japanese one alone.
    assert any("\u200b" in doc["title"] for doc in zh["docs"])
    assert not any("\u200b" in doc["title"] + doc["text"] for doc in ja["docs"])
    # Record pages outrank index pages.
    boosts = {doc["location"]: doc.get("boost") for doc in ja["docs"]}
    assert boosts["records/golden-record.html"] == 2
    assert boosts["errors.html"] == 0.5


def test_raw_html_in_a_record_never_reaches_the_page(make_kb, kb) -> None:
    root = make_site_kb(make_kb, names=("related-record",))
    record = root / "kb" / "records" / "related-record.yaml"
    text = record.read_text(encoding="utf-8")
    text = text.replace('title: "unauthorized: gateway token missing"',
                        'title: "</title><script>alert(1)</script>"')
    text = text.replace("summary: The client sent no token.", 'summary: "<script>alert(2)</script> {: onclick=\\"x\\" }"')
    record.write_text(text, encoding="utf-8")
    result = kb("build", "--lang", "en", "--out", "out")
    assert result.code == 0, result.err
    html = (root / "out" / "records" / "related-record.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "onclick=\"x\"" not in html.replace('{: onclick="x" }', "")
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    assert "<title>&lt;/title&gt;&lt;script&gt;" in html


def test_output_and_how_to_serve_it_are_printed(make_kb, kb) -> None:
    make_site_kb(make_kb)
    result = kb("build", "--lang", "en", "--out", "out")
    assert result.code == 0, result.err
    assert "Site built in out/ (en)." in result.out
    assert "python -m http.server -d out" in result.out
    for stage in ("validate:", "generate:", "mkdocs: en built", "done in"):
        assert f"kb build: {stage}" in result.err


def test_invalid_record_fails_and_leaves_the_previous_site_untouched(make_kb, kb) -> None:
    root = make_site_kb(make_kb)
    assert kb("build", "--lang", "en", "--out", "out").code == 0
    before = tree_digest(root / "out")
    (root / "kb" / "records" / "related-record.yaml").write_text("id: related-record\n", encoding="utf-8")
    result = kb("build", "--lang", "en", "--out", "out")
    assert result.code == 1
    assert "kb: error: the knowledge base has" in result.err
    assert "nothing was built" in result.err
    assert tree_digest(root / "out") == before
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".out")) == []


def test_unpublishable_record_text_fails_with_the_field_named(make_kb, kb) -> None:
    root = make_site_kb(make_kb)
    record = root / "kb" / "records" / "golden-record.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("kb:related-record#open-dashboard",
                                                                 "kb:related-record#no-such-fix"), encoding="utf-8")
    result = kb("build", "--lang", "en", "--out", "out")
    assert result.code == 1
    assert ("kb/records/golden-record.yaml: summary: link `kb:related-record#no-such-fix`: record `related-record` "
            "has no cause or solution `no-such-fix`") in result.err
    assert not (root / "out").exists()


def test_mkdocs_failure_leaves_the_previous_site_untouched(make_kb, kb, monkeypatch) -> None:
    root = make_site_kb(make_kb)
    assert kb("build", "--lang", "en", "--lang", "ja", "--out", "out").code == 0
    before = tree_digest(root / "out")
    # A strict-mode warning in one language: a nav entry to a page that does not exist.
    real = mkdocs_run.build_one

    def failing(lang: str, config_file: Path, extra_env: dict[str, str] | None = None) -> mkdocs_run.LanguageBuild:
        if lang == "ja":
            text = config_file.read_text(encoding="utf-8")
            config_file.write_text(text + "\nnav_extra_broken: true\nnot_in_nav: 1\n", encoding="utf-8")
            (config_file.parent / "docs" / "ja" / "broken.md").write_text("[x](missing.md)\n", encoding="utf-8")
        return real(lang, config_file, extra_env)

    monkeypatch.setattr(mkdocs_run, "build_one", failing)
    result = kb("build", "--lang", "en", "--lang", "ja", "--out", "out")
    assert result.code == 1
    assert "MkDocs failed for ja (strict mode: warnings are errors); the previous site is untouched" in result.err
    assert "[ja] WARNING" in result.err
    assert tree_digest(root / "out") == before
    assert [p.name for p in root.iterdir() if p.name.startswith(".out")] == []


def test_refuses_to_replace_a_directory_that_is_not_a_site(make_kb, kb) -> None:
    root = make_site_kb(make_kb)
    (root / "notasite").mkdir()
    (root / "notasite" / "precious.txt").write_text("keep me", encoding="utf-8")
    result = kb("build", "--lang", "en", "--out", "notasite")
    assert result.code == 2
    assert "not empty and not a site built by kb build" in result.err
    assert (root / "notasite" / "precious.txt").read_text(encoding="utf-8") == "keep me"
    assert kb("build", "--out", ".").code == 2


def test_missing_base_configuration_is_a_usage_error(make_kb, kb) -> None:
    make_kb({})
    result = kb("build", "--out", "out")
    assert result.code == 2
    assert "mkdocs.yml: not found" in result.err
