"""The knowledge base's own reference of the ``openclaw`` CLI, one file per released version.

Flow: :func:`convert_tree` turns an upstream dump (a fact we do not own)
into our compact form, :func:`render_cli_yaml` writes it reproducibly to
``kb/cli/<program>/<version>.yaml`` (driven by
``tooling/scripts/import_openclaw_cli.py``), and :func:`load_catalog`
reads those files back as a :class:`CliCatalog` of :class:`CliReference`
objects that the command-snippet lint rule queries.
"""

from __future__ import annotations

from kbtool.clitree.errors import CliFileError, CliTreeError, UpstreamFormatError
from kbtool.clitree.importer import BUILTIN_OPTIONS, FORMAT, convert_tree
from kbtool.clitree.loader import load_catalog, load_reference, reference_from_dict
from kbtool.clitree.model import (
    ROOT,
    ArgSpec,
    CliCatalog,
    CliReference,
    CommandSpec,
    OptionSpec,
    SourceInfo,
    ValueKind,
    version_key,
)
from kbtool.clitree.render import render_cli_yaml

__all__ = [
    "BUILTIN_OPTIONS",
    "FORMAT",
    "ROOT",
    "ArgSpec",
    "CliCatalog",
    "CliFileError",
    "CliReference",
    "CliTreeError",
    "CommandSpec",
    "OptionSpec",
    "SourceInfo",
    "UpstreamFormatError",
    "ValueKind",
    "convert_tree",
    "load_catalog",
    "load_reference",
    "reference_from_dict",
    "render_cli_yaml",
    "version_key",
]
