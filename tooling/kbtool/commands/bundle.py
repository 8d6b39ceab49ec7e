"""``kb bundle``: the site for reading offline, in one reproducible zip."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kbtool.bundle import make_bundle
from kbtool.bundle.archive import MANIFEST_FILE, SUMS_FILE
from kbtool.render.languages import LANGUAGES

HELP = "pack the site for reading offline into one zip (every language, or one)"
DESCRIPTION = f"""\
Build the site for the file system and pack it into a zip that opens with
no server and no network: unzip it anywhere and open index.html. Navigation,
the language switcher, search (Japanese and Chinese too) and the "Paste your
error" page all work from file://, and every page shows the knowledge base
version and build date.

The build is the one of `kb build` (a knowledge base with errors makes no
bundle), for the file system. The zip also holds {SUMS_FILE} (check the
unpacked files with `sha256sum -c {SUMS_FILE}`) and {MANIFEST_FILE}.

Reproducible: two bundles of the same commit are byte-identical. The
version is `git describe --tags --always --dirty`; the date is
SOURCE_DATE_EPOCH when set, else the time of the last commit.

The search worker shim (npm iframe-worker, MIT) is downloaded once from the
npm registry, checked against a pinned checksum and cached in
$KB_CACHE_DIR (default ~/.cache/kb).

exit status: 0 written, 1 the knowledge base or the build has problems, 2 usage error
"""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("bundle", help=HELP, description=DESCRIPTION,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, metavar="FILE",
                        help="the zip file to write (default: dist/openclaw-kb-<version>[-<lang>].zip); "
                             "a previous bundle there is replaced only when the new one is complete")
    parser.add_argument("--lang", choices=[lang.code for lang in LANGUAGES], metavar="LANG",
                        help="bundle only this language, at the top of the zip "
                             f"(one of {', '.join(lang.code for lang in LANGUAGES)}; default: all)")
    parser.set_defaults(run=run)


def _size(count: int) -> str:
    """``1234567`` → ``1.2 MB`` (decimal units, as file managers show)."""
    if count < 1000:
        return f"{count} bytes"
    value = count / 1000
    for unit in ("KB", "MB"):
        if value < 1000:
            return f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} GB"


def run(args: argparse.Namespace) -> int:
    def report(message: str) -> None:
        print(f"kb bundle: {message}", file=sys.stderr, flush=True)

    bundle = make_bundle(args.root, args.out, args.lang, report=report)
    print(f"Bundle written: {bundle.path} ({_size(bundle.packed.size)}, {len(bundle.packed.files)} files; "
          f"{', '.join(bundle.languages)}; version {bundle.stamp.version}, built {bundle.stamp.built_iso})")
    print(f"Unzip it and open index.html in a browser; check the files with: sha256sum -c {SUMS_FILE}")
    return 0
