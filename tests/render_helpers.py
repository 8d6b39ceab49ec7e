"""Build a render ``Site`` from fixture records, through the real validator."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kbtool.load.layout import find_layout
from kbtool.render.context import Site, SiteSettings
from kbtool.validate.engine import validate

from conftest import FIXTURES

RENDER_FIXTURES = FIXTURES / "render"
SETTINGS = SiteSettings(repo_url="https://example.org/openclaw-kb")


def fixture_site(make_kb: Callable[..., Path], names: tuple[str, ...] = ("golden-record", "related-record")) -> Site:
    root = make_kb({f"{n}.yaml": (RENDER_FIXTURES / f"{n}.yaml").read_text(encoding="utf-8") for n in names})
    result = validate(find_layout(root))
    assert result.error_count == 0, result.findings
    return Site(result.records, result.registries, SETTINGS)
