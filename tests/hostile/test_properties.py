"""Property-based tests (Hypothesis): thousands of generated inputs for the loader and the signature matcher.

The loader turns any bytes into a document or findings, never an exception,
and its positions are inside the file. The matcher, with its RE2 prefilter,
finds exactly what the plain rule finds: every compiled signature run on
every cleaned line (the rule ``kbtool.match`` documents).

Under ``CI=true`` the examples are derandomized (see ``conftest.py``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO
from kbtool.load.yaml_loader import load_yaml
from kbtool.match.matcher import CompiledSignature, Matcher
from kbtool.match.patterns import compile_pattern, escape, required_literals
from kbtool.model.registry import Registries
from kbtool.validate import checks
from kbtool.validate.schema import load_validator, schema_findings
from match_reference import reference_scores

RECORD_VALIDATOR = load_validator(REPO / "kb" / "schema" / "record.schema.json")

# The loader


def _check_loaded(raw: bytes) -> None:
    doc, findings = load_yaml(raw, "t.yaml")
    lines = raw.count(b"\n") + 1
    for finding in findings:
        assert 1 <= finding.line <= lines and finding.column >= 1, finding
    if doc is None:
        assert findings, "a file that is not loaded must say why"
    else:
        assert isinstance(doc.data, dict)
        _assert_plain(doc.data)


def _assert_plain(value: Any) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            assert isinstance(key, str)
            _assert_plain(item)
    elif isinstance(value, list):
        for item in value:
            _assert_plain(item)
    else:
        assert value is None or isinstance(value, (str, int, float, bool)), type(value)


@settings(max_examples=1500)
@given(st.binary(max_size=400))
def test_any_bytes_load_or_give_findings(raw: bytes) -> None:
    _check_loaded(raw)


#: Pieces of YAML syntax, so that generated text reaches the composer and not only the decoder.
_YAML_PIECES = ["a", "b", ": ", "- ", "\n", "  ", "[", "]", "{", "}", ", ", "&x ", "*x", "!!python/name:os.system ",
                "!t ", "? ", "'", '"', "|", ">", "#", "---\n", "...\n", "<<: ", "1", "~", "true", "%YAML 1.1\n",
                "\t", "\\", "é", "東", "\u2028", "\ufeff"]


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(_YAML_PIECES), max_size=60).map("".join))
def test_yaml_shaped_text_loads_or_gives_findings(text: str) -> None:
    _check_loaded(text.encode("utf-8"))


_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                     lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                     max_leaves=12)
_RECORD_KEYS = sorted(yaml.safe_load((REPO / "tests" / "fixtures" / "render" / "golden-record.yaml")
                                     .read_text(encoding="utf-8")))


@settings(max_examples=300)
@given(st.dictionaries(st.sampled_from(_RECORD_KEYS), _JSON, max_size=len(_RECORD_KEYS)))
def test_records_of_any_shape_give_findings_not_exceptions(data: dict[str, Any]) -> None:
    """Known keys with values of any type: the schema and the record checks report, they do not crash."""
    raw = yaml.safe_dump(data, allow_unicode=True).encode("utf-8")
    doc, findings = load_yaml(raw, "kb/records/x.yaml")
    if doc is None:
        return
    findings += schema_findings(doc, RECORD_VALIDATOR) + checks.record_checks(doc, "x", Registries())
    for finding in findings:
        assert finding.line >= 1 and finding.column >= 1


# The signature matcher

_WORDS = ["gateway", "token", "closed", "(1008)", "error:", "x", "ab", "é", "東京", "1008", "a.b", "[id]", "$HOME",
          "mis match", "A|B", "^", "\\"]
_TEXT_SIGNATURE = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4).map(" ".join)
#: Regex atoms of the portable subset (KB604): what Python, RE2 and JavaScript read alike.
_ATOMS = [r"gateway", r"token", r"\d+", r"[a-z]+", r"\s", r".", r"(?:closed|open)", r"\(1008\)", r"x?", r"[0-9]{2,4}",
          r"\w*", r"é", r"東", r"\bab\b"]
_REGEX_SIGNATURE = st.builds(lambda anchor, atoms, end: anchor + "".join(atoms) + end,
                             st.sampled_from(["", "^"]), st.lists(st.sampled_from(_ATOMS), min_size=1, max_size=5),
                             st.sampled_from(["", "$"]))
_NOISE = ["\x1b[31m", "\x1b[0m", "\r\n", "\r", "\n", "\t", "\x00", "\x07", "2026-02-03T10:15:30Z ",
          "openclaw-gateway-1  | ", " ", "\u00a0", "\ufeff", "é", "東"]
_LINE_TEXT = st.lists(st.sampled_from(_WORDS + _NOISE + ["42", "closed", "open", "ab"]), max_size=25).map("".join)


def _compiled(patterns: list[tuple[str, bool]]) -> list[CompiledSignature]:
    signatures = []
    for number, (pattern, secondary) in enumerate(patterns):
        signatures.append(CompiledSignature(f"r{number % 3}", number, pattern,
                                            required_literals(pattern), secondary))
    return signatures


_SIGNATURES = st.lists(st.tuples(_TEXT_SIGNATURE.map(escape) | _REGEX_SIGNATURE, st.booleans()),
                       min_size=1, max_size=6)


@settings(max_examples=800)
@given(_SIGNATURES, st.lists(_LINE_TEXT, max_size=8).map("\n".join))
def test_the_matcher_agrees_with_every_signature_on_every_line(patterns: list[tuple[str, bool]], text: str) -> None:
    signatures = _compiled(patterns)
    expected = reference_scores(signatures, text)
    matches = Matcher(signatures).match(text)
    assert {m.record_id: m.score for m in matches} == expected


@settings(max_examples=300)
@given(_SIGNATURES, st.lists(_LINE_TEXT, min_size=1, max_size=8), st.data())
def test_matching_in_pieces_equals_matching_at_once(patterns: list[tuple[str, bool]], lines: list[str],
                                                    data: st.DataObject) -> None:
    """A log read in blocks (pieces ending at line breaks) gives the same records, scores and line numbers."""
    matcher = Matcher(_compiled(patterns))
    lines = [re.sub(r"[\r\n]", " ", line) for line in lines]
    text = "\n".join(lines)
    cuts = sorted(data.draw(st.sets(st.integers(1, len(lines) - 1), max_size=len(lines)))) if len(lines) > 1 else []
    bounds = [0, *cuts, len(lines)]
    pieces = ["".join(line + "\n" for line in lines[a:b]) for a, b in zip(bounds, bounds[1:])]
    pieces[-1] = pieces[-1].removesuffix("\n")
    at_once = [(m.record_id, m.score, m.hit.line) for m in matcher.match(text)]
    in_pieces = [(m.record_id, m.score, m.hit.line) for m in matcher.match_pieces(pieces)]
    assert in_pieces == at_once
