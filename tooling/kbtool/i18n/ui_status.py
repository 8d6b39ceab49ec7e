"""How complete the interface-string catalogs are: the ``kb i18n status`` row for the site's own text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Message

from kbtool.errors import UsageError
from kbtool.i18n.pofile import PoReadError, read_po_strict

UI_DIR = Path("i18n") / "ui"
TEMPLATE = UI_DIR / "messages.pot"


@dataclass(frozen=True, slots=True)
class UiStatus:
    lang: str
    current: int
    outdated: int
    missing: int

    @property
    def total(self) -> int:
        return self.current + self.outdated + self.missing

    @property
    def percent(self) -> float:
        return 100.0 * self.current / self.total if self.total else 100.0


def ui_status(root: Path, lang: str) -> UiStatus | None:
    """Counts for ``lang`` against the template (None when the knowledge base has no interface catalogs)."""
    template = root / TEMPLATE
    if not template.is_file():
        return None
    wanted = {(m.context, m.id) for m in _read(template) if m.id}
    catalog_file = root / UI_DIR / lang / "LC_MESSAGES" / "messages.po"
    found = {(m.context, m.id): m for m in (_read(catalog_file) if catalog_file.is_file() else []) if m.id}
    current = outdated = 0
    for key in wanted:
        message = found.get(key)
        if message is not None and message.string:
            if message.fuzzy:
                outdated += 1
            else:
                current += 1
    return UiStatus(lang, current, outdated, len(wanted) - current - outdated)


def _read(path: Path) -> list[Message]:
    try:
        return list(read_po_strict(path.read_bytes(), str(path)))
    except PoReadError as exc:
        raise UsageError(str(exc)) from None
