"""Hostile record and translation files, through every command that reads them.

Each case is one file a stranger could send: random bytes, a truncated
file, invalid UTF-8, a byte-order mark, CRLF or CR line endings, NUL bytes,
50 MB, 10,000-deep nesting, an alias bomb, duplicate keys, keys that are not
text, tags that would construct Python objects. Every command that reads
records (``validate``, ``lint``, ``match``, ``i18n status``, ``build``) or
translations (``lint``, ``i18n status``/``stub``/``export-po``, ``build``)
must answer with the file's finding at its line and column (``match`` leaves
the record out and says so), exit non-zero, print no traceback, and write
nothing: every file of the knowledge base and the previous site stay byte
for byte as they were.

Already covered elsewhere, for ``kb validate`` on records only:
``tests/fixtures/validate/bad/`` (invalid UTF-8, BOM, CRLF, NUL, 70-deep
lists, duplicate and non-text keys, ``!!python/object/apply``) and
``tests/test_loader.py`` (a 10,000-deep list, an alias bomb, the size limit
and every tag, as pure loader calls). This module adds the other commands,
translation files, and the cases those do not have.
"""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import FIXTURES, REPO, Result
from kbtool.load.yaml_loader import MAX_DEPTH

from hostile.conftest import snapshot
from lint.conftest import _shared_cli_catalog  # noqa: F401 (autouse: read kb/cli/ once, as the lint tests do)

GOOD_RECORD = (FIXTURES / "validate" / "good" / "minimal-record.yaml").read_bytes().replace(
    b"id: minimal-record", b"id: hostile")
GOOD_TRANSLATION = (b"record: hostile\nlang: ja\nfields:\n  title:\n    hash: 0123456789ab\n"
                    b"    text: \"\xe8\xaa\x8d\xe8\xa8\xbc\xe3\x82\xa8\xe3\x83\xa9\xe3\x83\xbc\"\n")
#: A file the ``!!python/object/apply`` payloads would create if a loader ever constructed them.
SENTINEL = "HOSTILE-CONSTRUCTED"


def _last_line(base: bytes) -> int:
    """The number of the line appended after ``base`` (which ends with a newline)."""
    return base.count(b"\n") + 1


def _line_col(data: bytes, needle: bytes) -> tuple[int, int]:
    offset = data.index(needle)
    return data.count(b"\n", 0, offset) + 1, offset - (data.rfind(b"\n", 0, offset) + 1) + 1


def _first_key(base: bytes) -> bytes:
    return next(line for line in base.split(b"\n") if line and not line.startswith(b"#")).split(b":")[0]


def _alias_bomb() -> bytes:
    """Billion laughs: nine levels of nine aliases each, 9^9 strings if anything expanded it."""
    lines = [b'lol0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [b"lol%d: &l%d [%s]" % (i, i, b", ".join([b"*l%d" % (i - 1)] * 9)) for i in range(1, 10)]
    return b"\n".join(lines) + b"\n"


@dataclass(frozen=True)
class Case:
    """A hostile file made from a valid ``base`` file, and the finding every command must report."""

    name: str
    make: Callable[[bytes], bytes]
    rule: str
    where: Callable[[bytes], tuple[int, int] | None]
    """The finding's line and column in the file made from ``base`` (None: any position)."""


def _appended(text: bytes, column: int = 1) -> Callable[[bytes], tuple[int, int]]:
    return lambda base: (_last_line(base), column)


CASES = [
    Case("random-bytes", lambda base: bytes(random.Random(9).randrange(256) for _ in range(4096)),
         "KB003", lambda base: None),
    Case("truncated-in-a-string", lambda base: base + b'summary2: "cut he', "KB005",
         lambda base: (_last_line(base), 18)),
    Case("truncated-utf8-character", lambda base: base + "x: 東".encode()[:-1], "KB003",
         lambda base: (_last_line(base), 4)),
    Case("invalid-utf8", lambda base: base.replace(b"\n", b"\n\xc3\x28", 1), "KB003", lambda base: (2, 1)),
    Case("byte-order-mark", lambda base: b"\xef\xbb\xbf" + base, "KB003", lambda base: (1, 1)),
    Case("crlf", lambda base: base.replace(b"\n", b"\r\n"), "KB004",
         lambda base: (1, base.index(b"\n") + 1)),
    Case("lone-cr", lambda base: base.replace(b"\n", b"\r"), "KB004", lambda base: (1, base.index(b"\n") + 1)),
    Case("nul-byte", lambda base: base + b"x: a\0b\n", "KB003", lambda base: (_last_line(base), 5)),
    Case("utf16", lambda base: "\ufeff".encode("utf-16-le") + base.decode().encode("utf-16-le"), "KB003",
         lambda base: None),
    Case("50-mb", lambda base: base + b"# " + b"x" * (50 * 1024 * 1024) + b"\n", "KB002", lambda base: (1, 1)),
    Case("deep-flow-list", lambda base: base + b"deep: " + b"[" * 10_000 + b"]" * 10_000 + b"\n", "KB010",
         lambda base: (_last_line(base), len(b"deep: ") + MAX_DEPTH)),
    Case("deep-flow-mapping", lambda base: base + b"deep: " + b"{a: " * 10_000 + b"1" + b"}" * 10_000 + b"\n",
         "KB010", lambda base: (_last_line(base), len(b"deep: ") + (MAX_DEPTH - 1) * len(b"{a: ") + 1)),
    Case("deep-block-mapping",
         lambda base: base + b"deep:\n" + b"".join(b"  " * (i + 1) + b"a:\n" for i in range(200)) + b"  " * 201 + b"x\n",
         "KB010", lambda base: (_last_line(base) + MAX_DEPTH, 2 * MAX_DEPTH + 1)),
    Case("alias-bomb", lambda base: base + _alias_bomb(), "KB007", lambda base: (_last_line(base), 7)),
    Case("alias-as-key", lambda base: base + b"*x : 1\n", "KB007", lambda base: (_last_line(base), 1)),
    Case("unicode-line-separator", lambda base: base + "x: a\u2028b\n".encode(), "KB004",
         lambda base: (_last_line(base), 5)),
    Case("duplicate-key", lambda base: base + _first_key(base) + b": again\n", "KB006",
         lambda base: (_last_line(base), 1)),
    Case("integer-key", lambda base: base + b"1008: close code\n", "KB008", lambda base: (_last_line(base), 1)),
    Case("null-key", lambda base: base + b"~: nothing\n", "KB008", lambda base: (_last_line(base), 1)),
    Case("list-key", lambda base: base + b"? [a, b]\n: c\n", "KB008", lambda base: (_last_line(base), 3)),
    Case("mapping-key", lambda base: base + b"? {a: 1}\n: c\n", "KB008", lambda base: (_last_line(base), 3)),
    Case("python-object-apply",
         lambda base: base + f"extra: !!python/object/apply:os.system ['touch {SENTINEL}']\n".encode(), "KB009",
         lambda base: (_last_line(base), 8)),
    Case("python-object-new",
         lambda base: base + f"extra: !!python/object/new:subprocess.Popen [['touch', '{SENTINEL}']]\n".encode(),
         "KB009", lambda base: (_last_line(base), 8)),
    Case("python-name", lambda base: base + b"extra: !!python/name:os.system\n", "KB009",
         lambda base: (_last_line(base), 8)),
    Case("verbatim-python-tag", lambda base: base + b"extra: !<tag:yaml.org,2002:python/object:builtins.dict> {}\n",
         "KB009", lambda base: (_last_line(base), 8)),
    Case("custom-tag", lambda base: base + b"extra: !custom {a: 1}\n", "KB009", lambda base: (_last_line(base), 8)),
    Case("tagged-document", lambda base: b"--- !!python/object:builtins.dict\n" + base, "KB009", lambda base: (1, 5)),
]
IDS = [case.name for case in CASES]

#: Record-side commands: how each is run, and where its findings go (the exit status each must give).
RECORD_COMMANDS = {
    "validate": (("validate",), 1),
    "lint": (("lint",), 1),
    "i18n-status": (("i18n", "status"), 2),
    "build": (("build", "--lang", "en", "--out", "out"), 1),
}
TRANSLATION_COMMANDS = {
    "lint": (("lint",), 1),
    "i18n-status": (("i18n", "status", "--lang", "ja"), 2),
    "i18n-stub": (("i18n", "stub", "ja", "hostile"), 2),
    "i18n-export-po": (("i18n", "export-po", "ja", "-o", "ja.po"), 2),
    "build": (("build", "--lang", "en", "--lang", "ja", "--out", "out"), 1),
}


@pytest.fixture
def hostile_kb(make_kb: Callable[..., Path]) -> Callable[[str, bytes], Path]:
    """``hostile_kb(where, data)``: a knowledge base whose record ``hostile`` (or its Japanese
    translation, ``where="translation"``) is ``data``, with a previous site in ``out/``."""

    def make(where: str, data: bytes) -> Path:
        if where == "record":
            root = make_kb({"hostile.yaml": data})
        else:
            root = make_kb({"hostile.yaml": GOOD_RECORD})
            (root / "i18n" / "ja").mkdir(parents=True)
            (root / "i18n" / "ja" / "hostile.yaml").write_bytes(data)
        shutil.copytree(REPO / "kb" / "cli", root / "kb" / "cli")
        (root / "mkdocs.yml").write_bytes((REPO / "mkdocs.yml").read_bytes())
        (root / "out").mkdir()
        (root / "out" / ".kb-site").write_text("previous site\n", encoding="utf-8")
        (root / "out" / "index.html").write_text("<p>the previous site</p>\n", encoding="utf-8")
        return root

    return make


def _assert_refused(result: Result, code: int, path: str, case: Case, data: bytes, base: bytes) -> None:
    assert "Traceback" not in result.err
    assert result.code == code, result.out + result.err
    where = case.where(base)
    position = rf"{where[0]}:{where[1]}" if where else r"\d+:\d+"
    assert re.search(rf"^{re.escape(path)}:{position}: error {case.rule} ", result.out + result.err, re.MULTILINE), \
        result.out + result.err


def _assert_untouched(root: Path, before: dict[str, str]) -> None:
    assert snapshot(root) == before
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".out")) == []
    assert not (root / SENTINEL).exists()


#: Each kind of file a contribution holds: its well-formed version, where the hostile copy is, the commands that
#: read it.
HOSTILE_FILES = {
    "record": (GOOD_RECORD, "kb/records/hostile.yaml", RECORD_COMMANDS),
    "translation": (GOOD_TRANSLATION, "i18n/ja/hostile.yaml", TRANSLATION_COMMANDS),
}
READERS = [(kind, command) for kind, (_, _, commands) in HOSTILE_FILES.items() for command in commands]


@pytest.mark.parametrize(("kind", "command"), READERS, ids=[f"{kind}-{command}" for kind, command in READERS])
@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_a_hostile_file_is_refused_with_its_position(case: Case, kind: str, command: str, hostile_kb, kb) -> None:
    good, shown_as, commands = HOSTILE_FILES[kind]
    data = case.make(good)
    root = hostile_kb(kind, data)
    before = snapshot(root)
    args, code = commands[command]
    _assert_refused(kb(*args), code, shown_as, case, data, good)
    _assert_untouched(root, before)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_kb_match_leaves_a_hostile_record_out_and_says_so(case: Case, hostile_kb, kb, tmp_path: Path) -> None:
    root = hostile_kb("record", case.make(GOOD_RECORD))
    paste = tmp_path / "paste.log"
    paste.write_text("gateway closed (1008): unauthorized: gateway token missing\n", encoding="utf-8")
    before = snapshot(root)
    result = kb("match", str(paste))
    assert "Traceback" not in result.err
    assert result.code == 1
    assert "problems in the knowledge base; invalid records are left out (run `kb validate`)" in result.err
    assert "kb match: no record matches" in result.err
    _assert_untouched(root, before)


def test_the_good_files_the_cases_start_from_are_clean(hostile_kb, kb) -> None:
    """Without this, a case could pass on a finding its base file already had."""
    hostile_kb("translation", GOOD_TRANSLATION)
    assert kb("validate").code == 0
    status = kb("i18n", "status", "--lang", "ja")
    assert status.code in (0, 1) and "hostile" in status.out, status.err
