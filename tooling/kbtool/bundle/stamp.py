"""What identifies a bundle: the knowledge base's version and the build date, both reproducible.

Two bundles of the same commit must be byte-identical, so neither value
may come from the clock when there is something better:

* version: ``git describe --tags --always --dirty`` of the knowledge base
  (a tag, or the commit id; ``-dirty`` when files differ from that commit),
  else ``unversioned``;
* date: ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention), else
  the time of the last commit, else now.
"""

from __future__ import annotations

import datetime
import os
import subprocess
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kbtool.errors import UsageError

UNVERSIONED = "unversioned"


@dataclass(frozen=True, slots=True)
class Stamp:
    version: str
    epoch: int
    """Seconds since 1970-01-01 UTC."""

    @property
    def built(self) -> datetime.datetime:
        return datetime.datetime.fromtimestamp(self.epoch, tz=datetime.timezone.utc)

    @property
    def built_iso(self) -> str:
        return self.built.strftime("%Y-%m-%dT%H:%M:%SZ")


def _git(root: Path, *args: str) -> str | None:
    try:
        proc = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=False,
                              timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    output = proc.stdout.strip()
    return output if proc.returncode == 0 and output else None


def source_date_epoch(environ: Mapping[str, str]) -> int | None:
    """``SOURCE_DATE_EPOCH`` as an integer; a usage error when it is set to something else."""
    raw = environ.get("SOURCE_DATE_EPOCH")
    if raw is None or raw == "":
        return None
    if not raw.isdigit():
        raise UsageError(f"SOURCE_DATE_EPOCH={raw!r}: expected a number of seconds since 1970-01-01 UTC")
    return int(raw)


def resolve_stamp(root: Path, environ: Mapping[str, str] = os.environ) -> Stamp:
    version = _git(root, "describe", "--tags", "--always", "--dirty") or UNVERSIONED
    epoch = source_date_epoch(environ)
    if epoch is None:
        committed = _git(root, "log", "-1", "--format=%ct")
        epoch = int(committed) if committed and committed.isdigit() else int(time.time())
    return Stamp(version, epoch)
