"""Read and write translation files, ``i18n/<lang>/<record-id>.yaml``.

A translation file holds only translated prose, each field with the hash of
the source text it was translated from::

    record: openclaw-gateway-token-mismatch
    lang: ja
    source_commit: 8b55ae8...      # the source's last commit when the file was written (informational)
    fields:
      title:
        hash: 3f0c2a9d81b4         # leave alone: which source text this translates
        text: "unauthorized: gateway token mismatch"

Files are read with the same positional loader as records, so every problem
names its file, line and column. Writing is for the commands that are asked
to write (``stub``, ``import-po``, ``accept``); a hash update is done in place
so a translator's formatting and comments survive it.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kbtool.load.document import Document
from kbtool.load.layout import Layout
from kbtool.model.finding import Finding
from kbtool.validate import codes
from kbtool.validate.checks import comment_cuts_text
from kbtool.validate.engine import read_document
from kbtool.validate.schema import load_validator, schema_findings


@dataclass(frozen=True, slots=True)
class FieldText:
    """One translated field: the source hash it was made from and the translation (empty: not done yet)."""

    hash: str
    text: str


@dataclass(slots=True)
class Translation:
    """The contents of one translation file."""

    record: str
    lang: str
    fields: dict[str, FieldText] = field(default_factory=dict)
    source_commit: str | None = None
    doc: Document | None = None
    """The loaded document (positions for findings); None for a translation made in memory."""

    @property
    def path(self) -> str:
        return self.doc.path if self.doc is not None else ""


def translation_dir(layout: Layout, lang: str) -> Path:
    return layout.root / "i18n" / lang


def translation_path(layout: Layout, lang: str, record_id: str) -> Path:
    return translation_dir(layout, lang) / f"{record_id}.yaml"


def translation_files(layout: Layout, langs: tuple[str, ...]) -> list[Path]:
    """Every translation file of the given languages, in a stable order."""
    files: list[Path] = []
    for lang in langs:
        folder = translation_dir(layout, lang)
        if folder.is_dir():
            files += sorted(p for p in folder.iterdir() if p.suffix == ".yaml")
    return files


def load_translations(layout: Layout, langs: tuple[str, ...]) -> tuple[dict[tuple[str, str], Translation], list[Finding]]:
    """Every translation file of ``langs`` by (language, record id), and what is wrong with any of them."""
    validator = load_validator(layout.schema_file("translation"))
    result: dict[tuple[str, str], Translation] = {}
    findings: list[Finding] = []
    for path in translation_files(layout, langs):
        doc, problems = read_document(path)
        if doc is not None:
            problems += schema_findings(doc, validator) + comment_cuts_text(doc)
        if doc is None or problems:
            findings += problems
            continue
        translation = from_document(doc)
        expected = (path.parent.name, path.stem)
        if (translation.lang, translation.record) != expected:
            findings.append(Finding(doc.path, 1, 1, codes.TRANSLATION_FILE_NAME.id, codes.TRANSLATION_FILE_NAME.severity,
                                    f"file says record `{translation.record}` in `{translation.lang}`, but its place "
                                    f"says `{expected[1]}` in `{expected[0]}`; move it to "
                                    f"i18n/{translation.lang}/{translation.record}.yaml or fix the keys"))
            continue
        result[expected] = translation
    return result, findings


def orphans(layout: Layout, translations: dict[tuple[str, str], Translation]) -> list[Finding]:
    """KB041 for each translation of a record that has no file (a record that fails validation still exists)."""
    existing = {path.stem for path in layout.record_files()}
    rule = codes.TRANSLATION_UNKNOWN_RECORD
    return [Finding(translation.path, 1, 1, rule.id, rule.severity,
                    f"there is no record `{rid}` (kb/records/{rid}.yaml) to translate; rename or delete this file")
            for (_, rid), translation in sorted(translations.items()) if rid not in existing]


def from_document(doc: Document) -> Translation:
    data: dict[str, Any] = doc.data
    fields = {key: FieldText(value["hash"], value["text"]) for key, value in (data.get("fields") or {}).items()}
    return Translation(data["record"], data["lang"], fields, data.get("source_commit"), doc)


HEADER = (
    "# yaml-language-server: $schema=../../kb/schema/translation.schema.json\n"
    "# Translation of kb/records/{record}.yaml. Translate each `text`; leave `hash` as it is:\n"
    "# it identifies the source text you translated, so a later change to it shows as outdated.\n"
)


def dump(translation: Translation, comments: dict[str, str] | None = None) -> str:
    """The file text of ``translation``; ``comments`` (by key) are written above fields, e.g. the source text."""
    head = {"record": translation.record, "lang": translation.lang}
    if translation.source_commit:
        head["source_commit"] = translation.source_commit
    out = [HEADER.format(record=translation.record), _dump(head), "fields:\n"]
    if not translation.fields:
        out[-1] = "fields: {}\n"
    for key, value in translation.fields.items():
        for line in (comments or {}).get(key, "").splitlines():
            out.append(f"  # {line}".rstrip() + "\n")
        entry = _dump({key: {"hash": value.hash, "text": value.text}})
        out.append("".join(f"  {line}\n" for line in entry.splitlines()))
    return "".join(out)


class _Dumper(yaml.SafeDumper):
    """Multi-line text as literal blocks; everything else as PyYAML chooses."""


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.Node:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_str)


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100,
                     default_flow_style=False)


def source_commit(layout: Layout, record_id: str) -> str | None:
    """The last commit that touched the record's file, when the knowledge base is a git checkout."""
    try:
        run = subprocess.run(["git", "log", "-1", "--format=%H", "--", f"kb/records/{record_id}.yaml"],
                             cwd=layout.root, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    sha = run.stdout.strip()
    return sha if run.returncode == 0 and len(sha) == 40 else None


def replace_hashes(doc: Document, updates: dict[str, str]) -> str:
    """The file text of ``doc`` with the ``hash`` of each key in ``updates`` replaced in place."""
    lines = doc.text.split("\n")
    for key, new in updates.items():
        span = doc.span(("fields", key, "hash"))
        text = lines[span.line - 1]
        start = span.column - 1
        end = span.end_column - 1 if span.end_line == span.line else len(text)
        lines[span.line - 1] = text[:start] + _scalar(new) + text[end:]
    return "\n".join(lines)


def _scalar(text: str) -> str:
    """``text`` as a one-line YAML scalar that reads back as a string (quoted if it looks like a number)."""
    return yaml.safe_dump(text, width=1000).splitlines()[0]
