"""Building for the file system (``kb bundle``): what changes in each language's MkDocs configuration.

Material's ``offline`` plugin inlines the search index as a script and
would load the ``iframe-worker`` shim (which runs the search worker from
``file://``) from unpkg.com; we name a copy inside the docs tree instead, so
the pages reference nothing outside the bundle. Every page shows the
knowledge base version and build date in Material's announcement bar.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kbtool.render.localize import long_date
from kbtool.render.ui_text import t


@dataclass(frozen=True, slots=True)
class OfflineBuild:
    version: str
    epoch: int
    """The build date, seconds since 1970 UTC; MkDocs gets it as ``SOURCE_DATE_EPOCH``."""
    files: Mapping[str, str] = field(default_factory=dict)
    """Docs path → text of files added to every language (the vendored shim)."""
    polyfills: tuple[str, ...] = ()
    """Docs paths of scripts Material loads before its own (``extra.polyfills``)."""

    @property
    def built_date(self) -> str:
        """The build date as ``YYYY-MM-DD`` (UTC), for the pages."""
        return datetime.datetime.fromtimestamp(self.epoch, tz=datetime.timezone.utc).date().isoformat()


def notice(offline: OfflineBuild, lang: str) -> str:
    return t(lang, "Offline copy of the knowledge base, version {version}, built on {date}.",
             version=offline.version, date=long_date(offline.built_date, lang))


def offline_config(offline: OfflineBuild, lang: str) -> dict[str, Any]:
    """The keys to merge into ``lang``'s configuration (``plugins`` and ``extra``)."""
    return {
        "plugins": {"offline": {}},
        "extra": {"polyfills": list(offline.polyfills),
                  "kb_bundle": {"notice": notice(offline, lang), "version": offline.version,
                                "built": offline.built_date}},
    }
