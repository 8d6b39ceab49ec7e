"""What ``kb serve`` watches, and which of those files changed since the last look.

The files whose content reaches one language's pages:

- ``kb/**/*.yaml`` and ``kb/**/*.json``: records, registries, commit manifests and the schemas that
  validate them;
- ``i18n/<lang>/*.yaml``: the record translations of the language previewed (none for English);
- the language's interface catalog, ``i18n/ui/<lang>/LC_MESSAGES/messages.po`` beside the tool's code
  (``kbtool.render.catalogs.po_file``; none for English).

A look is a snapshot of each file's modification time and size; the list of files is taken again at
every look, so a file added or removed counts as a change too. Polling rather than file-system events:
the watched set is a few hundred small files, one look a second costs nothing noticeable, and it needs
no extra dependency and behaves the same on every platform and file system.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kbtool.i18n.files import translation_files
from kbtool.load.layout import Layout
from kbtool.render import catalogs
from kbtool.render.languages import SOURCE_LANGUAGE
from kbtool.validate.engine import display_path

#: A file's modification time (nanoseconds) and size: an edit changes at least one of them.
Stamp = tuple[int, int]
Snapshot = dict[Path, Stamp]

#: Suffixes of the files under ``kb/`` that validation or rendering reads.
KB_SUFFIXES = (".yaml", ".json")


def watched_files(layout: Layout, lang: str) -> list[Path]:
    """Every file whose content reaches ``lang``'s pages, as they exist now (see the module docstring)."""
    files = sorted(p for p in layout.kb_dir.rglob("*") if p.suffix in KB_SUFFIXES and p.is_file())
    if lang != SOURCE_LANGUAGE:
        files += translation_files(layout, (lang,))
        files.append(catalogs.po_file(lang))
    return files


def snapshot(files: Iterable[Path]) -> Snapshot:
    """The stamp of each of ``files`` that exists (a missing catalog is a change when it appears)."""
    stamps: Snapshot = {}
    for path in files:
        try:
            info = path.stat()
        except OSError:  # removed between listing and looking: absent from this snapshot
            continue
        stamps[path] = (info.st_mtime_ns, info.st_size)
    return stamps


def changed_files(before: Snapshot, after: Snapshot) -> list[Path]:
    """The files added, removed or modified between two snapshots, in path order."""
    return sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))


def describe(paths: list[Path], shown: int = 2) -> str:
    """``kb/records/a.yaml``, ``kb/records/a.yaml, i18n/ja/a.yaml`` or ``kb/records/a.yaml and 4 more``.

    Paths are shown relative to the working directory when below it, as findings show them.
    """
    names = [display_path(path) for path in paths]
    if len(names) <= shown:
        return ", ".join(names)
    return f"{', '.join(names[:shown - 1])} and {len(names) - shown + 1} more"
