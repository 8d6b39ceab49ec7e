"""The valid records of an unchanged knowledge base, kept between runs of ``kb match``.

``kb match`` needs only the records that validate, yet validating a large
knowledge base costs far more than matching a log against it (most of
``kb match``'s time at 1,000 records; see docs/benchmarks.md). So the
outcome of a validation (the valid records, their signatures ready for the
matcher, the registries, the number of errors) is kept in the cache directory, under a fingerprint of every file
that could change it: the size and modification time of each file under
``kb/`` and of the ``kbtool`` code itself. Any change, or a cache that
cannot be read, means validating again. Only a few of the most recent
knowledge bases are kept.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from dataclasses import dataclass
from pathlib import Path

import kbtool
from kbtool.cachedir import cache_dir
from kbtool.load.layout import Layout
from kbtool.match.matcher import CompiledSignature, compile_signatures
from kbtool.model.record import Record
from kbtool.model.registry import Registries
from kbtool.validate.engine import Validation, validate

#: Cached validations kept (one per knowledge base), most recently written first.
KEEP = 8
_CODE = Path(kbtool.__file__).resolve().parent


@dataclass(frozen=True, slots=True)
class ValidRecords:
    records: dict[str, Record]
    registries: Registries
    error_count: int
    signatures: tuple[CompiledSignature, ...]
    """The records' signatures with their prefilter literals, which take a regular-expression parse each to find."""

    @classmethod
    def of(cls, validation: Validation) -> ValidRecords:
        return cls(validation.records, validation.registries, validation.error_count,
                   tuple(compile_signatures(validation.records.values())))


def fingerprint(layout: Layout) -> str:
    """Changes whenever a file that validation reads, or the code that validates, changes."""
    digest = hashlib.sha256(f"{kbtool.__version__} {sys.version}".encode())
    for base in (layout.kb_dir, _CODE):
        for path in sorted(base.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                stat = path.stat()
                digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _cache_file(layout: Layout) -> Path:
    name = hashlib.sha256(str(layout.root.resolve()).encode()).hexdigest()[:20]
    return cache_dir() / "validation" / f"{name}.pickle"


def _read(path: Path, key: str) -> ValidRecords | None:
    try:
        stored_key, value = pickle.loads(path.read_bytes())  # noqa: S301 (a file kb wrote itself)
    except Exception:  # noqa: BLE001 (missing, truncated or from other code: validate again)
        return None
    return value if stored_key == key and isinstance(value, ValidRecords) else None


def _write(path: Path, key: str, value: ValidRecords) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        partial.write_bytes(pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(partial, path)
        kept = sorted(path.parent.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in kept[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a cache that cannot be written only costs time


def valid_records(layout: Layout) -> ValidRecords:
    """The records that validate, from the cache when nothing changed since it was written."""
    key = fingerprint(layout)
    where = _cache_file(layout)
    cached = _read(where, key)
    if cached is not None:
        return cached
    validation = validate(layout)
    fresh = ValidRecords.of(validation)
    _write(where, key, fresh)
    return fresh
