"""Interface strings: every language has every string, with the same placeholders."""

from __future__ import annotations

import string

import pytest

from kbtool.render.languages import LANGUAGES, SOURCE_LANGUAGE
from kbtool.render.ui_text import MESSAGES, t


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", [lang.code for lang in LANGUAGES if lang.code != SOURCE_LANGUAGE])
def test_every_string_is_translated_with_the_same_placeholders(lang: str) -> None:
    for msgid, translations in MESSAGES.items():
        assert lang in translations, f"{msgid!r} has no {lang} translation"
        assert placeholders(translations[lang]) == placeholders(msgid), msgid


def test_english_is_the_msgid_and_unknown_strings_fall_back_to_it() -> None:
    assert t("en", "Symptoms") == "Symptoms"
    assert t("ja", "Symptoms") == "症状"
    assert t("ja", "No such string {x}", x=1) == "No such string 1"
