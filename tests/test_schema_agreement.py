"""The published schema file and `kb validate` agree: what one rejects, the other does too."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import FIXTURES, REPO

SCHEMA = json.loads((REPO / "kb" / "schema" / "record.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
SCHEMA_CODES = {"KB020", "KB021", "KB022"}


def _plain_yaml(path: Path) -> object:
    """The record as any YAML tool would read it (dates as text, like our loader)."""
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def _schema_cases() -> list[Path]:
    """Bad fixtures whose golden findings are schema findings only."""
    cases = []
    for expected in (FIXTURES / "validate" / "bad").glob("*.expected"):
        rules = {line.split()[2] for line in expected.read_text(encoding="utf-8").splitlines()}
        if rules and rules <= SCHEMA_CODES:
            cases.append(expected.with_suffix(".yaml"))
    return sorted(cases)


@pytest.mark.parametrize("fixture", _schema_cases(), ids=lambda p: p.stem)
def test_what_kb_validate_rejects_by_schema_the_schema_file_rejects(fixture: Path) -> None:
    assert list(VALIDATOR.iter_errors(_plain_yaml(fixture)))


def test_there_are_schema_cases() -> None:
    assert len(_schema_cases()) >= 3


def test_what_the_schema_file_rejects_kb_validate_rejects(make_kb, kb) -> None:
    good = (FIXTURES / "validate" / "good" / "minimal-record.yaml").read_text(encoding="utf-8")
    mutations = {
        "unknown-top-key": good + "colour: red\n",
        "empty-products": good.replace("products: [openclaw]", "products: []"),
        "bad-shell": good.replace("      - run: openclaw dashboard", "      - run: {shell: zsh, code: openclaw dashboard}"),
        "bad-sha": good + "commits:\n  - repo: cloudflare/moltworker\n    sha: XYZ1234\n",
    }
    make_kb({f"{name}.yaml": text.replace("id: minimal-record", f"id: {name}") for name, text in mutations.items()})
    for name in mutations:
        data = _plain_yaml(Path("kb/records") / f"{name}.yaml")
        assert list(VALIDATOR.iter_errors(data)), name
        result = kb("validate", f"kb/records/{name}.yaml")
        assert result.code == 1, name
        assert {line.split()[2] for line in result.out.splitlines()} & SCHEMA_CODES, name


def test_real_records_pass_the_schema_file_directly() -> None:
    records = sorted((REPO / "kb" / "records").glob("*.yaml"))
    assert records
    for path in records:
        assert not list(VALIDATOR.iter_errors(_plain_yaml(path))), path.name
