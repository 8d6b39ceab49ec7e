"""One MkDocs configuration per language, inheriting the shared base.

Pure: returns the mapping ``kb build`` writes as ``<lang>.yml`` in the build
directory. Every path in it is absolute, because MkDocs resolves relative
paths against the inheriting file, which lives in a temporary directory.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kbtool.build import hooks
from kbtool.build.base_config import BaseConfig
from kbtool.build.offline import OfflineBuild, offline_config
from kbtool.render.languages import SiteLanguage
from kbtool.render.links import INDEX_PAGES
from kbtool.render.ui_text import t

NO_JIEBA_HOOK = Path(hooks.__file__).resolve().parent / "search_without_jieba.py"


def language_config(base: BaseConfig, language: SiteLanguage, docs_dir: Path, site_dir: Path,
                    offline: OfflineBuild | None = None) -> dict[str, Any]:
    """The configuration that builds ``language``'s docs tree into ``site_dir`` (for the file system: ``offline``)."""
    theme: dict[str, Any] = {"language": language.code}
    if base.custom_dir is not None:
        theme["custom_dir"] = str(base.custom_dir)
    config: dict[str, Any] = {
        "INHERIT": str(base.path),
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "theme": theme,
        "nav": [{t(language.code, title): page} for page, title in INDEX_PAGES],
        "plugins": {"search": {"lang": [language.search_lang], "separator": language.separator}},
        # A non-list true value: Material's header then includes partials/alternate.html (our per-page
        # switcher) while its base template emits no site-wide <link rel="alternate"> (it loops only
        # over a list); main.html emits the per-page ones instead.
        "extra": {"alternate": True},
    }
    if base.site_name:
        config["site_name"] = t(language.code, base.site_name)
    if not language.segment_chinese:
        config["hooks"] = [str(NO_JIEBA_HOOK)]
    if offline is not None:
        for key, values in offline_config(offline, language.code).items():
            config[key].update(values)
    return config
