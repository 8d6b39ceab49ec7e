"""The shared table of pasted errors: run against `kb match` (test_match_cli.py) and the page (test_match_browser.py).

Two files in tests/match/:

- ``cases.yaml``: real-looking pasted logs; ``expect`` lists every record
  that must match, no more and no fewer, the first one ranked first.
- ``source_strings.yaml``: every error string of the five source documents
  and of shared/facts; ``expect`` is the record that must come first, or
  null for a string outside the knowledge base, which must match nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

TABLE = Path(__file__).resolve().parent / "match"


@dataclass(frozen=True, slots=True)
class PasteCase:
    name: str
    text: str
    expect: tuple[str, ...]
    exact: bool
    """True: exactly the ``expect`` records match; False: only the first is checked (and none for null)."""

    def problem(self, ids: list[str]) -> str | None:
        """Why the ranked record ids do not meet the expectation, or None."""
        if not self.expect:
            return None if not ids else f"expected no match, got {ids}"
        if not ids or ids[0] != self.expect[0]:
            return f"expected {self.expect[0]} first, got {ids}"
        if self.exact and sorted(ids) != sorted(self.expect):
            return f"expected exactly {sorted(self.expect)}, got {ids}"
        return None


def pasted_logs() -> list[PasteCase]:
    entries = yaml.safe_load((TABLE / "cases.yaml").read_text(encoding="utf-8"))
    return [PasteCase(e["name"], e["text"], tuple(e["expect"]), exact=True) for e in entries]


def source_strings() -> list[PasteCase]:
    entries = yaml.safe_load((TABLE / "source_strings.yaml").read_text(encoding="utf-8"))
    return [PasteCase(f"{e['source']} {e['text'][:40]}", e["text"], (e["expect"],) if e["expect"] else (),
                      exact=False) for e in entries]


def all_cases() -> list[PasteCase]:
    return pasted_logs() + source_strings()
