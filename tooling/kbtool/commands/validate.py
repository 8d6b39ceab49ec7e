"""``kb validate``: check records and registries against the format, reporting every problem."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kbtool.errors import UsageError
from kbtool.load.layout import find_layout
from kbtool.output.formatters import FORMATTERS
from kbtool.output.progress import Progress
from kbtool.validate import codes
from kbtool.validate.engine import validate

HELP = "check records and registries against the record format"
DESCRIPTION = """\
Check every record (kb/records/*.yaml) and the registries (kb/products.yaml,
kb/repos.yaml) against the JSON Schemas in kb/schema/ and the rules the schema
cannot express: file name and id agree, ids are unique, products and
repositories exist in the registries, version ranges parse. YAML anchors,
aliases, tags, duplicate and non-text keys are refused.

Every problem in every file is reported, one per line, as
  path:line:col: error KBnnn message
(or as JSON, GitHub workflow commands or SARIF 2.1.0 with --format)

exit status: 0 no errors, 1 errors found, 2 usage error
"""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("validate", help=HELP, description=DESCRIPTION,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", metavar="PATH", type=Path,
                        help="record files or directories of records (default: every record)")
    parser.add_argument("--format", choices=sorted(FORMATTERS), default="text",
                        help="output format (default: text)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    layout = find_layout(args.root)
    paths = expand_paths(args.paths) if args.paths else None
    progress = Progress("validating", total=len(paths) if paths is not None else len(layout.record_files()))
    result = validate(layout, paths, progress=progress.step)
    progress.done()
    sys.stdout.write(FORMATTERS[args.format](result.findings, codes.ALL))
    errors = result.error_count
    warnings = len(result.findings) - errors
    print(f"{result.files_checked} files checked: {errors} error{'s' * (errors != 1)}, "
          f"{warnings} warning{'s' * (warnings != 1)}", file=sys.stderr)
    return 1 if errors else 0


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files as given; directories expanded to the ``*.yaml`` files directly in them."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix == ".yaml" and p.is_file()))
        elif path.exists():
            files.append(path)
        else:
            raise UsageError(f"{path}: no such file or directory")
    return files
