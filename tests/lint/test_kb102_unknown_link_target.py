"""KB102 unknown-link-target: `kb:` links in record text point to existing records."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from conftest import REPO
from kbtool.lint.links import ANY, MARKDOWN_FIELDS
from lint.helpers import record

RULES = ("KB102",)

CAUSES = """
  - id: no-token
    text: >-
      See [the other](kb:bravo-recrod) or [this](kb:nowhere#x),
      and `[code](kb:not-a-link)`.
"""

EVERY_FIELD = dict(
    summary="See [x](kb:gone-a).",
    symptoms='["[x](kb:gone-b)"]',
    causes="\n  - id: no-token\n    text: \"[x](kb:gone-c)\"",
    solutions="\n  - id: dashboard\n    title: Open the dashboard\n    when: \"[x](kb:gone-d)\"\n"
              "    steps:\n      - text: \"[x](kb:gone-e)\"\n        run: openclaw dashboard\n"
              "    verify:\n      - text: \"[x](kb:gone-f)\"",
    commits="\n  - repo: cloudflare/moltworker\n    sha: 73acb8a555b9e570ab0275faa871d190cf226c21\n"
            "    note: \"[x](kb:gone-g)\"",
    source_claims="\n  - source: faq\n    claim: \"[x](kb:gone-h)\"\n    verdict: \"false\"\n    fact: \"[x](kb:gone-i)\"",
    verification="\n  checked: 2026-11-21\n  verified: [\"[x](kb:gone-j)\"]\n  unverified: [\"[x](kb:gone-k)\"]",
)


def test_links_to_unknown_records_are_reported_where_they_are_written(lint_kb) -> None:
    run = lint_kb({**record("alpha", causes=CAUSES), **record("bravo-record")}, rules=RULES)
    assert run.lines == [
        "kb/records/alpha.yaml:15:23: error KB102 link `kb:bravo-recrod` points to unknown record `bravo-recrod`; "
        "did you mean `kb:bravo-record`?",
        "kb/records/alpha.yaml:15:50: error KB102 link `kb:nowhere#x` points to unknown record `nowhere`; "
        "record ids are the file names in kb/records/",
    ]


def test_links_in_every_markdown_field_are_checked(lint_kb) -> None:
    run = lint_kb(record("alpha", **EVERY_FIELD), rules=RULES)
    assert sorted(line.split(" KB102 ")[1].split(" points")[0] for line in run.lines) == [
        f"link `kb:gone-{x}`" for x in "abcdefghijk"]


def test_links_to_existing_records_and_links_in_code_pass(lint_kb) -> None:
    causes = """
  - id: no-token
    text: See [b](kb:bravo), [b again](kb:bravo#fix) and `[code](kb:nowhere)`.
"""
    run = lint_kb({**record("alpha", causes=causes), **record("bravo")}, rules=RULES)
    assert run.lines == []


def _markdown_paths(schema: dict[str, Any], node: Any, path: tuple[str | int, ...]) -> Iterator[tuple[str | int, ...]]:
    """Every place the record schema uses ``$defs/markdown``, as a MARKDOWN_FIELDS pattern."""
    if not isinstance(node, dict):
        return
    ref = node.get("$ref", "")
    if ref == "#/$defs/markdown":
        yield path
        return
    if ref.startswith("#/$defs/"):
        yield from _markdown_paths(schema, schema["$defs"][ref.split("/")[-1]], path)
    for key, child in node.get("properties", {}).items():
        yield from _markdown_paths(schema, child, path + (key,))
    if "items" in node:
        yield from _markdown_paths(schema, node["items"], path + (ANY,))


def test_markdown_fields_are_those_of_the_schema() -> None:
    schema = json.loads((REPO / "kb" / "schema" / "record.schema.json").read_text(encoding="utf-8"))
    assert sorted(map(str, _markdown_paths(schema, schema, ()))) == sorted(map(str, MARKDOWN_FIELDS))
