"""KB302 unknown-command: the first word after `openclaw` must be a command of every version in range."""

from __future__ import annotations

from lint.snippet_records import with_steps

RULES = ("KB302",)


def test_unknown_command_is_reported_with_the_closest_one(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - run: openclaw gatway status
        - run: sudo -u node openclaw --profile work gatway status
        - run: docker compose run --rm openclaw-cli gatway status
        """), rules=RULES)
    message = "error KB302 unknown command `gatway` of `openclaw`; did you mean `gateway`?"
    assert run.lines == [
        f"kb/records/alpha.yaml:19:23: {message}",
        f"kb/records/alpha.yaml:20:51: {message}",
        f"kb/records/alpha.yaml:21:51: {message}",
    ]
    assert run.code == 1


def test_invocations_are_found_through_wrappers_pipelines_and_lists(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - run: |
            npx -y openclaw@latest frobnicate && echo done
            docker compose exec openclaw-gateway openclaw frobnicate | tee log
            bash -c 'openclaw frobnicate'
        """), rules=RULES)
    assert [line.split(": error")[0] for line in run.lines] == [
        "kb/records/alpha.yaml:20:34",
        "kb/records/alpha.yaml:21:57",
        "kb/records/alpha.yaml:22:29",
    ]
    assert all(line.endswith("unknown command `frobnicate` of `openclaw`; `openclaw --help` lists them")
               for line in run.lines)


def test_real_commands_and_aliases_pass(lint_kb) -> None:
    run = lint_kb(with_steps("alpha", """
        - run: openclaw gateway status
        - run: openclaw daemon status
        - run: openclaw --update
        - run: openclaw -v
        - run: openclaw help gateway
        - run: docker compose run --rm openclaw-cli devices list
        """), rules=RULES)
    assert run.lines == []
