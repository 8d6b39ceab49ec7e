"""Convert one upstream ``openclaw`` CLI dump into the knowledge base's own compact form.

Upstream dumps (``openclaw-cli-<version>.yaml``, see the facts' CLI-VERSIONS.md)
are facts we do not own and whose layout may drift; the lint rule that checks
command snippets must not depend on it. :func:`convert_tree` is the single
place that knows the upstream layout. It is pure (a parsed mapping in, a
plain ``dict`` out), strict (unknown keys or inconsistent trees raise
:class:`UpstreamFormatError` instead of being guessed at), and canonical (the
result depends only on the input's content), so regenerating gives
byte-identical files once :func:`kbtool.clitree.render.render_cli_yaml`
writes it.

Our form keeps what a snippet check needs (options with their value kind,
short forms, negation, choices, hidden flags; positional args; aliases;
one-line descriptions for did-you-mean messages) and drops the rest (option
help texts, defaults, raw ``flags`` strings, build notes).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from kbtool.clitree.errors import UpstreamFormatError

FORMAT = 1
"""Version of our file layout; bump it when the layout changes incompatibly."""

BUILTIN_OPTIONS: tuple[dict[str, Any], ...] = ({"long": "--help", "short": "-h", "value": "none"},)
"""Options every command accepts but the dump does not list.

The dumps' notes say so: "Every command also accepts -h/--help (commander
built-in, not listed)". Recording it once in the file header keeps it out of
600 command entries while still letting the lint rule accept ``--help``.
"""

DESC_MAX = 160
"""Longest one-line description we keep; longer ones are cut at a word boundary."""

_TOP_REQUIRED = ("source", "root_options", "commands")
_TOP_KEYS = frozenset((*_TOP_REQUIRED, "notes"))
_SOURCE_REQUIRED = ("repo", "commit", "version", "build_date")
_COMMAND_KEYS = frozenset(("desc", "aliases", "hidden", "args", "options", "subcommands"))
_OPTION_KEYS = frozenset(
    ("flags", "long", "short", "takes_value", "negatable_no_form", "hidden", "choices", "default", "desc")
)
_VALUE_KINDS = {"required": "required", "optional": "optional"}

_WORD_RE = re.compile(r"[a-z0-9][a-z0-9-]*")
_LONG_RE = re.compile(r"--[A-Za-z0-9][A-Za-z0-9-]*")
_SHORT_RE = re.compile(r"-[A-Za-z0-9]")
_ARG_RE = re.compile(r"(?P<open>[<\[])(?P<name>[^\s<>\[\]]+?)(?P<dots>\.\.\.)?(?P<close>[>\]])")
_VERSION_RE = re.compile(r"[0-9A-Za-z][0-9A-Za-z.+-]*")


def convert_tree(upstream: Mapping[str, Any], *, imported_from: str, program: str = "openclaw") -> dict[str, Any]:
    """Return our compact form of one parsed upstream dump.

    ``imported_from`` is the upstream file's name (recorded in the header, so
    a reader can find the source fact); ``program`` is the CLI's name and the
    directory the file goes to under ``kb/cli/``. Raises
    :class:`UpstreamFormatError` when the dump does not match the known layout.
    """
    _require_mapping(upstream, "top level")
    _check_keys(upstream, _TOP_KEYS, _TOP_REQUIRED, "top level")
    source = _convert_source(upstream["source"])
    commands_raw = upstream["commands"]
    _require_mapping(commands_raw, "commands")
    if "" in commands_raw:
        raise UpstreamFormatError('commands: the root must not be listed as a command path ""')

    commands: dict[str, dict[str, Any]] = {"": {"options": _convert_options(upstream["root_options"], "root_options")}}
    for path in sorted(commands_raw):
        commands[path] = _convert_command(path, commands_raw[path])
    _check_tree(commands_raw)

    return {
        "format": FORMAT,
        "program": program,
        "version": source.pop("version"),
        "source": source,
        "imported_from": imported_from,
        "builtin_options": [dict(option) for option in BUILTIN_OPTIONS],
        "commands": commands,
    }


def _convert_source(raw: Any) -> dict[str, str]:
    """Keep where the dump came from: repo, commit, build date and version (popped by the caller)."""
    _require_mapping(raw, "source")
    out: dict[str, str] = {}
    for key in _SOURCE_REQUIRED:
        if key not in raw:
            raise UpstreamFormatError(f"source: missing key {key!r}")
        value = raw[key]
        if not isinstance(value, str) or not value.strip():
            raise UpstreamFormatError(f"source.{key}: expected a non-empty string, got {value!r}")
        out[key] = value.strip()
    if not _VERSION_RE.fullmatch(out["version"]):
        raise UpstreamFormatError(f"source.version: {out['version']!r} cannot be used as a file name")
    return out


def _convert_command(path: str, raw: Any) -> dict[str, Any]:
    """One command entry; keys with default values (empty, false) are left out."""
    where = f"commands[{path!r}]"
    if not isinstance(path, str) or not path or path.split(" ") != path.split() or not all(
        _WORD_RE.fullmatch(word) for word in path.split(" ")
    ):
        raise UpstreamFormatError(f"{where}: not a command path of lower-case words separated by single spaces")
    _require_mapping(raw, where)
    _check_keys(raw, _COMMAND_KEYS, (), where)
    entry: dict[str, Any] = {}
    desc = _one_line(raw.get("desc", ""), f"{where}.desc")
    if desc:
        entry["desc"] = desc
    if _flag(raw, "hidden", where):
        entry["hidden"] = True
    aliases = _string_list(raw.get("aliases", []), f"{where}.aliases")
    for alias in aliases:
        if not _WORD_RE.fullmatch(alias):
            raise UpstreamFormatError(f"{where}.aliases: {alias!r} is not a command word")
    if aliases:
        entry["aliases"] = aliases
    raw_args = _list(raw.get("args", []), f"{where}.args")
    args = [_convert_arg(arg, f"{where}.args[{i}]") for i, arg in enumerate(raw_args)]
    if args:
        entry["args"] = args
    options = _convert_options(raw.get("options", []), f"{where}.options")
    if options:
        entry["options"] = options
    return entry


def _convert_arg(raw: Any, where: str) -> dict[str, Any]:
    """``<name>`` is required, ``[name]`` optional, a trailing ``...`` makes it variadic."""
    match = _ARG_RE.fullmatch(raw) if isinstance(raw, str) else None
    if match is None or (match["open"] == "<") != (match["close"] == ">"):
        raise UpstreamFormatError(f"{where}: expected '<name>', '[name]' or a variadic '<name...>', got {raw!r}")
    arg: dict[str, Any] = {"name": match["name"], "required": match["open"] == "<"}
    if match["dots"]:
        arg["variadic"] = True
    return arg


def _convert_options(raw: Any, where: str) -> list[dict[str, Any]]:
    """Options sorted by long name, so a version diff shows additions in place."""
    options = [_convert_option(opt, f"{where}[{i}]") for i, opt in enumerate(_list(raw, where))]
    seen: dict[str, str] = {}
    for option in options:
        for name in (option["long"], option.get("short")):
            if name is not None:
                if name in seen:
                    raise UpstreamFormatError(f"{where}: {name} is declared twice")
                seen[name] = option["long"]
    return sorted(options, key=lambda option: option["long"])


def _convert_option(raw: Any, where: str) -> dict[str, Any]:
    """Map one upstream option; ``takes_value`` false/required/optional becomes value none/required/optional."""
    _require_mapping(raw, where)
    _check_keys(raw, _OPTION_KEYS, ("long", "takes_value"), where)
    long = raw["long"]
    if not isinstance(long, str) or not _LONG_RE.fullmatch(long):
        raise UpstreamFormatError(f"{where}.long: expected '--name', got {long!r}")
    where = f"{where} ({long})"
    option: dict[str, Any] = {"long": long}
    short = raw.get("short")
    if short is not None:
        if not isinstance(short, str) or not _SHORT_RE.fullmatch(short):
            raise UpstreamFormatError(f"{where}.short: expected '-x', got {short!r}")
        option["short"] = short
    takes_value = raw["takes_value"]
    if takes_value is False:
        value = "none"
    elif isinstance(takes_value, str) and takes_value in _VALUE_KINDS:
        value = _VALUE_KINDS[takes_value]
    else:
        raise UpstreamFormatError(f"{where}.takes_value: expected required, optional or false, got {takes_value!r}")
    option["value"] = value
    flags = raw.get("flags", "")
    if not isinstance(flags, str):
        raise UpstreamFormatError(f"{where}.flags: expected a string, got {flags!r}")
    if value != "none" and flags.rstrip().endswith(("...>", "...]")):
        option["variadic"] = True
    if _flag(raw, "negatable_no_form", where):
        if not long.startswith("--no-"):
            raise UpstreamFormatError(f"{where}: negatable_no_form is set but the option is not a --no-X form")
        option["negatable"] = True
    choices = _string_list(raw.get("choices", []), f"{where}.choices")
    if choices:
        option["choices"] = choices
    if _flag(raw, "hidden", where):
        option["hidden"] = True
    return option


def _check_tree(commands: Mapping[str, Any]) -> None:
    """Every parent exists and lists its children, and no alias shadows a sibling.

    The flat path mapping is only trustworthy if it agrees with the
    ``subcommands`` lists; alias lookups are only unambiguous if an alias
    never equals another child's name or alias.
    """
    children: dict[str, set[str]] = {"": set()}
    for path in commands:
        parent, _, name = path.rpartition(" ")
        if parent and parent not in commands:
            raise UpstreamFormatError(f"commands[{path!r}]: parent command {parent!r} is missing")
        children.setdefault(parent, set()).add(name)
    for path, raw in commands.items():
        listed = _string_list(raw.get("subcommands", []), f"commands[{path!r}].subcommands")
        if sorted(listed) != sorted(children.get(path, set())):
            raise UpstreamFormatError(
                f"commands[{path!r}].subcommands lists {sorted(listed)} but the dump has paths for "
                f"{sorted(children.get(path, set()))}"
            )
    for parent, names in children.items():
        words: dict[str, str] = {name: name for name in names}
        for name in sorted(names):
            path = f"{parent} {name}".strip()
            for alias in _string_list(commands[path].get("aliases", []), f"commands[{path!r}].aliases"):
                if alias in words:
                    raise UpstreamFormatError(f"commands[{path!r}]: alias {alias!r} clashes with {words[alias]!r}")
                words[alias] = name


def _one_line(raw: Any, where: str) -> str:
    """First line of a description, whitespace collapsed, cut to :data:`DESC_MAX` characters."""
    if not isinstance(raw, str):
        raise UpstreamFormatError(f"{where}: expected a string, got {raw!r}")
    lines = raw.strip().splitlines()
    text = " ".join(lines[0].split()) if lines else ""
    if len(text) > DESC_MAX:
        text = text[: DESC_MAX - 3].rsplit(" ", 1)[0].rstrip(" ,;:") + "..."
    return text


def _flag(raw: Mapping[str, Any], key: str, where: str) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        raise UpstreamFormatError(f"{where}.{key}: expected true or false, got {value!r}")
    return value


def _list(raw: Any, where: str) -> Sequence[Any]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise UpstreamFormatError(f"{where}: expected a list, got {type(raw).__name__}")
    return raw


def _string_list(raw: Any, where: str) -> list[str]:
    items = _list(raw, where)
    for item in items:
        if not isinstance(item, str) or not item:
            raise UpstreamFormatError(f"{where}: expected non-empty strings, got {item!r}")
    return list(items)


def _require_mapping(raw: Any, where: str) -> None:
    if not isinstance(raw, Mapping):
        raise UpstreamFormatError(f"{where}: expected a mapping, got {type(raw).__name__}")


def _check_keys(raw: Mapping[str, Any], known: frozenset[str], required: Sequence[str], where: str) -> None:
    missing = [key for key in required if key not in raw]
    if missing:
        raise UpstreamFormatError(f"{where}: missing key(s) {', '.join(missing)}")
    unknown = sorted(str(key) for key in raw if key not in known)
    if unknown:
        raise UpstreamFormatError(
            f"{where}: unknown key(s) {', '.join(unknown)} (the importer knows {', '.join(sorted(known))})"
        )
