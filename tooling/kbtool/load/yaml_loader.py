"""Read a YAML file into a :class:`Document`, refusing what records must not contain.

The parser is PyYAML's libyaml binding when it is installed (pure Python
otherwise). We consume its *events* instead of letting PyYAML compose nodes:
composition happens here, iteratively, so we see every anchor, alias, tag and
duplicate key with its position, bound the nesting depth before anything
recursive runs, and never expand an alias (so alias bombs cost nothing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events as ev

from kbtool.load.document import DataPath, Document, Span
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo
from kbtool.validate import codes

try:  # libyaml is ~10x faster; the pure-Python parser gives the same events.
    from yaml import CSafeLoader as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 64

_STR = "tag:yaml.org,2002:str"
_OTHER_BREAKS = re.compile("[\u0085\u2028\u2029]")
_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()


# The parser's words for the mistakes people make most, with the fix.
_HINTS = {
    "mapping values are not allowed in this context": "; quote a value that contains `: `",
    "found character '\\t' that cannot start any token": "; indent with spaces, not tabs",
    "found character that cannot start any token": "; a tab used for indentation, or a value starting with `@` or a backtick, which must be quoted",
    "found undefined alias": "; aliases are not allowed",
}


class LoadFailed(Exception):
    """Internal: stop composing; the findings collected so far say why."""


@dataclass(slots=True)
class _Frame:
    """A collection being composed."""

    value: dict[str, Any] | list[Any]
    path: DataPath
    start: Any  # yaml Mark
    key: str | None = None  # the key waiting for its value (mappings only)
    key_mark: Any = None
    skip: int = 0  # nodes still to drop: a refused key's value (and a collection key itself)
    first_seen: dict[str, int] = field(default_factory=dict)


def load_yaml(raw: bytes, path: str, *, max_bytes: int = MAX_BYTES) -> tuple[Document | None, list[Finding]]:
    """Decode and compose ``raw``; return the document (or ``None``) and every problem found.

    Problems that leave the data trustworthy (a duplicate key, an anchor)
    are reported and composition goes on, so one run shows them all; a
    syntax error or an encoding error stops at the first.
    """
    text, findings = decode(raw, path, max_bytes=max_bytes)
    if text is None:
        return None, findings
    composer = _Composer(text, path)
    try:
        composer.run()
    except LoadFailed:
        return None, findings + composer.findings
    findings += composer.findings
    root = composer.root
    if composer.documents == 0 or root is None:
        findings.append(_finding(path, 1, 1, codes.NOT_A_MAPPING, "the file is empty; expected a mapping of keys"))
        return None, findings
    if not isinstance(root, dict):
        kind = "a list" if isinstance(root, list) else f"a single {_type_name(root)}"
        span = composer.spans[()]
        findings.append(_finding(path, span.line, span.column, codes.NOT_A_MAPPING,
                                 f"the top level is {kind}; expected a mapping of keys"))
        return None, findings
    return Document(path, text, root, composer.spans, composer.key_spans), findings


def decode(raw: bytes, path: str, *, max_bytes: int = MAX_BYTES) -> tuple[str | None, list[Finding]]:
    """Turn bytes into text, or report why they are not clean UTF-8 with LF line endings."""
    if len(raw) > max_bytes:
        return None, [_finding(path, 1, 1, codes.FILE_TOO_LARGE,
                               f"file is {len(raw):,} bytes; the limit is {max_bytes:,}")]
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [_finding(path, 1, 1, codes.INVALID_ENCODING,
                               "file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM")]
    nul = raw.find(b"\0")
    if nul >= 0:
        line, column = _byte_position(raw, nul)
        return None, [_finding(path, line, column, codes.INVALID_ENCODING,
                               "NUL byte in file; this is binary data, not a YAML text file")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _byte_position(raw, exc.start)
        bad = raw[exc.start:exc.end].hex(" ")
        return None, [_finding(path, line, column, codes.INVALID_ENCODING,
                               f"invalid UTF-8 (byte {bad}); save the file as UTF-8")]
    cr = text.find("\r")
    if cr >= 0:
        line = text.count("\n", 0, cr) + 1
        column = cr - (text.rfind("\n", 0, cr) + 1) + 1
        kind = "CRLF" if text.startswith("\r\n", cr) else "CR"
        return None, [_finding(path, line, column, codes.LINE_ENDINGS,
                               f"{kind} line ending; files must use LF line endings")]
    # YAML 1.1 also breaks lines at these; editors do not, so every later position would be off.
    other = _OTHER_BREAKS.search(text)
    if other is not None:
        line = text.count("\n", 0, other.start()) + 1
        column = other.start() - (text.rfind("\n", 0, other.start()) + 1) + 1
        code = f"U+{ord(other.group()):04X}"
        return None, [_finding(path, line, column, codes.LINE_ENDINGS,
                               f"{code} is a line break in YAML; files must use LF line endings "
                               f"(write it as \\u{code[2:]} in a double-quoted string)")]
    return text, []


class _Composer:
    """Builds plain data and spans from parser events, without recursion."""

    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.path = path
        self.findings: list[Finding] = []
        self.spans: dict[DataPath, Span] = {}
        self.key_spans: dict[DataPath, Span] = {}
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.documents = 0

    def run(self) -> None:
        parser = _Parser(self.text)
        try:
            while parser.check_event():
                event = parser.get_event()
                assert event is not None  # check_event() said there is one
                self._handle(event)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, column = _within(self.text, mark.line + 1, mark.column + 1) if mark else (1, 1)
            problem = exc.problem or exc.context or "invalid YAML"
            problem += _HINTS.get(problem, "")
            context = f" ({exc.context})" if exc.context and exc.problem else ""
            self._report(line, column, codes.YAML_SYNTAX, f"{problem}{context}")
            raise LoadFailed from exc
        except yaml.YAMLError as exc:
            self._report(1, 1, codes.YAML_SYNTAX, str(exc).splitlines()[0])
            raise LoadFailed from exc
        finally:
            parser.dispose()

    # -- events -----------------------------------------------------------

    def _handle(self, event: ev.Event) -> None:
        if isinstance(event, ev.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self._report_mark(event.start_mark, codes.NOT_A_MAPPING,
                                  "more than one YAML document (`---`); a file holds exactly one")
                raise LoadFailed
        elif isinstance(event, ev.AliasEvent):
            self._report_mark(event.start_mark, codes.ANCHOR_ALIAS,
                              f"alias `*{event.anchor}`; aliases are not allowed, write the value out")
            frame = self.stack[-1] if self.stack else None
            if frame is not None and isinstance(frame.value, dict) and frame.key is None and not frame.skip:
                frame.skip = 1  # an alias used as a key: drop its value with it
                return
            self._add(None, event)
        elif isinstance(event, ev.ScalarEvent):
            self._check_node(event)
            self._scalar(event)
        elif isinstance(event, (ev.MappingStartEvent, ev.SequenceStartEvent)):
            self._check_node(event)
            self._open(event)
        elif isinstance(event, (ev.MappingEndEvent, ev.SequenceEndEvent)):
            self._close(event)

    def _check_node(self, event: ev.NodeEvent) -> None:
        if event.anchor is not None:
            self._report_mark(event.start_mark, codes.ANCHOR_ALIAS,
                              f"anchor `&{event.anchor}`; anchors are not allowed, write values out")
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            self._report_mark(event.start_mark, codes.YAML_TAG,
                              f"explicit YAML tag `{tag}`; records are plain data, remove the tag")

    def _scalar(self, event: ev.ScalarEvent) -> None:
        frame = self.stack[-1] if self.stack else None
        value = _scalar_value(event)
        if frame is not None and isinstance(frame.value, dict) and frame.key is None and not frame.skip:
            self._key(frame, event, value)
            return
        self._add(value, event, style=event.style or None)

    def _key(self, frame: _Frame, event: ev.ScalarEvent, value: Any) -> None:
        mark: Any = event.start_mark
        if event.implicit[0] and not event.style and _resolve(event.value) == "tag:yaml.org,2002:merge":
            self._report_mark(mark, codes.ANCHOR_ALIAS, "merge key `<<`; merge keys are not allowed, write the keys out")
            frame.skip = 1
            return
        if not isinstance(value, str):
            self._report_mark(mark, codes.NON_STRING_KEY,
                              f"key `{event.value}` is read as {_type_name(value)}, not text; quote it")
            frame.skip = 1
            return
        first = frame.first_seen.get(value)
        if first is not None:
            self._report_mark(mark, codes.DUPLICATE_KEY,
                              f"duplicate key `{value}` (first defined on line {first})")
            frame.skip = 1
            return
        frame.first_seen[value] = mark.line + 1
        frame.key = value
        frame.key_mark = event

    def _open(self, event: ev.CollectionStartEvent) -> None:
        if len(self.stack) >= MAX_DEPTH:
            self._report_mark(event.start_mark, codes.NESTING_TOO_DEEP,
                              f"collections nested more than {MAX_DEPTH} levels deep")
            raise LoadFailed
        parent = self.stack[-1] if self.stack else None
        if parent is not None and isinstance(parent.value, dict) and parent.key is None and not parent.skip:
            kind = "mapping" if isinstance(event, ev.MappingStartEvent) else "list"
            self._report_mark(event.start_mark, codes.NON_STRING_KEY, f"a {kind} is used as a key; keys must be text")
            parent.skip = 2  # the key collection itself, then its value
            path: DataPath = parent.path + ("?",)
        else:
            path = self._child_path(parent)
        value: dict[str, Any] | list[Any] = {} if isinstance(event, ev.MappingStartEvent) else []
        self.stack.append(_Frame(value, path, event.start_mark))

    def _close(self, event: ev.CollectionEndEvent) -> None:
        frame = self.stack.pop()
        span = _span(frame.start, event.end_mark)
        self._attach(frame.value, frame.path, span)

    # -- attaching values -------------------------------------------------

    def _add(self, value: Any, event: ev.Event, style: str | None = None) -> None:
        parent = self.stack[-1] if self.stack else None
        path = self._child_path(parent)
        self._attach(value, path, _span(event.start_mark, event.end_mark, style))

    def _child_path(self, parent: _Frame | None) -> DataPath:
        if parent is None:
            return ()
        if isinstance(parent.value, list):
            return parent.path + (len(parent.value),)
        if parent.skip or parent.key is None:
            return parent.path + ("?",)
        return parent.path + (parent.key,)

    def _attach(self, value: Any, path: DataPath, span: Span) -> None:
        parent = self.stack[-1] if self.stack else None
        if parent is None:
            self.root = value
            self.spans[()] = span
            return
        if isinstance(parent.value, list):
            parent.value.append(value)
            self.spans[path] = span
            return
        if parent.skip:
            parent.skip -= 1  # a refused key's value is dropped
            return
        assert parent.key is not None  # a mapping's pending value always follows its key
        parent.value[parent.key] = value
        self.spans[path] = span
        key_event = parent.key_mark
        self.key_spans[path] = _span(key_event.start_mark, key_event.end_mark, key_event.style or None)
        parent.key = None

    # -- findings ---------------------------------------------------------

    def _report_mark(self, mark: Any, rule: RuleInfo, message: str) -> None:
        self._report(mark.line + 1, mark.column + 1, rule, message)

    def _report(self, line: int, column: int, rule: RuleInfo, message: str) -> None:
        self.findings.append(_finding(self.path, line, column, rule, message))


def _scalar_value(event: ev.ScalarEvent) -> Any:
    """The scalar as plain data: only plain, untagged scalars are typed; dates stay text."""
    if event.style or not event.implicit[0]:  # libyaml reports plain style as ''
        return event.value
    tag = _resolve(event.value)
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return _constructor.construct_yaml_bool(yaml.ScalarNode(tag, event.value))
    if tag == "tag:yaml.org,2002:int":
        return _constructor.construct_yaml_int(yaml.ScalarNode(tag, event.value))
    if tag == "tag:yaml.org,2002:float":
        return _constructor.construct_yaml_float(yaml.ScalarNode(tag, event.value))
    return event.value


def _resolve(value: str) -> str:
    return str(_resolver.resolve(yaml.ScalarNode, value, (True, False)))  # type: ignore[no-untyped-call]


def _span(start: Any, end: Any, style: str | None = None) -> Span:
    return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1, style)


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "text"
    return "a collection"


def _within(text: str, line: int, column: int) -> tuple[int, int]:
    """A parser position moved inside the file: at the end of a file without a final newline,
    the parser reports the start of a line after the last one."""
    lines = text.split("\n")
    if line > len(lines):
        return len(lines), len(lines[-1]) + 1
    return line, column


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """1-based line and character column of a byte offset."""
    line_start = raw.rfind(b"\n", 0, offset) + 1
    line = raw.count(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", "replace")) + 1
    return line, column


def _finding(path: str, line: int, column: int, rule: RuleInfo, message: str) -> Finding:
    return Finding(path, line, column, rule.id, rule.severity, message)


__all__ = ["MAX_BYTES", "MAX_DEPTH", "decode", "load_yaml", "Severity"]
