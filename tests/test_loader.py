"""The position-keeping YAML loader, as a pure function of bytes."""

from __future__ import annotations

import pytest

from kbtool.load.document import Span
from kbtool.load.yaml_loader import MAX_DEPTH, load_yaml


def _load(text: str | bytes, **kwargs):
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return load_yaml(raw, "t.yaml", **kwargs)


def test_values_are_plain_data_and_dates_stay_text() -> None:
    doc, findings = _load("a: 1\nb: [x, 'y']\nc: 2026-11-21\nd: null\ne: true\nf: 1.5\n")
    assert findings == []
    assert doc.data == {"a": 1, "b": ["x", "y"], "c": "2026-11-21", "d": None, "e": True, "f": 1.5}


def test_spans_are_one_based_for_keys_and_values() -> None:
    doc, _ = _load("title: x\nsolutions:\n  - id: fix\n    steps:\n      - run: |\n          openclaw doctor\n")
    assert doc.span(("solutions", 0, "id")) == Span(3, 9, 3, 12, None)
    assert doc.key_span(("solutions", 0, "steps")) == Span(4, 5, 4, 10, None)
    run = doc.span(("solutions", 0, "steps", 0, "run"))
    assert (run.line, run.column, run.style) == (5, 14, "|")


def test_span_of_a_missing_path_falls_back_to_its_nearest_ancestor() -> None:
    doc, _ = _load("a:\n  b: 1\n")
    assert doc.span(("a", "nope", 3)) == doc.span(("a",))


def test_alias_bomb_is_refused_without_expanding() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))
    doc, findings = _load(bomb)
    assert doc is not None
    assert {f.rule for f in findings} == {"KB007"}
    assert len(findings) == 9 + 8 * 9  # every anchor and every alias, each reported once


def test_depth_limit_stops_before_recursion() -> None:
    deep = "x: " + "[" * 10_000 + "]" * 10_000 + "\n"
    doc, findings = _load(deep)
    assert doc is None
    assert [(f.rule, f.line, f.column) for f in findings] == [("KB010", 1, 4 + MAX_DEPTH - 1)]


def test_size_limit_is_checked_before_decoding() -> None:
    doc, findings = _load(b"\xff" * 100, max_bytes=10)
    assert doc is None
    assert [f.rule for f in findings] == ["KB002"]


def test_invalid_utf8_position_counts_characters_not_bytes() -> None:
    doc, findings = _load("title: 東京\nx: ".encode() + b"\xc3\x28\n")
    assert doc is None
    assert [(f.rule, f.line, f.column) for f in findings] == [("KB003", 2, 4)]


@pytest.mark.parametrize("text", ["a: !!binary aGVsbG8=\n", "a: !custom x\n", "!!map {a: 1}\n"])
def test_every_explicit_tag_is_refused(text: str) -> None:
    _, findings = _load(text)
    assert [f.rule for f in findings] == ["KB009"]


def test_duplicate_keys_in_nested_mappings_are_all_reported() -> None:
    _, findings = _load("a:\n  b: 1\n  b: 2\nc: [{d: 1, d: 2}]\n")
    assert [(f.rule, f.line, f.column) for f in findings] == [("KB006", 3, 3), ("KB006", 4, 12)]
