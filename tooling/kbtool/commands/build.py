"""``kb build``: validate, generate and build the multilingual site, replacing the output only on success."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from kbtool.build.pipeline import STAGES, build
from kbtool.render.languages import LANGUAGES, SOURCE_LANGUAGE

HELP = "build the multilingual site (English at the root, ja/ fr/ zh/ beside it)"
DESCRIPTION = f"""\
Build the site from the knowledge base, in stages: {' → '.join(name for name, _ in STAGES)}.

Records are validated, rendered into one Markdown tree per language, and each
language is built by MkDocs + Material (mkdocs.yml at the root is the shared
base configuration) in strict mode, in parallel. The output directory is
replaced only when every stage succeeded: a failed build leaves the previous
site untouched.

exit status: 0 built, 1 the knowledge base or the build has problems, 2 usage error
"""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("build", help=HELP, description=DESCRIPTION,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="where the site goes (default: site/ in the knowledge base)")
    parser.add_argument("--lang", action="append", choices=[lang.code for lang in LANGUAGES], metavar="LANG",
                        help="build only this language (repeatable; default: all of "
                             f"{', '.join(lang.code for lang in LANGUAGES)})")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    out: Path = args.out if args.out is not None else args.root / "site"

    def report(message: str) -> None:
        print(f"kb build: {message}", file=sys.stderr, flush=True)

    state = build(args.root, out, args.lang, report=report)
    shown = shlex.quote(str(out))
    built = ", ".join(lang.code for lang in state.languages)
    home = out / "index.html" if any(lang.code == SOURCE_LANGUAGE for lang in state.languages) else out
    print(f"Site built in {out}/ ({built}).")
    print(f"Serve it:  python -m http.server -d {shown} 8000   then open http://127.0.0.1:8000/")
    print(f"Or open {home} in a browser (search needs the HTTP server).")
    return 0
