"""The ``kb`` front door: every verb listed, and only the verb being run loaded (start-up time is per run)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kbtool.cli import COMMANDS, main


@pytest.mark.parametrize("argv", [["--help"], ["-h", "match"]])
def test_help_lists_every_verb(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 0
    listed = capsys.readouterr().out
    assert all(f"\n    {verb} " in listed for verb in COMMANDS)


def test_an_unknown_verb_lists_the_known_ones(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["bogus"])
    assert exit_.value.code == 2
    assert "invalid choice: 'bogus' (choose from 'validate', 'lint', 'match'" in capsys.readouterr().err


def test_a_root_named_like_a_verb_is_not_taken_for_the_verb(make_kb, tmp_path: Path) -> None:
    named_match = tmp_path / "match"
    named_match.symlink_to(make_kb(), target_is_directory=True)
    assert main(["--root", str(named_match), "validate"]) == 0


def test_running_a_verb_does_not_import_the_others() -> None:
    check = ("import sys\n"
             "from kbtool.cli import main\n"
             "try:\n"
             "    main(['match', '--help'])\n"
             "except SystemExit:\n"
             "    pass\n"
             "print(sorted(m for m in sys.modules if m.startswith('kbtool.commands')))\n")
    out = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "['kbtool.commands', 'kbtool.commands.match']"
