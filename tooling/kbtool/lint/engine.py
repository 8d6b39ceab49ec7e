"""Lint a knowledge base: validate, run every enabled rule, then apply severities and suppressions.

``kb lint`` includes everything ``kb validate`` checks: the records that
fail validation are reported with those findings and not linted further
(their data cannot be trusted). Translation files (``i18n/<lang>/``) are
loaded too, for the translation rules. Rules see every valid record (links point
anywhere) and report on the selected ones. The engine, not the rules,
stamps each finding with its rule's id and configured severity.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from kbtool.i18n.files import Translation, load_translations, orphans
from kbtool.i18n.workspace import TARGET_LANGUAGES
from kbtool.lint.commits import load_commit_index
from kbtool.lint.config import LintConfig
from kbtool.lint.context import LintContext, RecordFile
from kbtool.lint.registry import Rule, all_rules
from kbtool.lint.rules import kb099_unused_suppression
from kbtool.lint.suppress import apply_suppressions, read_suppressions, unused_findings
from kbtool.load.layout import Layout
from kbtool.model.finding import Finding, Severity
from kbtool.validate.engine import display_path, validate

UNUSED_SUPPRESSION = kb099_unused_suppression.RULE


@dataclass(frozen=True, slots=True)
class LintOptions:
    """How to lint, beyond which records: configuration and the outside things rules may check against."""

    config: LintConfig = field(default_factory=LintConfig)
    git_dirs: Mapping[str, Path] = field(default_factory=dict)
    """Local clones by repository id (``--git-dir owner/name=PATH``)."""
    site_dir: Path | None = None
    """A built site to link-check (``--site DIR``)."""


@dataclass(slots=True)
class LintResult:
    """Every finding of one run, sorted and without repeats, and how much was looked at."""

    findings: list[Finding] = field(default_factory=list)
    files_checked: int = 0
    records_linted: int = 0

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)


def lint(layout: Layout, paths: Iterable[Path] | None = None, options: LintOptions | None = None,
         progress: Callable[[Path], None] | None = None) -> LintResult:
    """Validate and lint the given record files (every record when ``paths`` is None)."""
    options = options or LintOptions()
    given = None if paths is None else list(paths)
    records_on_disk = layout.record_files()
    extra = [p for p in given or [] if not layout.is_record(p)]
    validation = validate(layout, records_on_disk + extra, progress=progress)

    shown = None if given is None else {display_path(p) for p in given}
    unselected = set() if shown is None else {display_path(p) for p in records_on_disk} - shown
    result = LintResult(files_checked=validation.files_checked - len(unselected))
    result.findings = [f for f in validation.findings if f.path not in unselected]

    records = {rid: RecordFile(record, validation.documents[rid]) for rid, record in validation.records.items()}
    selected = frozenset(rid for rid, rf in records.items() if shown is None or rf.doc.path in shown)
    if shown is not None and not selected:
        return _finish(result)  # none of the given files is a valid record: nothing to lint
    translations, problems = _translations(layout, records)
    result.findings += [f for f in problems if shown is None or Path(f.path).stem in selected]
    ctx = LintContext(
        layout=layout,
        records=records,
        registries=validation.registries,
        selected=selected if shown is not None else frozenset(),
        git_dirs=dict(options.git_dirs),
        site_dir=options.site_dir,
        commits=load_commit_index(layout.kb_dir, validation.registries.repos, dict(options.git_dirs)),
        translations=translations,
    )
    rules = all_rules()
    found = [finding for rule in rules if rule.id not in options.config.disabled
             for finding in _run(rule, ctx, options.config)]
    result.records_linted = len(selected)
    result.findings += _suppressed(found, [records[rid] for rid in sorted(selected)], rules, options.config)
    return _finish(result)


def _translations(layout: Layout, records: Mapping[str, RecordFile]) -> tuple[dict[tuple[str, str], Translation],
                                                                            list[Finding]]:
    """The translation files of valid records, and the problems of every translation file.

    A file that does not load, or translates no record (KB041), is reported
    here; the translation rules (KB5xx) read the rest. Translations of a
    record that failed validation are skipped without a finding: the record
    exists, its own findings say what is wrong.
    """
    loaded, findings = load_translations(layout, TARGET_LANGUAGES)
    findings += orphans(layout, loaded)
    return {key: t for key, t in loaded.items() if key[1] in records}, findings


def _run(rule: Rule, ctx: LintContext, config: LintConfig) -> Iterable[Finding]:
    severity = config.severity_of(rule.info)
    for finding in rule.check(ctx):
        yield replace(finding, rule=rule.id, severity=severity)


def _suppressed(findings: list[Finding], linted: list[RecordFile], rules: tuple[Rule, ...],
                config: LintConfig) -> list[Finding]:
    """Apply each linted record's suppression comments; add KB099 for the ones that silenced nothing."""
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    rule_ids = {rule.id for rule in rules}
    severity = config.severity_of(UNUSED_SUPPRESSION)
    for record in linted:
        path = record.doc.path
        suppressions, unreadable = read_suppressions(record.doc)
        if not suppressions and not unreadable:
            continue
        kept, used = apply_suppressions(by_path.get(path, []), suppressions)
        if UNUSED_SUPPRESSION.id not in config.disabled:
            unused = [replace(f, severity=severity) for f in unused_findings(
                path, suppressions, unreadable, used, UNUSED_SUPPRESSION, lint_rules=rule_ids,
                disabled=config.disabled)]
            kept += apply_suppressions(unused, suppressions)[0]  # `# kb: disable-file=KB099` silences them
        by_path[path] = kept
    return [finding for group in by_path.values() for finding in group]


def _finish(result: LintResult) -> LintResult:
    unique = {(f.path, f.line, f.column, f.rule, f.message): f for f in result.findings}
    result.findings = [unique[key] for key in sorted(unique)]
    return result
