"""Put a finished site in place of the previous one, or leave the previous one untouched.

The new site is built in a directory next to the target (same file system),
so replacing is two renames: old → aside, new → target; then the old copy is
deleted. A failure before the second rename leaves the target as it was.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from kbtool.errors import UsageError

#: Written at the root of every site ``kb build`` makes; a non-empty directory without it is not replaced.
MARKER = ".kb-site"


def check_target(target: Path, protected: Path) -> None:
    """Refuse an output directory whose replacement would destroy something that is not a previous site."""
    resolved = target.resolve()
    kb_root = protected.resolve()
    if resolved == kb_root or resolved in kb_root.parents:
        raise UsageError(f"{target}: the output directory would contain the knowledge base itself; "
                         "choose another --out")
    if resolved.exists() and not resolved.is_dir():
        raise UsageError(f"{target}: exists and is not a directory")
    if resolved.is_dir() and any(resolved.iterdir()) and not (resolved / MARKER).exists():
        raise UsageError(f"{target}: not empty and not a site built by kb build (no {MARKER} file); "
                         "remove it or choose another --out")


def mark(site: Path) -> None:
    (site / MARKER).write_text("Built by `kb build`; the next build replaces this directory.\n", encoding="utf-8")


def swap_into_place(staging: Path, target: Path) -> None:
    """Replace ``target`` by ``staging`` (both in the same directory)."""
    aside = target.with_name(f".{target.name}.old-{os.getpid()}")
    had_old = target.exists()
    if had_old:
        if aside.exists():
            shutil.rmtree(aside)
        os.replace(target, aside)
    try:
        os.replace(staging, target)
    except OSError:
        if had_old:
            os.replace(aside, target)
        raise
    if had_old:
        shutil.rmtree(aside, ignore_errors=True)
