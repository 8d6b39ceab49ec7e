"""Every ``openclaw`` invocation in the linted records' command snippets, checked over its version range.

The five command rules (KB302-KB306) share this walk; parsing and checking
are cached, so running them one after the other costs one pass.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from kbtool.lint.context import LintContext, RecordFile
from kbtool.lint.snippets.openclaw import RangeProblem, check_range, command_line, narrower_range, versions_in_range
from kbtool.lint.snippets.positions import at_offset
from kbtool.lint.snippets.programs import Invocation, invocations
from kbtool.lint.snippets.shell import Command, parse
from kbtool.lint.snippets.sites import SnippetSite, snippet_sites
from kbtool.model.finding import Finding
from kbtool.model.rule import RuleInfo


@dataclass(frozen=True, slots=True)
class ProgramRun:
    """One program started by a command snippet of a linted record."""

    record: RecordFile
    site: SnippetSite
    command: Command
    invocation: Invocation


@dataclass(frozen=True, slots=True)
class OpenclawProblem:
    """A problem of one ``openclaw`` invocation over the versions its step applies to."""

    run: ProgramRun
    problem: RangeProblem
    versions: tuple[str, ...]


def program_runs(ctx: LintContext) -> Iterator[ProgramRun]:
    """Every program every command snippet of the linted records starts, in file order."""
    for rf in ctx.linted():
        for site in snippet_sites(rf.record, rf.doc.data):
            if not site.is_command:
                continue
            for command in parse(site.snippet.code, site.shell).commands:
                for invocation in invocations(command):
                    yield ProgramRun(rf, site, command, invocation)


def openclaw_runs(ctx: LintContext) -> Iterator[tuple[ProgramRun, tuple[str, ...]]]:
    """Every ``openclaw`` invocation, with the imported versions its step applies to."""
    for run in program_runs(ctx):
        if run.invocation.program == "openclaw":
            yield run, versions_in_range(ctx.cli, *run.site.ranges)


def openclaw_problems(ctx: LintContext) -> Iterator[OpenclawProblem]:
    """Every problem of every ``openclaw`` invocation, in any version of its range."""
    for run, versions in openclaw_runs(ctx):
        for problem in check_range(run.invocation.args, ctx.cli, versions):
            yield OpenclawProblem(run, problem, versions)


def problems_everywhere(ctx: LintContext, kind: str) -> Iterator[OpenclawProblem]:
    """Problems of one ``kind`` (``command``, ``subcommand``, ``option``, ``value``) in every version of the range.

    A problem in only some versions is KB306's, whatever its kind.
    """
    for found in openclaw_problems(ctx):
        if found.problem.problem.kind == kind and found.problem.everywhere:
            yield found


def report(rule: RuleInfo, found: OpenclawProblem, message: str) -> Finding:
    """A finding at the offending word of the snippet, in the record file."""
    return at_offset(rule, found.run.record.doc, found.run.site.path, found.problem.word.start,
                     found.problem.problem.word, message)


def version_list(versions: Sequence[str]) -> str:
    """``2026.2.3``, ``2026.2.3 and 2026.6.35``, ``2026.2.3, 2026.6.35 and 2026.9.6``."""
    if len(versions) <= 1:
        return "".join(versions)
    return f"{', '.join(versions[:-1])} and {versions[-1]}"


def narrowing_advice(passing: Sequence[str], versions: Sequence[str]) -> str:
    """How to fix a step whose command only works in ``passing``: the range to write, or a split."""
    narrower = narrower_range(passing, versions)
    if narrower is None:
        return "split the step by version"
    return f'narrow the step\'s `applies_to` to `openclaw: "{narrower}"`'


__all__ = ["OpenclawProblem", "ProgramRun", "command_line", "narrowing_advice", "openclaw_problems",
           "openclaw_runs", "problems_everywhere", "program_runs", "report", "version_list"]
