"""The contributor files: the pull-request workflow, the pre-commit hooks and what they run.

The workflow is checked against SchemaStore's GitHub workflow schema (the copy
check-jsonschema ships) and read as YAML to see that it runs what the README
promises. The pre-commit files are read with pre-commit's own loaders, and the
local hook is run on a copy of the knowledge base: once as pre-commit selects
and calls it, once through `pre-commit run` itself.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from pre_commit.clientlib import load_config, load_manifest

REPO = Path(__file__).resolve().parent.parent
WORKFLOW = REPO / ".github" / "workflows" / "pull-request.yml"
HOOKS_MANIFEST = REPO / ".pre-commit-hooks.yaml"
HOOKS_CONFIG = REPO / ".pre-commit-config.yaml"

RECORD = "kb/records/openclaw-pairing-required.yaml"
LINKING_RECORD = "kb/records/moltworker-invalid-or-missing-token.yaml"

TRANSLATION = "i18n/ja/openclaw-pairing-required.yaml"

#: What a commit might touch; only the records and translations among them are the hook's business.
CHANGED_FILES = [
    "README.md",
    RECORD,
    LINKING_RECORD,
    TRANSLATION,
    "i18n/ui/ja/LC_MESSAGES/messages.po",
    "kb/schema/record.schema.json",
    "kb/records/README.md",
    "tooling/kbtool/cli.py",
]


class _WorkflowLoader(yaml.SafeLoader):
    """YAML as GitHub reads it: only true/false are booleans, so the `on:` key stays the string "on"."""


_WorkflowLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_WorkflowLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load_workflow() -> dict[str, Any]:
    loaded = yaml.load(WORKFLOW.read_text(encoding="utf-8"), Loader=_WorkflowLoader)  # noqa: S506 - a SafeLoader
    assert isinstance(loaded, dict)
    return loaded


def workflow_steps() -> list[dict[str, Any]]:
    jobs = load_workflow()["jobs"]
    assert list(jobs) == ["check"], "the checks are one job, so one log shows every problem"
    steps: list[dict[str, Any]] = jobs["check"]["steps"]
    return steps


def commands(step: dict[str, Any]) -> list[list[str]]:
    """The shell commands of a step's `run`, each split into words."""
    return [shlex.split(line) for line in step.get("run", "").splitlines() if line.strip()]


def step_running(argv_start: list[str]) -> dict[str, Any]:
    """The one step with a command that starts with ``argv_start``."""
    found = [step for step in workflow_steps()
             if any(argv[:len(argv_start)] == argv_start for argv in commands(step))]
    assert len(found) == 1, f"expected one step running {shlex.join(argv_start)}, found {len(found)}"
    return found[0]


# --- the workflow --------------------------------------------------------------------------------------------


def test_workflow_is_valid_against_the_github_workflow_schema() -> None:
    schema_file = resources.files("check_jsonschema") / "builtin_schemas" / "vendor" / "github-workflows.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    errors = [f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
              for error in validator_class(schema).iter_errors(load_workflow())]
    assert errors == []


def test_workflow_runs_for_pull_requests_and_main_with_read_only_rights() -> None:
    workflow = load_workflow()
    assert set(workflow["on"]) == {"pull_request", "push"}
    assert workflow["on"]["push"] == {"branches": ["main"]}
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"]["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"
    assert "github.event.pull_request.number" in workflow["concurrency"]["group"]
    job = workflow["jobs"]["check"]
    assert 0 < job["timeout-minutes"] <= 60
    # The browser tests launch Debian's /usr/bin/chromium (tests/browser_helpers.py).
    assert job["container"]["image"] == "debian:bookworm"
    installs = [argv for argv in commands(workflow_steps()[0]) if argv[:2] == ["apt-get", "install"]]
    assert len(installs) == 1 and {"chromium", "gettext", "python3-venv", "git"} <= set(installs[0])


def test_workflow_pins_every_action_to_a_major_version() -> None:
    used = [step["uses"] for step in workflow_steps() if "uses" in step]
    assert used and all(re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", action) for action in used), used


def test_workflow_runs_what_the_readme_promises() -> None:
    steps = workflow_steps()
    lint = step_running(["kb", "lint", "--format", "github"])
    build = step_running(["kb", "build"])
    tests = step_running(["pytest"])
    bundle = step_running(["kb", "bundle", "--out", "dist/openclaw-kb.zip"])
    order = [steps.index(step) for step in (lint, build, tests, bundle)]
    assert order == sorted(order), "lint, build, tests, bundle: the quickest feedback first"
    assert commands(build) == [["kb", "build"]], "the build is always strict: no options that loosen it"
    assert tests["env"]["CI"] == "true", "under CI=true a missing Chromium fails instead of skipping"
    # A lint failure must not hide the build and test results: each check runs unless the run was cancelled.
    for step in (lint, build, tests, bundle):
        assert "!cancelled()" in step["if"] and "success()" not in step["if"].replace("!cancelled()", "")


def test_workflow_uploads_the_bundle_and_the_site() -> None:
    uploads = {step["with"]["name"]: step["with"] for step in workflow_steps()
               if step.get("uses", "").startswith("actions/upload-artifact@")}
    assert {name: upload["path"] for name, upload in uploads.items()} == {
        "openclaw-kb-bundle": "dist/openclaw-kb.zip",
        "site": "site/",
    }
    assert all(upload["if-no-files-found"] == "error" for upload in uploads.values())


# --- the pre-commit files ------------------------------------------------------------------------------------


def test_hooks_manifest_offers_kb_lint_on_records() -> None:
    hooks = load_manifest(str(HOOKS_MANIFEST))
    assert [hook["id"] for hook in hooks] == ["kb-lint"]
    hook = hooks[0]
    assert (hook["entry"], hook["language"], hook["pass_filenames"]) == ("kb lint", "python", True)
    assert re.search(hook["files"], RECORD) and re.search(hook["files"], "i18n/ja/x.yaml")
    assert not re.search(hook["files"], "i18n/ui/ja/LC_MESSAGES/messages.po")


def local_hook() -> dict[str, Any]:
    config = load_config(str(HOOKS_CONFIG))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    hooks = config["repos"][0]["hooks"]
    assert [hook["id"] for hook in hooks] == ["kb-lint"]
    hook: dict[str, Any] = hooks[0]
    return hook


def test_local_hook_is_the_published_hook_run_from_the_project_venv() -> None:
    hook, published = local_hook(), load_manifest(str(HOOKS_MANIFEST))[0]
    assert hook["entry"] == ".venv/bin/kb lint"
    for key in ("files", "exclude", "pass_filenames", "require_serial", "args"):
        assert hook[key] == published[key], key


def selected_files(hook: dict[str, Any], changed: list[str]) -> list[str]:
    """The changed files pre-commit hands the hook: `files` and `exclude` are searched in each path."""
    return [path for path in changed if re.search(hook["files"], path) and not re.search(hook["exclude"], path)]


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    """A copy of the knowledge base whose .venv/bin/kb is the kb being tested."""
    for name in ("kb", "i18n"):
        shutil.copytree(REPO / name, tmp_path / name)
    for name in ("mkdocs.yml", "pyproject.toml", ".pre-commit-config.yaml"):
        shutil.copy(REPO / name, tmp_path / name)
    kb_script = Path(sys.executable).parent / "kb"
    assert kb_script.exists(), f"{kb_script} is missing: pip install -e '.[test]' into this Python's environment"
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / "bin" / "kb").symlink_to(kb_script)
    return tmp_path


def run_local_hook(root: Path, changed: list[str]) -> subprocess.CompletedProcess[str]:
    hook = local_hook()
    files = selected_files(hook, changed)
    argv = [*shlex.split(hook["entry"]), *hook["args"], *(files if hook["pass_filenames"] else [])]
    return subprocess.run(argv, cwd=root, capture_output=True, text=True, check=False)


def break_record(root: Path, record: str, good: str, bad: str) -> tuple[int, int]:
    """Replace ``good`` by ``bad`` in a record; the 1-based line and column where ``bad`` now starts."""
    path = root / record
    text = path.read_text(encoding="utf-8")
    assert text.count(good) == 1, f"{good!r} should occur once in {record}"
    before = text[:text.index(good)]
    path.write_text(text.replace(good, bad), encoding="utf-8")
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def test_hook_selects_only_the_changed_records() -> None:
    assert selected_files(local_hook(), CHANGED_FILES) == [RECORD, LINKING_RECORD, TRANSLATION]


def test_hook_on_a_changed_translation_alone_reports_it_not_its_record(kb_copy: Path) -> None:
    path = kb_copy / TRANSLATION
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("`openclaw devices approve", "`openclaw devices aprove", 1), encoding="utf-8")
    done = run_local_hook(kb_copy, [TRANSLATION])
    findings = done.stdout.splitlines()
    assert findings and all(f.startswith(f"{TRANSLATION}:") and " KB50" in f for f in findings), findings
    assert done.returncode == 1 and "1 records linted" in done.stderr


def test_a_translation_without_its_record_is_a_usage_error(kb_copy: Path) -> None:
    orphan = kb_copy / "i18n" / "fr" / "no-such-record.yaml"
    orphan.write_text("{}\n", encoding="utf-8")
    done = run_local_hook(kb_copy, ["i18n/fr/no-such-record.yaml"])
    assert done.returncode == 2
    assert ("i18n/fr/no-such-record.yaml: a translation of `no-such-record`, which has no record "
            "(kb/records/no-such-record.yaml)") in done.stderr


def test_hook_passes_on_unchanged_records(kb_copy: Path) -> None:
    done = run_local_hook(kb_copy, CHANGED_FILES)
    assert (done.returncode, done.stdout) == (0, ""), done.stderr


def test_hook_reports_an_option_the_cli_does_not_have(kb_copy: Path) -> None:
    line, column = break_record(kb_copy, RECORD, "approve --latest", "approve --lastest")
    column += len("approve ")
    done = run_local_hook(kb_copy, CHANGED_FILES)
    assert done.stdout.splitlines() == [
        f"{RECORD}:{line}:{column}: error KB304 unknown option `--lastest` of `openclaw devices approve`; "
        "did you mean `--latest`?",
    ]
    assert done.returncode == 1


def test_hook_reports_a_link_to_a_record_that_does_not_exist(kb_copy: Path) -> None:
    line, column = break_record(kb_copy, LINKING_RECORD, "(kb:openclaw-gateway-token-missing)",
                                "(kb:openclaw-gateway-token-misssing)")
    done = run_local_hook(kb_copy, CHANGED_FILES)
    findings = done.stdout.splitlines()
    assert [finding for finding in findings if finding.startswith("kb/")] == [
        f"{LINKING_RECORD}:{line}:{column + 1}: error KB102 link `kb:openclaw-gateway-token-misssing` points to "
        "unknown record `openclaw-gateway-token-misssing`; did you mean `kb:openclaw-gateway-token-missing`?",
    ]
    # The edited sentence is translated: each translation of it is now reported as outdated.
    translated = re.compile(r"i18n/(ja|fr|zh)/moltworker-invalid-or-missing-token\.yaml:\d+:\d+: warning KB507 ")
    warnings = [translated.match(finding) for finding in findings if not finding.startswith("kb/")]
    assert sorted(match[1] for match in warnings if match) == ["fr", "ja", "zh"] and all(warnings), findings
    assert done.returncode == 1


def test_pre_commit_runs_the_local_hook_on_a_changed_record(kb_copy: Path,
                                                            tmp_path_factory: pytest.TempPathFactory) -> None:
    """The real `pre-commit run`, offline: a `language: system` hook needs no environment of its own."""
    line, column = break_record(kb_copy, RECORD, "approve --latest", "approve --lastest")
    subprocess.run(["git", "init", "-q", str(kb_copy)], check=True)
    pre_commit = Path(sys.executable).parent / "pre-commit"
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home"))}
    done = subprocess.run([str(pre_commit), "run", "kb-lint", "--color", "never", "--files", *CHANGED_FILES],
                          cwd=kb_copy, env=env, capture_output=True, text=True, check=False)
    expected = (f"{RECORD}:{line}:{column + len('approve ')}: error KB304 unknown option `--lastest` "
                "of `openclaw devices approve`; did you mean `--latest`?")
    assert expected in done.stdout.splitlines(), done.stdout + done.stderr
    assert done.returncode == 1
