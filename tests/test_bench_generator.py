"""The benchmark generator makes knowledge bases `kb` accepts, and the report writer renders figures.

No timing here: only that `bench/` cannot rot while the records, the schema
or the lint rules change.
"""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kbtool.cli import main

REPO = Path(__file__).resolve().parent.parent


def generate(out: Path, records: int) -> None:
    subprocess.run([sys.executable, "-m", "bench.generate", str(out), "--records", str(records)],
                   cwd=REPO, check=True, capture_output=True, text=True)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bench") / "kb"
    generate(root, 20)
    return root


def test_generated_records_validate_and_lint_without_findings(generated: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert len(list((generated / "kb" / "records").glob("*.yaml"))) == 20
    for lang in ("ja", "fr", "zh"):
        assert len(list((generated / "i18n" / lang).glob("*.yaml"))) == 20
    assert main(["--root", str(generated), "validate"]) == 0
    capsys.readouterr()
    assert main(["--root", str(generated), "lint", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_every_translation_is_current(generated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--root", str(generated), "i18n", "status"])
    out = capsys.readouterr().out
    assert code == 0, out


def test_generation_is_deterministic_and_record_0_does_not_depend_on_the_size(generated: Path,
                                                                             tmp_path: Path) -> None:
    generate(tmp_path / "again", 20)
    generate(tmp_path / "larger", 30)
    first = sorted((generated / "kb" / "records").glob("*.yaml"))[0].name
    for other in ("again", "larger"):
        for folder in ("kb/records", "i18n/ja"):
            assert (tmp_path / other / folder / first).read_bytes() == (generated / folder / first).read_bytes()


def test_report_table_and_plot_from_fake_figures(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO))
    try:
        from bench.report import Figure, Results, markdown, plot
    finally:
        sys.path.remove(str(REPO))
    results = Results(options="--quick")
    results.figures = [
        Figure("kb lint vs floor", 10_000, 6.0, 3.0, limit=3.0, target="≤ 3x", ours_mb=120, baseline_mb=40),
        Figure("kb match vs grep", 1_000, 10.0, 2.0, limit=3.0, target="≤ 3x"),
        Figure("Bundle", None, 3_200_000.0, unit="B"),
    ]
    results.time("kb lint", 100, 0.5)
    results.time("kb lint", 1000, 4.0)
    results.not_measured.append("kb build at 10,000 records")
    text = markdown(results, "## Notes\n\nprofile", datetime.datetime(2026, 11, 21, tzinfo=datetime.timezone.utc))
    assert "| kb lint vs floor | 10,000 | 6.00 s | 3.00 s | 2.00x | ≤ 3x | **met** | 120 MB / 40 MB |" in text
    assert "| kb match vs grep | 1,000 | 10.00 s | 2.00 s | 5.00x | ≤ 3x | **not met** | — |" in text
    assert "| Bundle | — | 3.20 MB | — | — | — | — | — |" in text
    assert "Targets met: 1 of 2" in text and "2026-11-21 00:00 UTC" in text
    assert "- kb build at 10,000 records" in text and text.rstrip().endswith("profile")
