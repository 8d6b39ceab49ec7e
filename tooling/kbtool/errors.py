"""The small exception hierarchy: problems that end a command before it checks anything.

Problems *in* the knowledge base are never raised; they are findings.
"""

from __future__ import annotations


class KbError(Exception):
    """Base class: the CLI prints the message (no traceback) and exits non-zero."""

    exit_code = 1


class UsageError(KbError):
    """The command was called wrongly or pointed at something that is not a knowledge base."""

    exit_code = 2


class RenderError(KbError):
    """Record text that cannot be published as is (a refused link, raw structure the page cannot hold)."""


class BuildError(KbError):
    """A build stage failed; the previous site is left untouched."""
