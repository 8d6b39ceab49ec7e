"""The site's interface strings, looked up by their English text in the gettext catalogs of ``i18n/ui``.

``t(lang, "Symptoms")`` is the heading in ``lang``. The English text is the msgid, so English needs no
catalog and a string not translated yet (new, fuzzy or empty in a catalog) shows in English rather than
breaking a build. Placeholders use ``str.format`` names (``{date}``); the catalogs flag them
``python-brace-format`` and the build refuses a translation whose placeholders differ from the English.

Marking strings for translation: pass the English text to ``t()`` or ``label()`` as a literal; a table
whose strings reach ``t()`` later wraps each in ``N_()``. ``make ui-pot`` then extracts them into
``i18n/ui/messages.pot`` and merges them into each language's catalog (``kbtool.render.catalogs``).
"""

from __future__ import annotations

from kbtool.render.catalogs import translations


def N_(msgid: str) -> str:
    """Mark ``msgid`` for extraction where a table holds it; ``t()`` translates it later (``gettext_noop``)."""
    return msgid


#: What follows a label ("Applies to: ...") in each language: French puts a no-break space before the
#: colon; Japanese and Chinese use the full-width colon, which carries its own spacing.
_COLON = {"en": ": ", "ja": "：", "fr": "\u00a0: ", "zh": "："}


def label(lang: str, msgid: str) -> str:
    """A label and the language's colon, ready for the value: ``Applies to: `` / ``対象バージョン：``."""
    return t(lang, msgid) + _COLON.get(lang, ": ")


#: Between short facts in a run ("English, documentation, 22 August 2026").
_LIST_SEPARATOR = {"ja": "、", "zh": "，"}


def list_separator(lang: str) -> str:
    return _LIST_SEPARATOR.get(lang, ", ")


def t(lang: str, msgid: str, **values: object) -> str:
    """``msgid`` in ``lang`` (English when missing), with ``{name}`` placeholders filled from ``values``."""
    # gettext("") is the catalog's header entry, not a translation.
    text = translations(lang).gettext(msgid) if msgid else msgid
    return text.format(**values) if values else text
