"""``kb match``: which records match a pasted error, a log or a terminal dump."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import BinaryIO

from kbtool.build.base_config import read_base_config
from kbtool.errors import UsageError
from kbtool.i18n.files import Translation, load_translations
from kbtool.load.layout import find_layout
from kbtool.match.matcher import Matcher, RecordMatch
from kbtool.match.normalize import BLOCK, decode_blocks
from kbtool.render.context import Site
from kbtool.render.languages import BY_CODE, SOURCE_LANGUAGE, language
from kbtool.render.links import html_path, record_page
from kbtool.render.match_page import localized_title
from kbtool.validate.cache import valid_records

HELP = "find the records that match an error message or a log"
DESCRIPTION = """\
Read an error message, a log or a whole terminal dump from FILE (or standard
input: paste, then Ctrl-D), run every record's signatures over it, and print
the matching records best first: id, title, the line that matched and the
page's URL. These are the rules of the site's "Paste your error" page.

The input may be any size and encoding: invalid UTF-8 is replaced, a UTF-16
byte-order mark (PowerShell's redirected output) is honoured; ANSI colour
codes, leading timestamps and docker compose prefixes are ignored.

URLs: --base-url, else `site_url` in mkdocs.yml, else the local build in
--site DIR (default: site/), as file:// URLs.

--format json prints a list of objects: id, title, score, matched (the line
that matched, cut around the match when longer than 300 characters), line
(its number, from 1), span (start and end of the match in `matched`, in
characters), url.

Records that do not validate are left out, with a warning. The valid records
are kept in the cache directory ($KB_CACHE_DIR, default ~/.cache/kb) until a
file under kb/ changes, so later runs start at once.

exit status: 0 a record matched, 1 nothing matched, 2 usage error
"""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("match", help=HELP, description=DESCRIPTION,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input", nargs="?", default="-", metavar="FILE",
                        help="the log or message to match; - or nothing for standard input")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.add_argument("--lang", choices=sorted(BY_CODE), default=SOURCE_LANGUAGE,
                        help="language of the titles and page URLs (default: en)")
    parser.add_argument("--base-url", metavar="URL",
                        help="URL of the published site, such as https://kb.example.org/ (default: see above)")
    parser.add_argument("--site", type=Path, metavar="DIR",
                        help="the local build the URLs point to when no base URL is known (default: site/)")
    parser.add_argument("--limit", type=int, default=0, metavar="N",
                        help="print at most N records (default: all that match)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.limit < 0:
        raise UsageError("--limit must be 0 (all) or more")
    layout = find_layout(args.root)
    validation = valid_records(layout)
    records = validation.records
    if validation.error_count:
        print(f"kb match: warning: {validation.error_count} problems in the knowledge base; invalid records are "
              "left out (run `kb validate`)", file=sys.stderr)
    translations: dict[tuple[str, str], Translation] = {}
    if args.lang != SOURCE_LANGUAGE:
        translations, _problems = load_translations(layout, (args.lang,))
    site = Site(records, validation.registries, translations=translations)
    base = _base_url(args, layout.root)
    matcher = Matcher(validation.signatures)
    with _open_input(args.input) as stream:
        matches = matcher.match_pieces(decode_blocks(_blocks(stream)))
    if args.limit:
        matches = matches[: args.limit]
    entries = [_entry(m, site, args.lang, base) for m in matches]
    if args.format == "json":
        sys.stdout.write(json.dumps([asdict(e) for e in entries], ensure_ascii=False, indent=2) + "\n")
    else:
        _print_text(entries)
    if not matches:
        print("kb match: no record matches; try the site's search with the exact message", file=sys.stderr)
    return 0 if matches else 1


@dataclass(frozen=True, slots=True)
class _Entry:
    """One matching record as printed; the fields are the JSON keys."""

    id: str
    title: str
    score: int
    matched: str
    line: int
    span: tuple[int, int]
    url: str


def _entry(match: RecordMatch, site: Site, lang: str, base: str) -> _Entry:
    record = site.records[match.record_id]
    text, start, end = match.hit.excerpt()
    return _Entry(record.id, localized_title(site, record, lang), match.score, text, match.hit.line, (start, end),
                  base + language(lang).prefix + html_path(record_page(record.id)))


def _print_text(entries: list[_Entry]) -> None:
    highlight = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    for number, entry in enumerate(entries, 1):
        start, end = entry.span
        text = entry.matched
        shown = text[:start] + "\033[1;31m" + text[start:end] + "\033[0m" + text[end:] if highlight else text
        print(f"{number}. {entry.id}: {entry.title}  (score {entry.score})")
        print(f"   line {entry.line}: {shown}")
        print(f"   {entry.url}")


def _base_url(args: argparse.Namespace, root: Path) -> str:
    base: str | None = args.base_url
    if base is None:
        base = read_base_config(root).site_url if (root / "mkdocs.yml").is_file() else None
    if base is None:
        site = args.site if args.site is not None else root / "site"
        base = site.resolve().as_uri()
    return base if base.endswith("/") else base + "/"


def _open_input(name: str) -> contextlib.AbstractContextManager[BinaryIO]:
    """The named file (closed after use), or standard input for ``-`` (left open)."""
    if name == "-":
        if sys.stdin.isatty():
            print("Paste the error or log, then press Ctrl-D on a line of its own.", file=sys.stderr)
        return contextlib.nullcontext(sys.stdin.buffer)
    path = Path(name)
    if path.is_dir():
        raise UsageError(f"{path}: is a directory; give a log file, or - to read standard input")
    try:
        return path.open("rb")
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _blocks(stream: BinaryIO) -> Iterator[bytes]:
    while block := stream.read(BLOCK):
        yield block
