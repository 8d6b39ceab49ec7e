"""``kb lint``: everything ``kb validate`` checks, plus the rules that keep contributed fixes trustworthy."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kbtool.commands.validate import expand_paths
from kbtool.errors import UsageError
from kbtool.i18n.files import translation_dir
from kbtool.i18n.workspace import TARGET_LANGUAGES
from kbtool.lint.config import load_config
from kbtool.lint.docs import rules_markdown
from kbtool.lint.engine import LintOptions, lint
from kbtool.lint.registry import rule_infos
from kbtool.load.layout import Layout, find_layout
from kbtool.model.finding import Severity
from kbtool.output.formatters import FORMATTERS
from kbtool.output.progress import Progress
from kbtool.validate import codes

HELP = "check records beyond their format: links, commits, commands, sources, translations"
DESCRIPTION = """\
Run everything `kb validate` checks, then the lint rules on every valid
record: links between records and to anchors, cited commits against their
repository, commands and configuration snippets, secrets, sources, and the
record's translations in i18n/.
`kb lint --list-rules` lists the rules; docs/lint-rules.md documents them.

Every finding is printed as
  path:line:col: severity KBnnn message

configuration: [tool.kb.lint] in pyproject.toml, or [lint] in kb.toml, at the
knowledge base root:
  disable = ["KB105"]            rules to switch off
  severity = { KB204 = "error" } error, warning or info

suppressions (YAML comments in a record):
  key: value  # kb: disable=KB301          findings of KB301 on this line
  # kb: disable-next-line=KB301,KB302      findings on the next line
  # kb: disable-file=KB105                 findings of KB105 in this record
A suppression that suppresses nothing is reported (KB099).

exit status: 0 no errors, 1 errors found (or warnings, with --strict),
2 usage error (a bad option, configuration, --git-dir or --site)
"""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("lint", help=HELP, description=DESCRIPTION,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", metavar="PATH", type=Path,
                        help="record files or directories of records to report on (default: every record); "
                             "a translation (i18n/LANG/ID.yaml) stands for its record, which is linted with its "
                             "translations; links are checked against every record")
    parser.add_argument("--format", choices=sorted([*FORMATTERS, "markdown"]), default="text",
                        help="output format (default: text); markdown only with --list-rules")
    parser.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    parser.add_argument("--git-dir", action="append", default=[], metavar="OWNER/NAME=PATH",
                        help="check commits of repository OWNER/NAME in the local clone at PATH instead of its "
                             "manifest (runs git locally, no network); repeatable")
    parser.add_argument("--site", type=Path, metavar="DIR",
                        help="also check every internal link and #fragment of the built site in DIR (KB107)")
    parser.add_argument("--list-rules", action="store_true",
                        help="list the rules (id, default severity, slug, summary) and exit; "
                             "--format json or markdown for their documentation")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.list_rules:
        return list_rules(args.format)
    if args.format == "markdown":
        raise UsageError("--format markdown is for --list-rules; findings are text, json, github or sarif")
    layout = find_layout(args.root)
    rules = rule_infos()
    options = LintOptions(config=load_config(layout.root, [rule.id for rule in rules]),
                          git_dirs=parse_git_dirs(args.git_dir), site_dir=_site_dir(args.site))
    paths = _records_of(layout, expand_paths(args.paths)) if args.paths else None
    progress = Progress("linting", total=len(paths) if paths is not None else len(layout.record_files()))
    result = lint(layout, paths, options, progress=progress.step)
    progress.done()
    sys.stdout.write(FORMATTERS[args.format](result.findings, [*codes.ALL, *rules]))
    errors, warnings, infos = (result.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    print(f"{result.files_checked} files checked, {result.records_linted} records linted: "
          f"{_count(errors, 'error')}, {_count(warnings, 'warning')}, {_count(infos, 'suggestion')}",
          file=sys.stderr)
    return 1 if errors or (args.strict and warnings) else 0


def _records_of(layout: Layout, paths: list[Path]) -> list[Path]:
    """``paths`` with each translation replaced by its record (a pre-commit hook passes the translations a
    commit changes; a translation is linted with its record, read as a record it would only give false errors)."""
    translated = {translation_dir(layout, lang).resolve() for lang in TARGET_LANGUAGES}
    records: dict[Path, None] = {}  # in the order given, once each (a record and its translation may both change)
    for path in paths:
        if path.resolve().parent in translated:
            record = layout.records_dir / path.name
            if not record.is_file():
                raise UsageError(f"{path}: a translation of `{path.stem}`, which has no record "
                                 f"(kb/records/{path.name}); remove the translation or add the record")
            path = record
        records[path] = None
    return list(records)


def list_rules(output_format: str) -> int:
    rules = rule_infos()
    if output_format == "markdown":
        sys.stdout.write(rules_markdown(rules))
    elif output_format == "json":
        sys.stdout.write(json.dumps([{"id": r.id, "slug": r.slug, "severity": r.severity.value,
                                      "summary": r.summary, "doc": r.doc} for r in rules],
                                    ensure_ascii=False, indent=2) + "\n")
    elif output_format == "text":
        width = max((len(r.slug) for r in rules), default=0)
        for rule in rules:
            sys.stdout.write(f"{rule.id}  {rule.severity.value:<7}  {rule.slug:<{width}}  {rule.summary}\n")
    else:
        raise UsageError(f"--list-rules prints text, json or markdown, not {output_format}")
    return 0


def parse_git_dirs(values: list[str]) -> dict[str, Path]:
    """``owner/name=PATH`` options as a mapping; a malformed or repeated one is a usage error."""
    git_dirs: dict[str, Path] = {}
    for value in values:
        repo, sep, path = value.partition("=")
        if not sep or repo.count("/") != 1 or not path or not all(repo.split("/")):
            raise UsageError(f"--git-dir {value!r}: expected OWNER/NAME=PATH, such as cloudflare/moltworker=../moltworker")
        if repo in git_dirs:
            raise UsageError(f"--git-dir: {repo} is given twice")
        git_dirs[repo] = Path(path)
    return git_dirs


def _site_dir(site: Path | None) -> Path | None:
    if site is not None and not site.is_dir():
        raise UsageError(f"--site {site}: no such directory; build the site first with `kb build`")
    return site


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' * (number != 1)}"
