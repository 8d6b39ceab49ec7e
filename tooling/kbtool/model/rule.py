"""Rule identity: the stable id, slug and default severity every finding names."""

from __future__ import annotations

from dataclasses import dataclass

from kbtool.model.finding import Severity


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """A rule's stable id (``KB006``), its slug (``duplicate-key``) and its documentation.

    Ids are never reused once retired, so a suppression comment or a CI
    annotation written today keeps meaning the same thing.
    """

    id: str
    slug: str
    severity: Severity
    summary: str
    doc: str = ""
