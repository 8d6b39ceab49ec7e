"""A real ``kb serve`` in a subprocess: start it on a free port, wait for it, read its stderr, stop it."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

KB = Path(sys.executable).parent / "kb"
START_SECONDS = 90.0


@dataclass
class Server:
    """A running ``kb serve`` on its own copy of the knowledge base."""

    root: Path
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def stderr(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def get(self, page: str) -> str:
        with urllib.request.urlopen(f"{self.url}{page}", timeout=10) as response:
            text: str = response.read().decode("utf-8")
            return text

    def record(self, index: int) -> str:
        """The id of the knowledge base's ``index``-th record (by file name)."""
        return sorted(p.stem for p in (self.root / "kb" / "records").glob("*.yaml"))[index]


def wait_until(condition: Callable[[], bool], seconds: float, what: str, server: Server) -> None:
    """Poll ``condition`` every 0.2 s; fail with the server's stderr when ``seconds`` pass first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        assert server.process.poll() is None, f"kb serve stopped:\n{server.stderr()}"
        time.sleep(0.2)
    pytest.fail(f"not within {seconds:.0f} s: {what}\n--- kb serve stderr ---\n{server.stderr()}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def answers(server: Server, page: str) -> bool:
    try:
        server.get(page)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False
    return True


def stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM, as a user's service manager would send it; then the whole process group if it hangs."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def start_server(command: Sequence[str], root: Path, port: int) -> Server:
    """Run ``command`` (a ``kb serve`` on ``port``) in ``root``; returns once the preview answers."""
    log = root.parent / "stderr.txt"
    with log.open("wb") as err:
        # Its own process group, so that a hung server and its mkdocs child can be killed together.
        process = subprocess.Popen(list(command), cwd=root, stdout=subprocess.DEVNULL, stderr=err,
                                   start_new_session=True)
    server = Server(root, f"http://127.0.0.1:{port}/", process, log)
    try:
        wait_until(lambda: answers(server, "index.html"), START_SECONDS, "the preview answers", server)
    except BaseException:
        stop(process)
        raise
    return server
