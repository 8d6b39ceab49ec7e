"""What every lint rule reads: the validated records with their positions, and the registries."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from kbtool.clitree import CliCatalog, load_catalog
from kbtool.i18n.files import Translation
from kbtool.lint.commits import CommitIndex
from kbtool.lint.links import PlacedLink, record_links
from kbtool.lint.site_index import SiteIndex, load_site
from kbtool.load.document import DataPath, Document
from kbtool.load.layout import Layout
from kbtool.match.matcher import CompiledSignature, Matcher, compile_signatures
from kbtool.model.finding import Finding
from kbtool.model.record import Record
from kbtool.model.registry import Registries
from kbtool.model.rule import RuleInfo
from kbtool.validate.engine import display_path

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class RecordFile:
    """A record that passed validation, and the document it came from (for positions)."""

    record: Record
    doc: Document


@dataclass(frozen=True, slots=True)
class DocsPage:
    """A hand-written Markdown page: its path as shown in findings, its path below the root, its text."""

    path: str
    relative: str
    text: str


@dataclass
class LintContext:
    """The knowledge base as rules see it. Rules must treat it as read-only."""

    layout: Layout
    records: dict[str, RecordFile]
    """Every record that passed validation, by id (also those not being linted this run)."""
    registries: Registries
    selected: frozenset[str] = frozenset()
    """Ids of the records to report on; empty means all of them."""
    git_dirs: dict[str, Path] = field(default_factory=dict)
    """Local clones given with ``--git-dir owner/name=PATH``, by repository id."""
    site_dir: Path | None = None
    """A built site to link-check (``--site DIR``); None skips the built-site rules."""
    commits: CommitIndex = field(default_factory=CommitIndex)
    """Each repository's known commits (manifest or ``--git-dir`` clone), for the commit rules."""
    translations: dict[tuple[str, str], Translation] = field(default_factory=dict)
    """Record translations by (language, record id), for the translation rules (KB5xx)."""
    _links: dict[str, list[PlacedLink]] = field(default_factory=dict, init=False, repr=False)
    _memo: dict[str, Any] = field(default_factory=dict, init=False, repr=False)

    def memo(self, name: str, compute: Callable[[], T]) -> T:
        """``compute()``, run once per lint run under ``name``: work several rules share (the translation
        shapes KB501–KB505 all read) is done once, not once per rule."""
        if name not in self._memo:
            self._memo[name] = compute()
        result: T = self._memo[name]
        return result

    def translations_of(self, record_id: str) -> list[tuple[str, Translation]]:
        """The translations of one record as (language, translation), in language order; indexed once per run
        (scanning every translation for every record is quadratic in the size of the knowledge base)."""
        def index() -> dict[str, list[tuple[str, Translation]]]:
            by_record: dict[str, list[tuple[str, Translation]]] = {}
            for (lang, rid), translation in sorted(self.translations.items()):
                by_record.setdefault(rid, []).append((lang, translation))
            return by_record

        return self.memo("translations-by-record", index).get(record_id, [])

    def links(self, rf: RecordFile) -> list[PlacedLink]:
        """Every link in the record's Markdown text, where it is written; parsed once per run for all link rules."""
        if rf.record.id not in self._links:
            self._links[rf.record.id] = record_links(rf.doc)
        return self._links[rf.record.id]

    @cached_property
    def record_ids(self) -> frozenset[str]:
        """The id of every record file, valid or not: a link to an invalid record is not a broken link."""
        return frozenset(path.stem for path in self.layout.record_files())

    @cached_property
    def docs_pages(self) -> list[DocsPage]:
        """The hand-written Markdown pages (``docs/**/*.md``)."""
        docs = self.layout.root / "docs"
        if not docs.is_dir():
            return []
        return [DocsPage(display_path(page), page.relative_to(self.layout.root).as_posix(),
                         page.read_text(encoding="utf-8", errors="replace"))
                for page in sorted(docs.rglob("*.md")) if page.is_file()]

    @cached_property
    def site(self) -> SiteIndex | None:
        """The built site given with ``--site``, read once for every rule that checks it."""
        return load_site(self.site_dir) if self.site_dir is not None else None

    @cached_property
    def signatures(self) -> dict[str, list[CompiledSignature]]:
        """Every record's signatures compiled as ``kb match`` runs them, by record id."""
        return {rid: compile_signatures([rf.record]) for rid, rf in self.records.items()}

    @cached_property
    def matcher(self) -> Matcher:
        """One matcher over every record's signatures, as ``kb match`` builds it."""
        return Matcher([s for rid in sorted(self.signatures) for s in self.signatures[rid]])

    def signature_lines(self, field: str) -> Iterator[tuple[RecordFile, CompiledSignature, int, str]]:
        """Each linted record's ``examples`` or ``counter_examples`` lines, with the compiled signature they test."""
        for rf in self.linted():
            for signature, compiled in zip(rf.record.signatures, self.signatures[rf.record.id]):
                lines = signature.examples if field == "examples" else signature.counter_examples
                for index, line in enumerate(lines):
                    yield rf, compiled, index, line

    def related(self, a: str, b: str) -> bool:
        """Whether either record lists the other in ``related``."""
        ra, rb = self.records.get(a), self.records.get(b)
        return bool(ra and b in ra.record.related) or bool(rb and a in rb.record.related)

    @cached_property
    def cli(self) -> CliCatalog:
        """The CLI reference of every program and version in ``kb/cli/``."""
        return load_catalog(self.layout.kb_dir)

    def linted(self) -> Iterator[RecordFile]:
        """The records this run reports on, in id order."""
        for rid in sorted(self.records):
            if not self.selected or rid in self.selected:
                yield self.records[rid]


def at(rule: RuleInfo, doc: Document, path: DataPath, message: str, *, key: bool = False) -> Finding:
    """A finding of ``rule`` at the value (or, with ``key``, the key) at ``path`` in ``doc``."""
    span = doc.key_span(path) if key else doc.span(path)
    return Finding(doc.path, span.line, span.column, rule.id, rule.severity, message)


def at_text(rule: RuleInfo, doc: Document, path: DataPath, needle: str, message: str, *, nth: int = 0) -> Finding:
    """A finding at the first (or ``nth``, from 0) place ``needle`` is written inside the value at ``path``.

    For a snippet this is the line of the file where the bad word stands,
    even in a block scalar. When the needle cannot be found as written (it
    spans a folded line break, or is written with escapes), the value's own
    position is used.
    """
    line, column = locate(doc, path, needle, nth=nth)
    return Finding(doc.path, line, column, rule.id, rule.severity, message)


def locate(doc: Document, path: DataPath, needle: str, *, nth: int = 0) -> tuple[int, int]:
    """The 1-based line and column of ``needle`` inside the value at ``path``: its ``nth`` occurrence, else
    its first, else the value's start."""
    span = doc.span(path)
    lines = doc.text.split("\n")
    found: list[tuple[int, int]] = []
    for number in range(span.line, min(span.end_line, len(lines)) + 1):
        text = lines[number - 1]
        start = span.column - 1 if number == span.line else 0
        end = span.end_column - 1 if number == span.end_line else len(text)
        index = text.find(needle, start, max(start, end)) if needle else -1
        while index >= 0:
            found.append((number, index + 1))
            if len(found) > nth:
                return found[nth]
            index = text.find(needle, index + 1, max(start, end))
    return found[0] if found else (span.line, span.column)


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice most like ``word`` (difflib's ratio of at least 0.6), or None."""
    matches = difflib.get_close_matches(word, sorted(choices), n=1)
    return matches[0] if matches else None


def did_you_mean(word: str, choices: Iterable[str], template: str = "`{}`") -> str:
    """``; did you mean `x`?`` with the closest of ``choices`` (shown through ``template``), or nothing."""
    match = closest(word, choices)
    return f"; did you mean {template.format(match)}?" if match is not None else ""
