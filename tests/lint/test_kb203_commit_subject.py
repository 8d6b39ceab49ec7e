"""KB203 commit-subject: a cited commit's `subject` is its real subject line."""

from __future__ import annotations

from pathlib import Path

from lint.helpers import make_git_repo, record

RULES = ("KB203",)

REAL = "73acb8a555b9e570ab0275faa871d190cf226c21"
REAL_SUBJECT = "fix: inject gateway token into WebSocket requests for CF Access users"


def _cited(repo: str, sha: str, subject: str) -> str:
    return f'\n  - repo: {repo}\n    sha: {sha}\n    subject: "{subject}"'


def test_a_different_subject_is_reported_with_the_real_one(lint_kb) -> None:
    cited = _cited("cloudflare/moltworker", REAL[:7], "fix: inject the gateway token")
    run = lint_kb(record("alpha", commits=cited), rules=RULES)
    assert run.lines == [
        "kb/records/alpha.yaml:29:14: error KB203 subject differs from the real subject of 73acb8a in "
        f'cloudflare/moltworker; write subject: "{REAL_SUBJECT}"',
    ]


def test_the_real_subject_passes(lint_kb) -> None:
    run = lint_kb(record("alpha", commits=_cited("cloudflare/moltworker", REAL, REAL_SUBJECT)), rules=RULES)
    assert run.lines == []


def test_subjects_are_checked_in_a_local_clone(lint_kb, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    sha, = make_git_repo(clone, [('fix: quote "tokens", and commas', "2026-02-02T14:52:33+01:00")])
    cited = _cited("openclaw/openclaw", sha, "fix: quote tokens") + _cited("openclaw/openclaw", sha[:8],
                                                                          'fix: quote \\"tokens\\", and commas')
    run = lint_kb(record("alpha", commits=cited), "--git-dir", f"openclaw/openclaw={clone}", rules=RULES)
    assert run.lines == [
        f"kb/records/alpha.yaml:29:14: error KB203 subject differs from the real subject of {sha[:12]} in "
        'openclaw/openclaw; write subject: "fix: quote \\"tokens\\", and commas"',
    ]
