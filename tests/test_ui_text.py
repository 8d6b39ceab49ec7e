"""Interface strings: ``t()`` reads the gettext catalogs, and English is the msgid (test_ui_catalogs checks them)."""

from __future__ import annotations

import pytest

from kbtool.render.languages import LANGUAGES, SOURCE_LANGUAGE
from kbtool.render.ui_text import N_, label, list_separator, t


@pytest.mark.parametrize(("lang", "heading"),
                         [("en", "Symptoms"), ("ja", "症状"), ("fr", "Symptômes"), ("zh", "症状")])
def test_headings_come_from_the_catalog_of_each_language(lang: str, heading: str) -> None:
    assert t(lang, "Symptoms") == heading


@pytest.mark.parametrize("lang", [lang.code for lang in LANGUAGES if lang.code != SOURCE_LANGUAGE])
def test_every_language_translates_and_fills_placeholders(lang: str) -> None:
    text = t(lang, "Checked on {date}.", date="DATE")
    assert "DATE" in text and text != "Checked on DATE."


def test_english_is_the_msgid_and_unknown_strings_fall_back_to_it() -> None:
    assert t("en", "Symptoms") == "Symptoms"
    assert t("ja", "No such string {x}", x=1) == "No such string 1"
    assert t("ja", "") == ""


def test_labels_and_separators_follow_each_language() -> None:
    assert label("en", "Applies to") == "Applies to: "
    assert label("ja", "Applies to") == "対象バージョン："
    assert label("fr", "") == "\u00a0: "
    assert list_separator("zh") == "，"


def test_n_marks_without_translating() -> None:
    assert N_("Verified") == "Verified"
