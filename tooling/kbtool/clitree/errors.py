"""Errors of the CLI command reference: bad upstream input or a bad generated file.

Both derive from :class:`kbtool.errors.KbError`, so any front end prints the
message and exits non-zero instead of showing a traceback.
"""

from __future__ import annotations

from kbtool.errors import KbError


class CliTreeError(KbError):
    """Base class for everything the ``clitree`` package raises on bad data."""


class UpstreamFormatError(CliTreeError):
    """An upstream CLI dump does not have the layout the importer knows.

    The importer refuses rather than guesses: a silently dropped key or a
    misread option would make the lint rule wrong about real commands.
    """


class CliFileError(CliTreeError):
    """A generated ``kb/cli/<program>/<version>.yaml`` file cannot be read as our format."""
