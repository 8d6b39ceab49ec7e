"""The one finding type every check produces, whatever its family."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.Enum):
    """How bad a finding is; only errors change the exit code by default."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """A problem at a 1-based line and column of a file.

    Every boundary that reports positions in another convention (YAML marks
    and markdown-it token maps are 0-based) converts to this one, so
    formatters never have to.
    """

    path: str
    line: int
    column: int
    rule: str
    severity: Severity
    message: str

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
        }
