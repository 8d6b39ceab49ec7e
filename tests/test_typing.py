"""The package is type-checked in strict mode (configuration in pyproject.toml)."""

from __future__ import annotations

from mypy import api

from conftest import REPO


def test_package_passes_mypy_strict(monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    out, err, status = api.run(["--no-error-summary"])
    assert status == 0, out + err
