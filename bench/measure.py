"""Run a command and measure it: wall time and the peak resident memory of its processes."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Timing:
    seconds: float
    peak_mb: float
    """Largest resident set of the command or any process it waited for (``wait4``'s ``ru_maxrss``)."""
    status: int


def run(command: Sequence[str], cwd: Path, *, stdout: Path | None = None,
        env: dict[str, str] | None = None) -> Timing:
    """Run ``command`` in ``cwd``; its output goes to ``stdout`` (or is discarded)."""
    out = open(stdout, "wb") if stdout is not None else subprocess.DEVNULL
    try:
        start = time.perf_counter()
        proc = subprocess.Popen(list(command), cwd=cwd, stdout=out, stderr=subprocess.DEVNULL,
                                env={**os.environ, **(env or {})})
        # wait4 gives this child's own resource usage (max RSS of it and the children it waited
        # for), where getrusage(RUSAGE_CHILDREN) would give the maximum over every child so far.
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if stdout is not None:
            out.close()  # type: ignore[union-attr]
    return Timing(seconds, usage.ru_maxrss / 1024, proc.returncode)


def best(command: Sequence[str], cwd: Path, repeat: int, **kwargs: object) -> Timing:
    """The fastest of ``repeat`` runs (the least disturbed by other work on the machine), with the
    highest peak memory seen."""
    runs = [run(command, cwd, **kwargs) for _ in range(max(1, repeat))]  # type: ignore[arg-type]
    fastest = min(runs, key=lambda r: r.seconds)
    return Timing(fastest.seconds, max(r.peak_mb for r in runs), fastest.status)


def total(timings: Sequence[Timing]) -> Timing:
    """Commands run one after another: times add up, memory is the highest of them."""
    return Timing(sum(t.seconds for t in timings), max(t.peak_mb for t in timings),
                  max(t.status for t in timings))
