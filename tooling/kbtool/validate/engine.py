"""Validate a knowledge base: registries first, then every record, collecting all findings.

This is the edge where files are read; everything it calls takes and
returns values. Nothing stops at the first problem: one run reports every
problem in every file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema

from kbtool.load.document import Document
from kbtool.load.layout import Layout
from kbtool.load.yaml_loader import MAX_BYTES, load_yaml
from kbtool.model.finding import Finding, Severity
from kbtool.model.record import Record
from kbtool.model.registry import Product, Registries, Repo
from kbtool.validate import checks, codes
from kbtool.validate.schema import load_validator, schema_findings


@dataclass(slots=True)
class Validation:
    """What one validation run found, and the records that came through clean."""

    findings: list[Finding] = field(default_factory=list)
    records: dict[str, Record] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    """The document of each record in ``records``, by id: where ``kb lint`` finds positions."""
    registries: Registries = field(default_factory=Registries)
    files_checked: int = 0

    @property
    def error_count(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)


def validate(layout: Layout, paths: Iterable[Path] | None = None,
             progress: Callable[[Path], None] | None = None) -> Validation:
    """Validate the registries and the given record files (all records when ``paths`` is None)."""
    result = Validation()
    registries = _load_registries(layout, result)
    result.registries = registries
    record_validator = load_validator(layout.schema_file("record"))
    for path in layout.record_files() if paths is None else paths:
        if progress is not None:
            progress(path)
        doc, findings = read_document(path)
        result.files_checked += 1
        if doc is not None:
            findings += _not_restating(findings, schema_findings(doc, record_validator))
            findings += checks.record_checks(doc, path.stem, registries)
            if not findings:
                record = Record.from_data(doc.data, doc.path)
                result.records[record.id] = record
                result.documents[record.id] = doc
        result.findings += findings
    result.findings.sort(key=lambda f: (f.path, f.line, f.column, f.rule))
    return result


def _not_restating(loader: list[Finding], schema: list[Finding]) -> list[Finding]:
    """Drop schema findings at a place the loader already refused (an alias or tag leaves no real value there)."""
    refused = {(f.line, f.column) for f in loader}
    return [f for f in schema if (f.line, f.column) not in refused]


def read_document(path: Path) -> tuple[Document | None, list[Finding]]:
    """Read one YAML file from disk, refusing it before reading when it is too large."""
    shown = display_path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, [Finding(shown, 1, 1, codes.FILE_TOO_LARGE.id, codes.FILE_TOO_LARGE.severity,
                                  f"file is {size:,} bytes; the limit is {MAX_BYTES:,}")]
        raw = path.read_bytes()
    except IsADirectoryError:
        return None, [_unreadable(shown, "is a directory, not a file")]
    except FileNotFoundError:
        return None, [_unreadable(shown, "file not found")]
    except OSError as exc:
        return None, [_unreadable(shown, exc.strerror or str(exc))]
    return load_yaml(raw, shown)


def display_path(path: Path) -> str:
    """The path as the user would type it: relative to the working directory when below it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def _load_registries(layout: Layout, result: Validation) -> Registries:
    products: dict[str, Product] = {}
    repos: dict[str, Repo] = {}
    docs: dict[str, Document] = {}
    for path, list_key, schema in ((layout.repos_file, "repos", "repos"),
                                   (layout.products_file, "products", "products")):
        doc, findings = read_document(path)
        result.files_checked += 1
        if doc is not None:
            validator: jsonschema.Draft202012Validator = load_validator(layout.schema_file(schema))
            errors = schema_findings(doc, validator)
            findings += errors + checks.registry_checks(doc, list_key)
            docs[list_key] = doc
            # Register every entry that has an id, even a broken one, so that its
            # own findings are not repeated as "unknown product" on every record.
            entries = [e for e in doc.data.get(list_key) or [] if isinstance(e, dict) and isinstance(e.get("id"), str)]
            if list_key == "repos":
                repos = {e["id"]: Repo.from_data(e) for e in entries}
            else:
                products = {e["id"]: Product.from_data(e) for e in entries}
        result.findings += findings
    registries = Registries(products=products, repos=repos)
    if "products" in docs:
        result.findings += checks.product_repo_checks(docs["products"], registries)
    return registries


def _unreadable(shown: str, why: str) -> Finding:
    return Finding(shown, 1, 1, codes.UNREADABLE_FILE.id, codes.UNREADABLE_FILE.severity, f"cannot read: {why}")
