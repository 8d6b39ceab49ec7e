"""Pack a built site into a zip that is the same, byte for byte, whenever its inputs are.

A zip records a time, permissions and the creating system for each entry,
and lists entries in the order they were added; all of these are fixed here
(the build date for every time, 0644, Unix, sorted paths, one compression
level), so two bundles of the same commit are identical. Two files describe
the contents: ``SHA256SUMS`` (check it with ``sha256sum -c SHA256SUMS``) and
``manifest.json`` (version, build date, languages, and every file's size and
SHA-256).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

SUMS_FILE = "SHA256SUMS"
MANIFEST_FILE = "manifest.json"
#: The earliest time a zip entry can hold.
_ZIP_EPOCH = 315532800  # 1980-01-01T00:00:00Z
_FILE_MODE = 0o100644
_UNIX = 3
_LEVEL = 9


@dataclass(frozen=True, slots=True)
class PackedFile:
    path: str
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class Packed:
    files: tuple[PackedFile, ...]
    size: int
    """Size of the zip file in bytes."""


def site_files(root: Path, exclude: Iterable[str] = ()) -> list[str]:
    """Every file under ``root`` as a sorted POSIX path relative to it, without ``exclude``."""
    skipped = set(exclude)
    found = (path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())
    return sorted(name for name in found if name not in skipped)


def _entry(name: str, epoch: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=time.gmtime(max(epoch, _ZIP_EPOCH))[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = _FILE_MODE << 16
    info.create_system = _UNIX
    return info


def sums_text(files: Sequence[PackedFile]) -> str:
    return "".join(f"{f.sha256}  {f.path}\n" for f in files)


def manifest_text(files: Sequence[PackedFile], about: dict[str, object]) -> str:
    document = {**about, "files": [{"path": f.path, "size": f.size, "sha256": f.sha256} for f in files]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def pack(root: Path, names: Sequence[str], target: Path, epoch: int, about: dict[str, object]) -> Packed:
    """Write ``names`` (relative to ``root``) and the two manifests into the zip ``target``.

    The zip is written beside ``target`` and renamed over it at the end, so
    an interrupted pack leaves any previous bundle as it was.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.part")
    packed: list[PackedFile] = []
    try:
        with zipfile.ZipFile(partial, "w") as archive:
            for name in names:
                data = (root / name).read_bytes()
                packed.append(PackedFile(name, len(data), hashlib.sha256(data).hexdigest()))
                archive.writestr(_entry(name, epoch), data, compresslevel=_LEVEL)
            archive.writestr(_entry(MANIFEST_FILE, epoch), manifest_text(packed, about).encode("utf-8"),
                             compresslevel=_LEVEL)
            archive.writestr(_entry(SUMS_FILE, epoch), sums_text(packed).encode("utf-8"), compresslevel=_LEVEL)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return Packed(tuple(packed), target.stat().st_size)
