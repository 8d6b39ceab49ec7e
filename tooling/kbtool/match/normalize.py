"""Cleaning pasted text before matching: the patterns are shared with the page as regular-expression sources.

Every pattern here is written in the subset of regular-expression syntax that
Python's ``re`` (with ``re.ASCII``) and JavaScript's ``RegExp`` (with the
``u`` flag) read the same way, because the page receives these very strings.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator

#: Escape sequences a terminal interprets: CSI (colours, cursor moves), OSC (window titles, links; never
#: across a line break, so an unterminated one cannot swallow the log), and two-character escapes.
ANSI = r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b\r\n]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]"
#: A line break: CRLF (Windows, PowerShell), LF, or a lone CR (progress output that redraws a line).
LINE_BREAK = r"\r\n?"
#: Characters that read as a space: tab, vertical tab, form feed, NEL, no-break and other Unicode spaces,
#: line and paragraph separators, and the byte-order mark. Mapping them all to one space makes ``\s`` and
#: a literal space mean the same in both engines.
SPACE = r"[\t\x0b\x0c\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
#: Control characters left after the escapes are gone (NUL, backspace, a stray ESC…): dropped.
CONTROL = r"[\x00-\x08\x0e-\x1f\x7f]"
#: What a line may start with before the message: spaces, timestamps (ISO 8601 with ``T`` or a space,
#: ``2026/02/03``, syslog's ``Feb  3 10:15:30``, a bare ``10:15:30``), optionally in brackets, and
#: ``docker compose``'s ``service-1  | `` prefix, in any order.
LEADING_NOISE = (
    r"^(?: +"
    r"|\[?(?:\d{4}[-/]\d{2}[-/]\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
    r"|[A-Z][a-z]{2} [ \d]?\d \d{2}:\d{2}:\d{2}(?:[.,]\d+)?"
    r"|\d{2}:\d{2}:\d{2}(?:[.,]\d+)?)\]?"
    r"|[A-Za-z0-9_.-]+ *\| )*"
)

_ANSI = re.compile(ANSI, re.ASCII)
_SPACE = re.compile(SPACE, re.ASCII)
_CONTROL = re.compile(CONTROL, re.ASCII)
_LEADING_NOISE = re.compile(LEADING_NOISE, re.ASCII)
#: ``CONTROL`` as bytes: none of them occurs inside a multi-byte UTF-8 sequence, so the encoded text can be
#: searched for them with ``bytes.translate``, a single pass in C (``re`` takes four times as long on a log).
_CONTROL_BYTES = bytes(b for b in range(128) if _CONTROL.match(chr(b)))


def _has_control(text: str) -> bool:
    encoded = text.encode("utf-8", "surrogatepass")
    return len(encoded.translate(None, _CONTROL_BYTES)) != len(encoded)


def clean_text(text: str) -> str:
    """``text`` with escapes removed, line breaks as ``\\n``, spaces unified and control characters dropped."""
    # Each step is skipped when it cannot apply: a large plain log then costs a few scans.
    if "\x1b" in text:
        text = _ANSI.sub("", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii() or "\t" in text or "\x0b" in text or "\x0c" in text:
        text = _SPACE.sub(" ", text)
    if _has_control(text):
        text = _CONTROL.sub("", text)
    return text


def strip_line(line: str) -> str:
    """A cleaned line without its leading spaces, timestamps and compose prefix."""
    return _LEADING_NOISE.sub("", line, count=1)


#: Bytes per block when reading a log: large enough to amortise the scan, small enough to bound memory.
BLOCK = 8 * 1024 * 1024


def decode_blocks(blocks: Iterable[bytes]) -> Iterator[str]:
    """Decode a byte stream to text, block by block, never failing.

    A UTF-16 byte-order mark (Windows PowerShell 5 writes redirected output
    that way) selects UTF-16; otherwise UTF-8, with invalid bytes replaced by
    U+FFFD. Each yielded piece ends at a line break (except the last), so no
    line or escape sequence is cut between two pieces.
    """
    decoder: codecs.IncrementalDecoder | None = None
    pending = ""
    for block in blocks:
        if decoder is None:
            decoder = codecs.getincrementaldecoder(_encoding(block))(errors="replace")
        text = pending + decoder.decode(block)
        cut = text.rfind("\n") + 1
        pending = text[cut:]
        if cut:
            yield text[:cut]
    if decoder is not None:
        pending += decoder.decode(b"", final=True)
    if pending:
        yield pending


def _encoding(head: bytes) -> str:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return "utf-8-sig"
