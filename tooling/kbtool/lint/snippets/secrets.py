"""Find tokens, passwords and keys that look real in any text: the secret detector.

Pure and independent of records, so translations and other files can be
scanned with the same function (:func:`find_secrets`).

Two kinds of evidence:

- a known format: GitHub (``ghp_``, ``github_pat_``), AWS access key ids
  (``AKIA``/``ASIA``), Slack (``xoxb-``/``xapp-``), Anthropic (``sk-ant-``),
  OpenAI (``sk-``, ``sk-proj-``), Telegram bot tokens, JSON Web Tokens,
  PEM private keys, and a value given to a token, secret, password or key
  (``OPENCLAW_GATEWAY_TOKEN=...``, ``token: "..."``, ``--token ...``);
- a long random string: 32 or more hex digits (OpenClaw's gateway tokens
  are 48, ``openssl rand -hex 32`` gives 64), or 32 or more base64
  characters mixing upper case, lower case and digits, with a Shannon
  entropy above a threshold.

Not secrets: placeholders (``<your-token>``, ``xxxx``), UUIDs (log lines
carry ``conn=5d2f8a61-...``), and 40-digit commit shas in a commit context
(a URL, or after ``commit``, ``sha``, ``git``, ``@``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import NamedTuple


class Secret(NamedTuple):
    """Where a secret-looking string starts in the text, and what it looks like."""

    offset: int
    kind: str


_KNOWN: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("private key", re.compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----")),
    ("GitHub token", re.compile(r"(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})")),
    ("AWS access key id", re.compile(r"(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])")),
    ("Slack token", re.compile(r"(?<![A-Za-z0-9])(?:xox[abposr]|xapp)-[A-Za-z0-9-]{10,}")),
    ("Anthropic API key", re.compile(r"(?<![A-Za-z0-9])sk-ant-[A-Za-z0-9_-]{20,}")),
    ("OpenAI API key", re.compile(r"(?<![A-Za-z0-9])sk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}")),
    ("Telegram bot token", re.compile(r"(?<![0-9])[0-9]{8,10}:[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])")),
    ("JSON Web Token", re.compile(r"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")),
)

#: A value given to something named like a secret: ``X_TOKEN=v``, ``token: "v"``, ``--password v``.
_ASSIGNED = re.compile(
    r"(?i)(?:[a-z0-9_.-]*(?:token|secret|password|passwd|api[_-]?key|private[_-]?key)['\"]?\s*[:=]\s*|"
    r"--(?:token|password|secret|api-key)[=\s]+)"
    r"(?P<quote>['\"]?)(?P<value>[^\s'\"<>,;{}()\[\]]{16,})"
)
_HEX = re.compile(r"(?<![A-Za-z0-9_+/-])(?:[0-9a-f]{32,}|[0-9A-F]{32,})(?![A-Za-z0-9_+/-])")
_BASE64 = re.compile(r"(?<![A-Za-z0-9_+/-])[A-Za-z0-9_+/-]{32,}={0,2}(?![A-Za-z0-9_+/=-])")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_URL = re.compile(r"https?://[^\s\"'<>)\]]+")
_COMMIT_CONTEXT = re.compile(r"(?i)(?:\b(?:commit|commits|sha|sha1|git|merge-base|rev-parse|cherry-pick|revert|"
                             r"checkout|tree|blob)\b[^\n]{0,40}|@)$")
_PLACEHOLDER = re.compile(r"(?i)^(?:x+|your[_-].*|.*[_-]here|changeme|replace[_-]?me|example.*|dummy.*|fake.*)$")

HEX_MIN_ENTROPY = 3.0
"""Bits per character; random hex has about 3.8 at 32 characters, ``deadbeef...`` repeats score far lower."""
BASE64_MIN_ENTROPY = 4.0
"""Bits per character; random base64 has about 4.6 at 32 characters, English identifiers stay below 4."""


def find_secrets(text: str) -> list[Secret]:
    """Every secret-looking string in ``text``: its offset and kind, in order, one per place."""
    found: dict[int, str] = {}
    covered: list[tuple[int, int]] = []

    def add(start: int, end: int, kind: str) -> None:
        if not any(s <= start < e or start <= s < end for s, e in covered):
            covered.append((start, end))
            found[start] = kind

    for kind, pattern in _KNOWN:
        for match in pattern.finditer(text):
            if not _is_placeholder(match.group(0)):
                add(match.start(), match.end(), kind)
    urls = [m.span() for m in _URL.finditer(text)]
    uuids = [m.span() for m in _UUID.finditer(text)]
    for match in _HEX.finditer(text):
        value = match.group(0)
        if _inside(match.span(), uuids) or entropy(value) < HEX_MIN_ENTROPY:
            continue
        if len(value) == 40 and (_inside(match.span(), urls) or _COMMIT_CONTEXT.search(text[:match.start()])):
            continue
        add(match.start(), match.end(), "hex token")
    for match in _BASE64.finditer(text):
        value = match.group(0)
        if (_inside(match.span(), urls) or _inside(match.span(), uuids) or not _mixed(value)
                or entropy(value) < BASE64_MIN_ENTROPY):
            continue
        add(match.start(), match.end(), "random-looking string")
    for match in _ASSIGNED.finditer(text):
        value = match.group("value")
        if _is_placeholder(value) or value.startswith("$") or _inside(match.span("value"), urls):
            continue
        if _looks_random(value):
            add(match.start("value"), match.end("value"), "secret value")
    return [Secret(offset, found[offset]) for offset in sorted(found)]


def entropy(value: str) -> float:
    """Shannon entropy of ``value`` in bits per character."""
    if not value:
        return 0.0
    counts = Counter(value)
    return -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values())


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in spans)


def _mixed(value: str) -> bool:
    return any(c.isupper() for c in value) and any(c.islower() for c in value) and any(c.isdigit() for c in value)


def _looks_random(value: str) -> bool:
    """A value assigned to a secret: long enough, mixing letters and digits, not a word or a path.

    Generated secrets are ASCII; a value running into Japanese or Chinese
    prose (``#token=`）中会…``) is text, not a token.
    """
    if not value.isascii() or "/" in value or "." in value or value.isalpha() or value.isdigit():
        return False
    return any(c.isdigit() for c in value) and any(c.isalpha() for c in value) and entropy(value) >= 3.0


def _is_placeholder(value: str) -> bool:
    bare = re.sub(r"^(?:sk-(?:ant-|proj-)?|gh[pousr]_|github_pat_|xox[abposr]-)", "", value)
    return bool(_PLACEHOLDER.match(bare)) or len(set(bare.lower()) - set("-_.")) <= 2
