"""The openclaw CLI reference: importer, renderer, model, loader, script and the generated kb/cli files."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from kbtool.clitree import (
    CliCatalog,
    CliFileError,
    CliReference,
    UpstreamFormatError,
    convert_tree,
    load_catalog,
    reference_from_dict,
    render_cli_yaml,
)

REPO = Path(__file__).resolve().parents[1]
KB = REPO / "kb"
CLI_DIR = KB / "cli" / "openclaw"
SCHEMA = KB / "schema" / "cli.schema.json"
SCRIPT = REPO / "tooling" / "scripts" / "import_openclaw_cli.py"
# CI checks the shared facts out beside the repository, as here: <repo>/../shared/facts.
FACTS = REPO.parent / "shared" / "facts"
VERSIONS = ("2026.2.3", "2026.6.35", "2026.9.6")
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# --- importer and renderer on a hand-written upstream tree -----------------------------------


def _upstream() -> dict[str, Any]:
    return {
        "source": {
            "repo": "acme/tool",
            "commit": "0123456789abcdef0123456789abcdef01234567",
            "version": "1.2.3",
            "build_date": "2026-01-02T03:04:05Z",
            "how_obtained": "by hand",
        },
        "notes": ["not imported"],
        "root_options": [
            {"flags": "--profile <name>", "long": "--profile", "takes_value": "required", "desc": "Profile"},
            {"flags": "-V, --version", "long": "--version", "short": "-V", "takes_value": False, "desc": "Version"},
        ],
        "commands": {
            "serve": {
                "desc": "Run   the server\nSecond line is dropped",
                "aliases": ["run", "up"],
                "args": ["[dir]"],
                "options": [
                    {
                        "flags": "--port <port>",
                        "long": "--port",
                        "takes_value": "required",
                        "default": "80",
                        "desc": "Port",
                    },
                    {
                        "flags": "--no-color",
                        "long": "--no-color",
                        "takes_value": False,
                        "negatable_no_form": True,
                        "desc": "No colour",
                    },
                    {
                        "flags": "--mode <mode>",
                        "long": "--mode",
                        "takes_value": "required",
                        "choices": ["fast", "safe"],
                        "desc": "Mode",
                    },
                    {
                        "flags": "-x, --extra [v]",
                        "long": "--extra",
                        "short": "-x",
                        "takes_value": "optional",
                        "hidden": True,
                        "desc": "Extra",
                    },
                ],
                "subcommands": ["stop"],
            },
            "serve stop": {
                "desc": "Stop it",
                "hidden": True,
                "args": ["<pid>", "<more...>"],
                "options": [{"flags": "--tag <t...>", "long": "--tag", "takes_value": "required", "desc": "Tags"}],
            },
            "auth": {"desc": "Auth", "options": []},
        },
    }


EXPECTED_DOC: dict[str, Any] = {
    "format": 1,
    "program": "tool",
    "version": "1.2.3",
    "source": {
        "repo": "acme/tool",
        "commit": "0123456789abcdef0123456789abcdef01234567",
        "build_date": "2026-01-02T03:04:05Z",
    },
    "imported_from": "tool-cli-1.2.3.yaml",
    "builtin_options": [{"long": "--help", "short": "-h", "value": "none"}],
    "commands": {
        "": {
            "options": [
                {"long": "--profile", "value": "required"},
                {"long": "--version", "short": "-V", "value": "none"},
            ]
        },
        "auth": {"desc": "Auth"},
        "serve": {
            "desc": "Run the server",
            "aliases": ["run", "up"],
            "args": [{"name": "dir", "required": False}],
            "options": [
                {"long": "--extra", "short": "-x", "value": "optional", "hidden": True},
                {"long": "--mode", "value": "required", "choices": ["fast", "safe"]},
                {"long": "--no-color", "value": "none", "negatable": True},
                {"long": "--port", "value": "required"},
            ],
        },
        "serve stop": {
            "desc": "Stop it",
            "hidden": True,
            "args": [{"name": "pid", "required": True}, {"name": "more", "required": True, "variadic": True}],
            "options": [{"long": "--tag", "value": "required", "variadic": True}],
        },
    },
}

EXPECTED_TEXT = """\
# yaml-language-server: $schema=../../schema/cli.schema.json
# GENERATED FILE - do not edit by hand. Command reference of `tool 1.2.3`,
# imported from tool-cli-1.2.3.yaml by tooling/scripts/import_openclaw_cli.py.
# Regenerate from the repository root (see kb/cli/README.md):
#   .venv/bin/python tooling/scripts/import_openclaw_cli.py ../shared/facts/tool-cli-1.2.3.yaml
format: 1
program: tool
version: 1.2.3
source:
  repo: acme/tool
  commit: 0123456789abcdef0123456789abcdef01234567
  build_date: '2026-01-02T03:04:05Z'
imported_from: tool-cli-1.2.3.yaml
builtin_options:
- {long: --help, short: -h, value: none}
commands:
  '':
    options:
    - {long: --profile, value: required}
    - {long: --version, short: -V, value: none}
  auth:
    desc: Auth
  serve:
    desc: Run the server
    aliases: [run, up]
    args:
    - {name: dir, required: false}
    options:
    - {long: --extra, short: -x, value: optional, hidden: true}
    - {long: --mode, value: required, choices: [fast, safe]}
    - {long: --no-color, value: none, negatable: true}
    - {long: --port, value: required}
  serve stop:
    desc: Stop it
    hidden: true
    args:
    - {name: pid, required: true}
    - {name: more, required: true, variadic: true}
    options:
    - {long: --tag, value: required, variadic: true}
"""


def _convert(upstream: dict[str, Any]) -> dict[str, Any]:
    return convert_tree(upstream, imported_from="tool-cli-1.2.3.yaml", program="tool")


def test_importer_converts_fixture_exactly() -> None:
    assert _convert(_upstream()) == EXPECTED_DOC


def test_renderer_writes_fixture_exactly_and_round_trips() -> None:
    text = render_cli_yaml(_convert(_upstream()))
    assert text == EXPECTED_TEXT
    assert yaml.load(text, Loader=LOADER) == EXPECTED_DOC


def test_output_is_deterministic_and_independent_of_input_order() -> None:
    first = render_cli_yaml(_convert(_upstream()))
    second = render_cli_yaml(_convert(_upstream()))
    shuffled = _upstream()
    shuffled["commands"] = dict(reversed(list(shuffled["commands"].items())))
    shuffled["commands"]["serve"]["options"].reverse()
    shuffled["root_options"].reverse()
    assert first == second == render_cli_yaml(_convert(shuffled))


def test_importer_does_not_modify_its_input() -> None:
    upstream = _upstream()
    before = copy.deepcopy(upstream)
    _convert(upstream)
    assert upstream == before


def _break(mutate: Any) -> dict[str, Any]:
    upstream = _upstream()
    mutate(upstream)
    return upstream


@pytest.mark.parametrize(
    ("upstream", "message"),
    [
        (_break(lambda u: u.pop("commands")), "missing key(s) commands"),
        (_break(lambda u: u["commands"]["auth"].update(mandatory=True)), "unknown key(s) mandatory"),
        (_break(lambda u: u["commands"]["serve"]["options"][0].update(takes_value=True)), "takes_value"),
        (_break(lambda u: u["commands"]["serve"].update(subcommands=["stop", "start"])), "subcommands lists"),
        (_break(lambda u: u["commands"].pop("serve")), "parent command 'serve' is missing"),
        (_break(lambda u: u["commands"]["serve"].update(aliases=["auth"])), "alias 'auth' clashes"),
        (_break(lambda u: u["commands"]["serve"].update(args=["dir"])), "expected '<name>'"),
        (_break(lambda u: u["root_options"].append(dict(u["root_options"][0]))), "--profile is declared twice"),
        (_break(lambda u: u["source"].pop("commit")), "missing key 'commit'"),
    ],
)
def test_importer_rejects_unknown_layouts(upstream: dict[str, Any], message: str) -> None:
    with pytest.raises(UpstreamFormatError) as info:
        _convert(upstream)
    assert message in str(info.value)


def test_model_over_fixture() -> None:
    ref = reference_from_dict(EXPECTED_DOC)
    assert ref.lookup(["up", "stop", "7"]) == ("serve stop", ("7",))
    assert ref.lookup("serve --port 1") == ("serve", ("--port", "1"))
    assert ref.lookup(["nope"]) == ("", ("nope",))
    assert ref.subcommands("") == ("auth", "serve")
    assert ref.subcommands("", include_aliases=True) == ("auth", "run", "serve", "up")
    assert ref.subcommands("serve", include_hidden=False) == ()
    assert [o.long for o in ref.options_for("serve stop")] == ["--tag", "--profile", "--version", "--help"]
    assert [o.long for o in ref.options_for("")] == ["--profile", "--version", "--help"]
    assert ref.takes_value("serve", "-x") == "optional"
    assert ref.takes_value("serve", "--port=8080") == "required"
    assert ref.takes_value("serve stop", "--profile") == "required"
    assert ref.find_option("serve", "--color") is None  # only the --no-X form is declared
    with pytest.raises(KeyError):
        ref.takes_value("serve", "--nope")
    with pytest.raises(KeyError):
        ref.command("serve start")


# --- the generated files in kb/cli ------------------------------------------------------------


@pytest.fixture(scope="module")
def catalog() -> CliCatalog:
    return load_catalog(KB)


def test_catalog_has_the_three_versions_in_order(catalog: CliCatalog) -> None:
    assert catalog.versions() == VERSIONS
    assert [ref.version for ref in catalog] == list(VERSIONS)
    with pytest.raises(KeyError, match="known: 2026.2.3"):
        catalog.for_version("2026.7.1")


def test_path_counts_match_the_upstream_dumps(catalog: CliCatalog) -> None:
    # CLI-VERSIONS.md: 308 / 463 / 602 command paths; ours adds the root ''.
    assert [len(ref.paths()) for ref in catalog] == [309, 464, 603]


def test_gateway_auth_token_is_new_in_2026_9_6(catalog: CliCatalog) -> None:
    assert catalog.for_version("2026.9.6").has_command("gateway auth-token")
    assert not catalog.for_version("2026.2.3").has_command("gateway auth-token")
    assert not catalog.for_version("2026.6.35").has_command("gateway auth-token")
    old = catalog.for_version("2026.2.3")
    assert old.lookup(["gateway", "auth-token", "--show"]) == ("gateway", ("auth-token", "--show"))
    assert "auth-token" not in old.subcommands("gateway")


@pytest.mark.parametrize("version", VERSIONS)
def test_devices_rotate_options(catalog: CliCatalog, version: str) -> None:
    ref = catalog.for_version(version)
    assert ref.takes_value("devices rotate", "--device") == "required"
    assert ref.find_option("devices rotate", "--device=abc") is not None
    assert ref.find_option("devices rotate", "--force") is None
    assert not ref.has_command("devices rotate-token")
    assert ref.lookup(["devices", "rotate-token"]) == ("devices", ("rotate-token",))
    assert "rotate" in ref.subcommands("devices")


@pytest.mark.parametrize("version", VERSIONS)
def test_daemon_family_and_cron_aliases_resolve(catalog: CliCatalog, version: str) -> None:
    ref = catalog.for_version(version)
    assert ref.lookup(["daemon", "status", "--json"]) == ("daemon status", ("--json",))
    assert ref.subcommands("daemon") == ("install", "restart", "start", "status", "stop", "uninstall")
    assert ref.lookup(["cron", "delete", "job-1"]) == ("cron rm", ("job-1",))


def test_tui_aliases_exist_from_2026_6_35(catalog: CliCatalog) -> None:
    for version in ("2026.6.35", "2026.9.6"):
        ref = catalog.for_version(version)
        assert ref.lookup(["chat"]) == ("tui", ())
        assert ref.lookup(["terminal", "--help"]) == ("tui", ("--help",))
    assert catalog.for_version("2026.2.3").lookup(["chat"]) == ("", ("chat",))


@pytest.mark.parametrize("version", VERSIONS)
def test_root_options_are_inherited(catalog: CliCatalog, version: str) -> None:
    ref = catalog.for_version(version)
    assert ref.takes_value("", "--profile") == "required"
    assert ref.takes_value("gateway status", "--profile") == "required"
    assert ref.takes_value("devices rotate", "-h") == "none"
    assert ref.find_option("gateway status", "--no-color") is not None
    assert ref.find_option("gateway status", "--color") is None


def test_log_level_root_option_is_new_in_2026_6_35(catalog: CliCatalog) -> None:
    assert [ref.find_option("doctor", "--log-level") is not None for ref in catalog] == [False, True, True]
    assert [ref.find_option("gateway status", "--require-rpc") is not None for ref in catalog] == [False, True, True]


@pytest.mark.parametrize("version", VERSIONS)
def test_doctor_generate_gateway_token_exists(catalog: CliCatalog, version: str) -> None:
    assert catalog.for_version(version).takes_value("doctor", "--generate-gateway-token") == "none"


def test_hidden_commands_are_kept_and_marked(catalog: CliCatalog) -> None:
    ref = catalog.for_version("2026.9.6")
    hidden = {path for path in ref.paths() if ref.command(path).hidden}
    assert hidden == {
        "crestodian",
        "gateway restart-handoff",
        "node worker",
        "hooks relay",
        "update finalize",
        "update migration-plan",
        "browser extension native-host",
    }
    assert "finalize" not in ref.subcommands("update", include_hidden=False)
    old = catalog.for_version("2026.2.3")
    assert not any(old.command(path).hidden for path in old.paths())


@pytest.mark.parametrize("path", sorted(CLI_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_generated_files_carry_header_and_match_schema(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../schema/cli.schema.json"
    assert lines[1].startswith("# GENERATED FILE - do not edit by hand.")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = sorted(
        jsonschema.Draft202012Validator(schema).iter_errors(yaml.load(text, Loader=LOADER)), key=lambda e: e.json_path
    )
    assert [f"{e.json_path}: {e.message}" for e in errors] == []


def test_schema_rejects_unknown_keys() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    doc = copy.deepcopy(EXPECTED_DOC)
    doc["commands"]["serve"]["options"][0]["default"] = "80"
    assert not jsonschema.Draft202012Validator(schema).is_valid(doc)
    assert jsonschema.Draft202012Validator(schema).is_valid(EXPECTED_DOC)


def test_generated_files_are_up_to_date(tmp_path: Path) -> None:
    dumps = sorted(FACTS.glob("openclaw-cli-*.yaml"))
    if not dumps:
        pytest.skip(f"upstream dumps not available at {FACTS}")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--out-dir", str(tmp_path), *map(str, dumps)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == len(dumps)
    fresh = {p.name: p.read_bytes() for p in tmp_path.glob("*.yaml")}
    committed = {p.name: p.read_bytes() for p in CLI_DIR.glob("*.yaml")}
    assert sorted(fresh) == sorted(committed)
    stale = [name for name in fresh if fresh[name] != committed[name]]
    assert stale == [], "regenerate with tooling/scripts/import_openclaw_cli.py (see kb/cli/README.md)"


# --- the script and the loader on bad input --------------------------------------------------


def test_script_reports_errors_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("source: {}\n", encoding="utf-8")
    for argv in ([str(tmp_path / "missing.yaml")], [str(bad)], []):
        result = subprocess.run(
            [sys.executable, str(SCRIPT), "--out-dir", str(tmp_path), *argv],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 1
        assert "error:" in result.stderr
        assert "Traceback" not in result.stderr
        assert result.stdout == ""
    assert list(tmp_path.glob("*.yaml")) == [bad]


def test_script_writes_fixture(tmp_path: Path) -> None:
    dump = tmp_path / "tool-cli-1.2.3.yaml"
    dump.write_text(yaml.safe_dump(_upstream()), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--out-dir", str(out), str(dump)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("wrote ") and "1.2.3.yaml" in result.stdout
    expected = render_cli_yaml(convert_tree(_upstream(), imported_from=dump.name))
    assert (out / "1.2.3.yaml").read_text(encoding="utf-8") == expected
    assert [p.name for p in out.iterdir()] == ["1.2.3.yaml"]  # no temp file left behind


def test_loader_rejects_file_named_after_another_version(tmp_path: Path) -> None:
    target = tmp_path / "cli" / "openclaw"
    target.mkdir(parents=True)
    (target / "9.9.9.yaml").write_bytes((CLI_DIR / "2026.2.3.yaml").read_bytes())
    with pytest.raises(CliFileError, match="expected openclaw 9.9.9"):
        load_catalog(tmp_path)
    with pytest.raises(CliFileError, match="no CLI reference files"):
        load_catalog(tmp_path, program="other")


def test_reference_is_read_only(catalog: CliCatalog) -> None:
    ref: CliReference = catalog.for_version("2026.2.3")
    with pytest.raises(TypeError):
        ref.commands["x"] = ref.command("")  # type: ignore[index]
    with pytest.raises(AttributeError):
        ref.version = "0"  # type: ignore[misc]
