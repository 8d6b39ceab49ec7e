"""KB404 dangerous-rm: no recursive delete of broad paths, nor of the state directory without a backup."""

from __future__ import annotations

from lint.snippet_records import with_steps

RULES = ("KB404",)


def test_broad_and_state_directory_deletes_are_reported(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - run: rm -rf ~/.openclaw
        - run: sudo rm -rf "$HOME"/
        - run: rm -r *
        - run: rm start-openclaw.sh
        - run: rm -rf ~/.openclaw/devices
        """), rules=RULES)
    assert run.lines == [
        "kb/records/alpha.yaml:19:21: warning KB404 `rm -rf ~/.openclaw` deletes the whole OpenClaw state (config, "
        "gateway token, paired devices, workspace); tell the reader to back it up first "
        "(`cp -a ~/.openclaw ~/.openclaw.bak`)",
        "kb/records/alpha.yaml:20:26: warning KB404 `rm -rf \"$HOME\"/` deletes far more than a fix needs; "
        "remove only the files the step is about",
        "kb/records/alpha.yaml:21:20: warning KB404 `rm -r *` deletes far more than a fix needs; "
        "remove only the files the step is about",
    ]


def test_state_directory_delete_after_a_backup_passes(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - text: Back up the state directory first.
          run: |
            cp -a ~/.openclaw ~/.openclaw.bak
            rm -rf ~/.openclaw
        """), rules=RULES)
    assert run.lines == []
