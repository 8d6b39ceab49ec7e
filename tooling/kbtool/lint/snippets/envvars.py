"""Environment variables of OpenClaw and Moltworker that snippets may name.

Only names in the products' own namespaces are checked (``OPENCLAW_*``,
``CLAWDBOT_*``, ``MOLTBOT_*``, ``MOLTWORKER_*``, ``CF_ACCESS_*``); any other
variable (``HOME``, ``ANTHROPIC_API_KEY``) belongs to someone else.

Sources: GROUND-TRUTH.md section 3 (``OPENCLAW_GATEWAY_TOKEN``,
``..._PASSWORD``, ``..._PORT``, ``..._URL``, ``OPENCLAW_STATE_DIR``,
``OPENCLAW_CONFIG_PATH``; ``OPENCLAW_GATEWAY_AUTH_TOKEN`` does not exist;
legacy ``CLAWDBOT_*``/``MOLTBOT_*`` names are ignored since 2026.6.35,
"use OPENCLAW_* names") and section 5 (Moltworker); openclaw/openclaw
``.env.example`` and ``docker-compose.yml`` (the compose file's own
variables ``OPENCLAW_IMAGE``, ``OPENCLAW_CONFIG_DIR`` ...);
cloudflare/moltworker ``src/types.ts`` (the worker's secrets and bindings).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kbtool.lint.context import closest

#: A name in one of the checked namespaces, as a whole word (``VITE_OPENCLAW_X`` is someone else's).
NAME = re.compile(r"(?<![A-Za-z0-9_])((?:OPENCLAW|CLAWDBOT|MOLTBOT|MOLTWORKER|CF_ACCESS)_[A-Z0-9_]*[A-Z0-9])"
                  r"(?![A-Za-z0-9_])")

OPENCLAW = frozenset({
    # Read by OpenClaw itself.
    "OPENCLAW_GATEWAY_TOKEN", "OPENCLAW_GATEWAY_PASSWORD", "OPENCLAW_GATEWAY_PORT", "OPENCLAW_GATEWAY_URL",
    "OPENCLAW_STATE_DIR", "OPENCLAW_CONFIG_PATH", "OPENCLAW_HOME", "OPENCLAW_LOAD_SHELL_ENV",
    "OPENCLAW_SHELL_ENV_TIMEOUT_MS", "OPENCLAW_DISABLE_LAZY_SUBCOMMANDS", "OPENCLAW_SKIP_BROWSER_CONTROL_SERVER",
    "OPENCLAW_LIVE_OPENAI_KEY", "OPENCLAW_LIVE_ANTHROPIC_KEY", "OPENCLAW_LIVE_GEMINI_KEY",
    "OPENCLAW_TWITCH_ACCESS_TOKEN",
    # Variables of the official docker-compose.yml and its setup script.
    "OPENCLAW_IMAGE", "OPENCLAW_CONFIG_DIR", "OPENCLAW_WORKSPACE_DIR", "OPENCLAW_GATEWAY_BIND",
    "OPENCLAW_BRIDGE_PORT",
})

#: Secrets and bindings of the Moltworker worker (``wrangler secret put ...``), valid in Moltworker records.
MOLTWORKER = frozenset({"MOLTBOT_GATEWAY_TOKEN", "MOLTBOT_BUCKET", "CF_ACCESS_TEAM_DOMAIN", "CF_ACCESS_AUD"})

#: Names that blog posts made up, with the real one.
INVENTED = {"OPENCLAW_GATEWAY_AUTH_TOKEN": "OPENCLAW_GATEWAY_TOKEN"}

#: The first imported OpenClaw version that ignores ``CLAWDBOT_*`` and ``MOLTBOT_*`` variables.
LEGACY_IGNORED_SINCE = "2026.6.35"
_LEGACY_PREFIXES = ("CLAWDBOT_", "MOLTBOT_")
#: Moltworker renamed its secret in PR #13 (2026-01-28).
_MOLTWORKER_RENAMES = {"CLAWDBOT_GATEWAY_TOKEN": "MOLTBOT_GATEWAY_TOKEN"}


@dataclass(frozen=True, slots=True)
class EnvName:
    """A variable name written in a snippet, and what is wrong with it (``status`` ``ok`` when nothing)."""

    name: str
    offset: int
    status: str
    """``ok``, ``unknown`` or ``legacy``."""
    replacement: str | None = None


def env_names(code: str, *, moltworker: bool) -> Iterator[EnvName]:
    """Every name of a checked namespace in ``code``, classified (``moltworker``: the record is about Moltworker)."""
    for match in NAME.finditer(code):
        yield classify(match.group(1), match.start(1), moltworker=moltworker)


def classify(name: str, offset: int = 0, *, moltworker: bool = False) -> EnvName:
    if name in OPENCLAW or (moltworker and name in MOLTWORKER):
        return EnvName(name, offset, "ok")
    if name in INVENTED:
        return EnvName(name, offset, "unknown", INVENTED[name])
    if name.startswith(_LEGACY_PREFIXES):
        if moltworker and name in _MOLTWORKER_RENAMES:
            return EnvName(name, offset, "legacy", _MOLTWORKER_RENAMES[name])
        current = "OPENCLAW_" + name.split("_", 1)[1]
        return EnvName(name, offset, "legacy", current if current in OPENCLAW else closest(current, OPENCLAW))
    known = OPENCLAW | (MOLTWORKER if moltworker else frozenset())
    return EnvName(name, offset, "unknown", closest(name, known))
