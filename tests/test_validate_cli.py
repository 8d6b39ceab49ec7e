"""`kb validate` through its public interface: exit codes, output formats, paths and --root."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, REPO

GOOD = (FIXTURES / "validate" / "good" / "minimal-record.yaml").read_text(encoding="utf-8")


def _record(record_id: str, extra: str = "") -> str:
    return GOOD.replace("id: minimal-record", f"id: {record_id}") + extra


def test_clean_knowledge_base_exits_zero_and_prints_nothing(make_kb, kb) -> None:
    make_kb({"minimal-record.yaml": GOOD})
    result = kb("validate")
    assert (result.code, result.out) == (0, "")
    assert result.err == "3 files checked: 0 errors, 0 warnings\n"


def test_every_problem_in_every_file_is_reported_in_one_run(make_kb, kb) -> None:
    make_kb({
        "first.yaml": _record("first", "tilte: typo\n"),
        "second.yaml": _record("second").replace("updated: 2026-11-21\n", ""),
        "third.yaml": "id: third\nid: again\n",
    })
    result = kb("validate")
    assert result.code == 1
    lines = result.out.splitlines()
    assert [line.split(": error ")[0] for line in lines] == [
        "kb/records/first.yaml:26:1",
        "kb/records/second.yaml:2:1",
        "kb/records/third.yaml:1:1",
        "kb/records/third.yaml:1:1",
        "kb/records/third.yaml:1:1",
        "kb/records/third.yaml:1:1",
        "kb/records/third.yaml:1:1",
        "kb/records/third.yaml:1:1",
        "kb/records/third.yaml:1:1",
        "kb/records/third.yaml:1:1",
        "kb/records/third.yaml:2:1",
    ]
    assert "unknown key `tilte`; did you mean `title`?" in lines[0]
    assert lines[-1].endswith("duplicate key `id` (first defined on line 1)")
    assert result.err.startswith("5 files checked: 11 errors")


def test_json_format_lists_findings_as_objects(make_kb, kb) -> None:
    make_kb({"minimal-record.yaml": GOOD.replace("updated: 2026-11-21", "updated: soon")})
    result = kb("validate", "--format", "json")
    assert result.code == 1
    assert json.loads(result.out) == [{
        "path": "kb/records/minimal-record.yaml",
        "line": 25,
        "column": 10,
        "rule": "KB022",
        "severity": "error",
        "message": "`updated`: `soon` is not a date in the form YYYY-MM-DD",
    }]


def test_json_format_is_an_empty_array_when_clean(make_kb, kb) -> None:
    make_kb({"minimal-record.yaml": GOOD})
    result = kb("validate", "--format", "json")
    assert (result.code, json.loads(result.out)) == (0, [])


def test_paths_limit_the_records_checked(make_kb, kb) -> None:
    make_kb({"minimal-record.yaml": GOOD, "broken.yaml": "id: broken\n"})
    assert kb("validate", "kb/records/minimal-record.yaml").code == 0
    assert kb("validate", "kb/records").code == 1


def test_registry_problems_are_reported_with_their_position(make_kb, kb) -> None:
    root = make_kb({"minimal-record.yaml": GOOD})
    products = root / "kb" / "products.yaml"
    products.write_text(products.read_text(encoding="utf-8").replace("    name: Moltworker\n", "    name: Moltworker\n    nmae: x\n"),
                        encoding="utf-8")
    result = kb("validate")
    assert result.code == 1
    assert result.out.startswith("kb/products.yaml:")
    assert "unknown key `nmae`" in result.out


def test_root_option_points_at_another_knowledge_base(make_kb, kb, monkeypatch, tmp_path) -> None:
    make_kb({"broken.yaml": "id: broken\n"})
    monkeypatch.chdir(REPO / "tests")
    result = kb("--root", str(tmp_path), "validate")
    assert result.code == 1
    assert str(tmp_path / "kb" / "records" / "broken.yaml") in result.out


def test_missing_path_is_a_usage_error(make_kb, kb) -> None:
    make_kb()
    result = kb("validate", "kb/records/nope.yaml")
    assert result.code == 2
    assert result.err == "kb: error: kb/records/nope.yaml: no such file or directory\n"


def test_directory_without_kb_is_a_usage_error(kb, tmp_path) -> None:
    result = kb("--root", str(tmp_path), "validate")
    assert result.code == 2
    assert "not a knowledge base (no kb/ directory)" in result.err


def test_unknown_option_is_a_usage_error(kb, capsys) -> None:
    try:
        code = kb("validate", "--colour").code
    except SystemExit as exc:  # argparse exits on usage errors
        code = int(exc.code or 0)
    assert code == 2


def test_a_record_given_outside_records_is_still_checked(make_kb, kb, tmp_path) -> None:
    make_kb()
    elsewhere = tmp_path / "draft"
    elsewhere.mkdir()
    (elsewhere / "draft-record.yaml").write_text(_record("other-id"), encoding="utf-8")
    result = kb("validate", "draft/draft-record.yaml")
    assert result.code == 1
    assert "id `other-id` does not match the file name `draft-record.yaml`" in result.out


def test_installed_kb_script_runs_as_a_subprocess(tmp_path) -> None:
    kb_script = Path(sys.executable).parent / "kb"
    assert kb_script.exists(), "the package must install a `kb` console script"
    copy = tmp_path / "copy"
    shutil.copytree(REPO / "kb", copy / "kb")
    (copy / "kb" / "records" / "broken-record.yaml").write_text("id: broken-record\ntitle: [\n", encoding="utf-8")
    run = subprocess.run([str(kb_script), "validate"], cwd=copy, capture_output=True, text=True, check=False)
    assert run.returncode == 1
    assert run.stdout.startswith("kb/records/broken-record.yaml:3:1: error KB005 ")
    assert "Traceback" not in run.stderr


def test_the_real_knowledge_base_validates_clean(kb, monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    result = kb("validate")
    assert result.out == ""
    assert result.code == 0
