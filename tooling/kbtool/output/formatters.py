"""Print findings: finding is separate from printing.

``text`` follows the compiler convention ``path:line:col: severity RULE message``
that editors and CI log viewers turn into links; ``json`` is an array of
objects with ``path``, ``line``, ``column``, ``rule``, ``severity`` and ``message``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from kbtool.model.finding import Finding


def format_text(findings: Sequence[Finding]) -> str:
    return "".join(f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}\n" for f in findings)


def format_json(findings: Sequence[Finding]) -> str:
    return json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2) + "\n"


FORMATTERS: dict[str, Callable[[Sequence[Finding]], str]] = {
    "text": format_text,
    "json": format_json,
}
