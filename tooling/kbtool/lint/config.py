"""Lint configuration: which rules are off and which report at another severity.

Read from ``kb.toml`` (table ``[lint]``) at the knowledge base root, else
from ``pyproject.toml`` (table ``[tool.kb.lint]``); ``kb.toml`` wins when
both exist, so a knowledge base can configure itself without a Python
project file. For example::

    [tool.kb.lint]
    disable = ["KB105"]
    severity = { KB203 = "error" }

A mistake in the configuration (an unknown key, rule id or severity) is a
usage error naming the file: silently ignoring it would leave a rule on
that the author believes is off, or the reverse.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kbtool.errors import UsageError
from kbtool.model.finding import Severity
from kbtool.model.rule import RuleInfo

KB_TOML = "kb.toml"
PYPROJECT = "pyproject.toml"
KEYS = ("disable", "severity")


@dataclass(frozen=True, slots=True)
class LintConfig:
    """The rules switched off and the severities changed, and the file that said so."""

    disabled: frozenset[str] = frozenset()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    source: str | None = None
    """Where the configuration was read, as ``file [table]``; None when there is none."""

    def severity_of(self, rule: RuleInfo) -> Severity:
        return self.severity.get(rule.id, rule.severity)


def load_config(root: Path, rule_ids: Iterable[str]) -> LintConfig:
    """The configuration of the knowledge base at ``root`` (the defaults when neither file configures lint)."""
    kb_toml, pyproject = root / KB_TOML, root / PYPROJECT
    if kb_toml.is_file():
        table = _read(kb_toml).get("lint")
        where = f"{KB_TOML} [lint]"
    elif pyproject.is_file():
        table = _read(pyproject).get("tool", {}).get("kb", {}).get("lint")
        where = f"{PYPROJECT} [tool.kb.lint]"
    else:
        return LintConfig()
    return LintConfig() if table is None else parse_config(table, where, rule_ids)


def parse_config(table: Any, where: str, rule_ids: Iterable[str]) -> LintConfig:
    """Check and convert one configuration table; ``where`` names it in every error."""
    known = sorted(rule_ids)
    if not isinstance(table, dict):
        raise UsageError(f"{where}: expected a table")
    for key in table:
        if key not in KEYS:
            raise UsageError(f"{where}: unknown key `{key}`{_hint(key, KEYS)}; the keys are {', '.join(KEYS)}")
    disable = table.get("disable", [])
    if not isinstance(disable, list) or not all(isinstance(x, str) for x in disable):
        raise UsageError(f'{where}: `disable` must be a list of rule ids, such as ["KB105"]')
    severity = table.get("severity", {})
    if not isinstance(severity, dict):
        raise UsageError(f'{where}: `severity` must be a table, such as {{ KB105 = "error" }}')
    levels: dict[str, Severity] = {}
    for rule_id, level in severity.items():
        _check_id(rule_id, where, known)
        names = [s.value for s in Severity]
        if level not in names:
            raise UsageError(f"{where}: severity `{level}` of {rule_id} is not one of {', '.join(names)}")
        levels[rule_id] = Severity(level)
    for rule_id in disable:
        _check_id(rule_id, where, known)
    return LintConfig(frozenset(disable), levels, where)


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path.name}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise UsageError(f"{path.name}: cannot read: {exc.strerror or exc}") from None


def _check_id(rule_id: str, where: str, known: list[str]) -> None:
    if rule_id in known:
        return
    if rule_id.upper().startswith("KB0"):
        raise UsageError(f"{where}: {rule_id} is a validation rule; records must pass it, it cannot be configured")
    raise UsageError(f"{where}: unknown rule id `{rule_id}`{_hint(rule_id.upper(), known)}; "
                     "`kb lint --list-rules` lists them")


def _hint(word: str, choices: Iterable[str]) -> str:
    matches = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean `{matches[0]}`?)" if matches else ""
