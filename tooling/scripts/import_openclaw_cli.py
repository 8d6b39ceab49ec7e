#!/usr/bin/env python3
"""Regenerate kb/cli/openclaw/<version>.yaml from upstream openclaw CLI dumps.

Thin wrapper: reading, converting and rendering live in kbtool.clitree; this
script only handles arguments, files and error reporting.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import NoReturn

import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]

try:
    from kbtool.clitree import CliTreeError, convert_tree, render_cli_yaml
except ImportError:  # run without the editable install: use the source tree beside this script
    sys.path.insert(0, str(REPO_ROOT / "tooling"))
    from kbtool.clitree import CliTreeError, convert_tree, render_cli_yaml

PROG = "import_openclaw_cli"
PROGRAM = "openclaw"
DEFAULT_OUT = REPO_ROOT / "kb" / "cli" / PROGRAM
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Parser(argparse.ArgumentParser):
    """Usage errors exit 1 like every other error of this script."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(1, f"{self.prog}: error: {message}\n")


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(
        prog=PROG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=(
            "Convert upstream openclaw CLI dumps (openclaw-cli-<version>.yaml, described in the\n"
            "facts' CLI-VERSIONS.md) into the knowledge base's own command reference, one file per\n"
            "version: <out-dir>/<version>.yaml, the version taken from the dump's source.version.\n"
            "Existing files are replaced atomically. The output is deterministic: the same dump\n"
            "always gives a byte-identical file. Prints one line per file written; on any error\n"
            "prints a message to stderr and exits 1 (no file is written if any input is bad)."
        ),
        epilog=(
            "example (from the repository root; kb/cli/README.md has the details):\n"
            "  .venv/bin/python tooling/scripts/import_openclaw_cli.py \\\n"
            "    ../shared/facts/openclaw-cli-2026.2.3.yaml \\\n"
            "    ../shared/facts/openclaw-cli-2026.6.35.yaml \\\n"
            "    ../shared/facts/openclaw-cli-2026.9.6.yaml"
        ),
    )
    parser.add_argument("inputs", nargs="+", type=Path, metavar="DUMP.yaml", help="upstream CLI dump(s) to import")
    parser.add_argument(
        "--out-dir",
        type=Path,
        default=DEFAULT_OUT,
        help=f"directory to write <version>.yaml into (default: kb/cli/{PROGRAM} of this repository)",
    )
    args = parser.parse_args(argv)
    try:
        rendered = [(_render(path), path) for path in args.inputs]
        versions: dict[str, Path] = {}
        for (version, _), path in rendered:
            if version in versions:
                raise CliTreeError(f"{path} and {versions[version]} are both version {version}")
            versions[version] = path
        for (version, text), path in rendered:
            target = args.out_dir / f"{version}.yaml"
            size = _write_atomically(target, text.encode("utf-8"))
            print(f"wrote {_shown(target)} ({size} bytes) from {path.name}")
    except CliTreeError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"{PROG}: error: cannot write into {args.out_dir}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0


def _render(path: Path) -> tuple[str, str]:
    """Read, convert and render one dump; returns (version, file text)."""
    try:
        with path.open(encoding="utf-8") as handle:
            upstream = yaml.load(handle, Loader=_LOADER)
    except OSError as exc:
        raise CliTreeError(f"cannot read {path}: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CliTreeError(f"{path} is not valid YAML: {exc}") from None
    try:
        doc = convert_tree(upstream, imported_from=path.name, program=PROGRAM)
    except CliTreeError as exc:
        raise CliTreeError(f"{path}: {exc}") from None
    return doc["version"], render_cli_yaml(doc)


def _write_atomically(target: Path, data: bytes) -> int:
    """Write via a temp file in the same directory and os.replace, so readers never see half a file."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(data)


def _shown(path: Path) -> str:
    """Repository-relative path when possible, for short and stable messages."""
    try:
        return str(path.resolve().relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
