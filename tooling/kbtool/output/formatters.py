"""Print findings: finding is separate from printing.

``text`` follows the compiler convention ``path:line:col: severity RULE message``
that editors and CI log viewers turn into links; ``json`` is an array of
objects with ``path``, ``line``, ``column``, ``rule``, ``severity`` and ``message``;
``github`` prints GitHub Actions workflow commands, which annotate the lines of
a pull request; ``sarif`` is a SARIF 2.1.0 log for code-scanning tools.

Every formatter takes the findings and, optionally, the rules that could
have produced them (SARIF lists the rules with their documentation).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Protocol
from urllib.parse import quote

from kbtool import __version__
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

#: The SARIF version written, and its published schema (OASIS SARIF 2.1.0, Errata 01).
SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_GITHUB_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


class Formatter(Protocol):
    def __call__(self, findings: Sequence[Finding], rules: Sequence[RuleInfo] = ()) -> str: ...


def format_text(findings: Sequence[Finding], rules: Sequence[RuleInfo] = ()) -> str:
    del rules
    return "".join(f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}\n" for f in findings)


def format_json(findings: Sequence[Finding], rules: Sequence[RuleInfo] = ()) -> str:
    del rules
    return json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2) + "\n"


def format_github(findings: Sequence[Finding], rules: Sequence[RuleInfo] = ()) -> str:
    """One workflow command per finding: ``::error file=PATH,line=L,col=C,title=KBnnn::message``.

    Escaping follows the runner's rules (actions/toolkit, ``command.ts``):
    in the message ``%``, CR and LF are percent-encoded; in property values
    also ``:`` and ``,``, which would otherwise end the property.
    """
    del rules
    lines = []
    for f in findings:
        properties = ",".join(f"{key}={_github_property(str(value))}" for key, value in
                              (("file", f.path), ("line", f.line), ("col", f.column), ("title", f.rule)))
        lines.append(f"::{_GITHUB_COMMAND[f.severity]} {properties}::{_github_data(f.message)}\n")
    return "".join(lines)


def format_sarif(findings: Sequence[Finding], rules: Sequence[RuleInfo] = ()) -> str:
    """A SARIF 2.1.0 log with one run of the ``kb`` tool: its rules, then one result per finding.

    Rules that produced a finding but are not in ``rules`` are listed by id
    only. Columns count Unicode code points (``columnKind``), as ours do;
    paths are relative URIs from the working directory.
    """
    described = {rule.id: rule for rule in rules}
    order = list(described) + sorted({f.rule for f in findings} - set(described))
    index = {rule_id: i for i, rule_id in enumerate(order)}
    log = {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": {
                "name": "kb",
                "version": __version__,
                "rules": [_sarif_rule(described[rule_id]) if rule_id in described else {"id": rule_id}
                          for rule_id in order],
            }},
            "columnKind": "unicodeCodePoints",
            "results": [_sarif_result(f, index[f.rule]) for f in findings],
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


FORMATTERS: dict[str, Formatter] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
    "sarif": format_sarif,
}


def _github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def _sarif_rule(rule: RuleInfo) -> dict[str, object]:
    doc = rule.doc or rule.summary
    return {
        "id": rule.id,
        "name": rule.slug,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": doc},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
    }


def _sarif_result(finding: Finding, rule_index: int) -> dict[str, object]:
    return {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": _SARIF_LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": quote(finding.path.replace("\\", "/"))},
            "region": {"startLine": finding.line, "startColumn": finding.column},
        }}],
    }
