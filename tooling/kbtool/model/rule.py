"""Rule identity: the stable id, slug and default severity every finding names."""

from __future__ import annotations

import inspect
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

    @classmethod
    def from_doc(cls, id: str, slug: str, severity: Severity, doc: str | None) -> RuleInfo:
        """A rule documented by a module docstring: its first line is the summary, the whole text the doc.

        Lint rules keep their documentation in one place, the docstring of
        their module, which ``kb lint --list-rules`` and the rules page show.
        """
        text = inspect.cleandoc(doc or "")
        return cls(id=id, slug=slug, severity=severity, summary=text.split("\n", 1)[0].strip(), doc=text)
