"""Config snippets parsed per format, with the offset of the first error and of every key.

Parsers: ``json`` (stdlib, RFC 8259), ``json5`` (the ``json5`` package,
JSON5 spec 1.0.0; OpenClaw reads ``openclaw.json`` as JSON5), ``yaml``
(PyYAML ``safe_load``, YAML 1.1 as Docker Compose reads it), ``toml``
(stdlib ``tomllib``, TOML 1.0) and ``dotenv`` (below; the grammar Docker
Compose and python-dotenv share).

Parsers report lines and columns inside the snippet; they are turned into
offsets here, and :mod:`kbtool.lint.snippets.positions` maps an offset to
the record file.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import json5
import yaml

_JSON5_ERROR = re.compile(r"^<string>:(\d+) (.*) at column (\d+)$", re.S)
_TOML_ERROR = re.compile(r"^(.*) \(at line (\d+), column (\d+)\)$", re.S)
_TOML_END = re.compile(r"^(.*) \(at end of document\)$", re.S)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class ConfigError:
    offset: int
    message: str


def parse_error(code: str, fmt: str) -> ConfigError | None:
    """The first syntax error of ``code`` read as ``fmt``, or ``None`` when it parses."""
    return _parse_error(code, fmt)


@lru_cache(maxsize=512)
def _parse_error(code: str, fmt: str) -> ConfigError | None:
    if fmt == "json":
        try:
            json.loads(code)
        except json.JSONDecodeError as exc:
            return ConfigError(exc.pos, exc.msg[:1].lower() + exc.msg[1:])
        return None
    if fmt == "json5":
        try:
            json5.loads(code)
        except ValueError as exc:
            match = _JSON5_ERROR.match(str(exc))
            if match is None:
                return ConfigError(0, str(exc))
            line, message, column = int(match.group(1)), match.group(2), int(match.group(3))
            return ConfigError(offset_of(code, line, column), message[:1].lower() + message[1:])
        return None
    if fmt == "yaml":
        try:
            yaml.load(code, Loader=_LOADER)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            offset = offset_of(code, mark.line + 1, mark.column + 1) if mark is not None else 0
            problem = exc.problem or "invalid YAML"
            return ConfigError(offset, f"{problem} ({exc.context})" if exc.context else problem)
        except yaml.YAMLError as exc:
            return ConfigError(0, str(exc))
        return None
    if fmt == "toml":
        try:
            tomllib.loads(code)
        except tomllib.TOMLDecodeError as exc:
            text = str(exc)
            at = _TOML_ERROR.match(text)
            if at is not None:
                return ConfigError(offset_of(code, int(at.group(2)), int(at.group(3))), _lower(at.group(1)))
            end = _TOML_END.match(text)
            return ConfigError(len(code.rstrip()), _lower(end.group(1) if end else text))
        return None
    if fmt == "dotenv":
        return next(iter(_dotenv_errors(code)), None)
    return None


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def offset_of(code: str, line: int, column: int) -> int:
    """The offset of a 1-based ``line`` and ``column`` in ``code`` (clamped to its end)."""
    lines = code.split("\n")
    line = max(1, min(line, len(lines)))
    return min(sum(len(text) + 1 for text in lines[:line - 1]) + max(column - 1, 0), len(code))


# -- dotenv -----------------------------------------------------------------

#: ``[export ]KEY=VALUE``: the key is a POSIX-style name.
_DOTENV_LINE = re.compile(r"[ \t]*(?:(export)[ \t]+)?([^=\s#]*)[ \t]*(=?)")
_DOTENV_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")


@dataclass(frozen=True, slots=True)
class DotenvEntry:
    key: str
    offset: int
    value: str


def dotenv_entries(code: str) -> list[DotenvEntry]:
    """The ``KEY=VALUE`` entries of a dotenv snippet that parses."""
    return [entry for entry in _dotenv(code) if isinstance(entry, DotenvEntry)]


def _dotenv_errors(code: str) -> Iterator[ConfigError]:
    for item in _dotenv(code):
        if isinstance(item, ConfigError):
            yield item


def _dotenv(code: str) -> Iterator[DotenvEntry | ConfigError]:
    """Lines are blank, ``# comments`` or ``[export ]KEY=VALUE``.

    Values are unquoted (up to a `` #`` comment, surrounding blanks
    removed), ``'single-quoted'`` (literal) or ``"double-quoted"`` (``\\``
    escapes); quoted values may span lines, and only a comment may follow
    the closing quote.
    """
    offset = 0
    length = len(code)
    while offset < length:
        end = code.find("\n", offset)
        end = length if end < 0 else end
        line = code[offset:end]
        if not line.strip() or line.lstrip().startswith("#"):
            offset = end + 1
            continue
        match = _DOTENV_LINE.match(line)
        assert match is not None  # every part of the pattern is optional
        key, equals = match.group(2), match.group(3)
        key_offset = offset + match.start(2)
        if not key or not equals:
            yield ConfigError(offset + len(line) - len(line.lstrip()),
                              "expected `KEY=value` (a variable name, `=`, then the value)")
            offset = end + 1
            continue
        if not _DOTENV_KEY.fullmatch(key):
            yield ConfigError(key_offset, f"`{key}` is not a valid variable name (letters, digits and `_`, "
                                          "not starting with a digit)")
            offset = end + 1
            continue
        value_start = offset + match.end()
        while value_start < length and code[value_start] in " \t":
            value_start += 1
        quote = code[value_start] if value_start < length else ""
        if quote in ("'", '"'):
            close = _closing(code, value_start)
            if close is None:
                yield ConfigError(value_start, f"unterminated quote: the {quote} here is never closed")
                return
            value = code[value_start + 1:close]
            after_end = code.find("\n", close)
            after_end = length if after_end < 0 else after_end
            rest = code[close + 1:after_end]
            if rest.strip() and not rest.lstrip().startswith("#"):
                yield ConfigError(close + 1 + len(rest) - len(rest.lstrip()),
                                  "unexpected text after the closing quote; quote the whole value")
            yield DotenvEntry(key, key_offset, value)
            offset = after_end + 1
            continue
        raw = code[value_start:end]
        comment = re.search(r"[ \t]#", raw)
        yield DotenvEntry(key, key_offset, (raw[:comment.start()] if comment else raw).strip())
        offset = end + 1


def _closing(code: str, start: int) -> int | None:
    quote = code[start]
    index = start + 1
    while index < len(code):
        if code[index] == "\\" and quote == '"':
            index += 2
            continue
        if code[index] == quote:
            return index
        index += 1
    return None


# -- keys of JSON and JSON5 documents ---------------------------------------

DataKey = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class KeyAt:
    """A mapping key of a JSON or JSON5 document: its path (ending with the key) and its offset."""

    path: DataKey
    offset: int


_IDENTIFIER = re.compile(r"[A-Za-z_$][\w$]*")
_NUMBER_OR_WORD = re.compile(r"[^\s,:\]\}\[\{'\"/]+")


def json_keys(code: str) -> list[KeyAt]:
    """Every key of a JSON or JSON5 document that parses, in order, with its path.

    A small scanner instead of the parser, because neither ``json`` nor
    ``json5`` reports where a key stands. It follows the JSON5 grammar:
    ``//`` and ``/* */`` comments, single- or double-quoted strings with
    escapes, unquoted identifier keys.
    """
    keys: list[KeyAt] = []
    stack: list[tuple[str, DataKey, int]] = []  # ("object" | "array", path, next array index)
    pending: tuple[str, int] | None = None  # a string or identifier that may be a key
    path: DataKey = ()
    index = 0
    while index < len(code):
        char = code[index]
        if code.startswith("//", index):
            newline = code.find("\n", index)
            index = len(code) if newline < 0 else newline
            continue
        if code.startswith("/*", index):
            close = code.find("*/", index + 2)
            index = len(code) if close < 0 else close + 2
            continue
        if char in " \t\r\n":
            index += 1
            continue
        if char in "{[":
            kind = "object" if char == "{" else "array"
            parent = stack[-1] if stack else None
            if parent is not None and parent[0] == "array":
                path = parent[1] + (parent[2],)
            stack.append((kind, path, 0))
            index += 1
            continue
        if char in "}]":
            if stack:
                stack.pop()
            pending = None
            index += 1
            continue
        if char == ",":
            if stack and stack[-1][0] == "array":
                kind, base, count = stack[-1]
                stack[-1] = (kind, base, count + 1)
            pending = None
            index += 1
            continue
        if char == ":":
            if pending is not None and stack and stack[-1][0] == "object":
                key, offset = pending
                path = stack[-1][1] + (key,)
                keys.append(KeyAt(path, offset))
            pending = None
            index += 1
            continue
        if char in "'\"":
            closed = _closing_json(code, index)
            after = len(code) if closed is None else closed + 1
            pending = (_unescape(code[index + 1:after - 1]), index + 1)
            index = after
            continue
        identifier = _IDENTIFIER.match(code, index)
        if identifier:
            pending = (identifier.group(0), index)
            index = identifier.end()
            continue
        word = _NUMBER_OR_WORD.match(code, index)
        index = word.end() if word else index + 1
        pending = None
    return keys


def _closing_json(code: str, start: int) -> int | None:
    quote = code[start]
    index = start + 1
    while index < len(code):
        if code[index] == "\\":
            index += 2
            continue
        if code[index] == quote:
            return index
        index += 1
    return None


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    try:
        value = json.loads(f'"{text}"')
    except json.JSONDecodeError:
        return text
    return value if isinstance(value, str) else text



def json_values(code: str) -> Iterator[tuple[DataKey, object, int]]:
    """Each scalar value of a JSON or JSON5 document that parses: its key path, the value, the key's offset."""
    try:
        data = json5.loads(code)
    except ValueError:
        return
    for key in json_keys(code):
        node: object = data
        for part in key.path:
            if isinstance(node, dict) and part in node:
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and part < len(node):
                node = node[part]
            else:
                break
        else:
            if not isinstance(node, (dict, list)):
                yield key.path, node, key.offset
