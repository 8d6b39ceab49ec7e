"""Placeholders a reader must replace, written the one way the knowledge base uses: ``<lower-kebab>``.

Other ways seen in guides are found here, each with the ``<kebab-case>``
form to write instead: ``{TOKEN}``, ``{{token}}``, ``<YOUR_TOKEN>``,
``YOUR_TOKEN``, ``TOKEN_HERE``, ``REPLACE_ME``, ``xxx``, and in shell
commands a variable that nothing sets and whose name says "fill me in"
(``$TOKEN``, ``$DEVICE_ID``). Real variables are left alone:
``${OPENCLAW_GATEWAY_TOKEN}`` in a compose file, ``$HOME``, or a variable
an earlier step sets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from kbtool.lint.snippets.shell import ANGLE_PLACEHOLDER

KEBAB = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

#: ``{TOKEN}`` or ``{{ token }}``; not ``${VAR}``, not a block such as PowerShell's ``{ Stop-Process }``.
_BRACES = re.compile(r"(?<![$\w{])(?:\{\{\s*([A-Za-z][\w-]*)\s*\}\}|\{([A-Za-z][\w-]*)\})(?!\})")
_WORD = re.compile(r"(?<![\w<>-])[A-Za-z0-9][\w-]*")
_FILL_IN = re.compile(
    r"(?i:your)[_-]\w[\w-]*|MY_\w+|(?i:[\w-]*[_-]here|replace[_-]?(?:me|with[_-][\w-]+)|change[_-]?me|"
    r"(?:insert|paste|enter)[_-][\w-]+)"
)
_XS = re.compile(r"(?<![A-Za-z0-9])(?:x{3,}|X{3,})(?![A-Za-z0-9])")
#: Variable names that stand for a value the reader must supply.
_FILL_IN_VARIABLES = frozenset({
    "TOKEN", "PASSWORD", "SECRET", "KEY", "API_KEY", "DEVICE_ID", "DEVICEID", "REQUEST_ID", "REQUESTID", "ID",
    "HOST", "GATEWAY_HOST", "SERVER", "SERVER_IP", "IP", "URL", "GATEWAY_URL", "GATEWAY_TOKEN", "NEW_TOKEN",
    "USERNAME",
})


@dataclass(frozen=True, slots=True)
class BadPlaceholder:
    """A placeholder written another way, where it starts, and the ``<kebab-case>`` form to use (if one is clear)."""

    text: str
    offset: int
    suggestion: str | None


def kebab(name: str) -> str:
    """``YOUR_TOKEN`` -> ``your-token``; ``deviceId`` -> ``device-id``; ``token_here`` -> ``token``."""
    words = re.sub(r"([a-z0-9])([A-Z])", r"\1-\2", name)
    words = re.sub(r"[^A-Za-z0-9]+", "-", words).strip("-").lower()
    words = re.sub(r"-here$", "", words)
    return re.sub(r"^(?:replace-with|insert|paste|enter)-", "", words) or "value"


def find_bad_placeholders(code: str, *, unset_variables: Iterable[tuple[str, int]] = ()) -> list[BadPlaceholder]:
    """Placeholders in ``code`` not written as ``<lower-kebab>``, in order.

    ``unset_variables`` are the shell variables expanded in a command
    snippet that no step sets, with the offsets of their names; only those
    whose names say "fill me in" are reported.
    """
    found: list[BadPlaceholder] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, suggestion: str | None) -> None:
        if any(s <= start < e for s, e in taken):
            return
        taken.append((start, end))
        found.append(BadPlaceholder(code[start:end], start, suggestion))

    for match in ANGLE_PLACEHOLDER.finditer(code):
        if KEBAB.fullmatch(match.group(1)):
            taken.append(match.span())
        else:
            add(match.start(), match.end(), f"<{kebab(match.group(1))}>")
    for match in _BRACES.finditer(code):
        add(match.start(), match.end(), f"<{kebab(match.group(1) or match.group(2))}>")
    for match in _WORD.finditer(code):
        if _FILL_IN.fullmatch(match.group(0)):
            add(match.start(), match.end(), f"<{kebab(match.group(0))}>")
    for match in _XS.finditer(code):
        add(match.start(), match.end(), None)
    for name, offset in unset_variables:
        bare = re.sub(r"^(?:YOUR|MY)_", "", name)
        if bare != name or name in _FILL_IN_VARIABLES:
            braced = code[max(offset - 2, 0):offset] == "${"
            start = offset - (2 if braced else 1)
            add(start, offset + len(name) + braced, f"<{kebab(name)}>")
    return sorted(found, key=lambda p: p.offset)
