"""Reading a PO file strictly: Babel's reader, plus the checks it leaves out.

Babel reads ``msgstr Vérifier`` (no quotes) or an unterminated string
without complaint and keeps the last of two entries with the same msgid,
where ``msgfmt`` refuses all three. Both the interface catalogs and the
record-translation bridge read PO files through :func:`read_po_strict`, so
both refuse the same things with the same file:line messages.
"""

from __future__ import annotations

import io
import re

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po


class PoReadError(Exception):
    """A PO file that cannot be read; the message names the file and line (one line per problem)."""


def read_po_strict(data: bytes, shown: str) -> Catalog:
    """The catalog in ``data`` (from the file shown as ``shown``), or PoReadError."""
    try:
        problems = syntax_problems(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PoReadError(f"{shown}:{line}: not valid UTF-8 text (PO files are UTF-8)") from None
    if problems:
        raise PoReadError("\n".join(f"{shown}:{line}: invalid PO file: {message}" for line, message in problems))
    try:
        return read_po(io.BytesIO(data), abort_invalid=True)
    except PoFileError as exc:
        # Babel counts lines from 0 and appends " on <that number>" to its message.
        reason = str(exc).removesuffix(f" on {exc.lineno}")
        text = f": {exc.line.strip()}" if exc.line.strip() else ""
        raise PoReadError(f"{shown}:{exc.lineno + 1}: invalid PO file: {reason}{text}") from None
    except (ValueError, LookupError) as exc:  # a header Babel cannot use (unknown charset or language)
        raise PoReadError(f"{shown}: invalid PO file header: {exc}") from None


#: A PO line that is not blank or a comment: a keyword and a string, or a string continuing the last one.
_PO_LINE = re.compile(r'(?:(?P<keyword>msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+)?"(?:[^"\\]|\\.)*"')


def syntax_problems(text: str) -> list[tuple[int, str]]:
    """``(line, message)`` for what Babel's reader lets through: non-PO lines, an entry defined twice, and
    plural forms that do not match their msgid.

    Babel reads ``msgstr Vérifier`` (no quotes) without complaint, keeps the last of two entries with
    the same msgid, and takes ``msgstr[0]`` for a singular msgid (or ``msgstr`` for a plural one), where
    ``msgfmt`` refuses all of them.
    """
    problems: list[tuple[int, str]] = []
    first: dict[tuple[str, str], int] = {}
    entry: dict[str, str] = {}
    keyword, start = "", 0

    def finish() -> None:
        key = (entry.get("msgctxt", ""), entry.get("msgid", ""))
        if "msgid" in entry and key in first:
            problems.append((start, f'msgid "{key[1]}" is defined twice (first on line {first[key]})'))
        first.setdefault(key, start)
        # As msgfmt: a plural entry translates each form (msgstr[n]); a singular one has one msgstr.
        indexed = any(name.startswith("msgstr[") for name in entry)
        if "msgid_plural" in entry and "msgstr" in entry:
            problems.append((start, f'msgid "{key[1]}" has a plural form: translate it as msgstr[0], msgstr[1], ...'))
        elif "msgid" in entry and "msgid_plural" not in entry and indexed:
            problems.append((start, f'msgid "{key[1]}" has no msgid_plural: write msgstr, not msgstr[n]'))

    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = _PO_LINE.fullmatch(stripped)
        if match is None or not (match["keyword"] or keyword):
            problems.append((number, f"not PO syntax (a keyword and a quoted string expected): {stripped}"))
            continue
        if match["keyword"]:
            keyword = match["keyword"]
            if keyword == "msgctxt" or (keyword == "msgid" and set(entry) != {"msgctxt"}):
                if entry:
                    finish()
                entry, start = {}, number
        quoted = stripped[match.end("keyword"):].strip() if match["keyword"] else stripped
        entry[keyword] = entry.get(keyword, "") + quoted[1:-1]
    if entry:
        finish()
    return problems
