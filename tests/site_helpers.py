"""Helpers for tests that build a real site: a tiny knowledge base with the real mkdocs.yml and theme overrides."""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from conftest import REPO, copy_kb_skeleton
from render_helpers import RENDER_FIXTURES

# Resource references that make a browser load something: src=, <link href=>, CSS url() and @import.
_SRC = re.compile(r"""\ssrc\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_LINK_TAG = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_HREF = re.compile(r"""\shref\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)|@import\s+["']([^"']+)["']""", re.IGNORECASE)
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


FIXTURE_RECORDS = ("golden-record", "related-record")
REPO_URL = "https://example.org/openclaw-kb"


def make_site_kb(make_kb: Callable[..., Path], names: tuple[str, ...] = FIXTURE_RECORDS) -> Path:
    """A knowledge base (in the test's tmp_path) with fixture records and what a site build needs."""
    root = make_kb({f"{n}.yaml": (RENDER_FIXTURES / f"{n}.yaml").read_text(encoding="utf-8") for n in names})
    add_site_config(root)
    return root


def make_site_root(root: Path, names: tuple[str, ...] = FIXTURE_RECORDS) -> Path:
    """The same, at ``root``, for fixtures shared by a module (``make_kb`` is per test)."""
    kb = copy_kb_skeleton(root)
    for name in names:
        shutil.copy(RENDER_FIXTURES / f"{name}.yaml", kb / "records" / f"{name}.yaml")
    add_site_config(root)
    return root


def add_site_config(root: Path) -> None:
    """The real mkdocs.yml (with a repository URL, for the edit links) and theme overrides."""
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace('repo_url: ""', f'repo_url: "{REPO_URL}"'), encoding="utf-8")
    shutil.copytree(REPO / "overrides", root / "overrides")


def external_references(site: Path) -> list[str]:
    """Every reference in HTML or CSS output that would load something from another host.

    Material's JavaScript bundle contains dormant third-party URLs (a
    ResizeObserver polyfill for old browsers, Mermaid, the GitHub API for a
    repository widget) that load only when a feature we do not use is on;
    the browser tests check that no request at run time leaves the server.
    """
    found: list[str] = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".css") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        refs: list[str] = []
        if path.suffix == ".html":
            refs += _SRC.findall(text)
            for tag in _LINK_TAG.findall(text):
                refs += _HREF.findall(tag)
        if path.suffix in (".html", ".css"):
            refs += [a or b for a, b in _CSS_URL.findall(text)]
        found += [f"{path.relative_to(site)}: {ref}" for ref in refs if _EXTERNAL.match(ref.strip())]
    return found


def tree_digest(root: Path) -> dict[str, str]:
    """Every file below ``root`` and its SHA-256: equal digests mean byte-for-byte equal trees."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}
