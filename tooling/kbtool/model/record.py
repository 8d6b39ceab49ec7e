"""The typed record model, built from a document that passed validation.

Field names follow the YAML keys (the format v1 contract); see
``kb/schema/record.schema.json`` for what each one means.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Signature:
    """What the user sees: an exact substring (``text``) or a regular expression (``regex``)."""

    text: str | None
    regex: str | None
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    level: str = "error"
    """``error``; ``warning`` (printed as a warning) or ``generic`` (a symptom of many causes): ranked after errors."""


@dataclass(frozen=True, slots=True)
class Snippet:
    """A shell command (``shell`` is bash, powershell or cmd) or a file snippet (``file`` set)."""

    code: str
    shell: str | None = None
    file: str | None = None
    format: str | None = None


@dataclass(frozen=True, slots=True)
class Step:
    text: str | None = None
    run: Snippet | None = None
    file: Snippet | None = None
    output: str | None = None
    applies_to: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Cause:
    id: str
    text: str
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Solution:
    id: str
    title: str
    steps: tuple[Step, ...]
    verify: tuple[Step, ...] = ()
    when: str | None = None
    causes: tuple[str, ...] = ()
    applies_to: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CommitRef:
    repo: str
    sha: str
    subject: str | None = None
    date: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    url: str
    title: str
    lang: str
    date: str | None = None
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class SourceClaim:
    """A statement a source makes that was checked and found wanting; shown as a correction."""

    source: str
    claim: str
    verdict: str
    fact: str


@dataclass(frozen=True, slots=True)
class Verification:
    checked: str
    verified: tuple[str, ...] = ()
    unverified: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Record:
    """One error and its fixes."""

    id: str
    lang: str
    title: str
    summary: str
    products: tuple[str, ...]
    signatures: tuple[Signature, ...]
    causes: tuple[Cause, ...]
    solutions: tuple[Solution, ...]
    sources: tuple[Source, ...]
    updated: str
    applies_to: dict[str, str] = field(default_factory=dict)
    close_code: int | None = None
    tags: tuple[str, ...] = ()
    symptoms: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    commits: tuple[CommitRef, ...] = ()
    source_claims: tuple[SourceClaim, ...] = ()
    verification: Verification | None = None
    path: str = ""

    @classmethod
    def from_data(cls, data: dict[str, Any], path: str = "") -> Record:
        """Build from validated data (the schema guarantees the shapes used here)."""
        verification = data.get("verification")
        return cls(
            id=data["id"],
            lang=data.get("lang", "en"),
            title=data["title"],
            summary=data["summary"],
            products=tuple(data["products"]),
            signatures=tuple(_signature(s) for s in data["signatures"]),
            causes=tuple(Cause(c["id"], c["text"], c.get("title")) for c in data["causes"]),
            solutions=tuple(_solution(s) for s in data["solutions"]),
            sources=tuple(Source(**s) for s in data["sources"]),
            updated=data["updated"],
            applies_to=dict(data.get("applies_to", {})),
            close_code=data.get("close_code"),
            tags=tuple(data.get("tags", [])),
            symptoms=tuple(data.get("symptoms", [])),
            related=tuple(data.get("related", [])),
            commits=tuple(CommitRef(**c) for c in data.get("commits", [])),
            source_claims=tuple(SourceClaim(**c) for c in data.get("source_claims", [])),
            verification=Verification(
                verification["checked"],
                tuple(verification.get("verified", [])),
                tuple(verification.get("unverified", [])),
            ) if verification else None,
            path=path,
        )


def _signature(data: dict[str, Any]) -> Signature:
    return Signature(
        text=data.get("text"),
        regex=data.get("regex"),
        examples=tuple(data.get("examples", [])),
        counter_examples=tuple(data.get("counter_examples", [])),
        level=data.get("level", "error"),
    )


def _solution(data: dict[str, Any]) -> Solution:
    return Solution(
        id=data["id"],
        title=data["title"],
        steps=tuple(_step(s) for s in data["steps"]),
        verify=tuple(_step(s) for s in data.get("verify", [])),
        when=data.get("when"),
        causes=tuple(data.get("causes", [])),
        applies_to=dict(data.get("applies_to", {})),
    )


def _step(data: dict[str, Any]) -> Step:
    run = data.get("run")
    snippet = None
    if isinstance(run, str):
        snippet = Snippet(code=run, shell="bash")
    elif isinstance(run, dict):
        snippet = Snippet(code=run["code"], shell=run["shell"])
    file_snippet = None
    if "file" in data:
        file_snippet = Snippet(code=data["code"], file=data["file"], format=data["format"])
    return Step(
        text=data.get("text"),
        run=snippet,
        file=file_snippet,
        output=data.get("output"),
        applies_to=dict(data.get("applies_to", {})),
    )
