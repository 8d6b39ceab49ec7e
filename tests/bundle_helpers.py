"""A copy of the real knowledge base as a git repository with one commit, and ``kb`` run inside it.

``kb bundle`` takes its version and date from git, so the bundle tests need
a repository whose commit they control: the real records, translations,
configuration and theme, committed at ``COMMIT_DATE``.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import zipfile
from collections.abc import Mapping
from pathlib import Path

import pytest

from conftest import REPO, Result
from kbtool.cli import main

COMMIT_DATE = "2026-11-01T12:00:00+00:00"
COMMIT_EPOCH = 1793534400
PARTS = ("kb", "i18n", "overrides", "mkdocs.yml", "pyproject.toml")


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": COMMIT_DATE, "GIT_COMMITTER_DATE": COMMIT_DATE}
    proc = subprocess.run(["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org",
                           *args], capture_output=True, text=True, check=True, env=env)
    return proc.stdout.strip()


def knowledge_base_repository(target: Path) -> Path:
    """The real knowledge base copied to ``target`` and committed there, at ``COMMIT_DATE``."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / part)
    git(target, "init", "-q")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "knowledge base")
    return target


def kb(args: list[str], env: Mapping[str, str | None] | None = None) -> Result:
    """``kb ARGS`` in this process, with ``env`` changes; its exit status and output."""
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        for name, value in (env or {}).items():
            if value is None:
                patch.delenv(name, raising=False)
            else:
                patch.setenv(name, value)
        code = main(args)
    return Result(code, out.getvalue(), err.getvalue())


def unpack(archive: Path, target: Path) -> Path:
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(target)
    return target
