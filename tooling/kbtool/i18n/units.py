"""The translatable text of a record, each piece under a key that survives edits elsewhere in the record.

Only prose is translatable: titles, summary, symptoms, cause and solution
text, step text, commit notes, corrections and verification notes. Commands,
file snippets, URLs, commit ids and error strings are never translated; they
exist once, in the record. Causes and solutions are addressed by their ids,
steps by their position within their solution, list items by position.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass

from kbtool.load.document import DataPath
from kbtool.model.record import Record, Step

#: Characters of the stored source hash: short enough to read, long enough never to collide by chance.
HASH_LENGTH = 12

_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Unit:
    """One translatable text: its key, where it stands in the record's data, and its source text."""

    key: str
    path: DataPath
    text: str

    @property
    def hash(self) -> str:
        return source_hash(self.text)


def source_hash(text: str) -> str:
    """A short hash of ``text`` with whitespace normalised, so re-wrapping a paragraph changes nothing."""
    normalised = _WHITESPACE.sub(" ", text).strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def record_units(record: Record) -> list[Unit]:
    """Every translatable text of ``record``, in reading order."""
    units = [Unit("title", ("title",), record.title), Unit("summary", ("summary",), record.summary)]
    units += [Unit(f"symptoms.{i}", ("symptoms", i), text) for i, text in enumerate(record.symptoms)]
    for i, cause in enumerate(record.causes):
        if cause.title:
            units.append(Unit(f"causes.{cause.id}.title", ("causes", i, "title"), cause.title))
        units.append(Unit(f"causes.{cause.id}.text", ("causes", i, "text"), cause.text))
    for i, solution in enumerate(record.solutions):
        prefix = f"solutions.{solution.id}"
        units.append(Unit(f"{prefix}.title", ("solutions", i, "title"), solution.title))
        if solution.when:
            units.append(Unit(f"{prefix}.when", ("solutions", i, "when"), solution.when))
        for part, steps in (("steps", solution.steps), ("verify", solution.verify)):
            units += [Unit(f"{prefix}.{part}.{n}.text", ("solutions", i, part, n, "text"), step.text)
                      for n, step in enumerate(steps) if step.text]
    units += [Unit(f"commits.{i}.note", ("commits", i, "note"), commit.note)
              for i, commit in enumerate(record.commits) if commit.note]
    for i, claim in enumerate(record.source_claims):
        units.append(Unit(f"source_claims.{i}.claim", ("source_claims", i, "claim"), claim.claim))
        units.append(Unit(f"source_claims.{i}.fact", ("source_claims", i, "fact"), claim.fact))
    if record.verification is not None:
        for part in ("verified", "unverified"):
            items = getattr(record.verification, part)
            units += [Unit(f"verification.{part}.{i}", ("verification", part, i), text) for i, text in enumerate(items)]
    return units


def with_texts(record: Record, texts: dict[str, str]) -> Record:
    """``record`` with the text at each key of ``texts`` replaced (keys the record lacks are ignored)."""
    if not texts:
        return record

    def pick(key: str, current: str) -> str:
        return texts.get(key, current)

    def steps(prefix: str, items: tuple[Step, ...]) -> tuple[Step, ...]:
        return tuple(dataclasses.replace(step, text=pick(f"{prefix}.{n}.text", step.text))
                     if step.text else step for n, step in enumerate(items))

    causes = tuple(dataclasses.replace(
        cause,
        title=pick(f"causes.{cause.id}.title", cause.title) if cause.title else None,
        text=pick(f"causes.{cause.id}.text", cause.text),
    ) for cause in record.causes)
    solutions = tuple(dataclasses.replace(
        solution,
        title=pick(f"solutions.{solution.id}.title", solution.title),
        when=pick(f"solutions.{solution.id}.when", solution.when) if solution.when else None,
        steps=steps(f"solutions.{solution.id}.steps", solution.steps),
        verify=steps(f"solutions.{solution.id}.verify", solution.verify),
    ) for solution in record.solutions)
    commits = tuple(dataclasses.replace(commit, note=pick(f"commits.{i}.note", commit.note))
                    if commit.note else commit for i, commit in enumerate(record.commits))
    claims = tuple(dataclasses.replace(claim, claim=pick(f"source_claims.{i}.claim", claim.claim),
                                       fact=pick(f"source_claims.{i}.fact", claim.fact))
                   for i, claim in enumerate(record.source_claims))
    verification = record.verification
    if verification is not None:
        verification = dataclasses.replace(
            verification,
            verified=tuple(pick(f"verification.verified.{i}", t) for i, t in enumerate(verification.verified)),
            unverified=tuple(pick(f"verification.unverified.{i}", t) for i, t in enumerate(verification.unverified)),
        )
    return dataclasses.replace(
        record,
        title=pick("title", record.title),
        summary=pick("summary", record.summary),
        symptoms=tuple(pick(f"symptoms.{i}", t) for i, t in enumerate(record.symptoms)),
        causes=causes,
        solutions=solutions,
        commits=commits,
        source_claims=claims,
        verification=verification,
    )
