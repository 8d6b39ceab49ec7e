"""Where things live in a knowledge-base checkout."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kbtool.errors import UsageError

RECORD_SUFFIX = ".yaml"


@dataclass(frozen=True, slots=True)
class Layout:
    """Paths of one knowledge base, all below ``root`` (the directory holding ``kb/``)."""

    root: Path

    @property
    def kb_dir(self) -> Path:
        return self.root / "kb"

    @property
    def records_dir(self) -> Path:
        return self.kb_dir / "records"

    @property
    def schema_dir(self) -> Path:
        return self.kb_dir / "schema"

    @property
    def products_file(self) -> Path:
        return self.kb_dir / "products.yaml"

    @property
    def repos_file(self) -> Path:
        return self.kb_dir / "repos.yaml"

    def schema_file(self, name: str) -> Path:
        return self.schema_dir / f"{name}.schema.json"

    def registry_files(self) -> list[Path]:
        return [self.products_file, self.repos_file]

    def record_files(self) -> list[Path]:
        """Every record, in a stable order."""
        if not self.records_dir.is_dir():
            return []
        return sorted(p for p in self.records_dir.iterdir() if p.suffix == RECORD_SUFFIX)

    def is_record(self, path: Path) -> bool:
        return path.resolve().parent == self.records_dir.resolve()


def find_layout(root: Path) -> Layout:
    """The knowledge base at ``root``, or a usage error saying what is missing."""
    layout = Layout(root)
    if not layout.kb_dir.is_dir():
        raise UsageError(f"{root}: not a knowledge base (no kb/ directory); run from the repository root or pass --root DIR")
    missing = [p for p in (layout.schema_file("record"), layout.products_file, layout.repos_file) if not p.is_file()]
    if missing:
        names = ", ".join(str(p.relative_to(root)) for p in missing)
        raise UsageError(f"{root}: incomplete knowledge base, missing {names}")
    return layout
