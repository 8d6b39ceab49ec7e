"""`kb lint` on the real knowledge base: clean, with every rule on, as CI runs it."""

from __future__ import annotations

import pytest

from conftest import REPO
from kbtool.lint.commits import load_commit_index
from kbtool.load.layout import Layout
from kbtool.validate.engine import validate


def test_the_real_knowledge_base_lints_clean(kb, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = kb("lint", "--strict")
    assert (result.code, result.out) == (0, "")
    assert result.err.endswith(" records linted: 0 errors, 0 warnings, 0 suggestions\n")


def test_every_cited_commit_can_be_checked_offline() -> None:
    """A clean lint means something only if KB201-KB204 had a manifest to check each commit against."""
    validation = validate(Layout(REPO))
    index = load_commit_index(REPO / "kb", validation.registries.repos, {})
    cited = [(record.id, commit) for record in validation.records.values() for commit in record.commits]
    assert cited
    for record_id, commit in cited:
        found = index.lookup(commit.repo, commit.sha)
        assert found is not None, f"{record_id}: {commit.repo} has no manifest; its commits are not checked"
        assert [c.sha for c in found.matches if c.sha.startswith(commit.sha)] != []
