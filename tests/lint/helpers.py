"""Record texts for lint tests: the smallest valid record, with top-level keys replaced or added.

``minimal_record(id="a", related="[b]")`` is tests/fixtures/validate/good/
minimal-record.yaml with ``id`` replaced and ``related: [b]`` appended at
the end. A value starting with a newline is a block (``causes="\\n  - id:
x\\n    text: y"``); ``None`` removes the key. Keys keep their order, new
ones follow in the order given, so line numbers in expected findings are
easy to count: :func:`line_of` finds them.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from conftest import FIXTURES

MINIMAL = (FIXTURES / "validate" / "good" / "minimal-record.yaml").read_text(encoding="utf-8")

_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*):")


def minimal_record(**overrides: str | None) -> str:
    """The minimal valid record with ``overrides`` (YAML text of each top-level value)."""
    chunks: list[tuple[str | None, list[str]]] = []
    for line in MINIMAL.splitlines():
        match = _TOP_KEY.match(line)
        if match:
            chunks.append((match.group(1), [line]))
        elif chunks:
            chunks[-1][1].append(line)
        else:
            chunks.append((None, [line]))
    keys = [key for key, _ in chunks]
    lines: list[str] = []
    for key, body in chunks:
        if key in overrides:
            value = overrides[key]
            if value is not None:
                lines.append(_entry(key, value))
        else:
            lines.extend(body)
    for key, value in overrides.items():
        if key not in keys and value is not None:
            lines.append(_entry(key, value))
    return "\n".join(lines) + "\n"


def record(record_id: str, **overrides: str | None) -> dict[str, str]:
    """``{"<id>.yaml": text}`` for ``make_kb``: a minimal record with this id.

    Unless given, its signature names the id, so records of one test do not
    match each other's examples (KB603) by accident; the lines stay where
    they are in the minimal record.
    """
    if "signatures" not in overrides:
        overrides["signatures"] = (f'\n  - text: "gateway token missing ({record_id})"\n    examples:\n'
                                   f'      - "gateway closed (1008): unauthorized: gateway token missing ({record_id})"')
    return {f"{record_id}.yaml": minimal_record(id=record_id, **overrides)}


def line_of(text: str, needle: str, nth: int = 0) -> int:
    """The 1-based line of the ``nth`` line containing ``needle``."""
    found = [number for number, line in enumerate(text.splitlines(), start=1) if needle in line]
    return found[nth]


def _entry(key: str, value: str) -> str:
    return f"{key}:{value}" if value.startswith("\n") else f"{key}: {value}"


def make_git_repo(path: Path, commits: list[tuple[str, str]]) -> list[str]:
    """A git repository at ``path`` with one empty commit per (subject, ISO author date); their full ids, in order.

    Names, e-mails and dates are fixed, so the ids are the same on every run.
    """
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
    subprocess.run(["git", "init", "-q", "-b", "main", str(path)], check=True, env=env)
    shas = []
    for subject, date in commits:
        subprocess.run(["git", "-C", str(path), "commit", "-q", "--allow-empty", "-m", subject],
                       check=True, env={**env, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date})
        shas.append(subprocess.run(["git", "-C", str(path), "rev-parse", "HEAD"], check=True, env=env,
                                   capture_output=True, text=True).stdout.strip())
    return shas


def translation(record_id: str, lang: str, fields: dict[str, tuple[str, str]]) -> dict[str, str]:
    """``{"i18n/<lang>/<id>.yaml": text}`` for ``lint_kb(files=...)``: each field is (source text, translation).

    The stored hash is that of the given source text, so passing the record's
    present text makes the field current, and any other text makes it outdated.
    """
    from kbtool.i18n.units import source_hash

    lines = [f"record: {record_id}", f"lang: {lang}", "fields:"]
    for key, (source, text) in fields.items():
        lines += [f"  {key}:", f"    hash: '{source_hash(source)}'", f"    text: {_quoted(text)}"]
    return {f"i18n/{lang}/{record_id}.yaml": "\n".join(lines) + "\n"}


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
