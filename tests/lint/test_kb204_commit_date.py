"""KB204 commit-date: a cited commit's `date` is its author date."""

from __future__ import annotations

from pathlib import Path

from lint.helpers import make_git_repo, record

RULES = ("KB204",)

REAL = "fd5f058296cf7d4c7f1c24f47c6d58755984a646"  # authored 2026-01-27T22:02:05-06:00


def _cited(repo: str, sha: str, date: str) -> str:
    return f"\n  - repo: {repo}\n    sha: {sha}\n    date: {date}"


def test_a_different_date_is_reported_with_the_author_date(lint_kb) -> None:
    run = lint_kb(record("alpha", commits=_cited("cloudflare/moltworker", REAL, "2026-01-28")), rules=RULES)
    assert run.lines == [
        "kb/records/alpha.yaml:29:11: warning KB204 date 2026-01-28 is not the author date of fd5f058296cf in "
        "cloudflare/moltworker (2026-01-27T22:02:05-06:00); write date: 2026-01-27",
    ]
    assert run.code == 0


def test_the_author_date_in_the_authors_time_zone_passes(lint_kb) -> None:
    run = lint_kb(record("alpha", commits=_cited("cloudflare/moltworker", REAL, "2026-01-27")), rules=RULES)
    assert run.lines == []


def test_dates_are_checked_in_a_local_clone(lint_kb, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    sha, = make_git_repo(clone, [("first", "2026-02-02T23:30:00-05:00")])
    cited = _cited("openclaw/openclaw", sha, "2026-02-03") + _cited("openclaw/openclaw", sha[:7], "2026-02-02")
    run = lint_kb(record("alpha", commits=cited), "--git-dir", f"openclaw/openclaw={clone}", "--strict", rules=RULES)
    assert run.lines == [
        f"kb/records/alpha.yaml:29:11: warning KB204 date 2026-02-03 is not the author date of {sha[:12]} in "
        "openclaw/openclaw (2026-02-02T23:30:00-05:00); write date: 2026-02-02",
    ]
    assert run.code == 1
