"""Write our CLI reference form as YAML text, byte-for-byte reproducibly.

The generated files are reviewed as diffs between versions and checked in
CI for staleness, so the text must depend only on the content: keys come
out in a fixed order (not the order of whatever dict was passed in),
command paths sorted, one option or argument per line, no line folding.
The pure-Python ``SafeDumper`` is used on purpose: libyaml's emitter may
format differently, and the files must not depend on how PyYAML was built.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml

SCHEMA_COMMENT = "# yaml-language-server: $schema=../../schema/cli.schema.json"
"""First line of every file; the path is relative to ``kb/cli/<program>/``."""

_TOP_ORDER = ("format", "program", "version", "source", "imported_from", "builtin_options", "commands")
_SOURCE_ORDER = ("repo", "commit", "build_date")
_COMMAND_ORDER = ("desc", "hidden", "aliases", "args", "options")
_OPTION_ORDER = ("long", "short", "value", "variadic", "negatable", "choices", "hidden")
_ARG_ORDER = ("name", "required", "variadic")


class _FlowMap(dict[str, Any]):
    """A mapping written on one line, so a changed option is a one-line diff."""


class _FlowList(list[Any]):
    """A short list of words (aliases) written on one line."""


class _Dumper(yaml.SafeDumper):
    """SafeDumper that writes :class:`_FlowMap` in flow style and the root path as a plain ``'':`` key.

    Stock PyYAML writes an empty-string key in the explicit ``? ''`` form,
    which is valid but reads like noise at the top of every command list.
    """

    def check_simple_key(self) -> bool:
        event = self.event
        if isinstance(event, yaml.ScalarEvent) and event.value == "":
            return True
        return bool(super().check_simple_key())


_Dumper.add_representer(
    _FlowMap, lambda dumper, data: dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=True)
)

_Dumper.add_representer(
    _FlowList, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)
)


def render_cli_yaml(doc: Mapping[str, Any]) -> str:
    """Return the full file text (header comments + YAML) for one converted tree."""
    header = [
        SCHEMA_COMMENT,
        f"# GENERATED FILE - do not edit by hand. Command reference of `{doc['program']} {doc['version']}`,",
        f"# imported from {doc['imported_from']} by tooling/scripts/import_openclaw_cli.py.",
        "# Regenerate from the repository root (see kb/cli/README.md):",
        f"#   .venv/bin/python tooling/scripts/import_openclaw_cli.py ../shared/facts/{doc['imported_from']}",
    ]
    body = yaml.dump(
        _canonical(doc),
        Dumper=_Dumper,
        sort_keys=False,
        default_flow_style=False,
        allow_unicode=True,
        width=1_000_000,
        indent=2,
    )
    return "\n".join(header) + "\n" + body


def _canonical(doc: Mapping[str, Any]) -> dict[str, Any]:
    out = _ordered(doc, _TOP_ORDER)
    if "source" in out:
        out["source"] = _ordered(out["source"], _SOURCE_ORDER)
    if "builtin_options" in out:
        out["builtin_options"] = [_FlowMap(_ordered(o, _OPTION_ORDER)) for o in out["builtin_options"]]
    if "commands" in out:
        out["commands"] = {path: _command(out["commands"][path]) for path in sorted(out["commands"])}
    return out


def _command(entry: Mapping[str, Any]) -> dict[str, Any]:
    out = _ordered(entry, _COMMAND_ORDER)
    if "aliases" in out:
        out["aliases"] = _FlowList(out["aliases"])
    if "args" in out:
        out["args"] = [_FlowMap(_ordered(arg, _ARG_ORDER)) for arg in out["args"]]
    if "options" in out:
        options = sorted(out["options"], key=lambda option: option["long"])
        out["options"] = [_FlowMap(_ordered(option, _OPTION_ORDER)) for option in options]
    return out


def _ordered(mapping: Mapping[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    """Known keys in ``order``, then any others sorted (the schema rejects those anyway)."""
    known = [key for key in order if key in mapping]
    rest = sorted(key for key in mapping if key not in order)
    return {key: mapping[key] for key in (*known, *rest)}
