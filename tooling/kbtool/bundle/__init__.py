"""``kb bundle``: the site built for reading from the file system, packed into one reproducible zip.

build (offline) → pack. The site is built into a temporary directory with
the pipeline of ``kb build`` (so a knowledge base with errors makes no
bundle), for the file system: file URLs, the search index as a script, the
search worker shim inside the bundle, version and date on every page. The
zip holds the site with its home page, ``index.html``, at the top.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kbtool import __version__
from kbtool.build.offline import OfflineBuild
from kbtool.build.pipeline import build
from kbtool.build.swap import MARKER
from kbtool.bundle.archive import Packed, pack, site_files
from kbtool.bundle.stamp import Stamp, resolve_stamp
from kbtool.bundle.vendor import SHIM_PATH, vendored_files
from kbtool.errors import UsageError
from kbtool.render.languages import LANGUAGES, SOURCE_LANGUAGE

NAME = "openclaw-kb"
#: Left out of the zip: source maps of the theme's scripts are for debugging Material itself (a quarter of the size).
SOURCE_MAPS = ".map"


@dataclass(frozen=True, slots=True)
class Bundle:
    path: Path
    stamp: Stamp
    languages: tuple[str, ...]
    packed: Packed


def default_path(root: Path, stamp: Stamp, lang: str | None) -> Path:
    """``dist/openclaw-kb-<version>[-<lang>].zip`` in the knowledge base."""
    version = re.sub(r"[^A-Za-z0-9._-]+", "-", stamp.version)
    return root / "dist" / f"{NAME}-{version}{'-' + lang if lang else ''}.zip"


def check_output(target: Path) -> None:
    """Refuse to replace anything but a previous bundle (a zip file)."""
    if target.is_dir():
        raise UsageError(f"{target}: is a directory; --out names the zip file to write")
    if target.exists() and not zipfile.is_zipfile(target):
        raise UsageError(f"{target}: exists and is not a zip file; not replacing it (choose another --out)")


def make_bundle(root: Path, out: Path | None = None, lang: str | None = None,
                report: Callable[[str], None] | None = None) -> Bundle:
    """Build and pack the bundle of every language, or of ``lang`` alone."""
    say = report or (lambda message: None)
    stamp = resolve_stamp(root)
    target = out if out is not None else default_path(root, stamp, lang)
    check_output(target)
    languages = (lang,) if lang else tuple(language.code for language in LANGUAGES)
    offline = OfflineBuild(version=stamp.version, epoch=stamp.epoch, files=vendored_files(), polyfills=(SHIM_PATH,))
    work = Path(tempfile.mkdtemp(prefix="kb-bundle-"))
    try:
        build(root, work / "site", languages, report=say, offline=offline)
        # The source language is the site's root; a bundle of another language alone has that language at its top.
        site_root = work / "site" if SOURCE_LANGUAGE in languages else work / "site" / languages[0]
        names = [name for name in site_files(site_root, exclude=[MARKER]) if not name.endswith(SOURCE_MAPS)]
        about: dict[str, object] = {
            "name": NAME, "version": stamp.version, "built": stamp.built_iso, "source_date_epoch": stamp.epoch,
            "languages": list(languages), "generator": f"kb {__version__}",
        }
        say(f"pack: {len(names)} files into {target}")
        packed = pack(site_root, names, target, stamp.epoch, about)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return Bundle(target, stamp, languages, packed)
