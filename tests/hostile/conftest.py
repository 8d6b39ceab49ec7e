"""Shared pieces of the hostile-input suite: Hypothesis profiles and a snapshot of a knowledge base.

Hypothesis: under ``CI=true`` the ``ci`` profile derandomizes (the same examples on every run, so a
failure in CI reproduces locally with ``CI=true``); elsewhere examples are random. Neither keeps an
example database (Hypothesis's own cache, ``.hypothesis/``, carries a ``.gitignore`` of its own).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from hypothesis import HealthCheck, settings

_COMMON = {"deadline": None, "database": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("ci", derandomize=True, **_COMMON)
settings.register_profile("dev", **_COMMON)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "dev")


def snapshot(root: Path) -> dict[str, str]:
    """Every file below ``root`` with its SHA-256: equal snapshots mean nothing was written or lost."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}
