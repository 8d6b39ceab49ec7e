"""The rules reference page, generated from the rule docstrings (each rule's one documentation).

``kb lint --list-rules --format markdown`` prints it; ``docs/lint-rules.md``
is this text, and a test fails when the two differ (rewrite the page with
``KB_UPDATE_GOLDEN=1 .venv/bin/pytest tests/lint/test_registry.py``).
The page is GitHub-flavoured Markdown, so GitHub's heading anchors
(``#kb101-unknown-related``) link the table to each section.
"""

from __future__ import annotations

from collections.abc import Sequence

from kbtool.model.rule import RuleInfo

TITLE = "# `kb lint` rules"
INTRO = """\
<!-- Generated from the rule docstrings in tooling/kbtool/lint/rules/ by
     `kb lint --list-rules --format markdown`; edit the docstrings, not this page. -->

`kb lint` runs everything `kb validate` checks (the KB0xx rules, documented in
`tooling/kbtool/validate/codes.py`), then the rules below on every record that
passed. Families: KB1xx links and the Markdown a page accepts, KB2xx commits,
KB3xx commands and configuration snippets, KB4xx secrets, safety and sources,
KB5xx translations. Findings print as `path:line:col: severity KBnnn message`;
errors make `kb lint` exit 1, and warnings too with `--strict`. A rule can be
switched off or given another severity in `[tool.kb.lint]` of `pyproject.toml` (or
`[lint]` of `kb.toml`), and silenced on one line with a `# kb: disable=KBnnn`
comment (see KB099)."""


def rules_markdown(rules: Sequence[RuleInfo]) -> str:
    """The reference page: a table of every rule, then each rule's documentation."""
    lines = [TITLE, "", INTRO, "", "| Rule | Severity | Summary |", "|---|---|---|"]
    for rule in rules:
        summary = rule.summary.replace("|", "\\|")
        lines.append(f"| [{rule.id} {rule.slug}](#{_anchor(rule)}) | {rule.severity.value} | {summary} |")
    for rule in rules:
        body = rule.doc.split("\n", 1)[1].strip("\n") if "\n" in rule.doc else ""
        lines += ["", f"## {rule.id} {rule.slug}", "", f"*{rule.summary}* Default severity: **{rule.severity.value}**."]
        if body:
            lines += ["", *_demoted(body.split("\n"))]
    return "\n".join(lines) + "\n"


def _anchor(rule: RuleInfo) -> str:
    """GitHub's anchor of the heading ``KB101 unknown-related``: lowercase, spaces as hyphens."""
    return f"{rule.id} {rule.slug}".lower().replace(" ", "-")


def _demoted(lines: list[str]) -> list[str]:
    """Headings of a docstring one level down (``##`` → ``###``), leaving code blocks alone."""
    out: list[str] = []
    fenced = False
    for line in lines:
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and line.startswith("#"):
            line = "#" + line
        out.append(line)
    return out
