"""KB405 todo-placeholder: a `TODO` left anywhere in a record's values (as `kb new` writes them) is an error."""

from __future__ import annotations

from lint.helpers import record

RULES = ("KB405",)
ADVICE = "write the real value before publishing"


def test_placeholders_in_text_ids_and_urls_are_reported_where_written(lint_kb) -> None:
    run = lint_kb(record(
        "alpha",
        summary="'TODO: what the error means.'",
        causes="\n  - id: todo-cause\n    text: >-\n      The client sent no token.\n      Todo check the version.",
        sources="\n  - id: faq\n    url: https://example.org/TODO\n    title: OpenClaw docs\n    lang: en",
    ), rules=RULES)
    assert run.lines == [
        f"kb/records/alpha.yaml:4:11: error KB405 placeholder left in `summary`: `TODO: what the error means.`; "
        f"{ADVICE}",
        f"kb/records/alpha.yaml:13:9: error KB405 placeholder left in `causes[0].id`: `todo-cause`; {ADVICE}",
        f"kb/records/alpha.yaml:16:7: error KB405 placeholder left in `causes[0].text`: "
        f"`The client sent no token. Todo check the version.`; {ADVICE}",
        f"kb/records/alpha.yaml:24:30: error KB405 placeholder left in `sources[0].url`: "
        f"`https://example.org/TODO`; {ADVICE}",
    ]
    assert run.code == 1


def test_a_long_placeholder_is_quoted_up_to_sixty_characters(lint_kb) -> None:
    text = "TODO: what the error means and the usual fix, in one or two sentences."
    run = lint_kb(record("alpha", summary=f'"{text}"'), rules=RULES)
    assert run.lines == [f"kb/records/alpha.yaml:4:11: error KB405 placeholder left in `summary`: `{text[:60]}…`; "
                         f"{ADVICE}"]


def test_words_that_only_contain_todo_and_comments_pass(lint_kb) -> None:
    run = lint_kb(record(
        "alpha",
        summary="A to-do list of todos, written in Mastodon and TODOS.md.",
        causes="\n  # TODO: a second cause (comments are not published)\n  - id: no-token\n    text: No token sent.",
    ), rules=RULES)
    assert run.lines == []
    assert run.code == 0
