"""Every OpenClaw config key a linted record uses: in ``openclaw.json`` snippets and in ``openclaw config`` commands."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kbtool.lint.context import LintContext, RecordFile
from kbtool.lint.snippets.commands import program_runs
from kbtool.lint.snippets.config_formats import json_keys, parse_error
from kbtool.lint.snippets.config_keys import is_openclaw_config, split_config_path
from kbtool.lint.snippets.sites import SnippetSite, snippet_sites

#: ``openclaw config`` subcommands whose first argument is a config path.
PATH_SUBCOMMANDS = frozenset({"get", "set", "unset"})


@dataclass(frozen=True, slots=True)
class KeyUse:
    """One key of the OpenClaw config, named by the whole path down to it, written at ``offset`` of a snippet."""

    record: RecordFile
    site: SnippetSite
    path: tuple[str | int, ...]
    offset: int


def config_key_uses(ctx: LintContext) -> Iterator[KeyUse]:
    """Each key of every ``openclaw.json`` snippet that parses, and each part of every ``config get/set/unset`` path."""
    for rf in ctx.linted():
        for site in snippet_sites(rf.record, rf.doc.data):
            snippet = site.snippet
            if snippet.file is None or snippet.format not in ("json", "json5") or not is_openclaw_config(snippet.file):
                continue
            if parse_error(snippet.code, snippet.format) is not None:
                continue
            for key in json_keys(snippet.code):
                yield KeyUse(rf, site, key.path, key.offset)
    for run in program_runs(ctx):
        args = run.invocation.args
        if run.invocation.program != "openclaw" or len(args) < 3:
            continue
        if args[0].text != "config" or args[1].text not in PATH_SUBCOMMANDS or not args[2].literal:
            continue
        word = args[2]
        shift = word.start + (1 if run.site.snippet.code[word.start] in "'\"" else 0)
        parts = split_config_path(word.text)
        for end, (_, offset) in enumerate(parts, start=1):
            yield KeyUse(run.record, run.site, tuple(p for p, _ in parts[:end]), shift + offset)
