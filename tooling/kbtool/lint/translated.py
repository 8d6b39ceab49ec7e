"""The translated fields the KB5xx rules read: each with its translation file and its source unit."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kbtool.i18n.files import FieldText, Translation
from kbtool.i18n.shape import differences, first_extra
from kbtool.i18n.units import Unit, record_units
from kbtool.lint.context import LintContext, at_text
from kbtool.load.document import DataPath
from kbtool.model.finding import Finding
from kbtool.model.rule import RuleInfo


@dataclass(frozen=True, slots=True)
class TranslatedField:
    translation: Translation
    key: str
    value: FieldText
    unit: Unit | None
    """The source text this field translates; None when the record has no such field."""

    @property
    def text_path(self) -> DataPath:
        return ("fields", self.key, "text")

    @property
    def current(self) -> bool:
        return self.unit is not None and bool(self.value.text.strip()) and self.value.hash == self.unit.hash


def translated_fields(ctx: LintContext) -> Iterator[TranslatedField]:
    """Every field of every translation of the records being linted, in file order."""
    for rf in ctx.linted():
        units = {unit.key: unit for unit in record_units(rf.record)}
        for _lang, translation in ctx.translations_of(rf.record.id):
            for key, value in translation.fields.items():
                yield TranslatedField(translation, key, value, units.get(key))


def shape_findings(ctx: LintContext, rule: RuleInfo, kind: str) -> Iterator[Finding]:
    """Findings of one kind of shape difference (``code``, ``links``...) between current translations and sources.

    Outdated and missing fields are not compared: they are KB507's and KB508's.
    """
    for item, found, message in ctx.memo("translation-shape-differences", lambda: _shape_differences(ctx)):
        if found == kind and item.translation.doc is not None and item.unit is not None:
            needle = first_extra(item.unit.text, item.value.text, kind) or ""
            yield at_text(rule, item.translation.doc, item.text_path, needle, f"`{item.key}`: {message}")


def _shape_differences(ctx: LintContext) -> list[tuple[TranslatedField, str, str]]:
    """Every (field, kind, message) shape difference of the current translations, for KB501–KB505 to share:
    parsing every text as Markdown is most of what ``kb lint`` does, so it is done once per run."""
    return [(item, found, message) for item in translated_fields(ctx)
            if item.current and item.unit is not None and item.translation.doc is not None
            for found, message in differences(item.unit.text, item.value.text)]
