"""Put a finished site in place of the previous one, or leave the previous one untouched.

The new site is built in a directory next to the target (same file system),
so replacing is two renames: old → aside, new → target; then the old copy is
deleted. A failure before the second rename leaves the target as it was.
"""

from __future__ import annotations

import os
import re
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


def work_prefix(target: Path) -> str:
    """The name start of a build's work directory beside ``target``; it holds the building process's id."""
    return f".{target.name}.build-{os.getpid()}-"


def remove_stale_work(target: Path) -> None:
    """Remove the work directories that builds killed midway left beside ``target``.

    A build killed with SIGKILL cannot clean up after itself. Its work
    directory (and, if it died between the two renames of the swap, the
    previous site set aside) is named with its process id; those of a
    process that no longer runs are stale. A previous site set aside goes
    back in place when nothing replaced it.
    """
    leftover = re.compile(rf"\.{re.escape(target.name)}\.(build|old)-(\d+)(?:-|$)")
    if not target.parent.is_dir():
        return
    for path in sorted(target.parent.iterdir()):
        found = leftover.match(path.name)
        if found is None or not path.is_dir() or _running(int(found.group(2))):
            continue
        if found.group(1) == "old" and not target.exists():
            os.replace(path, target)
        else:
            shutil.rmtree(path, ignore_errors=True)


def _running(pid: int) -> bool:
    """Whether process ``pid`` may still be building (signal 0 checks that it exists, and sends nothing)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process, or no way to tell: leave its directory alone
        return True
    return True


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
