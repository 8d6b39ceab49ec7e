"""Golden files: one record's generated Markdown in English and Japanese (KB_UPDATE_GOLDEN=1 rewrites them)."""

from __future__ import annotations

import json

import pytest

from kbtool.load.layout import find_layout
from kbtool.render.context import Site
from kbtool.render.languages import LANGUAGES
from kbtool.render.record_page import render_record_page
from kbtool.render.site import generate
from kbtool.render.ui_text import t
from kbtool.validate.engine import validate

from conftest import REPO, check_golden
from render_helpers import RENDER_FIXTURES, fixture_site


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_record_page_matches_golden(make_kb, lang: str) -> None:
    site = fixture_site(make_kb)
    page = render_record_page(site.records["golden-record"], site, lang)
    check_golden(RENDER_FIXTURES / f"golden-record.{lang}.md", page)


def test_every_page_of_every_language_is_generated(make_kb) -> None:
    site = fixture_site(make_kb)
    generated = generate(site, [lang.code for lang in LANGUAGES])
    assert generated.problems == []
    for lang in LANGUAGES:
        assert sorted(generated.pages[lang.code]) == [
            "assets/kb/match-data.js", "assets/kb/match-data.json",
            "errors.md", "index.md", "lint-rules.md", "match.md", "products.md", "records.md",
            "records/golden-record.md", "records/related-record.md", "tags.md", "translations.md",
        ]
    # The `kb lint` rules reference is the rule docstrings, published as a page (docs/lint-rules.md is the same text).
    rules_page = (REPO / "docs" / "lint-rules.md").read_text(encoding="utf-8")
    assert rules_page.rstrip("\n") in generated.pages["en"]["lint-rules.md"]
    assert "## KB501 translation-code-spans" in generated.pages["ja"]["lint-rules.md"]


def test_the_paste_page_data_holds_every_signature_and_the_pages_language(make_kb) -> None:
    site = fixture_site(make_kb)
    generated = generate(site, ["en", "ja"])
    data = json.loads(generated.pages["ja"]["assets/kb/match-data.json"])
    assert data["flags"] == "u"
    assert [r["url"] for r in data["records"]] == ["records/golden-record.html", "records/related-record.html"]
    signatures = [(r.id, i, s) for r in sorted(site.records.values(), key=lambda r: r.id)
                  for i, s in enumerate(r.signatures)]
    assert [(data["records"][n]["id"], i) for n, i, _, _ in data["signatures"]] == [(r, i) for r, i, _ in signatures]
    assert data["text"]["line"] == t("ja", "line {line}", line="{line}")
    script = generated.pages["ja"]["assets/kb/match-data.js"]
    assert script.endswith(f"window.kbMatchData = {generated.pages['ja']['assets/kb/match-data.json'].rstrip()};\n")


def test_every_record_is_linked_from_the_all_records_page_which_home_links_to(make_kb) -> None:
    site = fixture_site(make_kb)
    pages = generate(site, ["en"]).pages["en"]
    assert "(records.md)" in pages["index.md"]
    for record_id in site.records:
        assert f"(records/{record_id}.md)" in pages["records.md"]


def test_the_real_knowledge_base_renders_in_every_language() -> None:
    result = validate(find_layout(REPO))
    site = Site(result.records, result.registries)
    assert generate(site, [lang.code for lang in LANGUAGES]).problems == []
