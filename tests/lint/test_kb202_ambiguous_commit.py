"""KB202 ambiguous-commit: an abbreviated id names exactly one commit."""

from __future__ import annotations

from lint.helpers import record

RULES = ("KB202",)

A = "abcdef1" + "0" * 33
B = "abcdef1" + "1" * 33
C = "abcdef2" + "2" * 33
MANIFEST = f"""\
# a test manifest: full sha, author date, subject
{A}\t2026-02-01T10:00:00+00:00\tfix: first
{B}\t2026-02-02T10:00:00+00:00\tfix: second
{C}\t2026-02-03T10:00:00+00:00\tfix: third
"""


def _cited(sha: str, subject: str | None = None) -> str:
    text = f"\n  - repo: cloudflare/moltworker\n    sha: {sha}"
    return text + (f'\n    subject: "{subject}"' if subject else "")


def test_an_id_matching_several_commits_lists_them(lint_kb) -> None:
    run = lint_kb(record("alpha", commits=_cited("abcdef1")), rules=RULES,
                  files={"kb/commits/cloudflare-moltworker.tsv": MANIFEST})
    assert run.lines == [
        'kb/records/alpha.yaml:28:10: error KB202 commit id `abcdef1` is ambiguous in cloudflare/moltworker: it '
        'matches 2 commits (abcdef100000 "fix: first"; abcdef111111 "fix: second"); write the full id of the one '
        "you mean",
    ]


def test_the_subject_picks_the_full_id_to_suggest(lint_kb) -> None:
    run = lint_kb(record("alpha", commits=_cited("abcdef1", "fix: second")), rules=RULES,
                  files={"kb/commits/cloudflare-moltworker.tsv": MANIFEST})
    assert len(run.lines) == 1
    assert run.lines[0].endswith(f"; write the full id `{B}`")


def test_ids_long_enough_to_be_unique_pass(lint_kb) -> None:
    run = lint_kb(record("alpha", commits=_cited("abcdef2") + _cited("abcdef11") + _cited(A)), rules=RULES,
                  files={"kb/commits/cloudflare-moltworker.tsv": MANIFEST})
    assert run.lines == []
