"""Checks the JSON Schema cannot express: file names, unique ids, registry references, version ranges.

Each check takes a document (which may be partly invalid: the schema
findings are reported separately) and yields findings; none reads files.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from typing import Any

from packaging.specifiers import InvalidSpecifier, SpecifierSet

from kbtool.load.document import DataPath, Document
from kbtool.model.finding import Finding
from kbtool.model.registry import Registries
from kbtool.model.rule import RuleInfo
from kbtool.match.patterns import compile_pattern
from kbtool.validate import codes

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_KB_DIRECTIVE = re.compile(r"#\s*kb\s*:")


def record_checks(doc: Document, stem: str, registries: Registries) -> list[Finding]:
    """Everything beyond the schema that makes a record consistent with its file and the registries."""
    data = doc.data
    findings = list(_id_matches_file(doc, stem))
    findings += _unique_ids(doc, [("causes",), ("solutions",), ("sources",)])
    record_products = list(_strings(data.get("products")))
    for index, product in _items(data.get("products")):
        if isinstance(product, str) and product not in registries.products:
            findings.append(_unknown(doc, ("products", index), codes.UNKNOWN_PRODUCT, "product", product,
                                     registries.products, "products are listed in kb/products.yaml"))
    if isinstance(data.get("products"), list):  # else the schema finding says it all
        for path in _applies_to_paths(data):
            findings += _version_ranges(doc, path, record_products, registries)
    findings += _repo_refs(doc, "commits", registries)
    findings += comment_cuts_text(doc)
    findings += _signature_regexes(doc)
    return findings


def _signature_regexes(doc: Document) -> Iterator[Finding]:
    for index, signature in _items(doc.data.get("signatures")):
        pattern = signature.get("regex") if isinstance(signature, dict) else None
        if not isinstance(pattern, str):
            continue
        try:
            compile_pattern(pattern)
        except re.error as exc:
            yield _at(doc, ("signatures", index, "regex"), codes.INVALID_SIGNATURE_REGEX,
                      f"the regex does not compile: {exc}")


def comment_cuts_text(doc: Document) -> list[Finding]:
    """Plain scalars followed by `` #...`` on their last line: the author meant the rest as text."""
    lines = doc.text.split("\n")
    findings = []
    for path, span in doc.spans.items():
        value = _value_at(doc.data, path)
        if span.style is not None or not isinstance(value, str) or span.end_line > len(lines):
            continue
        rest = lines[span.end_line - 1][span.end_column - 1:]
        if _KB_DIRECTIVE.match(rest.lstrip()):  # `# kb: disable=...` is meant as a comment (kb lint suppressions)
            continue
        if rest.lstrip().startswith("#") and rest[:1].isspace():
            rule = codes.COMMENT_CUTS_TEXT
            column = span.end_column + len(rest) - len(rest.lstrip())
            findings.append(Finding(doc.path, span.end_line, column, rule.id, rule.severity,
                                    f"the text stops at `{value[-20:]}`: YAML reads ` {rest.strip()[:30]}` as a "
                                    "comment; put the whole value in double quotes"))
    return findings


def _value_at(data: object, path: tuple[str | int, ...]) -> object:
    for part in path:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def registry_checks(doc: Document, list_key: str) -> list[Finding]:
    """Registry entries have unique ids."""
    return _unique_ids(doc, [(list_key,)])


def product_repo_checks(doc: Document, registries: Registries) -> list[Finding]:
    """A product's ``repo`` names a registered repository."""
    return _repo_refs(doc, "products", registries)


def _repo_refs(doc: Document, list_key: str, registries: Registries) -> list[Finding]:
    """Each ``repo`` of the entries under ``list_key`` names a registered repository."""
    findings = []
    for index, entry in _items(doc.data.get(list_key)):
        repo = entry.get("repo") if isinstance(entry, dict) else None
        if isinstance(repo, str) and repo not in registries.repos:
            findings.append(_unknown(doc, (list_key, index, "repo"), codes.UNKNOWN_REPO, "repository", repo,
                                     registries.repos, "repositories are listed in kb/repos.yaml"))
    return findings


def _id_matches_file(doc: Document, stem: str) -> Iterator[Finding]:
    if not SLUG.match(stem):
        yield _finding(doc, 1, 1, codes.ID_MISMATCH,
                       f"file name `{stem}.yaml` is not a slug; rename it to lowercase letters, digits and hyphens")
        return
    record_id = doc.data.get("id")
    if isinstance(record_id, str) and record_id != stem:
        yield _at(doc, ("id",), codes.ID_MISMATCH,
                  f"id `{record_id}` does not match the file name `{stem}.yaml`; rename one to match the other")


def _unique_ids(doc: Document, lists: Iterable[DataPath]) -> list[Finding]:
    findings: list[Finding] = []
    for list_path in lists:
        seen: dict[str, int] = {}
        for index, item in _items(_get(doc.data, list_path)):
            item_id = item.get("id") if isinstance(item, dict) else None
            if not isinstance(item_id, str):
                continue
            if item_id in seen:
                first = doc.span(list_path + (seen[item_id], "id")).line
                findings.append(_at(doc, list_path + (index, "id"), codes.DUPLICATE_ID,
                                    f"id `{item_id}` is used twice in `{list_path[-1]}` (first on line {first})"))
            else:
                seen[item_id] = index
    return findings


def _applies_to_paths(data: dict[str, Any]) -> Iterator[DataPath]:
    if isinstance(data.get("applies_to"), dict):
        yield ("applies_to",)
    for s_index, solution in _items(data.get("solutions")):
        if not isinstance(solution, dict):
            continue
        if isinstance(solution.get("applies_to"), dict):
            yield ("solutions", s_index, "applies_to")
        for list_key in ("steps", "verify"):
            for index, step in _items(solution.get(list_key)):
                if isinstance(step, dict) and isinstance(step.get("applies_to"), dict):
                    yield ("solutions", s_index, list_key, index, "applies_to")


def _version_ranges(doc: Document, path: DataPath, record_products: list[str],
                    registries: Registries) -> Iterator[Finding]:
    ranges = _get(doc.data, path)
    for product, spec in ranges.items():
        if product not in registries.products:
            span = doc.key_span(path + (product,))
            yield _finding(doc, span.line, span.column, codes.UNKNOWN_PRODUCT,
                           f"unknown product `{product}` in `applies_to`" + _suggest(product, registries.products)
                           + "; products are listed in kb/products.yaml")
            continue
        if product not in record_products:
            span = doc.key_span(path + (product,))
            yield _finding(doc, span.line, span.column, codes.INVALID_VERSION_RANGE,
                           f"`applies_to` names `{product}`, which is not in this record's `products`")
        if not isinstance(spec, str):
            continue
        try:
            SpecifierSet(spec)
        except InvalidSpecifier:
            yield _at(doc, path + (product,), codes.INVALID_VERSION_RANGE,
                      f"`{spec}` is not a version range; write comparators such as `>=2026.2.3` or "
                      "`>=2026.2, <2026.9` (quote the value in YAML)")


def _unknown(doc: Document, path: DataPath, rule: RuleInfo, what: str, value: str,
             known: Iterable[str], where_listed: str) -> Finding:
    return _at(doc, path, rule, f"unknown {what} `{value}`{_suggest(value, known)}; {where_listed}")


def _suggest(word: str, candidates: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(candidates), n=1)
    return f" (did you mean `{close[0]}`?)" if close else ""


def _items(value: Any) -> Iterator[tuple[int, Any]]:
    return enumerate(value) if isinstance(value, list) else iter(())


def _strings(value: Any) -> Iterator[str]:
    return (v for v in value if isinstance(v, str)) if isinstance(value, list) else iter(())


def _get(data: Any, path: DataPath) -> Any:
    for part in path:
        if isinstance(part, int):
            data = data[part] if isinstance(data, list) and part < len(data) else None
        else:
            data = data.get(part) if isinstance(data, dict) else None
    return data


def _at(doc: Document, path: DataPath, rule: RuleInfo, message: str) -> Finding:
    span = doc.span(path)
    return _finding(doc, span.line, span.column, rule, message)


def _finding(doc: Document, line: int, column: int, rule: RuleInfo, message: str) -> Finding:
    return Finding(doc.path, line, column, rule.id, rule.severity, message)
