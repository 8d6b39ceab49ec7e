"""The site's languages: one MkDocs site each, English at the root and the others beside it.

Everything that differs per language at build time lives in this one table,
so adding a language is one entry (plus its interface catalog in
``i18n/ui``, which `make ui-pot` creates). Search settings follow the measured facts in
``shared/research/SITE-FACTS.md``: one search index per language, a
separator that also splits error strings on ``_ : ( ) [ ] , = " /``, and
Chinese segmented at build time by jieba while Japanese must not be.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Characters that split error strings such as ``EVP_UNSUPPORTED`` or
#: ``error:0308010C:...`` into findable words, on top of each language's own
#: separator. ``\u200b`` is what the search plugin joins jieba's pieces with.
#: Written as a JavaScript RegExp body: the search worker compiles it.
_ERROR_STRING_SEPARATORS = r'_:()\[\],="/\u200b'


@dataclass(frozen=True, slots=True)
class SiteLanguage:
    """One language of the site."""

    code: str
    """Our language code: the record ``lang`` value, the output sub-directory and Material's ``theme.language``."""
    name: str
    """The language's name in itself, as shown in the language switcher."""
    hreflang: str
    """BCP 47 tag for ``<link rel="alternate" hreflang>``."""
    search_lang: str
    """lunr language of the search plugin (``zh`` stays ``en``: lunr's own ``zh`` needs jieba in the browser)."""
    separator_base: str
    """Material's default separator characters for this language (inside a RegExp character class)."""
    segment_chinese: bool
    """Whether the search plugin may run jieba over Han characters (only for Chinese)."""

    @property
    def separator(self) -> str:
        """The search separator: the language's own plus the error-string characters."""
        return f"[{self.separator_base}{_ERROR_STRING_SEPARATORS}]+"

    @property
    def prefix(self) -> str:
        """Where this language's site sits below the output root (``""`` for the source language)."""
        return "" if self.code == SOURCE_LANGUAGE else f"{self.code}/"


SOURCE_LANGUAGE = "en"
"""The language records are written in; its site is the output root."""

LANGUAGES: tuple[SiteLanguage, ...] = (
    SiteLanguage("en", "English", "en", "en", r"\s\-", segment_chinese=False),
    SiteLanguage("ja", "日本語", "ja", "ja", r"\s\-　、。，．", segment_chinese=False),
    SiteLanguage("fr", "Français", "fr", "fr", r"\s\-", segment_chinese=False),
    SiteLanguage("zh", "简体中文", "zh-Hans", "en", r"\s\u3000\-、。，．？！；", segment_chinese=True),
)

BY_CODE: dict[str, SiteLanguage] = {language.code: language for language in LANGUAGES}


def language(code: str) -> SiteLanguage:
    """The language with this code (KeyError for an unknown one; callers validate user input first)."""
    return BY_CODE[code]
