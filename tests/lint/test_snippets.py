"""The parsing helpers behind the snippet, secret and safety rules, as pure functions."""

from __future__ import annotations

import pytest

from conftest import REPO
from kbtool.clitree import load_catalog
from kbtool.lint.snippets.config_formats import dotenv_entries, json_keys, parse_error
from kbtool.lint.snippets.openclaw import check, narrower_range, versions_in_range
from kbtool.lint.snippets.placeholders import find_bad_placeholders, kebab
from kbtool.lint.snippets.positions import position
from kbtool.lint.snippets.programs import invocations
from kbtool.lint.snippets.secrets import find_secrets
from kbtool.lint.snippets.shell import parse, parse_bash
from kbtool.load.yaml_loader import load_yaml

CATALOG = load_catalog(REPO / "kb")


def _words(code: str, shell: str = "bash") -> list[list[str]]:
    return [[w.text for w in command.words] for command in parse(code, shell).commands]


# -- shell ------------------------------------------------------------------


def test_placeholders_are_words_and_offsets_point_into_the_snippet() -> None:
    code = "ssh -N <user>@<gateway-host> && openclaw devices approve <request-id>"
    script = parse_bash(code)
    assert _words(code) == [["ssh", "-N", "<user>@<gateway-host>"], ["openclaw", "devices", "approve", "<request-id>"]]
    last = script.commands[1].words[-1]
    assert code[last.start:last.end] == "<request-id>"
    assert script.problems == ()


def test_words_lose_their_quotes_and_expansions_are_marked() -> None:
    [command] = parse_bash("""openclaw config set a '["x"]' "$TOKEN" b\\ c""").commands
    assert [(w.text, w.literal) for w in command.words[4:]] == [('["x"]', True), ('"$TOKEN"', False), ("b c", True)]


def test_pipelines_nested_commands_and_variables() -> None:
    script = parse_bash('X=1 curl -s https://x | sudo bash; bash -c "$(wget -qO- https://y)"; echo "$HOME"')
    assert [[c.name for c in p] for p in script.pipelines] == [["curl", "sudo"]]
    bash_c = next(c for c in script.commands if c.name == "bash")
    assert [c.name for c in bash_c.nested] == ["wget"]
    assert [(v.name, v.assigned) for v in script.variables] == [("X", True), ("HOME", False)]


@pytest.mark.parametrize(("code", "offset", "message"), [
    ("echo 'a", 5, "unterminated single quote: the ' here is never closed"),
    ("foo |", 4, "a command is missing after `|`"),
    ("for i in 1; do echo", 0, "`for` is never closed: `done` is missing"),
    ("a && && b", 2, "unexpected `&&`"),
    ("echo $(date", 5, "`$(` is never closed: `)` is missing"),
])
def test_bash_syntax_problems(code: str, offset: int, message: str) -> None:
    [problem] = parse_bash(code).problems
    assert (problem.offset, problem.message) == (offset, message)


def test_powershell_and_cmd_are_tokenised() -> None:
    assert _words("openclaw devices list; Write-Host 'it''s' | Out-Null", "powershell") == [
        ["openclaw", "devices", "list"], ["Write-Host", "it's"], ["Out-Null"]]
    assert _words('set X=^"a && openclaw devices list', "cmd") == [["set", 'X="a'], ["openclaw", "devices", "list"]]
    assert parse("@'\nnot closed", "powershell").problems[0].message.startswith("unterminated here-string")


def test_wrappers_hand_over_to_the_program_they_start() -> None:
    code = ("sudo -u node env A=1 openclaw doctor; npx -y openclaw@latest devices list; "
            "docker compose run --rm -e X=1 openclaw-cli devices list; "
            "docker compose exec openclaw-gateway node dist/index.js devices list; docker exec -it box openclaw status")
    found = [[(i.program, [w.text for w in i.args]) for i in invocations(c)] for c in parse_bash(code).commands]
    openclaw = [args for run in found for program, args in run if program == "openclaw"]
    assert openclaw == [["doctor"], ["devices", "list"], ["devices", "list"], ["devices", "list"], ["status"]]


# -- openclaw ---------------------------------------------------------------


def test_invented_commands_fail_in_every_version_and_real_ones_pass() -> None:
    """What tests/test_records.py checked before the rules existed."""
    for reference in CATALOG:
        assert [p.kind for p in check(("devices", "rotate-token", "--force"), reference)] == ["subcommand"]
        assert [p.kind for p in check(("devices", "rotate", "--device", "<device-id>", "--force"), reference)] == [
            "option"]
        assert check(("devices", "rotate", "--device", "<device-id>", "--role", "operator"), reference) == ()
    assert check(("gateway", "auth-token", "--show"), CATALOG.for_version("2026.2.3"))
    assert not check(("gateway", "auth-token", "--show"), CATALOG.for_version("2026.9.6"))


def test_version_ranges_and_the_narrower_range_to_suggest() -> None:
    assert versions_in_range(CATALOG, {"openclaw": ">=2026.2.3"}, {}, {"openclaw": "<2026.9.6"}) == (
        "2026.2.3", "2026.6.35")
    versions = CATALOG.versions()
    assert narrower_range(["2026.9.6"], versions) == ">=2026.9.6"
    assert narrower_range(["2026.2.3"], versions) == "<2026.6.35"
    assert narrower_range(["2026.6.35"], versions) == ">=2026.6.35,<2026.9.6"
    assert narrower_range(["2026.2.3", "2026.9.6"], versions) is None


# -- config formats -----------------------------------------------------------


def test_json5_keys_with_paths_and_offsets() -> None:
    code = '{\n  // c\n  gateway: { auth: { "token": "x" }, origins: ["a", { k: 1 }] },\n}'
    keys = [(k.path, code[k.offset:k.offset + 3]) for k in json_keys(code)]
    assert keys == [(("gateway",), "gat"), (("gateway", "auth"), "aut"), (("gateway", "auth", "token"), "tok"),
                    (("gateway", "origins"), "ori"), (("gateway", "origins", 1, "k"), "k: ")]


def test_dotenv_grammar() -> None:
    assert [(e.key, e.value) for e in dotenv_entries("# c\nexport A=1 # x\nB='q # r'\nC=\"a\\\"b\"\nD=\n")] == [
        ("A", "1"), ("B", "q # r"), ("C", 'a\\"b'), ("D", "")]
    assert parse_error("A='x' y", "dotenv") is not None
    assert parse_error("1A=1", "dotenv") is not None
    assert parse_error('A="open\n', "dotenv") is not None


# -- placeholders and secrets -------------------------------------------------


def test_placeholder_suggestions_are_kebab_case() -> None:
    assert [kebab(n) for n in ("YOUR_TOKEN", "deviceId", "token_here", "REPLACE_WITH_YOUR_TOKEN")] == [
        "your-token", "device-id", "token", "your-token"]
    assert find_bad_placeholders("ssh <user>@<gateway-host> ${OPENCLAW_GATEWAY_TOKEN} {a,b}") == []


@pytest.mark.parametrize(("text", "kind"), [
    ("OPENCLAW_GATEWAY_TOKEN=17c309a0ff4baff202c7c17492b120864dd882a2d463ce4aa1f16df7ef1d7a9a", "hex token"),
    ("ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8", "GitHub token"),
    ("AKIA" + "Q3EGRIBZ7XK4M2TN", "AWS access key id"),
    ("xoxb-1234567890-abcdefghij", "Slack token"),
    ("sk-proj-AbCdEf1234567890AbCdEf12", "OpenAI API key"),
    ("-----BEGIN OPENSSH PRIVATE KEY-----", "private key"),
    ("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "JSON Web Token"),
    ("--token Zx8Qw2Er7Ty1Ui9Op3As", "secret value"),
    ("api: Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7dEf0h", "random-looking string"),
])
def test_secrets_are_found(text: str, kind: str) -> None:
    assert [s.kind for s in find_secrets(text)] == [kind]


@pytest.mark.parametrize("text", [
    "commit 73acb8a555b9e570ab0275faa871d190cf226c21",
    "git merge-base --is-ancestor 73acb8a555b9e570ab0275faa871d190cf226c21 HEAD",
    "https://github.com/openclaw/docs/blob/c0a8fa9ab2ea1170063db4f78cb4c4e1e9de02bb/docs/web/dashboard.md",
    "mirrors openclaw/openclaw@041938bc2f73201c763f53584a59e25664650fa6",
    "[ws] closed conn=5d2f8a61-9c3e-4b7a-a1d0-6e4f2b9c8d17",
    "token: <your-token>", "sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxx", "OPENCLAW_GATEWAY_TOKEN=${OPENCLAW_GATEWAY_TOKEN}",
    "gateway.controlUi.dangerouslyAllowHostHeaderOriginFallback", "password: change-me-to-a-strong-password",
])
def test_placeholders_shas_and_uuids_are_not_secrets(text: str) -> None:
    assert find_secrets(text) == []


# -- positions ----------------------------------------------------------------


def test_offsets_map_to_the_file_in_every_scalar_style() -> None:
    text = ("a: openclaw x\n"
            "b: 'it''s openclaw x'\n"
            "c: \"say \\\"hi\\\" openclaw x\"\n"
            "d: |\n"
            "  first\n"
            "    openclaw x\n")
    doc, _ = load_yaml(text.encode(), "t.yaml")
    assert doc is not None
    for key, line in (("a", 1), ("b", 2), ("c", 3), ("d", 6)):
        value = doc.data[key]
        offset = value.index("openclaw")
        assert position(doc, (key,), offset) == (line, text.split("\n")[line - 1].index("openclaw") + 1)
