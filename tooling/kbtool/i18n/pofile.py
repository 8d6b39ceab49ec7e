"""Reading a PO file strictly: Babel's reader, plus the checks it leaves out.

Babel reads ``msgstr Vérifier`` (no quotes) or an unterminated string
without complaint and keeps the last of two entries with the same msgid,
where ``msgfmt`` refuses all three; and it stops on a ``Language`` header
that is not a language code with a message about the wrong line. Both the
interface catalogs and the record-translation bridge read PO files through
:func:`read_po_strict`, so both refuse the same things with the same
file:line messages.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

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
    language = header_field(data, "Language")
    if language is not None and language.value and not _LANGUAGE_CODE.fullmatch(language.value):
        # Babel's own error ("expected only letters") names the line of the first message, not the header's.
        problems.insert(0, (language.line, f"the Language header `{language.value}` is not a language code "
                                           f"(such as `fr` or `zh_CN`)"))
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


#: A gettext language code (``ll``, ``ll_CC``, ``ll-CC``, ``ll_CC@variant``), as Babel's ``Locale.parse`` reads them.
_LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,8}(?:[_-][A-Za-z0-9]{1,8})*(?:@[A-Za-z0-9]+)?")


@dataclass(frozen=True, slots=True)
class HeaderField:
    """A field of a PO file's header entry: its value as written and the 1-based line it is on."""

    value: str
    line: int


#: A line of the header entry holding one field, as every PO tool writes it: ``"Language: fr\n"``.
_HEADER_LINE = re.compile(r'(?:msgstr\s+)?"(?P<name>[A-Za-z][\w-]*):[ \t]*(?P<value>(?:[^"\\]|\\.)*?)(?:\\n)?"')


def header_field(data: bytes, name: str) -> HeaderField | None:
    """The header field ``name`` (``Language``) of the PO file in ``data``, or None when it has none.

    Read from the text rather than from Babel's catalog, so that a value Babel
    cannot use can still be named, with its line. The header is the first
    entry, whose msgid is empty (gettext manual, "The Format of PO Files");
    lines that are not UTF-8 are left for :func:`read_po_strict` to report.
    """
    in_header = False
    for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith(("msgid", "msgctxt")):
            if in_header or stripped.replace(" ", "") != 'msgid""':
                return None  # past the header, or a file without one
            in_header = True
            continue
        match = _HEADER_LINE.fullmatch(stripped) if in_header else None
        if match is not None and match["name"].lower() == name.lower():
            return HeaderField(match["value"].strip(), number)
    return None


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
