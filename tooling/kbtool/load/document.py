"""A loaded YAML file: plain data plus the position of every node in it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

#: A JSON-pointer-like path into the data: mapping keys and sequence indexes.
DataPath = tuple[str | int, ...]


def strings(node: Any, path: DataPath = ()) -> Iterator[tuple[DataPath, str]]:
    """Every string in loaded data, with its path, in document order."""
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from strings(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from strings(value, (*path, index))


@dataclass(frozen=True, slots=True)
class Span:
    """Where a node stands in its file, 1-based, end exclusive.

    ``style`` is the scalar style as written (``None`` plain, ``'``, ``"``,
    ``|`` or ``>``); later checks use it to map a position inside a string
    back to the file.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    style: str | None = None


@dataclass(slots=True)
class Document:
    """The data of one file, with value and key spans keyed by data path.

    The data holds only ``dict``, ``list``, ``str``, ``int``, ``float``,
    ``bool`` and ``None``; dates stay strings so that the JSON Schema sees
    exactly what was written.
    """

    path: str
    text: str
    data: Any
    spans: dict[DataPath, Span] = field(default_factory=dict)
    key_spans: dict[DataPath, Span] = field(default_factory=dict)

    def span(self, path: DataPath) -> Span:
        """The span of the node at ``path``, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            found = self.spans.get(path[:end])
            if found is not None:
                return found
        return Span(1, 1, 1, 1)

    def key_span(self, path: DataPath) -> Span:
        """The span of the key that introduces ``path`` (falls back to the value's span)."""
        return self.key_spans.get(path) or self.span(path)
