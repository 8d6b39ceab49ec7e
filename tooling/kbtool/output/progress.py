"""A one-line progress counter on stderr, shown only to a person at a terminal."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO


class Progress:
    """Rewrites ``label 12/300`` in place; silent when stderr is not a terminal (CI, pipes, tests)."""

    def __init__(self, label: str, total: int, stream: TextIO | None = None) -> None:
        self.label = label
        self.total = total
        self.count = 0
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() and total > 20

    def step(self, item: Path | str | None = None) -> None:
        del item
        self.count += 1
        if self.enabled and (self.count % 10 == 0 or self.count == self.total):
            self.stream.write(f"\r{self.label} {self.count}/{self.total}")
            self.stream.flush()

    def done(self) -> None:
        if self.enabled and self.count:
            self.stream.write("\r\033[K")
            self.stream.flush()
