"""The floor for ``kb validate`` + ``kb lint``: PyYAML's C loader composing every record and translation
file into nodes with positions, and nothing else.

    python -m bench.floor KB_ROOT
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml


def compose_all(root: Path) -> int:
    """Compose every record and translation file below ``root``; the number of files."""
    files = sorted((root / "kb" / "records").glob("*.yaml")) + sorted((root / "i18n").glob("*/*.yaml"))
    for path in files:
        yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return len(files)


if __name__ == "__main__":
    print(compose_all(Path(sys.argv[1])))
