"""The real knowledge base: examples as users paste them, and every openclaw command real.

These check the content of kb/records/ against kb/cli/ (the command reference
taken from released OpenClaw versions). `kb lint` will grow rules for the same
families; until then this suite is what keeps the records honest.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator

import pytest
from packaging.specifiers import SpecifierSet

from conftest import REPO
from kbtool.clitree import CliCatalog, load_catalog
from kbtool.load.layout import Layout
from kbtool.model.record import Record, Signature, Step
from kbtool.validate.engine import validate

VALIDATION = validate(Layout(REPO))
RECORDS = sorted(VALIDATION.records.values(), key=lambda r: r.id)
CATALOG = load_catalog(REPO / "kb")

# Constructs Python accepts but JavaScript's RegExp does not (or reads differently):
# the error-lookup page runs the same signatures in the browser.
NOT_PORTABLE = re.compile(r"\(\?P|\(\?<[=!]|\(\?<\w|\(\?[aiLmsux]|\\[AZz]|\*\+|\+\+|\?\+")


def test_knowledge_base_is_valid_and_has_records() -> None:
    assert VALIDATION.findings == []
    assert len(RECORDS) >= 1


def _matches(signature: Signature, line: str) -> bool:
    if signature.text is not None:
        return signature.text in line
    assert signature.regex is not None
    return re.search(signature.regex, line) is not None


def _signatures() -> Iterator[tuple[str, int, Signature]]:
    for record in RECORDS:
        for index, signature in enumerate(record.signatures):
            yield record.id, index, signature


@pytest.mark.parametrize(("record_id", "index", "signature"), list(_signatures()),
                         ids=[f"{r}[{i}]" for r, i, _ in _signatures()])
def test_examples_match_and_counter_examples_do_not(record_id: str, index: int, signature: Signature) -> None:
    for example in signature.examples:
        assert _matches(signature, example), f"{record_id} signature {index} does not match its example {example!r}"
    for counter in signature.counter_examples:
        assert not _matches(signature, counter), f"{record_id} signature {index} matches counter-example {counter!r}"


@pytest.mark.parametrize(("record_id", "index", "signature"), list(_signatures()),
                         ids=[f"{r}[{i}]" for r, i, _ in _signatures()])
def test_examples_look_as_a_user_would_paste_them(record_id: str, index: int, signature: Signature) -> None:
    for line in signature.examples + signature.counter_examples:
        assert line == line.strip(), f"{record_id}: stray whitespace around {line!r}"
        assert "\n" not in line and "\t" not in line, f"{record_id}: an example is one pasted line: {line!r}"
        assert not re.search(r'\\[nt"]', line), f"{record_id}: YAML escape left in {line!r}"
        assert line[0] not in "'\"", f"{record_id}: quote character left in {line!r}"


def test_every_record_has_an_example() -> None:
    for record in RECORDS:
        assert any(s.examples for s in record.signatures), record.id


def test_signature_regexes_run_in_python_and_javascript() -> None:
    for record_id, index, signature in _signatures():
        if signature.regex is not None:
            re.compile(signature.regex)
            assert not NOT_PORTABLE.search(signature.regex), f"{record_id}[{index}]: {signature.regex}"


# -- every openclaw command in a step exists in the versions it claims ---------


def _versions(catalog: CliCatalog, *ranges: dict[str, str]) -> list[str]:
    versions = list(catalog.versions())
    for applies_to in ranges:
        spec = applies_to.get("openclaw")
        if spec:
            versions = [v for v in versions if SpecifierSet(spec).contains(v, prereleases=True)]
    return versions


def _steps(record: Record) -> Iterator[tuple[str, Step, list[str]]]:
    for solution in record.solutions:
        for kind, steps in (("steps", solution.steps), ("verify", solution.verify)):
            for index, step in enumerate(steps):
                versions = _versions(CATALOG, record.applies_to, solution.applies_to, step.applies_to)
                yield f"{record.id}#{solution.id} {kind}[{index}]", step, versions


def _openclaw_invocations(code: str) -> Iterator[list[str]]:
    """Each `openclaw ...` command in a bash snippet, as words (placeholders kept)."""
    # A newline ends a command like `;` does (after joining `\`-continued lines).
    code = code.replace("\\\n", " ").replace("\n", " ; ")
    lexer = shlex.shlex(code, posix=True, punctuation_chars=";&|()")
    lexer.whitespace_split = True
    lexer.commenters = "#"
    command: list[str] = []
    for token in list(lexer) + [";"]:
        if token and set(token) <= set(";&|()"):
            if command and command[0] == "openclaw":
                yield command
            command = []
        else:
            command.append(token)


def _problems(words: list[str], version: str) -> list[str]:
    reference = CATALOG.for_version(version)
    args = words[1:]
    while args and args[0].startswith("-"):  # root options before the command
        option = reference.find_option("", args[0])
        if option is None:
            return [f"unknown root option {args[0]}"]
        args = args[2:] if option.takes_value and "=" not in args[0] else args[1:]
    path, rest = reference.lookup(args)
    problems = []
    if reference.subcommands(path, include_hidden=True) and rest and not rest[0].startswith("-") \
            and not reference.command(path).args:
        problems.append(f"unknown subcommand `{rest[0]}` of `openclaw {path}`")
    skip = False
    for word in rest:
        if skip:
            skip = False
            continue
        if word.startswith("-") and word != "-":
            option = reference.find_option(path, word)
            if option is None:
                problems.append(f"unknown option {word} for `openclaw {path}`")
            elif option.value == "required" and "=" not in word:
                skip = True
    return problems


def _command_cases() -> Iterator[tuple[str, str, list[str]]]:
    for record in RECORDS:
        for where, step, versions in _steps(record):
            if step.run is None or step.run.shell != "bash":
                continue
            for words in _openclaw_invocations(step.run.code):
                yield where, " ".join(words), versions


@pytest.mark.parametrize(("where", "command", "versions"), list(_command_cases()),
                         ids=[f"{w}: {c}" for w, c, _ in _command_cases()])
def test_openclaw_commands_exist_in_every_version_they_apply_to(where: str, command: str, versions: list[str]) -> None:
    assert versions, f"{where}: the version ranges leave no known OpenClaw version"
    words = shlex.split(command)
    problems = {v: _problems(words, v) for v in versions}
    assert not any(problems.values()), f"{where}: `{command}`: {problems}"


def test_the_command_check_catches_invented_commands() -> None:
    """The blogs' `devices rotate-token --force` must fail this check in every version."""
    for version in CATALOG.versions():
        assert _problems(["openclaw", "devices", "rotate-token", "--force"], version)
        assert _problems(["openclaw", "devices", "rotate", "--device", "<device-id>", "--force"], version)
        assert not _problems(["openclaw", "devices", "rotate", "--device", "<device-id>", "--role", "operator"], version)
    assert _problems(["openclaw", "gateway", "auth-token", "--show"], "2026.2.3")
    assert not _problems(["openclaw", "gateway", "auth-token", "--show"], "2026.9.6")


# -- every cited commit is in its repository's manifest ------------------------


def _manifest(repo_id: str) -> dict[str, str]:
    """Full sha -> subject, from the repository's offline manifest (kb/commits/*.tsv)."""
    repo = VALIDATION.registries.repos[repo_id]
    assert repo.manifest, f"{repo_id} has no commit manifest"
    rows = (REPO / "kb" / repo.manifest).read_text(encoding="utf-8").splitlines()
    return {sha: subject for sha, _date, subject in (r.split("\t", 2) for r in rows if r and not r.startswith("#"))}


def test_cited_commits_exist_with_their_real_subject() -> None:
    cited = [(record.id, commit) for record in RECORDS for commit in record.commits]
    assert cited
    for record_id, commit in cited:
        known = _manifest(commit.repo)
        matches = [sha for sha in known if sha.startswith(commit.sha)]
        assert len(matches) == 1, f"{record_id}: {commit.repo}@{commit.sha} matches {len(matches)} known commits"
        if commit.subject is not None:
            assert commit.subject == known[matches[0]], f"{record_id}: subject of {commit.sha}"
