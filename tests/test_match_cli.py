"""`kb match`: the shared table of pasted logs and source strings, and the command's contract.

Every case of tests/match/ runs through the command in-process, as a user
runs it (a file in, JSON out); the page runs the same table in
test_match_browser.py. The knowledge base is validated once for the whole
module instead of once per case: it does not change while the tests run.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO
from kbtool.cli import main
from kbtool.commands import match as match_command
from kbtool.load.layout import Layout
from kbtool.match.matcher import Matcher, compile_signatures
from kbtool.validate.cache import ValidRecords
from kbtool.validate.engine import Validation, validate
from match_reference import reference_scores
from match_table import PasteCase, all_cases, pasted_logs

VALIDATION = validate(Layout(REPO))
CASES = all_cases()


@pytest.fixture
def kb_match(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
             tmp_path: Path) -> Callable[..., tuple[int, Any, str]]:
    """``kb_match(text_or_bytes, *options)``: (exit status, parsed JSON or text output, stderr)."""
    valid = ValidRecords.of(VALIDATION)
    monkeypatch.setattr(match_command, "valid_records", lambda layout: valid)

    def run(text: str | bytes, *options: str) -> tuple[int, Any, str]:
        log = tmp_path / "pasted.log"
        log.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        code = main(["--root", str(REPO), "match", str(log), *options])
        out, err = capsys.readouterr()
        return code, json.loads(out) if "json" in options else out, err

    return run


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_shared_table_through_the_cli(kb_match: Callable[..., tuple[int, Any, str]], case: PasteCase) -> None:
    code, results, _ = kb_match(case.text, "--format", "json")
    ids = [r["id"] for r in results]
    assert case.problem(ids) is None, case.problem(ids)
    assert code == (0 if ids else 1)


@pytest.mark.parametrize("case", pasted_logs(), ids=[c.name for c in pasted_logs()])
def test_the_indexed_matcher_finds_what_running_every_signature_finds(case: PasteCase) -> None:
    matcher = Matcher.from_records(VALIDATION.records.values())
    expected = reference_scores(compile_signatures(VALIDATION.records.values()), case.text)
    assert {m.record_id: m.score for m in matcher.match(case.text)} == expected


def test_json_fields(kb_match: Callable[..., tuple[int, Any, str]]) -> None:
    code, results, _ = kb_match("noise\nnoise\n2026-02-03T10:15:30Z disconnected (1008): pairing required\n",
                                "--format", "json", "--base-url", "https://kb.example.org/docs")
    assert code == 0
    assert results == [{
        "id": "openclaw-pairing-required",
        "title": VALIDATION.records["openclaw-pairing-required"].title,
        "score": len(": pairing required"),
        "matched": "disconnected (1008): pairing required",
        "line": 3,
        "span": [19, 37],
        "url": "https://kb.example.org/docs/records/openclaw-pairing-required.html",
    }]


def test_lang_gives_translated_titles_and_that_languages_pages(kb_match: Callable[..., tuple[int, Any, str]]) -> None:
    _, results, _ = kb_match("AUTH_TOKEN_MISMATCH", "--format", "json", "--lang", "ja",
                             "--base-url", "https://kb.example.org/")
    assert results[0]["url"] == "https://kb.example.org/ja/records/openclaw-gateway-token-mismatch.html"
    assert "不一致" in results[0]["title"]


def test_urls_point_at_the_local_build_by_default(kb_match: Callable[..., tuple[int, Any, str]]) -> None:
    _, results, _ = kb_match("AUTH_TOKEN_MISMATCH", "--format", "json")
    assert results[0]["url"] == (REPO / "site").resolve().as_uri() + "/records/openclaw-gateway-token-mismatch.html"


def test_text_output_names_record_line_and_url(kb_match: Callable[..., tuple[int, Any, str]]) -> None:
    code, out, _ = kb_match("npm warn\ngateway closed (1008): unauthorized: device token mismatch "
                            "(rotate/reissue device token)\n", "--base-url", "https://kb.example.org/")
    lines = out.splitlines()
    assert code == 0
    assert lines[0].startswith("1. openclaw-device-token-mismatch: ")
    assert lines[1] == ("   line 2: gateway closed (1008): unauthorized: device token mismatch "
                        "(rotate/reissue device token)")
    assert lines[2] == "   https://kb.example.org/records/openclaw-device-token-mismatch.html"


def test_nothing_matched_exits_1_and_says_so(kb_match: Callable[..., tuple[int, Any, str]]) -> None:
    code, results, err = kb_match("all good\n", "--format", "json")
    assert (code, results) == (1, [])
    assert "no record matches" in err


def test_a_long_line_is_cut_around_the_match(kb_match: Callable[..., tuple[int, Any, str]]) -> None:
    line = "x" * 5000 + " AUTH_TOKEN_MISMATCH " + "y" * 5000
    _, results, _ = kb_match(line, "--format", "json")
    matched, (start, end) = results[0]["matched"], results[0]["span"]
    assert len(matched) == 1 + 100 + len("AUTH_TOKEN_MISMATCH") + 100 + 1
    assert matched[start:end] == "AUTH_TOKEN_MISMATCH"
    assert matched.startswith("…") and matched.endswith("…")


@pytest.mark.parametrize("block", [7, 64, 4096])
def test_logs_read_in_blocks_keep_lines_escapes_and_characters_whole(
        kb_match: Callable[..., tuple[int, Any, str]], monkeypatch: pytest.MonkeyPatch, block: int) -> None:
    monkeypatch.setattr(match_command, "BLOCK", block)
    noise = "".join(f"2026-02-03 10:15:{i % 60:02d} ゲートウェイ起動中 step {i}\r\n" for i in range(200))
    error = "\x1b[1;31mdisconnected (1008): unauthorized: gateway token missing (open the dashboard URL)\x1b[0m\r\n"
    _, results, _ = kb_match((noise + error + noise).encode("utf-8"), "--format", "json")
    assert [(r["id"], r["line"]) for r in results] == [("openclaw-gateway-token-missing", 201)]
    assert results[0]["matched"].startswith("disconnected (1008)")


def test_invalid_utf8_nul_bytes_and_utf16_are_read(kb_match: Callable[..., tuple[int, Any, str]]) -> None:
    broken = b"garbage \xc3\x28\x00\xff\xe2\x80\ngateway closed (1008): pairing required\n"
    assert [r["id"] for r in kb_match(broken, "--format", "json")[1]] == ["openclaw-pairing-required"]
    powershell = "PS C:\\> openclaw gateway\r\ngateway closed (1008): pairing required\r\n".encode("utf-16")
    assert [r["id"] for r in kb_match(powershell, "--format", "json")[1]] == ["openclaw-pairing-required"]


def test_limit_keeps_the_best(kb_match: Callable[..., tuple[int, Any, str]]) -> None:
    text = "gateway closed (1008): pairing required\nAUTH_TOKEN_MISMATCH\n"
    assert len(kb_match(text, "--format", "json")[1]) == 2
    assert len(kb_match(text, "--format", "json", "--limit", "1")[1]) == 1


def _kb(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "kbtool.cli", "--root", str(REPO), *args], input=stdin,
                          capture_output=True, check=False)


def test_standard_input_and_exit_statuses() -> None:
    found = _kb("match", "--format", "json", stdin=b"\x1b[31mgateway closed (1008): pairing required\x1b[0m\n")
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)[0]["id"] == "openclaw-pairing-required"
    assert _kb("match", "-", stdin=b"nothing to see\n").returncode == 1
    missing = _kb("match", "no-such.log")
    assert missing.returncode == 2
    assert missing.stderr.decode() == "kb: error: no-such.log: cannot read: No such file or directory\n"
    assert _kb("match", "--lang", "de", stdin=b"x").returncode == 2
    assert b"Traceback" not in missing.stderr
