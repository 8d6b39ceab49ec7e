"""The OpenClaw config keys (``~/.openclaw/openclaw.json``) a snippet may use.

Taken from the config types of openclaw/openclaw (``src/config/types.openclaw.ts``
and ``src/config/types.gateway.ts``, the versions in the stored file index:
commits 0018db51 and 000d93f2) and from GROUND-TRUTH.md section 3 (the zod
``GatewayConfigSchema`` of 2026.9.6). The top level and the whole
``gateway`` tree, where the 1008 fixes live, are checked; below other top
level keys (``agents``, ``channels`` ...) every key is accepted.

A key maps to its children, or to ``None`` when what is below it is not
checked (a leaf, a SecretRef object, a free-form map).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kbtool.lint.context import closest

Tree = Mapping[str, "Tree | None"]


def _leaves(names: str) -> dict[str, Tree | None]:
    return {name: None for name in names.split()}


_URL_FETCH = _leaves("allowUrl urlAllowlist allowedMimes maxBytes maxRedirects timeoutMs")

GATEWAY: Tree = {
    **_leaves("port mode bind customBindHost trustedProxies allowRealIpFallback channelHealthCheckMinutes"),
    "controlUi": _leaves("enabled basePath root allowedOrigins dangerouslyAllowHostHeaderOriginFallback "
                         "allowInsecureAuth dangerouslyDisableDeviceAuth"),
    "auth": {
        **_leaves("mode token password allowTailscale"),
        "rateLimit": _leaves("maxAttempts windowMs lockoutMs exemptLoopback"),
        "trustedProxy": _leaves("userHeader requiredHeaders allowUsers"),
    },
    "tailscale": _leaves("mode resetOnExit"),
    "remote": _leaves("url transport token password tlsFingerprint sshTarget sshIdentity"),
    "reload": _leaves("mode debounceMs"),
    "tls": _leaves("enabled autoGenerate certPath keyPath caPath"),
    "http": {
        "endpoints": {
            "chatCompletions": {
                **_leaves("enabled maxBodyBytes maxImageParts maxTotalImageBytes"),
                "images": _URL_FETCH,
            },
            "responses": {
                **_leaves("enabled maxBodyBytes maxUrlParts"),
                "files": {**_URL_FETCH, "maxChars": None, "pdf": _leaves("maxPages maxPixels minTextChars")},
                "images": _URL_FETCH,
            },
        },
        "securityHeaders": _leaves("strictTransportSecurity"),
    },
    "nodes": {"browser": _leaves("mode node"), **_leaves("allowCommands denyCommands")},
    "tools": _leaves("deny allow"),
}

CONFIG: Tree = {
    **_leaves(
        "$schema $include meta auth accessGroups acp env wizard diagnostics logging cli update browser ui secrets "
        "skills plugins models nodeHost agents tools bindings broadcast audio messages commands approvals session "
        "web channels cron hooks discovery canvasHost talk vault memory mcp worktrees"
    ),
    "gateway": GATEWAY,
}


@dataclass(frozen=True, slots=True)
class LegacyKey:
    """A key OpenClaw used to read and now ignores."""

    replacement: str
    ignored_since: str
    """The first imported version that ignores it."""


#: ``gateway.token``: 2026.2.3 moved it to ``gateway.auth.token`` on load; 2026.6.35 and later ignore it
#: and log 'Config uses "gateway.token". This key is ignored' (GROUND-TRUTH section 3).
LEGACY_KEYS: Mapping[str, LegacyKey] = {
    "gateway.token": LegacyKey("gateway.auth.token", "2026.6.35"),
}


@dataclass(frozen=True, slots=True)
class UnknownKey:
    """The first key of a path that the table does not know, and what it could have meant."""

    index: int
    """Index in the path of the unknown key."""
    dotted: str
    """The path up to and including the unknown key (``gateway.auth.tokn``)."""
    suggestion: str | None


def dotted(path: Sequence[str | int]) -> str:
    """``gateway.controlUi.allowedOrigins[0]`` for a data path."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def unknown_key(path: Sequence[str | int]) -> UnknownKey | None:
    """Where ``path`` leaves the known keys, or ``None`` if it stays inside them (or below an unchecked key)."""
    tree: Tree | None = CONFIG
    for index, part in enumerate(path):
        if tree is None:
            return None
        if isinstance(part, int):
            continue  # an array element has the shape its key allows
        if part not in tree:
            if dotted(path[:index + 1]) in LEGACY_KEYS:
                return None
            match = closest(part, tree)
            suggestion = dotted([*path[:index], match]) if match is not None else None
            return UnknownKey(index, dotted(path[:index + 1]), suggestion)
        tree = tree[part]
    return None


def legacy_key(path: Sequence[str | int]) -> tuple[str, LegacyKey] | None:
    """The legacy key at the start of ``path`` (``gateway.token``), if any."""
    for length in range(1, len(path) + 1):
        key = dotted(path[:length])
        if key in LEGACY_KEYS:
            return key, LEGACY_KEYS[key]
    return None


def split_config_path(text: str) -> list[tuple[str | int, int]]:
    """The parts of a ``config get/set`` path (``gateway.controlUi.allowedOrigins[0]``) with their offsets."""
    parts: list[tuple[str | int, int]] = []
    offset = 0
    for segment in text.split("."):
        name, _, rest = segment.partition("[")
        if name:
            parts.append((name, offset))
        index_offset = offset + len(name)
        while rest:
            number, _, rest = rest.partition("]")
            if number.isdigit():
                parts.append((int(number), index_offset))
            rest = rest.lstrip("[")
        offset += len(segment) + 1
    return parts


def is_openclaw_config(file: str) -> bool:
    """True for the OpenClaw config file (``openclaw.json``, the legacy ``clawdbot.json``)."""
    name = file.replace("\\", "/").rsplit("/", 1)[-1]
    return name in ("openclaw.json", "openclaw.json5", "clawdbot.json")
