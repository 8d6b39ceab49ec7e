"""The lint engine: validation first, selection by path, stamping, sorting and de-duplication."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conftest import REPO
from kbtool.lint import engine
from kbtool.lint.context import LintContext
from kbtool.lint.registry import Rule
from kbtool.load.layout import Layout
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo
from lint.helpers import record, translation

RULES = ("KB101", "KB022")


def test_validation_findings_come_first_and_invalid_records_are_not_linted(lint_kb) -> None:
    run = lint_kb({**record("alpha", related="[nothing]", updated="soon"), **record("bravo", related="[nothing]")},
                  rules=RULES)
    assert [line.split(": ", 1)[1].split(" `")[0] for line in run.lines] == [
        "error KB022",  # alpha fails validation, so KB101 is not run on it
        "error KB101",
    ]
    assert [line.split(":")[0] for line in run.lines] == ["kb/records/alpha.yaml", "kb/records/bravo.yaml"]
    assert run.code == 1


def test_paths_select_the_records_reported_on(lint_kb) -> None:
    records = {**record("alpha", related="[nothing]", updated="soon"), **record("bravo", related="[nothing]"),
               **record("charlie", related="[bravo]")}
    run = lint_kb(records, "kb/records/bravo.yaml", "kb/records/charlie.yaml", rules=None)
    assert {line.split(":")[0] for line in run.lines} == {"kb/records/bravo.yaml", "kb/records/charlie.yaml"}
    assert run.err.startswith("4 files checked, 2 records linted:")


def test_a_directory_selects_its_records(lint_kb) -> None:
    run = lint_kb(record("alpha", related="[nothing]"), "kb/records", rules=("KB101",))
    assert len(run.lines) == 1


def test_a_missing_path_is_a_usage_error(lint_kb) -> None:
    run = lint_kb(record("alpha"), "kb/records/nope.yaml", usage=True)
    assert (run.code, run.err) == (2, "kb: error: kb/records/nope.yaml: no such file or directory\n")


def test_only_invalid_records_given_means_nothing_else_is_linted(lint_kb) -> None:
    run = lint_kb({**record("alpha", updated="soon"), **record("bravo", related="[nothing]")},
                  "kb/records/alpha.yaml", rules=None)
    assert [line.split(" ")[2] for line in run.lines] == ["KB022"]


def _fake(findings: list[Finding]) -> Rule:
    info = RuleInfo("KB901", "fake", Severity.WARNING, "A fake rule.")

    def check(ctx: LintContext) -> Iterator[Finding]:
        del ctx
        yield from findings

    return Rule(info, "fake", check)


def test_the_engine_stamps_sorts_and_removes_repeats(monkeypatch: pytest.MonkeyPatch) -> None:
    later = Finding("b.yaml", 1, 1, "KB000", Severity.ERROR, "later")
    first = Finding("a.yaml", 2, 5, "KB000", Severity.ERROR, "first")
    monkeypatch.setattr(engine, "all_rules", lambda: (_fake([later, first, later]),))
    result = engine.lint(Layout(REPO))
    assert result.findings == [
        Finding("a.yaml", 2, 5, "KB901", Severity.WARNING, "first"),
        Finding("b.yaml", 1, 1, "KB901", Severity.WARNING, "later"),
    ]
    assert result.count(Severity.WARNING) == 2 and result.records_linted > 0


TRANSLATIONS = {**translation("alpha", "ja", {"title": ("unauthorized: gateway token missing", "未認証")}),
                **translation("gone", "fr", {"title": ("x", "y")}),
                "i18n/zh/alpha.yaml": "record: alpha\nlang: zh\nfields: 3\n"}


def test_translation_files_are_loaded_and_orphans_reported(lint_kb) -> None:
    run = lint_kb(record("alpha"), rules=("KB041", "KB022"), files=TRANSLATIONS)
    assert [line.split(" `")[0] for line in run.lines] == [
        "i18n/fr/gone.yaml:1:1: error KB041 there is no record",
        "i18n/zh/alpha.yaml:3:9: error KB022",
    ]


def test_only_translations_of_selected_records_are_reported(lint_kb) -> None:
    run = lint_kb(record("alpha"), "kb/records/alpha.yaml", rules=("KB041", "KB022"), files=TRANSLATIONS)
    assert [line.split(":")[0] for line in run.lines] == ["i18n/zh/alpha.yaml"]
