"""Inline suppressions: YAML comments in a record that silence named rules where the author says so.

Three forms, each naming one or more rule ids separated by commas::

    run: openclaw gateway --token abc  # kb: disable=KB301
    # kb: disable-next-line=KB301,KB302
    # kb: disable-file=KB105

``disable`` ends a line and covers findings on that line; ``disable-next-line``
stands on its own line and covers the line after it; ``disable-file`` covers
the whole record. Only real YAML comments count: ``# kb:`` written inside a
value (a block scalar holding a shell script) is text, not a suppression.

A suppression that silences nothing is reported (KB099), as ruff and ESLint
report unused ``noqa`` and ``eslint-disable`` comments, so suppressions do
not outlive the problem they were written for. Validation findings (KB0xx)
cannot be suppressed: a record that fails them is not read at all.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from kbtool.load.document import DataPath, Document, Span
from kbtool.model.finding import Finding
from kbtool.model.rule import RuleInfo

FILE = "disable-file"
LINE = "disable"
NEXT_LINE = "disable-next-line"

_COMMENT_START = re.compile(r"(?:^|(?<=\s))#")
_KB_COMMENT = re.compile(r"#\s*kb\s*:")
_DIRECTIVE = re.compile(r"#\s*kb\s*:\s*(?P<kind>disable-file|disable-next-line|disable)\s*=\s*"
                        r"(?P<ids>[A-Za-z0-9]+(?:\s*,\s*[A-Za-z0-9]+)*)\s*$")


@dataclass(frozen=True, slots=True)
class Suppression:
    """One ``# kb: ...`` comment: its kind, the rules it names, where it is and which line it covers."""

    kind: str
    rules: tuple[str, ...]
    line: int
    column: int
    target: int | None
    """The line it covers (None: the whole file)."""
    alone: bool = False
    """The comment stands on a line of its own."""

    def covers(self, finding: Finding) -> bool:
        return finding.rule in self.rules and (self.target is None or self.target == finding.line)


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A ``# kb:`` comment that is not one of the three forms."""

    text: str
    line: int
    column: int


def read_suppressions(doc: Document) -> tuple[list[Suppression], list[Unreadable]]:
    """The suppression comments of a record, and the ``# kb:`` comments that cannot be read as one."""
    scalars = list(_scalar_spans(doc))
    found: list[Suppression] = []
    unreadable: list[Unreadable] = []
    for number, text in enumerate(doc.text.split("\n"), start=1):
        start = _comment_start(text, number, scalars)
        if start is None or not _KB_COMMENT.match(text, start):
            continue
        comment = text[start:].rstrip()
        match = _DIRECTIVE.fullmatch(comment)
        if match is None:
            unreadable.append(Unreadable(comment, number, start + 1))
            continue
        kind = match["kind"]
        rules = tuple(dict.fromkeys(r.strip().upper() for r in match["ids"].split(",")))
        target = None if kind == FILE else number + 1 if kind == NEXT_LINE else number
        found.append(Suppression(kind, rules, number, start + 1, target, alone=not text[:start].strip()))
    return found, unreadable


def apply_suppressions(findings: Iterable[Finding],
                       suppressions: list[Suppression]) -> tuple[list[Finding], set[tuple[int, str]]]:
    """The findings no suppression covers, and which (suppression index, rule) pairs silenced something."""
    kept: list[Finding] = []
    used: set[tuple[int, str]] = set()
    for finding in findings:
        covering = [i for i, s in enumerate(suppressions) if s.covers(finding)]
        if covering:
            used.update((i, finding.rule) for i in covering)
        else:
            kept.append(finding)
    return kept, used


def unused_findings(path: str, suppressions: list[Suppression], unreadable: list[Unreadable],
                    used: set[tuple[int, str]], rule: RuleInfo, *, lint_rules: Collection[str],
                    disabled: Collection[str]) -> Iterator[Finding]:
    """KB099 findings: suppressions (or rule ids in them) that silenced nothing, and unreadable ones."""
    for comment in unreadable:
        yield Finding(path, comment.line, comment.column, rule.id, rule.severity,
                      f"cannot read the suppression `{comment.text}`; write `# kb: disable=KB101`, "
                      "`# kb: disable-next-line=KB101` or `# kb: disable-file=KB101`")
    for index, suppression in enumerate(suppressions):
        for rule_id in suppression.rules:
            if (index, rule_id) in used or rule_id == rule.id:  # a KB099 suppression is never itself reported
                continue
            yield Finding(path, suppression.line, suppression.column, rule.id, rule.severity,
                          _why_unused(suppression, rule_id, lint_rules, disabled))


def _why_unused(suppression: Suppression, rule_id: str, lint_rules: Collection[str], disabled: Collection[str]) -> str:
    what = f"`{suppression.kind}={rule_id}`"
    if rule_id.startswith("KB0"):
        return f"{what}: validation findings (KB0xx) cannot be suppressed; fix the record and remove the comment"
    if rule_id not in lint_rules:
        return f"{what}: there is no rule {rule_id}; `kb lint --list-rules` lists them"
    if rule_id in disabled:
        return f"{what}: {rule_id} is disabled in the configuration; remove the comment"
    if suppression.kind == LINE and suppression.alone:
        return (f"{what} covers only its own line, which has no {rule_id} finding; "
                f"use `# kb: disable-next-line={rule_id}` to cover the line below")
    where = "this record" if suppression.kind == FILE else f"line {suppression.target}"
    return f"{what} suppresses nothing: {rule_id} reports nothing on {where}; remove it"


def _comment_start(text: str, number: int, scalars: list[Span]) -> int | None:
    """The 0-based column where a YAML comment starts on this line, if it has one."""
    for match in _COMMENT_START.finditer(text):
        if not any(_inside(span, number, match.start() + 1) for span in scalars):
            return match.start()
    return None


def _inside(span: Span, line: int, column: int) -> bool:
    return (span.line, span.column) <= (line, column) < (span.end_line, span.end_column)


def _scalar_spans(doc: Document) -> Iterator[Span]:
    """The spans of every scalar value and key, where a ``#`` is text rather than a comment."""
    for path, span in doc.spans.items():
        if not isinstance(_get(doc.data, path), (dict, list)):
            yield span
    yield from doc.key_spans.values()


def _get(data: Any, path: DataPath) -> Any:
    for step in path:
        data = data[step]
    return data

