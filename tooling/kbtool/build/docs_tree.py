"""Write a generated docs tree to disk, touching only pages whose text changed.

Only changed files are rewritten so that ``mkdocs serve`` (which watches
the tree during ``kb serve``) reloads for real changes only; pages that are
no longer generated are removed.
"""

from __future__ import annotations

from pathlib import Path


def sync_docs_tree(pages: dict[str, str], docs_dir: Path) -> int:
    """Make ``docs_dir`` hold exactly ``pages`` (docs path → text); returns how many files changed."""
    changed = 0
    for page, text in pages.items():
        target = docs_dir / page
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        changed += 1
    if docs_dir.is_dir():
        for path in sorted(docs_dir.rglob("*.md")):
            if path.relative_to(docs_dir).as_posix() not in pages:
                path.unlink()
                changed += 1
    return changed
