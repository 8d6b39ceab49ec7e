"""The ``kb`` command: parse arguments, run one verb, turn errors into exit codes.

Exit status contract for every verb: 0 clean, 1 problems found, 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from kbtool import __version__
from kbtool.errors import KbError

#: The verbs, in the order ``kb --help`` lists them; each is a module of ``kbtool.commands``.
COMMANDS = ("validate", "lint", "match", "build", "bundle", "serve", "i18n", "new")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every verb, or of ``only`` (a verb's module imports what it runs, which takes time)."""
    parser = argparse.ArgumentParser(
        prog="kb",
        description="Check, match and publish the OpenClaw / Moltworker troubleshooting knowledge base.",
        epilog="Run `kb COMMAND --help` for a command's options. Exit status: 0 clean, 1 problems found, 2 usage error.",
    )
    parser.add_argument("--version", action="version", version=f"kb {__version__}")
    parser.add_argument("--root", type=Path, default=Path("."), metavar="DIR",
                        help="the knowledge base to work on: the directory holding kb/ (default: current directory)")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in COMMANDS:
        if only is None or name == only:
            importlib.import_module(f"kbtool.commands.{name}").add_parser(subparsers)
    return parser


def _verb(argv: Sequence[str]) -> str | None:
    """The verb ``argv`` names, when it is one: then only that verb's module is imported."""
    words = iter(argv)
    for word in words:
        if word in ("-h", "--help"):
            return None  # the top-level help, which lists every verb
        if word == "--root":
            next(words, None)
        elif not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(only=_verb(arguments))
    args = parser.parse_args(arguments)
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
