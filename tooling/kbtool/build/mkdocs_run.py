"""Run ``mkdocs build --strict`` for each language, in parallel.

Each language is its own MkDocs process: MkDocs is single-threaded, the
languages are independent, and the search plugin's jieba switch
(``hooks/search_without_jieba.py``) is process-wide state. Threads only wait
on the processes, so a pool of threads as wide as the CPU count keeps the
cores busy.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

#: MkDocs output lines worth showing when a build fails.
_PROBLEM_PREFIXES = ("WARNING", "ERROR", "Aborted", "Error", "Config value")


@dataclass(frozen=True, slots=True)
class LanguageBuild:
    """The outcome of one language's MkDocs build."""

    lang: str
    ok: bool
    seconds: float
    output: str

    def problems(self) -> list[str]:
        """The warning and error lines of the MkDocs output (or its last lines when there are none)."""
        lines = [line.rstrip() for line in self.output.splitlines() if line.strip()]
        wanted = [line for line in lines if line.lstrip().startswith(_PROBLEM_PREFIXES)]
        return wanted or lines[-15:]


def mkdocs_command(config_file: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_file)]


def build_one(lang: str, config_file: Path, extra_env: Mapping[str, str] | None = None) -> LanguageBuild:
    start = time.monotonic()
    env = dict(os.environ)
    env.setdefault("PYTHONIOENCODING", "utf-8")
    env.update(extra_env or {})
    proc = subprocess.run(mkdocs_command(config_file), capture_output=True, text=True, encoding="utf-8",
                          errors="replace", env=env, check=False)
    return LanguageBuild(lang, proc.returncode == 0, time.monotonic() - start, proc.stdout + proc.stderr)


def build_all(configs: Sequence[tuple[str, Path]], on_done: Callable[[LanguageBuild], None] | None = None,
              workers: int | None = None, env: Mapping[str, str] | None = None) -> list[LanguageBuild]:
    """Build every ``(lang, config file)``; results in the order given, ``on_done`` called as each ends.

    ``env`` is added to each MkDocs process's environment (``SOURCE_DATE_EPOCH`` for a bundle).
    """
    width = max(1, min(len(configs), workers or os.cpu_count() or 1))
    results: dict[str, LanguageBuild] = {}
    with ThreadPoolExecutor(max_workers=width) as pool:
        futures = {pool.submit(build_one, lang, path, env): lang for lang, path in configs}
        for future in as_completed(futures):
            result = future.result()
            results[result.lang] = result
            if on_done is not None:
                on_done(result)
    return [results[lang] for lang, _ in configs]
