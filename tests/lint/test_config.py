"""Lint configuration: [tool.kb.lint] in pyproject.toml or [lint] in kb.toml; mistakes are usage errors."""

from __future__ import annotations

import pytest

from conftest import REPO
from kbtool.errors import UsageError
from kbtool.lint.config import load_config, parse_config
from kbtool.model.finding import Severity
from lint.helpers import record

RECORDS = {**record("alpha", related="[bravo]"), **record("bravo")}  # one KB105 suggestion
KB105 = "kb/records/alpha.yaml:26:11: {} KB105 `bravo` does not list this record in its `related`; add `alpha` to " \
        "`related` in kb/records/bravo.yaml, or remove `bravo` here"


def test_defaults_without_configuration(lint_kb) -> None:
    assert lint_kb(RECORDS, rules=("KB105",)).lines == [KB105.format("info")]


def test_pyproject_changes_a_severity(lint_kb) -> None:
    run = lint_kb(RECORDS, rules=("KB105",), files={"pyproject.toml": (
        '[project]\nname = "x"\n\n[tool.kb.lint]\nseverity = { KB105 = "error" }\n')})
    assert run.lines == [KB105.format("error")]
    assert run.code == 1


def test_kb_toml_disables_a_rule_and_wins_over_pyproject(lint_kb) -> None:
    run = lint_kb(RECORDS, rules=("KB105",), files={
        "kb.toml": '[lint]\ndisable = ["KB105"]\n',
        "pyproject.toml": '[tool.kb.lint]\nseverity = { KB105 = "error" }\n',
    })
    assert (run.lines, run.code) == ([], 0)


def test_warnings_fail_only_with_strict_unless_raised_to_errors(lint_kb) -> None:
    records = {**record("alpha", related="[alpha]")}  # KB104 self-link: a warning
    assert lint_kb(records, "--strict", rules=("KB104",)).code == 1


@pytest.mark.parametrize(("files", "message"), [
    ({"pyproject.toml": '[tool.kb.lint]\ndisable = ["KB999"]\n'},
     "kb: error: pyproject.toml [tool.kb.lint]: unknown rule id `KB999` (did you mean `KB099`?); "
     "`kb lint --list-rules` lists them\n"),
    ({"pyproject.toml": '[tool.kb.lint]\ndisable = ["kb105"]\n'},
     "kb: error: pyproject.toml [tool.kb.lint]: unknown rule id `kb105` (did you mean `KB105`?); "
     "`kb lint --list-rules` lists them\n"),
    ({"kb.toml": '[lint]\nseverity = { KB105 = "fatal" }\n'},
     "kb: error: kb.toml [lint]: severity `fatal` of KB105 is not one of error, warning, info\n"),
    ({"kb.toml": '[lint]\ndisabled = ["KB105"]\n'},
     "kb: error: kb.toml [lint]: unknown key `disabled` (did you mean `disable`?); the keys are disable, severity\n"),
    ({"kb.toml": '[lint]\ndisable = "KB105"\n'},
     'kb: error: kb.toml [lint]: `disable` must be a list of rule ids, such as ["KB105"]\n'),
    ({"kb.toml": '[lint]\ndisable = ["KB020"]\n'},
     "kb: error: kb.toml [lint]: KB020 is a validation rule; records must pass it, it cannot be configured\n"),
])
def test_configuration_mistakes_are_usage_errors_naming_the_file(lint_kb, files, message) -> None:
    run = lint_kb(RECORDS, files=files, usage=True)
    assert (run.code, run.lines, run.err) == (2, [], message)


def test_invalid_toml_is_a_usage_error_naming_the_file(lint_kb) -> None:
    run = lint_kb(RECORDS, files={"kb.toml": "[lint\n"}, usage=True)
    assert run.code == 2
    assert run.err.startswith("kb: error: kb.toml: not valid TOML: ")


def test_the_repository_configuration_is_valid_and_empty() -> None:
    config = load_config(REPO, ["KB105"])
    assert (config.disabled, dict(config.severity), config.source) == (
        frozenset(), {}, "pyproject.toml [tool.kb.lint]")


def test_parse_config_converts_severities() -> None:
    config = parse_config({"severity": {"KB105": "warning"}, "disable": ["KB101"]}, "x", ["KB101", "KB105"])
    assert config.severity == {"KB105": Severity.WARNING} and config.disabled == {"KB101"}
    with pytest.raises(UsageError, match="^x: expected a table$"):
        parse_config(["KB105"], "x", ["KB105"])
