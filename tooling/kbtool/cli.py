"""The ``kb`` command: parse arguments, run one verb, turn errors into exit codes.

Exit status contract for every verb: 0 clean, 1 problems found, 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from kbtool import __version__
from kbtool.commands import build, bundle, i18n, lint, match, new, serve, validate
from kbtool.errors import KbError

COMMANDS = (validate, lint, match, build, bundle, serve, i18n, new)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kb",
        description="Check, match and publish the OpenClaw / Moltworker troubleshooting knowledge base.",
        epilog="Run `kb COMMAND --help` for a command's options. Exit status: 0 clean, 1 problems found, 2 usage error.",
    )
    parser.add_argument("--version", action="version", version=f"kb {__version__}")
    parser.add_argument("--root", type=Path, default=Path("."), metavar="DIR",
                        help="the knowledge base to work on: the directory holding kb/ (default: current directory)")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.run(args))
    except KbError as exc:
        print(f"kb: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("kb: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `kb lint --list-rules | head`: the reader left; say nothing more, as `cat` would.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def console_main() -> None:
    """Entry point of the installed ``kb`` script."""
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    console_main()
