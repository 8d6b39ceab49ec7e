"""KB201 unknown-commit: a cited commit exists in its repository's manifest or local clone."""

from __future__ import annotations

from pathlib import Path

import pytest

from kbtool.lint import commits
from lint.helpers import make_git_repo, record

RULES = ("KB201",)

REAL = "73acb8a555b9e570ab0275faa871d190cf226c21"  # in kb/commits/cloudflare-moltworker.tsv


def _commits(*entries: tuple[str, str]) -> str:
    return "".join(f"\n  - repo: {repo}\n    sha: {sha}" for repo, sha in entries)


def test_commits_missing_from_the_manifest_are_reported(lint_kb) -> None:
    cited = _commits(("cloudflare/moltworker", REAL), ("cloudflare/moltworker", REAL[:-1] + "f"),
                     ("cloudflare/moltworker", "deadbee"))
    run = lint_kb(record("alpha", commits=cited), rules=RULES)
    manifest = "the manifest kb/commits/cloudflare-moltworker.tsv, snapshot all branches, main at " \
               "aa5f75b23c9c5e9634bfbdd5a50067b58c519a67 (2026-03-03)"
    fix = "copy the id from the repository, or, for a newer commit, update the manifest or pass " \
          "--git-dir cloudflare/moltworker=PATH"
    assert run.lines == [
        f"kb/records/alpha.yaml:30:10: error KB201 commit `{REAL[:-1]}f` is not in cloudflare/moltworker "
        f"(looked up in {manifest}); {fix}",
        f"kb/records/alpha.yaml:32:10: error KB201 commit `deadbee` is not in cloudflare/moltworker "
        f"(looked up in {manifest}); {fix}",
    ]


def test_repositories_without_manifest_or_clone_are_not_checked(lint_kb) -> None:
    run = lint_kb(record("alpha", commits=_commits(("openclaw/openclaw", "deadbee"))), rules=RULES)
    assert run.lines == []


def test_an_unreadable_manifest_is_reported_on_each_commit(lint_kb) -> None:
    run = lint_kb(record("alpha", commits=_commits(("cloudflare/moltworker", REAL))), rules=RULES,
                  files={"kb/commits/cloudflare-moltworker.tsv": None})
    assert run.lines == [
        f"kb/records/alpha.yaml:28:10: error KB201 cannot check commit `{REAL}` of cloudflare/moltworker: "
        "its manifest kb/commits/cloudflare-moltworker.tsv cannot be read (No such file or directory); "
        "restore it, or pass --git-dir cloudflare/moltworker=PATH",
    ]


def test_a_local_clone_replaces_the_manifest(lint_kb, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    first, second = make_git_repo(clone, [("first", "2026-02-02T14:52:33+01:00"), ("second", "2026-02-03T10:00:00Z")])
    cited = _commits(("openclaw/openclaw", first), ("openclaw/openclaw", second[:7]),
                     ("openclaw/openclaw", "deadbee"), ("cloudflare/moltworker", REAL))
    run = lint_kb(record("alpha", commits=cited), "--git-dir", f"openclaw/openclaw={clone}", rules=RULES)
    assert run.lines == [
        f"kb/records/alpha.yaml:32:10: error KB201 commit `deadbee` is not in openclaw/openclaw (looked up in the "
        f"clone {clone}); copy the id from the repository, or, for a newer commit, update the manifest or pass "
        "--git-dir openclaw/openclaw=PATH",
    ]


def test_a_tree_or_blob_id_is_not_a_commit(lint_kb, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    make_git_repo(clone, [("first", "2026-02-02T14:52:33+01:00")])
    empty_tree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
    run = lint_kb(record("alpha", commits=_commits(("openclaw/openclaw", empty_tree))),
                  "--git-dir", f"openclaw/openclaw={clone}", rules=RULES)
    assert [line.split(" KB201 ")[1].split(" (")[0] for line in run.lines] == [
        f"commit `{empty_tree}` is not in openclaw/openclaw"]


@pytest.mark.parametrize(("value", "message"), [
    ("openclaw/openclaw", "expected OWNER/NAME=PATH"),
    ("openclaw=/tmp", "expected OWNER/NAME=PATH"),
    ("nobody/nothing=.", "no repository `nobody/nothing` in kb/repos.yaml (known: cloudflare/moltworker, openclaw/openclaw)"),
    ("openclaw/openclaw=does-not-exist", "--git-dir: does-not-exist: no such directory"),
    ("openclaw/openclaw=kb", "kb is not a git repository"),
])
def test_bad_git_dir_options_are_usage_errors(lint_kb, value: str, message: str, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # tmp_path/kb must not find an enclosing repo
    run = lint_kb(record("alpha"), "--git-dir", value, usage=True)
    assert run.code == 2
    assert message in run.err
    assert "Traceback" not in run.err


def test_a_missing_git_program_is_a_usage_error(lint_kb, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clone = tmp_path / "clone"
    make_git_repo(clone, [("first", "2026-02-02T14:52:33+01:00")])
    monkeypatch.setattr(commits.shutil, "which", lambda name: None)
    run = lint_kb(record("alpha"), "--git-dir", f"openclaw/openclaw={clone}", usage=True)
    assert (run.code, run.err) == (2, "kb: error: --git-dir needs the `git` program, which is not on PATH\n")
