"""A build killed midway (SIGKILL during the mkdocs stage) leaves the previous site byte for byte as it was.

A killed process cannot clean up: its work directory ``.<out>.build-<pid>-*``
stays beside the site until the next build, which removes the work
directories of builds whose process is gone (and puts back a previous site
that a build killed between the two renames of the swap had set aside).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Result
from site_helpers import make_site_kb, tree_digest

KB = Path(sys.executable).parent / "kb"


def _leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".out."))


def _dead_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")
def test_sigkill_during_mkdocs_keeps_the_previous_site_and_the_next_build_cleans_up(
        make_kb: Callable[..., Path], kb: Callable[..., Result]) -> None:
    root = make_site_kb(make_kb)
    assert kb("build", "--lang", "en", "--out", "out").code == 0
    before = tree_digest(root / "out")

    # Its own process group, so that SIGKILL reaches the MkDocs processes too, as a CI timeout would.
    build = subprocess.Popen([str(KB), "build", "--lang", "en", "--lang", "ja", "--out", "out"], cwd=root,
                             stderr=subprocess.PIPE, text=True, start_new_session=True)
    assert build.stderr is not None
    seen = []
    for line in build.stderr:
        seen.append(line)
        if line.startswith("kb build: generate:"):  # the next stage is mkdocs
            break
    time.sleep(1.0)  # MkDocs is writing into the work directory
    assert build.poll() is None, "".join(seen)
    os.killpg(build.pid, signal.SIGKILL)
    assert build.wait(timeout=30) == -signal.SIGKILL
    build.stderr.close()

    assert tree_digest(root / "out") == before
    stale = _leftovers(root)
    assert len(stale) == 1 and stale[0].startswith(f".out.build-{build.pid}-"), stale

    # The next build, even one that fails at once, removes the dead build's work directory.
    (root / "kb" / "records" / "broken.yaml").write_text("id: broken\n", encoding="utf-8")
    result = kb("build", "--lang", "en", "--out", "out")
    assert result.code == 1 and "Traceback" not in result.err
    assert _leftovers(root) == []
    assert tree_digest(root / "out") == before


def test_a_site_set_aside_by_a_killed_swap_is_put_back(make_kb: Callable[..., Path],
                                                       kb: Callable[..., Result]) -> None:
    root = make_site_kb(make_kb)
    assert kb("build", "--lang", "en", "--out", "out").code == 0
    before = tree_digest(root / "out")
    # Killed between "old site aside" and "new site in place": no out/, the old site under its aside name.
    (root / "out").rename(root / f".out.old-{_dead_pid()}")
    (root / "kb" / "records" / "broken.yaml").write_text("id: broken\n", encoding="utf-8")
    result = kb("build", "--lang", "en", "--out", "out")
    assert result.code == 1 and "Traceback" not in result.err
    assert tree_digest(root / "out") == before
    assert _leftovers(root) == []


def test_the_work_directory_of_a_running_build_is_left_alone(make_kb: Callable[..., Path],
                                                             kb: Callable[..., Result]) -> None:
    root = make_site_kb(make_kb)
    running = root / f".out.build-{os.getppid()}-abcd1234"  # our parent process is alive
    running.mkdir()
    (running / "page.html").write_text("in progress\n", encoding="utf-8")
    (root / "kb" / "records" / "broken.yaml").write_text("id: broken\n", encoding="utf-8")
    assert kb("build", "--lang", "en", "--out", "out").code == 1
    assert (running / "page.html").read_text(encoding="utf-8") == "in progress\n"
