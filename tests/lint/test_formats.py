"""Output formats of `kb lint` (and `kb validate`): text, json, GitHub workflow commands, SARIF 2.1.0."""

from __future__ import annotations

import json

from kbtool.lint.registry import rule_infos
from kbtool.model.finding import Finding, Severity
from kbtool.output.formatters import format_github, format_sarif
from kbtool.validate import codes
from lint.helpers import record

RECORDS = {**record("alpha", related="[bravo, nothing]"), **record("bravo")}
TEXT = [
    "kb/records/alpha.yaml:26:11: info KB105 `bravo` does not list this record in its `related`; add `alpha` to "
    "`related` in kb/records/bravo.yaml, or remove `bravo` here",
    "kb/records/alpha.yaml:26:18: error KB101 `related` names unknown record `nothing`; `related` takes record ids "
    "(file names in kb/records/)",
]
RULES = ("KB101", "KB105")


def test_text_is_one_finding_per_line_with_a_summary_on_stderr(lint_kb) -> None:
    run = lint_kb(RECORDS, rules=RULES)
    assert run.lines == TEXT
    assert run.code == 1
    assert run.err.endswith(": 1 error, 0 warnings, 1 suggestion\n")


def test_json_is_an_array_of_finding_objects(lint_kb) -> None:
    run = lint_kb(RECORDS, "--format", "json")
    found = [f for f in json.loads("\n".join(run.lines)) if f["rule"] in RULES]
    assert found[0] == {"path": "kb/records/alpha.yaml", "line": 26, "column": 11, "rule": "KB105",
                        "severity": "info", "message": TEXT[0].split(" KB105 ")[1]}
    assert [f["rule"] for f in found] == ["KB105", "KB101"]


def test_github_prints_workflow_commands(lint_kb) -> None:
    run = lint_kb(RECORDS, "--format", "github")
    assert [line for line in run.lines if any(f"title={rule}::" in line for rule in RULES)] == [
        "::notice file=kb/records/alpha.yaml,line=26,col=11,title=KB105::" + TEXT[0].split(" KB105 ")[1],
        "::error file=kb/records/alpha.yaml,line=26,col=18,title=KB101::" + TEXT[1].split(" KB101 ")[1],
    ]


def test_github_escapes_data_and_properties() -> None:
    finding = Finding("dir,x/a:b.yaml", 3, 4, "KB101", Severity.WARNING, "100% wrong\r\nsecond, line: here")
    assert format_github([finding]) == (
        "::warning file=dir%2Cx/a%3Ab.yaml,line=3,col=4,title=KB101::100%25 wrong%0D%0Asecond, line: here\n")


def test_sarif_is_a_sarif_2_1_0_log_with_rules_and_results(lint_kb) -> None:
    run = lint_kb(RECORDS, "--format", "sarif")
    log = json.loads("\n".join(run.lines))
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    assert len(log["runs"]) == 1
    sarif_run = log["runs"][0]
    driver = sarif_run["tool"]["driver"]
    assert driver["name"] == "kb" and driver["version"]
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == [rule.id for rule in codes.ALL] + [rule.id for rule in rule_infos()]
    kb101 = driver["rules"][ids.index("KB101")]
    assert kb101["name"] == "unknown-related"
    assert kb101["shortDescription"] == {"text": "A `related` id names no record."}
    assert "## Failing" in kb101["fullDescription"]["text"] and kb101["help"]["markdown"].startswith("A `related`")
    assert kb101["defaultConfiguration"] == {"level": "error"}
    assert driver["rules"][ids.index("KB105")]["defaultConfiguration"] == {"level": "note"}
    assert sarif_run["columnKind"] == "unicodeCodePoints"
    results = [r for r in sarif_run["results"] if r["ruleId"] in RULES]
    assert results == [
        {"ruleId": "KB105", "ruleIndex": ids.index("KB105"), "level": "note",
         "message": {"text": TEXT[0].split(" KB105 ")[1]},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": "kb/records/alpha.yaml"},
                                             "region": {"startLine": 26, "startColumn": 11}}}]},
        {"ruleId": "KB101", "ruleIndex": ids.index("KB101"), "level": "error",
         "message": {"text": TEXT[1].split(" KB101 ")[1]},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": "kb/records/alpha.yaml"},
                                             "region": {"startLine": 26, "startColumn": 18}}}]},
    ]
    for result in sarif_run["results"]:  # every result names a listed rule, at a 1-based position
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1


def test_sarif_lists_unknown_rules_by_id_and_encodes_paths() -> None:
    finding = Finding("docs/a b.md", 1, 2, "KB999", Severity.INFO, "x")
    log = json.loads(format_sarif([finding]))
    assert log["runs"][0]["tool"]["driver"]["rules"] == [{"id": "KB999"}]
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "docs/a%20b.md"


def test_a_clean_run_prints_an_empty_log(lint_kb) -> None:
    run = lint_kb(record("alpha"), "--format", "sarif")
    assert json.loads("\n".join(run.lines))["runs"][0]["results"] == []


def test_validate_accepts_the_new_formats(make_kb, kb) -> None:
    make_kb(record("alpha", updated="soon"))
    result = kb("validate", "--format", "github")
    assert result.code == 1
    assert result.out.startswith("::error file=kb/records/alpha.yaml,line=25,col=10,title=KB022::")
    sarif = json.loads(kb("validate", "--format", "sarif").out)
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["KB022"]
    assert {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]} >= {"KB001", "KB022"}


def test_markdown_is_only_for_the_rule_list(lint_kb) -> None:
    run = lint_kb(record("alpha"), "--format", "markdown", usage=True)
    assert (run.code, run.err) == (2, "kb: error: --format markdown is for --list-rules; findings are text, json, "
                                      "github or sarif\n")
