"""Shared test helpers: throwaway knowledge bases and an in-process `kb` runner."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kbtool.cli import main

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

#: Set to 1 to rewrite golden files from the current output (then review the diff).
UPDATE_GOLDEN = os.environ.get("KB_UPDATE_GOLDEN") == "1"


@dataclass
class Result:
    code: int
    out: str
    err: str


def copy_kb_skeleton(root: Path) -> Path:
    """``root/kb`` with the real schemas, registries and commit manifests, and no records yet."""
    kb = root / "kb"
    shutil.copytree(REPO / "kb" / "schema", kb / "schema")
    shutil.copytree(REPO / "kb" / "commits", kb / "commits")
    for name in ("products.yaml", "repos.yaml"):
        shutil.copy(REPO / "kb" / name, kb / name)
    (kb / "records").mkdir()
    return kb


@pytest.fixture
def make_kb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Path]:
    """A knowledge base in tmp_path with the real schemas and registries, holding only ``records``.

    ``records`` maps a file name to its text or bytes. The working directory
    becomes the knowledge base, so findings print as ``kb/records/<name>``.
    """

    def make(records: dict[str, str | bytes] | None = None) -> Path:
        kb = copy_kb_skeleton(tmp_path)
        for name, content in (records or {}).items():
            target = kb / "records" / name
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        return tmp_path

    return make


@pytest.fixture
def kb(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Run ``kb ARGS...`` in-process and capture its exit code, stdout and stderr."""

    def run(*args: str) -> Result:
        code = main(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def check_golden(path: Path, actual: str) -> None:
    """Compare with a golden file, or rewrite it when KB_UPDATE_GOLDEN=1."""
    if UPDATE_GOLDEN:
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run with KB_UPDATE_GOLDEN=1 to create it"
    assert actual == path.read_text(encoding="utf-8")


@pytest.fixture
def repo_root() -> Iterator[Path]:
    yield REPO


@dataclass(frozen=True)
class OfflineBundle:
    """Two bundles of one commit of the real knowledge base, and the first one unpacked."""

    repo: Path
    archive: Path
    again: Path
    unpacked: Path
    result: Result


@pytest.fixture(scope="session")
def offline_bundle(tmp_path_factory: pytest.TempPathFactory) -> OfflineBundle:
    """``kb bundle`` run twice on the same commit (no SOURCE_DATE_EPOCH): shared by the bundle and browser tests."""
    from bundle_helpers import kb, knowledge_base_repository, unpack

    work = tmp_path_factory.mktemp("bundle")
    repo = knowledge_base_repository(work / "repo")
    archive, again = work / "first" / "kb.zip", work / "second" / "kb.zip"
    result = kb(["--root", str(repo), "bundle", "--out", str(archive)], env={"SOURCE_DATE_EPOCH": None})
    assert result.code == 0, result.err
    second = kb(["--root", str(repo), "bundle", "--out", str(again)], env={"SOURCE_DATE_EPOCH": None})
    assert second.code == 0, second.err
    return OfflineBundle(repo, archive, again, unpack(archive, work / "unpacked"), result)
