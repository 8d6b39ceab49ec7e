"""Everything the translation commands and the build read: validated records and their translations."""

from __future__ import annotations

from dataclasses import dataclass, field

from kbtool.i18n.files import Translation, load_translations, orphans
from kbtool.i18n.status import RecordStatus, record_status
from kbtool.load.layout import Layout
from kbtool.model.finding import Finding, Severity
from kbtool.model.record import Record
from kbtool.render.languages import LANGUAGES, SOURCE_LANGUAGE
from kbtool.validate.engine import validate

#: The languages records are translated into.
TARGET_LANGUAGES: tuple[str, ...] = tuple(lang.code for lang in LANGUAGES if lang.code != SOURCE_LANGUAGE)


@dataclass(slots=True)
class Workspace:
    """Records that validated, every translation file that loaded, and the findings of both."""

    records: dict[str, Record]
    translations: dict[tuple[str, str], Translation] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    @property
    def error_count(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    def status(self, record_id: str, lang: str) -> RecordStatus:
        return record_status(self.records[record_id], lang, self.translations.get((lang, record_id)))

    def statuses(self, langs: tuple[str, ...] = TARGET_LANGUAGES) -> list[RecordStatus]:
        """Every (language, record) pair, languages in site order and records by id."""
        return [self.status(rid, lang) for lang in langs for rid in sorted(self.records)
                if self.records[rid].lang != lang]


def load_workspace(layout: Layout, langs: tuple[str, ...] = TARGET_LANGUAGES) -> Workspace:
    validation = validate(layout)
    translations, findings = load_translations(layout, langs)
    workspace = Workspace(validation.records, findings=validation.findings + findings + orphans(layout, translations))
    existing = {path.stem for path in layout.record_files()}
    workspace.translations = {key: t for key, t in translations.items() if key[1] in existing}
    workspace.findings.sort(key=lambda f: (f.path, f.line, f.column, f.rule))
    return workspace
