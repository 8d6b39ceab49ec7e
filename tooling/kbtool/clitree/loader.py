"""Read generated ``kb/cli/<program>/<version>.yaml`` files into the typed model.

Loading checks only what the model relies on (types, the format number, the
file name matching the version) and reports it as :class:`CliFileError`
naming the file; the full structural check is the JSON Schema
``kb/schema/cli.schema.json``, run by the tests, so loading stays fast.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

import yaml

from kbtool.clitree.errors import CliFileError
from kbtool.clitree.importer import FORMAT
from kbtool.clitree.model import ArgSpec, CliCatalog, CliReference, CommandSpec, OptionSpec, SourceInfo, ValueKind

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_VALUE_KINDS = ("none", "required", "optional")


def load_catalog(kb_root: Path, program: str = "openclaw") -> CliCatalog:
    """Every version of ``program`` under ``<kb_root>/cli/<program>/``.

    ``kb_root`` is the knowledge base directory (the one holding ``cli/``,
    ``schema/``, ``records/``). Raises :class:`CliFileError` if the
    directory has no reference file or a file is not in our format.
    """
    directory = Path(kb_root) / "cli" / program
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise CliFileError(f"{directory}: no CLI reference files (*.yaml) for {program!r}")
    references: dict[str, CliReference] = {}
    for file in files:
        ref = load_reference(file)
        if ref.program != program or ref.version != file.stem:
            raise CliFileError(f"{file}: holds {ref.program} {ref.version}; expected {program} {file.stem}")
        references[ref.version] = ref
    try:
        return CliCatalog(program=program, references=references)
    except ValueError as exc:
        raise CliFileError(f"{directory}: {exc}") from None


def load_reference(file: Path) -> CliReference:
    """One generated file as a :class:`CliReference`."""
    try:
        data = yaml.load(Path(file).read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CliFileError(f"{file}: cannot read: {exc}") from None
    return reference_from_dict(data, where=str(file))


def reference_from_dict(data: Any, *, where: str = "<data>") -> CliReference:
    """Build a :class:`CliReference` from our form as a plain mapping (as the importer returns it)."""
    doc = _mapping(data, where)
    if doc.get("format") != FORMAT:
        raise CliFileError(f"{where}: format {doc.get('format')!r} is not supported (expected {FORMAT})")
    source = _mapping(doc.get("source"), f"{where}: source")
    commands = _mapping(doc.get("commands"), f"{where}: commands")
    try:
        return CliReference(
            program=_str(doc.get("program"), f"{where}: program"),
            version=_str(doc.get("version"), f"{where}: version"),
            source=SourceInfo(
                repo=_str(source.get("repo"), f"{where}: source.repo"),
                commit=_str(source.get("commit"), f"{where}: source.commit"),
                build_date=_str(source.get("build_date"), f"{where}: source.build_date"),
            ),
            imported_from=_str(doc.get("imported_from"), f"{where}: imported_from"),
            commands={
                _str(path, f"{where}: command path", empty=True): _command(path, entry, f"{where}: commands[{path!r}]")
                for path, entry in commands.items()
            },
            builtin_options=_options(doc.get("builtin_options", []), f"{where}: builtin_options"),
        )
    except ValueError as exc:
        raise CliFileError(f"{where}: {exc}") from None


def _command(path: str, raw: Any, where: str) -> CommandSpec:
    entry = _mapping(raw, where)
    return CommandSpec(
        path=path,
        desc=_str(entry.get("desc", ""), f"{where}.desc", empty=True),
        hidden=_bool(entry.get("hidden", False), f"{where}.hidden"),
        aliases=tuple(_str(a, f"{where}.aliases") for a in _list(entry.get("aliases", []), f"{where}.aliases")),
        args=tuple(_arg(a, f"{where}.args") for a in _list(entry.get("args", []), f"{where}.args")),
        options=_options(entry.get("options", []), f"{where}.options"),
    )


def _arg(raw: Any, where: str) -> ArgSpec:
    arg = _mapping(raw, where)
    return ArgSpec(
        name=_str(arg.get("name"), f"{where}.name"),
        required=_bool(arg.get("required"), f"{where}.required"),
        variadic=_bool(arg.get("variadic", False), f"{where}.variadic"),
    )


def _options(raw: Any, where: str) -> tuple[OptionSpec, ...]:
    return tuple(_option(o, where) for o in _list(raw, where))


def _option(raw: Any, where: str) -> OptionSpec:
    opt = _mapping(raw, where)
    value = opt.get("value")
    if value not in _VALUE_KINDS:
        raise CliFileError(f"{where}: value {value!r} of {opt.get('long')!r} is not one of {', '.join(_VALUE_KINDS)}")
    short = opt.get("short")
    return OptionSpec(
        long=_str(opt.get("long"), f"{where}.long"),
        short=None if short is None else _str(short, f"{where}.short"),
        value=cast(ValueKind, value),
        variadic=_bool(opt.get("variadic", False), f"{where}.variadic"),
        negatable=_bool(opt.get("negatable", False), f"{where}.negatable"),
        choices=tuple(_str(c, f"{where}.choices") for c in _list(opt.get("choices", []), f"{where}.choices")),
        hidden=_bool(opt.get("hidden", False), f"{where}.hidden"),
    )


def _mapping(raw: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(raw, Mapping):
        raise CliFileError(f"{where}: expected a mapping, got {type(raw).__name__}")
    return raw


def _list(raw: Any, where: str) -> list[Any]:
    if not isinstance(raw, list):
        raise CliFileError(f"{where}: expected a list, got {type(raw).__name__}")
    return raw


def _str(raw: Any, where: str, *, empty: bool = False) -> str:
    if not isinstance(raw, str) or (not raw and not empty):
        raise CliFileError(f"{where}: expected a {'' if empty else 'non-empty '}string, got {raw!r}")
    return raw


def _bool(raw: Any, where: str) -> bool:
    if not isinstance(raw, bool):
        raise CliFileError(f"{where}: expected true or false, got {raw!r}")
    return raw
