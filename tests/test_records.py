"""The real knowledge base: examples as users paste them, and snippets that pass the lint rules.

Commands, config snippets and secrets are checked by `kb lint` (rules
KB301-KB312 against kb/cli/, the command reference taken from released
OpenClaw versions, and KB401-KB404); these tests keep the real records clean
under those rules and check what lint does not: that examples look pasted.
Signatures against their examples, counter-examples and other records' examples
are lint rules KB601-KB605, and tests/test_match_cli.py runs the shared table of
pasted logs.
Cited commits are checked by KB201-KB204 against kb/commits/ (tests/lint/test_real_kb.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from conftest import REPO
from kbtool.lint.engine import lint
from kbtool.load.layout import Layout
from kbtool.model.record import Signature
from kbtool.validate.engine import validate

VALIDATION = validate(Layout(REPO))
RECORDS = sorted(VALIDATION.records.values(), key=lambda r: r.id)


def _signatures() -> Iterator[tuple[str, int, Signature]]:
    for record in RECORDS:
        for index, signature in enumerate(record.signatures):
            yield record.id, index, signature


@pytest.mark.parametrize(("record_id", "index", "signature"), list(_signatures()),
                         ids=[f"{r}[{i}]" for r, i, _ in _signatures()])
def test_examples_look_as_a_user_would_paste_them(record_id: str, index: int, signature: Signature) -> None:
    for line in signature.examples + signature.counter_examples:
        assert line == line.strip(), f"{record_id}: stray whitespace around {line!r}"
        assert "\n" not in line and "\t" not in line, f"{record_id}: an example is one pasted line: {line!r}"
        assert not re.search(r'\\[nt"]', line), f"{record_id}: YAML escape left in {line!r}"
        assert not (line[0] in "'\"" and line[-1] == line[0]), f"{record_id}: quotes left around {line!r}"


def test_every_record_has_an_example() -> None:
    for record in RECORDS:
        assert any(s.examples for s in record.signatures), record.id


# -- every snippet passes the command, config, secret and safety rules --------


def test_snippets_pass_the_snippet_secret_and_safety_rules() -> None:
    """`kb lint` rules KB3xx and KB401-KB419 (every openclaw command real in its versions, config and secrets)."""
    result = lint(Layout(REPO))
    assert [f for f in result.findings if f.rule.startswith("KB3") or "KB401" <= f.rule <= "KB419"] == []
