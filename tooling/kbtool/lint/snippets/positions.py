"""Map an offset inside a YAML string value back to the line and column of the record file.

Snippet parsers (bash, JSON5, TOML, ...) report positions inside the
decoded string; a finding must point at the file. YAML writes a string in
one of five styles, and each maps differently (YAML 1.2, chapters 7 and 8):

- literal block (``|``): every line of the value is one line of the file,
  after the block's indentation, starting on the line after the indicator;
- plain, single-quoted (``''`` is one quote) or double-quoted (backslash
  escapes) on a single line: the value follows the opening column;
- folded (``>``) or a flow scalar spread over several lines: line folding
  turns line breaks into spaces, so the word is searched for instead
  (:func:`kbtool.lint.context.locate`).
"""

from __future__ import annotations

from kbtool.lint.context import locate
from kbtool.load.document import DataPath, Document, Span
from kbtool.model.finding import Finding
from kbtool.model.rule import RuleInfo

#: Escapes of a double-quoted YAML scalar with how many characters follow the letter (YAML 1.2, 5.7).
_ESCAPE_LENGTH = {"x": 2, "u": 4, "U": 8}


def position(doc: Document, path: DataPath, offset: int, needle: str = "") -> tuple[int, int]:
    """The 1-based line and column of the character at ``offset`` of the string at ``path``.

    ``needle`` (the text found at ``offset``) is the fallback for styles
    whose layout cannot be replayed exactly.
    """
    value = _value(doc, path)
    span = doc.span(path)
    if value is not None:
        mapped = _literal(doc, span, value, offset) if span.style == "|" else _inline(doc, span, value, offset)
        if mapped is not None:
            return mapped
    return locate(doc, path, needle)


def _value(doc: Document, path: DataPath) -> str | None:
    node = doc.data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node if isinstance(node, str) else None


def _literal(doc: Document, span: Span, value: str, offset: int) -> tuple[int, int] | None:
    before = value[:offset]
    row = before.count("\n")
    column = offset - (before.rfind("\n") + 1)
    value_lines = value.split("\n")
    if row > 0 and row == len(value_lines) - 1 and not value_lines[row]:
        row -= 1  # past the final line break (a parser's "end of input"): the end of the last line
        column = len(value_lines[row])
    lines = doc.text.split("\n")
    number = span.line + 1 + row  # content starts on the line after the `|` indicator
    if number > len(lines):
        return None
    value_line = value_lines[row]
    file_line = lines[number - 1]
    if not file_line.endswith(value_line):
        return None
    indent = len(file_line) - len(value_line)
    return number, indent + column + 1


def _inline(doc: Document, span: Span, value: str, offset: int) -> tuple[int, int] | None:
    if span.line != span.end_line and span.style not in (None, "'", '"'):
        return None
    lines = doc.text.split("\n")
    file_line = lines[span.line - 1] if span.line <= len(lines) else ""
    start = span.column - 1
    if span.style is None:
        if "\n" in value or file_line[start:start + len(value)] != value:
            return None
        return span.line, span.column + offset
    if span.line != span.end_line:
        return None
    raw = file_line[start + 1:span.end_column - 2]
    columns = _unquote_map(raw, span.style)
    if columns is None or offset >= len(columns):
        return None
    return span.line, start + 2 + columns[offset]


def _unquote_map(raw: str, style: str) -> list[int] | None:
    """For each character of the unquoted value, its index in ``raw`` (``None`` if it cannot be replayed)."""
    columns: list[int] = []
    index = 0
    while index < len(raw):
        char = raw[index]
        columns.append(index)
        if style == "'" and raw.startswith("''", index):
            index += 2
        elif style == '"' and char == "\\":
            if index + 1 >= len(raw):
                return None
            index += 2 + _ESCAPE_LENGTH.get(raw[index + 1], 0)
        else:
            index += 1
    return columns


def at_offset(rule: RuleInfo, doc: Document, path: DataPath, offset: int, needle: str, message: str) -> Finding:
    """A finding of ``rule`` at the character ``offset`` of the string at ``path`` (``needle`` is written there)."""
    line, column = position(doc, path, offset, needle)
    return Finding(doc.path, line, column, rule.id, rule.severity, message)
