"""An ``openclaw`` invocation checked against the CLI reference of every version of a range.

Arguments are read the way commander (the CLI framework of OpenClaw) reads
them: program options may come before the command; command words are
resolved through names and aliases; an option that takes a required value
consumes the next word even when it starts with a dash (commander's
documented "greedy" behaviour), but a word that is itself an option of the
command is reported as a missing value, since that is what the author
meant; ``--opt=value`` and ``-abc`` (clustered short flags) are accepted;
``--`` ends the options; ``help`` is commander's implicit help command
wherever there are subcommands. Two argv rewrites happen before commander
sees the arguments, in every imported version: ``--update`` becomes
``update``, and ``-v`` means ``--version`` (GROUND-TRUTH section 1 and
CLI-VERSIONS.md in the shared facts).

Each problem is keyed by where it stands and what it is, so problems of
different versions can be compared: one found in every version of the
range is reported by the rule of its kind; one found in some versions only
is reported as version-dependent (KB306), naming the versions.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from packaging.specifiers import InvalidSpecifier, SpecifierSet

from kbtool.clitree import ROOT, CliCatalog, CliReference
from kbtool.lint.context import closest
from kbtool.lint.snippets.shell import Word

ProblemKind = Literal["command", "subcommand", "option", "value"]

#: Commander adds a ``help [command]`` subcommand to every command that has subcommands; the
#: reference lists only declared commands.
IMPLICIT_HELP = "help"

#: Rewrites of argv done by OpenClaw before commander parses it.
ARGV_REWRITES = {"--update": "update", "-v": "--version"}


@dataclass(frozen=True, slots=True)
class CliProblem:
    """One problem of an invocation in one version."""

    kind: ProblemKind
    index: int
    """Index of the offending word in the invocation's arguments."""
    word: str
    command: str
    """Canonical path of the command the word was read under (``""`` for the program)."""
    suggestion: str | None = None


@dataclass(frozen=True, slots=True)
class RangeProblem:
    """A problem over a version range: the versions where it occurs, and those where it does not."""

    problem: CliProblem
    word: Word
    failing: tuple[str, ...]
    passing: tuple[str, ...]

    @property
    def everywhere(self) -> bool:
        return not self.passing


def versions_in_range(catalog: CliCatalog, *ranges: dict[str, str]) -> tuple[str, ...]:
    """Imported versions inside every ``openclaw`` range given (no range: all of them).

    A range that cannot be read is left out here: validation reports it (KB032).
    """
    versions = catalog.versions()
    for applies_to in ranges:
        spec = applies_to.get(catalog.program)
        if not spec:
            continue
        try:
            specifier = SpecifierSet(spec)
        except InvalidSpecifier:
            continue
        versions = tuple(v for v in versions if specifier.contains(v, prereleases=True))
    return versions


def check_range(args: Sequence[Word], catalog: CliCatalog, versions: Sequence[str]) -> list[RangeProblem]:
    """Every problem of ``openclaw ARGS`` in any of ``versions``, with the versions it occurs in."""
    texts = tuple(w.text if w.literal else "" for w in args)
    by_key: dict[tuple[ProblemKind, int, str], list[tuple[str, CliProblem]]] = {}
    for version in versions:
        for problem in check(texts, catalog.for_version(version)):
            by_key.setdefault((problem.kind, problem.index, problem.word), []).append((version, problem))
    result = []
    for found in by_key.values():
        failing = tuple(v for v, _ in found)
        newest = found[-1][1]
        passing = tuple(v for v in versions if v not in failing)
        result.append(RangeProblem(newest, args[newest.index], failing, passing))
    return sorted(result, key=lambda p: p.problem.index)


@lru_cache(maxsize=4096)
def check(args: tuple[str, ...], reference: CliReference) -> tuple[CliProblem, ...]:
    """Problems of ``openclaw ARGS`` in one version; a word that is not literal is written as ``""``.

    Reading stops at the first unknown command word or unknown option, as
    commander does; what follows cannot be interpreted.
    """
    words = [ARGV_REWRITES.get(w, w) for w in args]
    index = 0
    path = ROOT
    problems: list[CliProblem] = []
    while index < len(words):
        word = words[index]
        if word == "--":
            break
        if word.startswith("-") and word != "-":
            consumed, problem = _option(reference, path, words, index)
            if problem is not None:
                problems.append(problem)
                if problem.kind == "option":
                    break
            index += consumed
            continue
        child = reference.resolve_child(path, word) if word else None
        if child is not None:
            path = child
            index += 1
            continue
        spec = reference.command(path)
        if word == IMPLICIT_HELP and reference.subcommands(path):
            break  # `openclaw help gateway`: commander's help command takes any command path
        if word and reference.subcommands(path) and not spec.args:
            kind: ProblemKind = "command" if path == ROOT else "subcommand"
            candidates = reference.subcommands(path, include_hidden=False, include_aliases=True)
            problems.append(CliProblem(kind, index, word, path, closest(word, candidates)))
            break
        index += 1  # a positional argument
    return tuple(problems)


def _option(reference: CliReference, path: str, words: list[str], index: int) -> tuple[int, CliProblem | None]:
    """How many words the option at ``index`` consumes, and its problem if any."""
    word = words[index]
    option = reference.find_option(path, word)
    if option is None and not word.startswith("--") and len(word) > 2:
        return _short_cluster(reference, path, words, index)
    if option is None:
        name = word.split("=", 1)[0]
        return 1, CliProblem("option", index, name, path, _similar_option(reference, path, name))
    if "=" in word or option.value == "none":
        return 1, None
    following = words[index + 1:]
    if option.value == "optional":
        return (2 if following and following[0] and not following[0].startswith("-") else 1), None
    if not following or (following[0].startswith("-") and reference.find_option(path, following[0]) is not None):
        return 1, CliProblem("value", index, word, path)
    count = 2
    if option.variadic:  # `--scope a b c`: values up to the next option
        for value in following[1:]:
            if value.startswith("-"):
                break
            count += 1
    return count, None


def _short_cluster(reference: CliReference, path: str, words: list[str], index: int) -> tuple[int, CliProblem | None]:
    """``-abc`` as ``-a -b -c``; a short option that takes a value takes the rest (``-p8080``)."""
    word = words[index]
    for position, letter in enumerate(word[1:], start=1):
        option = reference.find_option(path, f"-{letter}")
        if option is None:
            return 1, CliProblem("option", index, word, path, _similar_option(reference, path, word))
        if option.takes_value:
            rest = word[position + 1:]
            if rest or option.value == "optional":
                return 1, None
            return (2, None) if index + 1 < len(words) else (1, CliProblem("value", index, word, path))
    return 1, None


def _similar_option(reference: CliReference, path: str, flag: str) -> str | None:
    """The option of ``path`` most like ``flag``, compared without dashes and more strictly than words.

    Option names are short and share their ``--``, so difflib's default
    cutoff would offer ``--role`` for ``--force``.
    """
    names = {o.long.lstrip("-"): o.long for o in reference.options_for(path) if not o.hidden}
    matches = difflib.get_close_matches(flag.lstrip("-"), list(names), n=1, cutoff=0.75)
    return names[matches[0]] if matches else None


def command_line(path: str) -> str:
    """``openclaw`` followed by a canonical command path."""
    return f"openclaw {path}" if path else "openclaw"


def narrower_range(passing: Sequence[str], versions: Sequence[str]) -> str | None:
    """A range holding exactly ``passing`` among ``versions`` when it is an end of them (``>=2026.9.6``)."""
    if not passing:
        return None
    ordered = list(versions)
    positions = sorted(ordered.index(v) for v in passing)
    if positions != list(range(positions[0], positions[0] + len(positions))):
        return None
    if positions[-1] == len(ordered) - 1:
        return f">={ordered[positions[0]]}"
    if positions[0] == 0:
        return f"<{ordered[positions[-1] + 1]}"
    return f">={ordered[positions[0]]},<{ordered[positions[-1] + 1]}"
