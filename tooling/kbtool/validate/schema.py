"""Check a document against a published JSON Schema and turn each error into a finding.

jsonschema reports where in the *data* an error is (``absolute_path``); the
document knows where each data path stands in the file, so every finding
points at the offending key or value. Messages name the field in
``solutions[0].steps[1]`` form and suggest the closest known key or value.
"""

from __future__ import annotations

import difflib
import functools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
from jsonschema.exceptions import ValidationError, best_match

from kbtool.load.document import DataPath, Document
from kbtool.model.finding import Finding
from kbtool.model.rule import RuleInfo
from kbtool.validate import codes


def load_validator(schema_path: Path) -> jsonschema.Draft202012Validator:
    """A validator for one schema file, checked to be a valid draft 2020-12 schema itself."""
    return _validator(schema_path.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=16)
def _validator(schema_text: str) -> jsonschema.Draft202012Validator:
    # Checking a schema against the meta-schema costs more than validating every record; a
    # process that validates again (kb serve, the tests) does it once per schema text.
    schema = json.loads(schema_text)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(inline_refs(schema))


def inline_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with each local ``{"$ref": "#/$defs/x"}`` replaced by the definition it names.

    Resolving a ``$ref`` through jsonschema's ``referencing`` registry costs more than the
    checks behind it; inlined, a record validates in half the time (docs/benchmarks.md).
    Errors stay the same: they name the keyword that failed and its (sub)schema, which keeps
    its ``patternErrorMessage`` and ``errorMessage``. A reference with sibling keywords other
    than annotations, or a definition that refers to itself, is left as it is.
    """
    definitions = schema.get("$defs")
    if not isinstance(definitions, dict):
        return schema

    def resolve(node: Any, seen: tuple[str, ...]) -> Any:
        if isinstance(node, list):
            return [resolve(item, seen) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        name = ref.removeprefix(_LOCAL_DEF) if isinstance(ref, str) and ref.startswith(_LOCAL_DEF) else None
        siblings = {key: resolve(value, seen) for key, value in node.items() if key != "$ref"}
        target = definitions.get(name) if name is not None else None
        if name is None or name in seen or not isinstance(target, dict) or set(siblings) - _ANNOTATIONS:
            return {"$ref": ref, **siblings} if ref is not None else siblings
        return {**resolve(target, seen + (name,)), **siblings}

    inlined: dict[str, Any] = resolve(schema, ())
    return inlined


_LOCAL_DEF = "#/$defs/"
#: Keywords beside a ``$ref`` that do not validate, so merging them into the definition changes nothing.
_ANNOTATIONS = frozenset({"description", "title", "default", "examples", "deprecated", "$comment"})


def schema_findings(doc: Document, validator: jsonschema.Draft202012Validator) -> list[Finding]:
    """Every schema violation of ``doc``, one finding each, in file order."""
    findings: list[Finding] = []
    for error in validator.iter_errors(doc.data):
        findings.extend(_to_findings(doc, error))
    return sorted(findings, key=lambda f: (f.line, f.column, f.message))


def _to_findings(doc: Document, error: ValidationError) -> Iterator[Finding]:
    if error.validator in ("oneOf", "anyOf") and error.context and "errorMessage" not in _schema_of(error):
        # The branch that got furthest explains the problem better than "not valid under any".
        error = best_match(error.context)
    path: DataPath = tuple(error.absolute_path)
    where = _display(path)
    kind = error.validator

    schema = _schema_of(error)
    if kind == "additionalProperties" and isinstance(error.instance, dict):
        known = sorted(schema.get("properties", {}))
        for key in (k for k in error.instance if k not in known):
            span = doc.key_span(path + (key,))
            yield _finding(doc, span.line, span.column, codes.UNKNOWN_KEY,
                           f"unknown key `{key}`{_in(where)}{_suggest(key, known)}")
        return
    if kind == "required":
        span = doc.span(path)
        missing = str(error.message).split("'")[1] if "'" in error.message else error.message
        yield _finding(doc, span.line, span.column, codes.MISSING_KEY,
                       f"missing required key `{missing}`{_in(where)}")
        return
    if kind == "dependentRequired" and isinstance(error.instance, dict):
        span = doc.span(path)
        dependencies: dict[str, list[str]] = dict(error.validator_value)  # type: ignore[arg-type]
        for key, needs in dependencies.items():
            if key in error.instance:
                for need in needs:
                    if need not in error.instance:
                        yield _finding(doc, span.line, span.column, codes.MISSING_KEY,
                                       f"`{key}` needs `{need}` beside it{_in(where)}")
        return
    span = doc.span(path)
    yield _finding(doc, span.line, span.column, codes.INVALID_VALUE, f"`{where}`: {_message(error)}" if where else _message(error))


def _message(error: ValidationError) -> str:
    schema = _schema_of(error)
    kind, instance = error.validator, error.instance
    value: Any = error.validator_value
    # Schemas carry editor-facing messages (`errorMessage`, as VS Code's YAML/JSON
    # support reads them); use them for the combinators whose own messages say nothing.
    if kind in ("oneOf", "anyOf") and isinstance(schema.get("errorMessage"), str):
        return str(schema["errorMessage"])
    if kind == "not" and isinstance(value, dict) and isinstance(value.get("errorMessage"), str):
        return str(value["errorMessage"])
    if kind == "type":
        expected = value if isinstance(value, str) else " or ".join(value)
        hint = "; quote it to keep it as text" if expected == "string" and not isinstance(instance, (dict, list)) else ""
        return f"expected {_article(expected)}, found {_describe(instance)}{hint}"
    if kind == "enum":
        allowed = ", ".join(f"`{v}`" for v in value)
        return f"`{instance}` is not one of {allowed}{_suggest(str(instance), [str(v) for v in value])}"
    if kind == "pattern":
        return f"`{instance}` {schema.get('patternErrorMessage') or f'does not match the pattern `{value}`'}"
    if kind == "uniqueItems" and isinstance(instance, list):
        repeated = next((item for i, item in enumerate(instance) if item in instance[:i]), None)
        return f"`{repeated}` is listed more than once"
    if kind == "minItems" and value == 1:
        return "must not be empty"
    return str(error.message)


def _schema_of(error: ValidationError) -> dict[str, Any]:
    """The (sub)schema holding the failed keyword; boolean schemas have no messages to offer."""
    return dict(error.schema) if isinstance(error.schema, dict) else {}


def _display(path: DataPath) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _in(where: str) -> str:
    return f" in `{where}`" if where else ""


def _suggest(word: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(word, candidates, n=1)
    return f"; did you mean `{close[0]}`?" if close else ""


def _article(type_name: str) -> str:
    names = {"string": "text", "object": "a mapping", "array": "a list", "integer": "an integer",
             "number": "a number", "boolean": "true or false", "null": "null"}
    return names.get(type_name, type_name)


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"boolean `{str(value).lower()}`"
    if isinstance(value, (int, float)):
        return f"number `{value}`"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"text `{value}`"


def _finding(doc: Document, line: int, column: int, rule: RuleInfo, message: str) -> Finding:
    return Finding(doc.path, line, column, rule.id, rule.severity, message)
