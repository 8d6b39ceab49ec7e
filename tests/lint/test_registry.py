"""One registry, kept honest: the registry, the rule files, the rule docs, the rules page and the tests agree."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from conftest import REPO, check_golden
from kbtool.lint.docs import rules_markdown
from kbtool.lint.registry import all_rules, discover, rule_infos
from kbtool.model.finding import Severity

RULES_DIR = REPO / "tooling" / "kbtool" / "lint" / "rules"
TESTS_DIR = Path(__file__).resolve().parent
RULES_PAGE = REPO / "docs" / "lint-rules.md"

_FILE = re.compile(r"^kb(\d{3})_([a-z0-9_]+)\.py$")
_ID = re.compile(r"^KB(099|[1-9]\d\d)$")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _ids_from(directory: Path, pattern: str) -> set[str]:
    return {f"KB{m.group(1)}" for p in directory.glob(pattern) if (m := re.match(r"^(?:test_)?kb(\d{3})_", p.name))}


def test_registry_is_sorted_by_id_and_ids_are_well_formed() -> None:
    ids = [rule.id for rule in all_rules()]
    assert ids == sorted(ids) and len(ids) == len(set(ids))
    assert all(_ID.match(rule_id) for rule_id in ids), ids


def test_each_rule_file_defines_the_rule_its_name_says() -> None:
    files = sorted(p.name for p in RULES_DIR.glob("*.py") if p.name != "__init__.py")
    assert all(_FILE.match(name) for name in files), files
    by_module = {rule.module.rsplit(".", 1)[1] + ".py": rule.info for rule in all_rules()}
    assert sorted(by_module) == files
    for name, info in by_module.items():
        assert name == f"{info.id.lower()}_{info.slug.replace('-', '_')}.py"
        assert _SLUG.match(info.slug)


def test_every_rule_has_a_test_file() -> None:
    assert _ids_from(TESTS_DIR, "test_kb*.py") == {rule.id for rule in all_rules()}


@pytest.mark.parametrize("rule", rule_infos(), ids=lambda info: info.id)
def test_every_rule_doc_has_a_summary_and_passing_and_failing_examples(rule) -> None:
    assert rule.summary and rule.summary.endswith((".", ")")), rule.summary
    assert isinstance(rule.severity, Severity)
    for section in ("Passing", "Failing"):
        match = re.search(rf"^## {section}\n\n```[a-z]+\n.+?\n```$", rule.doc, re.MULTILINE | re.DOTALL)
        assert match, f"{rule.id}: the docstring needs a `## {section}` section with a fenced example"
    assert rule.doc.index("## Passing") < rule.doc.index("## Failing")


def test_the_rules_page_is_generated_from_the_docstrings() -> None:
    """docs/lint-rules.md is `kb lint --list-rules --format markdown`; KB_UPDATE_GOLDEN=1 rewrites it."""
    check_golden(RULES_PAGE, rules_markdown(rule_infos()))


def test_list_rules_prints_the_page_and_the_table(kb) -> None:
    markdown = kb("lint", "--list-rules", "--format", "markdown")
    assert markdown.code == 0 and markdown.out == rules_markdown(rule_infos())
    table = kb("lint", "--list-rules").out.splitlines()
    assert len(table) == len(all_rules())
    assert re.match(r"^KB101  error    unknown-related +A `related` id names no record\.$", table[1])


def test_a_rule_id_defined_twice_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "twice_rules"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    body = ('"""A rule.\n"""\nfrom kbtool.model.finding import Severity\nfrom kbtool.model.rule import RuleInfo\n'
            'RULE = RuleInfo.from_doc("KB901", "{slug}", Severity.ERROR, __doc__)\ndef check(ctx):\n    return iter(())\n')
    (package / "kb901_first.py").write_text(body.replace("{slug}", "first"), encoding="utf-8")
    (package / "kb901_second.py").write_text(body.replace("{slug}", "second"), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    import twice_rules  # type: ignore[import-not-found]
    try:
        with pytest.raises(ValueError, match="rule id KB901 is defined twice: in twice_rules.kb901_first and "
                                             "twice_rules.kb901_second"):
            discover(twice_rules)
    finally:
        for name in [n for n in sys.modules if n.startswith("twice_rules")]:
            del sys.modules[name]
