"""The shared base configuration, ``mkdocs.yml`` at the knowledge-base root, as far as ``kb build`` reads it.

MkDocs itself reads the file (each language's configuration INHERITs it);
we only need a few values: our own ``extra.kb`` settings, the site name,
and ``theme.custom_dir``, which MkDocs resolves relative to the *inheriting*
file, so the generated configurations must pass it as an absolute path.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kbtool.errors import UsageError
from kbtool.render.context import SiteSettings

BASE_CONFIG = "mkdocs.yml"


class _TolerantLoader(yaml.SafeLoader):
    """Safe loading that reads MkDocs's ``!ENV`` / ``!!python/name:`` tags as plain values instead of failing."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    del suffix
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_TolerantLoader.add_multi_constructor("!", _any_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


@dataclass(frozen=True, slots=True)
class BaseConfig:
    path: Path
    site_name: str
    custom_dir: Path | None
    settings: SiteSettings
    site_url: str | None = None
    """MkDocs's ``site_url``: where the site is published (``kb match`` links there)."""


def read_base_config(root: Path) -> BaseConfig:
    """Read ``mkdocs.yml`` at ``root``; a usage error when it is missing or not a mapping."""
    path = (root / BASE_CONFIG).resolve()
    if not path.is_file():
        raise UsageError(f"{root / BASE_CONFIG}: not found; kb build needs the shared MkDocs configuration "
                         "at the knowledge-base root")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise UsageError(f"{path}: cannot read: {exc}") from None
    if not isinstance(data, dict):
        raise UsageError(f"{path}: not a MkDocs configuration (expected a mapping)")
    theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    custom_dir = (path.parent / custom).resolve() if isinstance(custom, str) and custom else None
    extra = data.get("extra") if isinstance(data.get("extra"), dict) else {}
    kb = extra.get("kb") if isinstance(extra, dict) and isinstance(extra.get("kb"), dict) else {}
    assert isinstance(kb, dict)
    defaults = SiteSettings()
    settings = SiteSettings(
        repo_url=str(kb.get("repo_url") or "") or None,
        edit_url=str(kb.get("edit_url") or defaults.edit_url),
        report_url=str(kb.get("report_url") or defaults.report_url),
    )
    site_url = data.get("site_url")
    return BaseConfig(path, str(data.get("site_name") or ""), custom_dir, settings,
                      site_url if isinstance(site_url, str) and site_url else None)
