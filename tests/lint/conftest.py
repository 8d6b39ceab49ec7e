"""Fixtures of the lint tests: run `kb lint` on a throwaway knowledge base and keep some rules' findings."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import REPO, Result
from kbtool.clitree import CliCatalog, load_catalog
from kbtool.lint import context

_CATALOGS: dict[str, CliCatalog] = {}


@pytest.fixture(autouse=True)
def _shared_cli_catalog(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read each distinct ``kb/cli/`` once per test session: every test KB copies the same real one.

    The catalog is read-only data; parsing its YAML is most of a small lint run.
    """

    def cached(kb_dir: Path, program: str = "openclaw") -> CliCatalog:
        digest = hashlib.sha256(program.encode())
        for path in sorted((Path(kb_dir) / "cli" / program).glob("*.yaml")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
        key = digest.hexdigest()
        if key not in _CATALOGS:
            _CATALOGS[key] = load_catalog(kb_dir, program)
        return _CATALOGS[key]

    monkeypatch.setattr(context, "load_catalog", cached)


@dataclass
class LintRun:
    code: int
    lines: list[str]
    """Findings in text format, only those of the rules asked for (all when none were)."""
    err: str
    root: Path


@pytest.fixture
def lint_kb(make_kb: Callable[..., Path], kb: Callable[..., Result]) -> Callable[..., LintRun]:
    """``lint_kb(records, *args, rules=("KB101",))``: a knowledge base holding ``records``, linted.

    The knowledge base has the real schemas, registries, commit manifests and
    CLI reference (``kb/cli/``). Findings of other rules are left out, so a
    rule's test is not disturbed by rules added later; ``rules=None`` keeps
    every finding. ``files`` are written below the root first (``docs/x.md``,
    ``kb.toml``; None deletes the file). A usage error (exit 2) fails the test unless ``usage=True``.
    """

    def run(records: dict[str, str | bytes], *args: str, rules: tuple[str, ...] | None = None,
            usage: bool = False, files: dict[str, str | None] | None = None) -> LintRun:
        root = make_kb(records)
        shutil.copytree(REPO / "kb" / "cli", root / "kb" / "cli")
        for name, text in (files or {}).items():
            if text is None:
                (root / name).unlink()
            else:
                (root / name).parent.mkdir(parents=True, exist_ok=True)
                (root / name).write_text(text, encoding="utf-8")
        result = kb("lint", *args)
        assert usage or result.code != 2, result.err
        lines = result.out.splitlines()
        if rules is not None:
            lines = [line for line in lines if any(f" {rule} " in line for rule in rules)]
        return LintRun(result.code, lines, result.err, root)

    return run
