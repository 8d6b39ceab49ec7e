"""Run every record's signatures over a text at once and rank the records that match."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import re2

from kbtool.match.normalize import clean_text, strip_line
from kbtool.match.patterns import MIN_LITERAL, compile_pattern, required_literals, signature_pattern
from kbtool.model.record import Record, Signature

#: Lines longer than this are shown cut to the match and this many characters either side.
EXCERPT_MAX = 300
EXCERPT_CONTEXT = 100
#: Distinct candidate lines remembered with their hits; logs repeat the same line many times.
_LINE_CACHE = 4096


@dataclass(frozen=True, slots=True)
class CompiledSignature:
    """One signature of one record, ready to run."""

    record_id: str
    index: int
    """Position in the record's ``signatures``."""
    pattern: str
    literals: frozenset[str] | None
    """Text every match contains one of (None: run on every line)."""
    secondary: bool = False
    """``level: warning`` or ``generic``: not the failure itself, so ranked after records an error line matched."""

    @property
    def regex(self) -> re.Pattern[str]:
        """The compiled pattern, compiled the first time a line needs it: most never run on a given log."""
        return _compiled(self.pattern)

    def search(self, line: str) -> tuple[int, int] | None:
        """The span of the first non-empty match in a stripped line, or None."""
        found = self.regex.search(line)
        return found.span() if found and found.end() > found.start() else None


#: Compiled patterns kept across matchers (``kb serve`` and ``kb lint`` build several); ``re``'s own cache is smaller.
_compiled = functools.lru_cache(maxsize=1 << 16)(compile_pattern)


def compile_signatures(records: Iterable[Record]) -> list[CompiledSignature]:
    """Every signature of ``records``, in record then signature order."""
    compiled = []
    for record in records:
        for index, signature in enumerate(record.signatures):
            pattern = signature_pattern(signature)
            compiled.append(CompiledSignature(record.id, index, pattern, _literals(signature, pattern),
                                              signature.level != "error"))
    return compiled


def _literals(signature: Signature, pattern: str) -> frozenset[str] | None:
    """A ``text`` signature is its own literal; only a ``regex`` needs parsing to find one."""
    if signature.text is not None:
        return frozenset({signature.text}) if len(signature.text) >= MIN_LITERAL else None
    return required_literals(pattern)


def line_matches(signature: CompiledSignature, pasted_line: str) -> bool:
    """Whether a signature matches one pasted line, cleaned as the matcher cleans it (for lint and tests)."""
    return any(signature.search(strip_line(line)) for line in clean_text(pasted_line).split("\n"))


@dataclass(frozen=True, slots=True)
class Hit:
    """Where a signature matched: a line of the text (1-based), as the signatures saw it, and the span."""

    line: int
    text: str
    start: int
    end: int
    signature: int

    @property
    def length(self) -> int:
        return self.end - self.start

    def excerpt(self) -> tuple[str, int, int]:
        """The line, cut around the match when it is long, with the match's span in the cut text."""
        if len(self.text) <= EXCERPT_MAX:
            return self.text, self.start, self.end
        left = max(0, self.start - EXCERPT_CONTEXT)
        right = min(len(self.text), self.end + EXCERPT_CONTEXT)
        head = "…" if left else ""
        tail = "…" if right < len(self.text) else ""
        shift = len(head) - left
        return head + self.text[left:right] + tail, self.start + shift, self.end + shift


@dataclass(frozen=True, slots=True)
class RecordMatch:
    """A record that matched: its score and the hit shown for it."""

    record_id: str
    score: int
    hit: Hit
    signatures: int
    """How many of the record's signatures matched."""
    secondary_only: bool = False
    """Only signatures of ``level: warning`` or ``generic`` matched."""


class Matcher:
    """All signatures compiled once; ``match`` returns the records that match a text, best first."""

    def __init__(self, signatures: Sequence[CompiledSignature]) -> None:
        self._signatures = list(signatures)
        literals = sorted({lit for s in self._signatures if s.literals for lit in s.literals})
        self._owners: list[list[int]] = [[] for _ in literals]
        position = {lit: i for i, lit in enumerate(literals)}
        for number, signature in enumerate(self._signatures):
            for lit in signature.literals or ():
                self._owners[position[lit]].append(number)
        self._always = [n for n, s in enumerate(self._signatures) if s.literals is None]
        options = re2.Options()
        options.max_mem = 256 << 20  # room for the automaton of tens of thousands of literals
        self._scan = re2.compile(b"|".join(re2.escape(lit).encode() for lit in literals), options=options) \
            if literals else None
        self._set = re2.Set.SearchSet(options)
        for lit in literals:
            self._set.Add(re2.escape(lit).encode())
        if literals:
            self._set.Compile()

    @classmethod
    def from_records(cls, records: Iterable[Record]) -> Matcher:
        return cls(compile_signatures(records))

    def match(self, text: str) -> list[RecordMatch]:
        return self.match_pieces([text])

    def match_pieces(self, pieces: Iterable[str]) -> list[RecordMatch]:
        """Match a text given in pieces that each end at a line break (as ``decode_blocks`` yields them)."""
        best: dict[int, Hit] = {}
        cache: dict[str, list[tuple[int, int, int]]] = {}
        first_line = 1
        for piece in pieces:
            text = clean_text(piece)
            if self._always:
                self._run_on_every_line(text, first_line, best)
            self._scan_piece(text, first_line, best, cache)
            # Pieces end at a line break (the last may not): the next piece starts on a new line.
            first_line += text.count("\n") + (1 if text and not text.endswith("\n") else 0)
        return _rank(self._signatures, best)

    def _scan_piece(self, text: str, first_line: int, best: dict[int, Hit],
                    cache: dict[str, list[tuple[int, int, int]]]) -> None:
        if self._scan is None:
            return
        data = text.encode("utf-8", "replace")
        pos, line_no, counted = 0, first_line, 0
        while (found := self._scan.search(data, pos)) is not None:
            start = data.rfind(b"\n", 0, found.start()) + 1
            end = data.find(b"\n", found.start())
            end = len(data) if end < 0 else end
            line_no += data.count(b"\n", counted, start)
            counted = start
            line = strip_line(data[start:end].decode("utf-8", "replace"))
            hits = cache.get(line)
            if hits is None:
                hits = self._hits(line)
                if len(cache) >= _LINE_CACHE:
                    cache.clear()
                cache[line] = hits
            for number, hit_start, hit_end in hits:
                _keep(best, number, Hit(line_no, line, hit_start, hit_end, self._signatures[number].index))
            pos = end + 1

    def signatures_matching(self, pasted_line: str) -> list[CompiledSignature]:
        """Every signature that matches a pasted line (cleaned as in ``match``), in signature order."""
        numbers: set[int] = set()
        for raw in clean_text(pasted_line).split("\n"):
            line = strip_line(raw)
            numbers.update(number for number, _, _ in self._hits(line))
            numbers.update(n for n in self._always if self._signatures[n].search(line))
        return [self._signatures[n] for n in sorted(numbers)]

    def _hits(self, line: str) -> list[tuple[int, int, int]]:
        """Every indexed signature that matches a stripped line, with its span."""
        if self._scan is None:  # no signature has fixed text: the set was never compiled
            return []
        found = self._set.Match(line.encode("utf-8", "replace")) or ()
        candidates = sorted({n for lit in found for n in self._owners[lit]})
        hits = []
        for number in candidates:
            span = self._signatures[number].search(line)
            if span is not None:
                hits.append((number, *span))
        return hits

    def _run_on_every_line(self, text: str, first_line: int, best: dict[int, Hit]) -> None:
        """The slow path, for signatures without a literal to index (``kb lint`` warns about them, KB605)."""
        for offset, raw in enumerate(text.split("\n")):
            line = strip_line(raw)
            for number in self._always:
                span = self._signatures[number].search(line)
                if span is not None:
                    _keep(best, number, Hit(first_line + offset, line, *span, self._signatures[number].index))


def _keep(best: dict[int, Hit], number: int, hit: Hit) -> None:
    """Remember a signature's longest hit; a later line wins a tie (the newest occurrence)."""
    current = best.get(number)
    if current is None or hit.length > current.length or (hit.length == current.length and hit.line >= current.line):
        best[number] = hit


def _rank(signatures: Sequence[CompiledSignature], best: Mapping[int, Hit]) -> list[RecordMatch]:
    by_record: dict[str, list[Hit]] = {}
    errors: set[str] = set()
    for number, hit in best.items():
        record_id = signatures[number].record_id
        by_record.setdefault(record_id, []).append(hit)
        if not signatures[number].secondary:
            errors.add(record_id)
    matches = []
    for record_id, hits in by_record.items():
        shown = max(hits, key=lambda h: (h.length, h.line, -h.signature))
        matches.append(RecordMatch(record_id, sum(h.length for h in hits), shown, len(hits),
                                   record_id not in errors))
    return sorted(matches, key=lambda m: (m.secondary_only, -m.score, -m.hit.line, m.record_id))
