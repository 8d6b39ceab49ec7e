"""Field-by-field state of a translation: current, outdated or missing.

A field is *current* when the hash stored with its translation equals the
hash of the source's present text, *outdated* when the source changed since
(the hashes differ), and *missing* when there is no translation (or an empty
one). Only the fields an edit touched change state: a typo fix in one step
leaves the rest of the page current.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from kbtool.i18n.files import Translation
from kbtool.i18n.units import Unit, record_units
from kbtool.model.record import Record


class State(enum.Enum):
    CURRENT = "current"
    OUTDATED = "outdated"
    MISSING = "missing"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class FieldState:
    unit: Unit
    state: State
    text: str | None
    """The translation (for outdated fields, the old one, never shown as current)."""


@dataclass(slots=True)
class RecordStatus:
    """The state of every translatable field of one record in one language."""

    record: str
    lang: str
    fields: list[FieldState] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    """Keys of the translation file that the record has no field for."""

    def count(self, state: State) -> int:
        return sum(1 for f in self.fields if f.state is state)

    @property
    def total(self) -> int:
        return len(self.fields)

    @property
    def percent(self) -> float:
        """Share of fields that are current, 0-100 (100 for a record with nothing to translate)."""
        return 100.0 * self.count(State.CURRENT) / self.total if self.total else 100.0

    def current_texts(self) -> dict[str, str]:
        return {f.unit.key: f.text for f in self.fields if f.state is State.CURRENT and f.text is not None}

    def states(self) -> dict[str, State]:
        return {f.unit.key: f.state for f in self.fields}


def record_status(record: Record, lang: str, translation: Translation | None) -> RecordStatus:
    """Compare ``record``'s present text with ``translation`` (None: nothing translated yet)."""
    status = RecordStatus(record.id, lang)
    stored = translation.fields if translation is not None else {}
    units = record_units(record)
    for unit in units:
        entry = stored.get(unit.key)
        if entry is None or not entry.text.strip():
            status.fields.append(FieldState(unit, State.MISSING, None))
        elif entry.hash == unit.hash:
            status.fields.append(FieldState(unit, State.CURRENT, entry.text))
        else:
            status.fields.append(FieldState(unit, State.OUTDATED, entry.text))
    known = {unit.key for unit in units}
    status.unknown = [key for key in stored if key not in known]
    return status
