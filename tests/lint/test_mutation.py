"""Inject one defect at a time into a copy of the real knowledge base; `kb lint` must catch each where it is.

Each row of MUTATIONS replaces text that occurs exactly once in a real
record and names the rule that must report it, on which line (None: the
first line the replacement changes) and a piece of the fix the message
must suggest. The unmutated copy lints clean, so each finding is caused by
its defect. Add a row for every new kind of defect a rule catches.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from conftest import REPO

TOKEN_MISMATCH = "openclaw-gateway-token-mismatch"
MOLTWORKER_TOKEN = "moltworker-invalid-or-missing-token"


@dataclass(frozen=True)
class Mutation:
    name: str
    original: str
    replacement: str
    rule: str
    line: int = 0
    """Where the finding must be, relative to the first line where ``replacement`` differs from ``original``."""
    hint: str = ""
    """Text the message must contain: the fix it suggests."""
    record: str = TOKEN_MISMATCH


MUTATIONS: list[Mutation] = [
    # KB1xx links
    Mutation("related-typo", "  - openclaw-gateway-token-missing\n", "  - openclaw-gateway-token-mising\n",
             "KB101", hint="did you mean `openclaw-gateway-token-missing`?"),
    Mutation("kb-link-typo", "(kb:openclaw-device-token-mismatch).", "(kb:openclaw-device-token-mismach).",
             "KB102", hint="did you mean `kb:openclaw-device-token-mismatch`?"),
    Mutation("anchor-typo", "#drift-recovery-checklist)", "#drift-recovery)",
             "KB103", hint="did you mean `kb:openclaw-device-token-mismatch#drift-recovery-checklist`?"),
    Mutation("related-to-itself", "  - openclaw-too-many-failed-auth-attempts\n", f"  - {TOKEN_MISMATCH}\n",
             "KB104", hint="remove it"),
    Mutation("one-sided-related", "  - openclaw-too-many-failed-auth-attempts\n", "  - openclaw-invalid-handshake\n",
             "KB105", hint=f"add `{TOKEN_MISMATCH}` to `related` in kb/records/openclaw-invalid-handshake.yaml"),
    Mutation("http-link", "(kb:openclaw-device-token-mismatch).", "(http://docs.openclaw.ai/gateway).",
             "KB108", hint="write `https://docs.openclaw.ai/gateway`"),
    Mutation("suppression-left-behind", "  - openclaw-gateway-token-missing\n",
             "  - openclaw-gateway-token-missing  # kb: disable=KB101\n", "KB099", hint="remove it"),
    # KB2xx commits (checked against kb/commits/cloudflare-moltworker.tsv)
    Mutation("commit-typo", "    sha: 73acb8a555b9e570ab0275faa871d190cf226c21\n",
             "    sha: 73acb8a555b9e570ab0275faa871d190cf226c2f\n", "KB201",
             hint="copy the id from the repository", record=MOLTWORKER_TOKEN),
    Mutation("commit-subject-paraphrased", 'subject: "fix: inject gateway token into WebSocket requests for CF Access users"',
             'subject: "fix: inject the gateway token into WebSocket requests"', "KB203",
             hint='write subject: "fix: inject gateway token into WebSocket requests for CF Access users"',
             record=MOLTWORKER_TOKEN),
    Mutation("commit-date-of-merge", "    subject: \"Add gateway token mismatch error handling\"\n    date: 2026-01-27",
             "    subject: \"Add gateway token mismatch error handling\"\n    date: 2026-01-28", "KB204",
             hint="write date: 2026-01-27", record=MOLTWORKER_TOKEN),
    # KB3xx commands and config snippets (commands checked against kb/cli/openclaw/*.yaml)
    Mutation("shell-syntax", "run: openclaw logs --follow", "run: openclaw logs --follow )", "KB301",
             hint="unexpected `)`"),
    Mutation("command-typo", "openclaw channels status --probe", "openclaw chanels status --probe", "KB302",
             hint="did you mean `channels`?"),
    Mutation("invented-subcommand", "run: openclaw devices rotate --device <device-id> --role operator",
             "run: openclaw devices rotate-token --device <device-id> --role operator", "KB303",
             hint="did you mean `rotate`?"),
    Mutation("option-typo", "run: openclaw gateway install --force", "run: openclaw gateway install --forse",
             "KB304", hint="did you mean `--force`?"),
    Mutation("option-without-value", "--url ws://127.0.0.1:18789 --token <your-token>",
             "--url ws://127.0.0.1:18789 --token", "KB305", hint="write `--token <token>`"),
    Mutation("newer-command-in-older-versions",
             '        run: openclaw gateway auth-token --show\n        applies_to:\n          openclaw: ">=2026.8.1"\n',
             "        run: openclaw gateway auth-token --show\n", "KB306", line=-1,
             hint='narrow the step\'s `applies_to` to `openclaw: ">=2026.9.6"`'),
    Mutation("placeholder-style", "OPENCLAW_GATEWAY_TOKEN=<your-token>", "OPENCLAW_GATEWAY_TOKEN=YOUR_TOKEN",
             "KB307", hint="write `<your-token>`"),
    Mutation("program-subcommand-typo", "run: openssl rand -hex 32", "run: openssl rnd -hex 32", "KB308",
             hint="did you mean `rand`?"),
    Mutation("config-syntax", 'remote: { token: "<your-token>" },', 'remote: { token: "<your-token>" ],', "KB309",
             hint="json5 syntax error"),
    Mutation("config-key-typo", 'remote: { token: "<your-token>" },', 'remote: { tokn: "<your-token>" },', "KB310",
             hint="did you mean `gateway.remote.token`?"),
    Mutation("legacy-config-key",
             '              auth: {\n                mode: "token",\n                token: "<your-token>",\n'
             '              },\n', '              token: "<your-token>",\n', "KB311", hint="use `gateway.auth.token`"),
    Mutation("invented-env-var", "OPENCLAW_GATEWAY_TOKEN: ${OPENCLAW_GATEWAY_TOKEN}",
             "OPENCLAW_GATEWAY_AUTH_TOKEN: ${OPENCLAW_GATEWAY_TOKEN}", "KB312", hint="use `OPENCLAW_GATEWAY_TOKEN`"),
    # KB40x secrets and safety
    Mutation("pasted-gateway-token", '        token: "<your-token>",',
             '        token: "9c4e1f7a2b8d3e6f0a5c9b1d4e7f2a8c3b6d9e0f1a4c7b2e",', "KB401",
             hint="replace it with a placeholder such as `<your-token>`"),
    Mutation("unwarned-lan-bind", "run: openclaw gateway install --force", "run: openclaw gateway --bind lan --force",
             "KB402", hint="warn the reader"),
    Mutation("pipe-to-shell", "run: openclaw logs --follow", "run: curl -fsSL https://openclaw.ai/install.sh | bash",
             "KB403", hint="download the script"),
    Mutation("state-dir-deleted", "run: openclaw config unset gateway.auth.token", "run: rm -rf ~/.openclaw",
             "KB404", hint="back it up first"),
    # KB42x sources
    Mutation("source-url-with-credentials", "url: https://clawpod.app/blog/", "url: https://me:pw@clawpod.app/blog/",
             "KB420", hint="remove them"),
    Mutation("claim-source-typo", "  - source: moltbot-issue-1775\n    claim: The web client",
             "  - source: moltbot-issue-1757\n    claim: The web client", "KB421",
             hint="did you mean `moltbot-issue-1775`?"),
]

def _real_records() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((REPO / "kb" / "records").glob("*.yaml"))}


def test_the_unmutated_copy_lints_clean(lint_kb) -> None:
    run = lint_kb(_real_records())
    assert (run.code, run.lines) == (0, [])


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda m: m.name)
def test_each_defect_is_caught_at_its_line_with_a_fix(mutation: Mutation, lint_kb) -> None:
    records = _real_records()
    name = f"{mutation.record}.yaml"
    text = records[name]
    assert text.count(mutation.original) == 1, f"{mutation.name}: the original text must occur exactly once"
    records[name] = text.replace(mutation.original, mutation.replacement)
    line = _first_changed_line(text, mutation) + mutation.line
    run = lint_kb(records, rules=(mutation.rule,))
    at_line = [f for f in run.lines if f.startswith(f"kb/records/{name}:{line}:")]
    assert at_line, f"{mutation.name}: no {mutation.rule} finding on line {line}: {run.lines}"
    assert any(mutation.hint in finding for finding in at_line), at_line


def _first_changed_line(text: str, mutation: Mutation) -> int:
    same = 0
    while same < min(len(mutation.original), len(mutation.replacement)) \
            and mutation.original[same] == mutation.replacement[same]:
        same += 1
    return text[: text.index(mutation.original) + same].count("\n") + 1
