"""``kb match`` keeps the valid records between runs, and never uses them once a file under kb/ changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import REPO
from kbtool.model.registry import Registries
from kbtool.validate import cache

PAIRING = "openclaw-pairing-required"
MISMATCH = "openclaw-gateway-token-mismatch"
LOG = "gateway closed (1008): pairing required\n"


@pytest.fixture
def root(make_kb, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KB_CACHE_DIR", str(tmp_path / "cache"))
    names = (PAIRING, MISMATCH)
    return make_kb({f"{n}.yaml": (REPO / "kb" / "records" / f"{n}.yaml").read_text(encoding="utf-8") for n in names})


def match(kb, root: Path, text: str = LOG):  # type: ignore[no-untyped-def]
    log = root / "paste.log"
    log.write_text(text, encoding="utf-8")
    return kb("match", str(log), "--format", "json")


def cached_files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "validation").glob("*.pickle"))


def test_a_second_run_gives_the_same_answer_from_the_cache(kb, root: Path, tmp_path: Path) -> None:
    first = match(kb, root)
    assert first.code == 0 and PAIRING in first.out
    assert len(cached_files(tmp_path)) == 1
    assert match(kb, root) == first


def test_an_edited_record_is_validated_again(kb, root: Path, tmp_path: Path) -> None:
    assert PAIRING in match(kb, root).out
    record = root / "kb" / "records" / f"{PAIRING}.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("\ntitle:", "\ntitel:", 1), encoding="utf-8")
    edited = match(kb, root)
    assert (edited.code, edited.out.strip()) == (1, "[]")
    assert "kb match: warning: 2 problems in the knowledge base; invalid records are left out" in edited.err


def test_an_unreadable_cache_is_ignored(kb, root: Path, tmp_path: Path) -> None:
    first = match(kb, root)
    [written] = cached_files(tmp_path)
    written.write_bytes(b"\x80not a pickle")
    assert match(kb, root) == first
    assert written.read_bytes() != b"\x80not a pickle"  # rewritten


def test_a_cache_of_other_code_or_records_is_not_used(kb, root: Path, tmp_path: Path) -> None:
    match(kb, root)
    [written] = cached_files(tmp_path)
    stale = cache.ValidRecords({}, Registries(), 0, ())
    cache._write(written, "some other fingerprint", stale)
    assert PAIRING in match(kb, root).out


def test_only_the_most_recent_knowledge_bases_are_kept(kb, root: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache" / "validation"
    folder.mkdir(parents=True)
    for index in range(cache.KEEP + 3):
        old = folder / f"old{index}.pickle"
        old.write_bytes(b"x")
        os.utime(old, ns=(index, index))
    match(kb, root)
    kept = cached_files(tmp_path)
    assert len(kept) == cache.KEEP
    assert folder / "old0.pickle" not in kept
