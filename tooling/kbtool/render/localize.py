"""Locale-aware values on pages: dates, language names, version ranges.

Babel's CLDR data gives dates and language names in each page's language,
so "2026-11-21" reads "2026年11月21日" on a Japanese page and a source in
English reads "anglais" on a French one.
"""

from __future__ import annotations

import datetime
import re

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.lists import format_list

from kbtool.render.ui_text import N_, t

_COMPARATOR = re.compile(r"^\s*(>=|<=|==|!=|>|<)\s*(\S+)\s*$")
_COMPARATOR_TEXT = {
    ">=": N_("from {version}"),
    ">": N_("after {version}"),
    "<=": N_("up to {version}"),
    "<": N_("before {version}"),
    "==": N_("exactly {version}"),
    "!=": N_("not {version}"),
}


def long_date(iso: str, lang: str) -> str:
    """``2026-11-21`` as a long date in ``lang`` (the ISO text itself if it does not parse)."""
    try:
        day = datetime.date.fromisoformat(iso)
    except ValueError:
        return iso
    return format_date(day, format="long", locale=lang)


def language_name(tag: str, lang: str) -> str:
    """The name of language ``tag`` (BCP 47, e.g. ``zh-Hans``) written in ``lang``; the tag when unknown."""
    try:
        name = Locale.parse(tag, sep="-").get_display_name(Locale.parse(lang))
    except (UnknownLocaleError, ValueError):
        return tag
    return name or tag


def version_range(spec: str, lang: str) -> str:
    """A PEP 440 range such as ``>=2026.2.3,<2026.9`` in words; unusual comparators (``~=``) are kept as written."""
    parts = []
    for clause in spec.split(","):
        match = _COMPARATOR.match(clause)
        if match is None:
            return spec
        parts.append(t(lang, _COMPARATOR_TEXT[match.group(1)], version=match.group(2)))
    return words(parts, lang)


def words(items: list[str], lang: str) -> str:
    """Items joined as a list in ``lang`` ("A, B and C", "A、B、C")."""
    return format_list(items, style="standard", locale=lang) if items else ""
