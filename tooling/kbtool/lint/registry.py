"""The one list of lint rules: every module of :mod:`kbtool.lint.rules`, sorted by id.

Adding a rule is adding a module; nothing else lists them. A test keeps
the registry, the rule files, the rules page and the rule tests in step.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from kbtool.lint import rules as rules_package
from kbtool.lint.context import LintContext
from kbtool.model.finding import Finding
from kbtool.model.rule import RuleInfo


@dataclass(frozen=True, slots=True)
class Rule:
    """A lint rule: its identity and documentation, the module it lives in, and its check."""

    info: RuleInfo
    module: str
    check: Callable[[LintContext], Iterable[Finding]]

    @property
    def id(self) -> str:
        return self.info.id


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule of :mod:`kbtool.lint.rules`, imported once, sorted by id."""
    return discover(rules_package)


def discover(package: ModuleType) -> tuple[Rule, ...]:
    """Every rule module of ``package``, sorted by rule id; a ValueError names a broken or repeated one."""
    found: dict[str, Rule] = {}
    for module_info in pkgutil.iter_modules(package.__path__):
        name = f"{package.__name__}.{module_info.name}"
        module = importlib.import_module(name)
        info = getattr(module, "RULE", None)
        check = getattr(module, "check", None)
        if not isinstance(info, RuleInfo) or not callable(check):
            raise ValueError(f"{name}: a rule module needs `RULE: RuleInfo` and `check(ctx)`")
        if info.id in found:
            raise ValueError(f"rule id {info.id} is defined twice: in {found[info.id].module} and {name}")
        found[info.id] = Rule(info, name, check)
    return tuple(found[rule_id] for rule_id in sorted(found))


def rule_infos() -> tuple[RuleInfo, ...]:
    """The identity and documentation of every lint rule, by id."""
    return tuple(rule.info for rule in all_rules())
