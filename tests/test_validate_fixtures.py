"""Each bad-input fixture yields exactly the findings in its `.expected` golden file."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, check_golden

BAD = sorted((FIXTURES / "validate" / "bad").glob("*.yaml"))
GOOD = sorted((FIXTURES / "validate" / "good").glob("*.yaml"))


@pytest.mark.parametrize("fixture", BAD, ids=lambda p: p.stem)
def test_bad_record_reports_exact_findings(fixture: Path, make_kb, kb) -> None:
    make_kb({fixture.name: fixture.read_bytes()})
    result = kb("validate")
    assert result.code == 1
    assert result.out, "a bad record must produce findings"
    check_golden(fixture.with_suffix(".expected"), result.out)


@pytest.mark.parametrize("fixture", GOOD, ids=lambda p: p.stem)
def test_good_record_is_clean(fixture: Path, make_kb, kb) -> None:
    make_kb({fixture.name: fixture.read_bytes()})
    result = kb("validate")
    assert (result.code, result.out) == (0, "")


def test_every_bad_fixture_has_its_golden_file() -> None:
    expected = {p.stem for p in (FIXTURES / "validate" / "bad").glob("*.expected")}
    assert expected == {p.stem for p in BAD}
