"""The issue's "done when", end to end: what a newcomer following CONTRIBUTING.md does, in one repository.

``kb new`` scaffolds a record; the newcomer fills it in (here: the annotated
example of CONTRIBUTING.md, made into a new record) with a deliberate mistake
that ``kb lint`` reports, fixes it, sees the page in ``kb serve``, commits,
and bundles twice: the two zips are identical, and the unpacked bundle
finds the new record by search from ``file://`` in Chromium with no network.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from browser_helpers import browser, local_only_page, search  # noqa: F401 (a fixture)
from bundle_helpers import git, kb, knowledge_base_repository, unpack
from conftest import REPO
from serve_helpers import KB, free_port, start_server, stop

pytestmark = pytest.mark.browser

NEW_ID = "openclaw-walkthrough-refusal"
NEW_TITLE = "unauthorized: walkthrough token refused"


def finished_record() -> str:
    """CONTRIBUTING.md's annotated example, as a record of its own (another id, title and error line)."""
    guide = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(# yaml-language-server: .*?)\n```\n", guide, re.DOTALL)
    assert example is not None, "CONTRIBUTING.md has no annotated example record"
    text = example.group(1).replace("openclaw-device-token-rejected", NEW_ID)
    text = text.replace("device token rejected", "walkthrough token refused")
    # The example's related records would have to list it back; a new record starts without.
    return re.sub(r"\n(# Related records.*\n)?related:\n(  - .*\n)+", "\n", text + "\n")


def test_a_new_record_from_scaffold_to_offline_bundle(browser: Any, tmp_path: Path) -> None:
    repo = knowledge_base_repository(tmp_path / "repo")
    root = ["--root", str(repo)]
    created = kb([*root, "new", "--id", NEW_ID, "--title", NEW_TITLE, "--product", "openclaw"])
    assert created.code == 0, created.err
    record = repo / "kb" / "records" / f"{NEW_ID}.yaml"
    assert "KB405" in kb([*root, "lint", str(record)]).out  # the scaffold's placeholders

    # A deliberate mistake: a subcommand that does not exist.
    record.write_text(finished_record().replace("devices approve", "devices aprove"), encoding="utf-8")
    mistake = kb([*root, "lint", str(record)])
    assert mistake.code == 1
    assert re.search(rf"^{re.escape(str(record))}:\d+:\d+: error KB30\d .*aprove", mistake.out, re.MULTILINE), \
        mistake.out
    record.write_text(finished_record(), encoding="utf-8")
    fixed = kb([*root, "lint", str(record)])
    assert (fixed.code, [line for line in fixed.out.splitlines() if " error " in line]) == (0, [])

    port = free_port()
    server = start_server([str(KB), *root, "serve", "--addr", f"127.0.0.1:{port}"], repo, port)
    try:
        assert NEW_TITLE in server.get(f"records/{NEW_ID}.html")
    finally:
        stop(server.process)

    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", f"Add {NEW_ID}")
    first, second = tmp_path / "one.zip", tmp_path / "two.zip"
    for target in (first, second):
        bundled = kb([*root, "bundle", "--out", str(target)], env={"SOURCE_DATE_EPOCH": None})
        assert bundled.code == 0, bundled.err
    assert first.read_bytes() == second.read_bytes()

    site = unpack(first, tmp_path / "unpacked")
    with local_only_page(browser) as local:
        local.page.goto((site / "index.html").as_uri())
        results = search(local.page, "walkthrough")
    assert results[0].split("#")[0].split("?")[0] == (site / "records" / f"{NEW_ID}.html").as_uri()
    assert (local.outside, local.errors) == ([], [])
