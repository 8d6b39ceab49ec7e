"""`kb new` through the CLI: options, the dialogue, refusals, and a scaffold that validates but fails lint."""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from conftest import REPO
from kbtool.cli import main
from kbtool.commands.new import Answers, Constraints, ask_missing, write_new
from kbtool.errors import UsageError
from kbtool.model.registry import Product
from kbtool.scaffold import IdRule, slugify, suggest_id

SCHEMA_COMMENT = "# yaml-language-server: $schema=../schema/record.schema.json"
NEW = "kb/records/openclaw-gateway-crashed.yaml"
FLAGS = ("--id", "openclaw-gateway-crashed", "--title", "gateway crashed: out of memory", "--product", "openclaw")

#: Every placeholder of the scaffold, as KB405 names it: what a contributor has to write.
PLACEHOLDERS = [
    "summary", "signatures[0].text", "signatures[0].examples[0]", "symptoms[0]",
    "causes[0].id", "causes[0].title", "causes[0].text",
    "solutions[0].id", "solutions[0].title", "solutions[0].causes[0]", "solutions[0].steps[0].text",
    "solutions[0].verify[0].text",
    "sources[0].id", "sources[0].url", "sources[0].title",
    "verification.verified[0]", "verification.unverified[0]",
]


class Terminal(io.StringIO):
    """Standard input as a terminal that types the given lines."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def real_kb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the real knowledge base (records, registries, CLI reference) as the working directory.

    Standard input is an empty pipe, as in CI, unless a test types into a Terminal.
    """
    shutil.copytree(REPO / "kb", tmp_path / "kb")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    return tmp_path


def _records(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "kb" / "records").iterdir())}


def test_options_write_the_scaffold_and_print_the_next_steps(real_kb: Path, kb) -> None:
    result = kb("new", *FLAGS)
    assert result.code == 0, result.err
    text = (real_kb / NEW).read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_COMMENT
    data = yaml.safe_load(text)
    today = date.today().isoformat()
    assert (data["id"], data["title"], data["products"], data["lang"]) == (
        "openclaw-gateway-crashed", "gateway crashed: out of memory", ["openclaw"], "en")
    assert (str(data["updated"]), str(data["verification"]["checked"])) == (today, today)
    assert result.out == (
        f"Wrote {NEW}\n"
        "Next steps:\n"
        "  1. Edit it: replace every TODO; the comments in the file say what each field holds,\n"
        "     and CONTRIBUTING.md has a finished example.\n"
        "  2. Check it (each TODO left is reported as KB405):\n"
        f"       kb lint {NEW}\n"
        "  3. Preview it; the page updates as you save:\n"
        "       kb serve\n"
        "     then open http://127.0.0.1:8000/records/openclaw-gateway-crashed.html\n"
        "  4. Send it as a pull request (see CONTRIBUTING.md).\n")


def test_the_scaffold_validates_and_lint_reports_exactly_its_placeholders(real_kb: Path, kb) -> None:
    assert kb("new", *FLAGS).code == 0
    assert kb("validate").code == 0
    lint = kb("lint")  # the whole knowledge base: the scaffold must not disturb the other records either
    assert lint.code == 1
    findings = lint.out.splitlines()
    assert all(line.startswith(f"{NEW}:") and " error KB405 placeholder left in `" in line for line in findings), \
        findings
    assert [line.split("`")[1] for line in findings] == PLACEHOLDERS


def test_several_products_as_repeated_or_comma_separated_options(real_kb: Path, kb) -> None:
    result = kb("new", "--id", "both-products", "--title", "A title", "--product", "moltworker,openclaw",
                "--product", "openclaw")
    assert result.code == 0, result.err
    assert yaml.safe_load((real_kb / "kb/records/both-products.yaml").read_text())["products"] == [
        "moltworker", "openclaw"]


def test_the_dialogue_asks_for_what_is_missing_in_a_terminal(real_kb: Path, kb, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", Terminal("gateway crashed: out of memory\nopencalw\nopenclaw\n\n"))
    result = kb("new")
    assert result.code == 0, result.err
    prompts = result.out.split("Wrote ")[0]
    assert "Title (the error as the reader sees it, on one line): " in prompts
    assert "  openclaw    OpenClaw (formerly Clawdbot, Moltbot)\n  moltworker  Moltworker\n" in prompts
    assert "unknown product `opencalw` (not in kb/products.yaml); did you mean `openclaw`?" in prompts
    assert "[openclaw-gateway-crashed-out-of-memory]: " in prompts
    data = yaml.safe_load((real_kb / "kb/records/openclaw-gateway-crashed-out-of-memory.yaml").read_text())
    assert (data["title"], data["products"]) == ("gateway crashed: out of memory", ["openclaw"])


def test_the_dialogue_asks_again_until_each_answer_is_usable() -> None:
    products = {"openclaw": Product("openclaw", "OpenClaw", "", ("Clawdbot",)), "moltworker": Product(
        "moltworker", "Moltworker", "")}
    constraints = Constraints(IdRule(), products, {"openclaw-taken": "kb/records/openclaw-taken.yaml"})
    answers = iter(["", "Taken", "clawdbot", "openclaw", "Bad_Id", "openclaw-taken", "openclaw-fresh"])
    prompts: list[str] = []

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    result = ask_missing(Answers(), constraints, ask)
    assert (result.record_id, result.title, result.products) == ("openclaw-fresh", "Taken", ["openclaw"])
    assert prompts[1].startswith("  the title is empty; name the error as the reader sees it\nTitle")
    assert prompts[3].startswith("  `clawdbot` is a former name of OpenClaw; give its product id, `openclaw`\n")
    # The suggested id is taken, so none is offered; then each bad id is explained before asking again.
    assert prompts[4] == "Id (also the file name, lowercase words and hyphens): "
    assert prompts[5].startswith("  `Bad_Id` is not a record id: use lowercase letters, digits and single hyphens "
                                 "(such as `bad-id`)")
    assert prompts[6].startswith("  the id `openclaw-taken` is already used by kb/records/openclaw-taken.yaml")


def test_the_dialogue_only_asks_for_what_the_options_left_out(real_kb: Path, kb, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", Terminal("moltworker\n"))
    result = kb("new", "--id", "moltworker-new-error", "--title", "A title")
    assert result.code == 0, result.err
    assert "Title" not in result.out and "Id (" not in result.out
    assert yaml.safe_load((real_kb / "kb/records/moltworker-new-error.yaml").read_text())["products"] == [
        "moltworker"]


def test_end_of_input_in_the_dialogue_writes_nothing(real_kb: Path, kb, monkeypatch) -> None:
    before = _records(real_kb)
    monkeypatch.setattr("sys.stdin", Terminal("A title\n"))
    result = kb("new")
    assert result.code == 2
    assert result.err == "kb: error: no answer (end of input); nothing was written\n"
    assert _records(real_kb) == before


def test_missing_options_without_a_terminal_are_a_usage_error(real_kb: Path, kb) -> None:
    before = _records(real_kb)
    result = kb("new")
    assert result.code == 2
    assert result.err == ("kb: error: missing --id, --title, --product: standard input is not a terminal, so kb new "
                          "cannot ask; give them as options (kb new --help)\n")
    result = kb("new", "--title", "gateway crashed: out of memory", "--product", "openclaw")
    assert result.code == 2
    assert result.err == ("kb: error: missing --id: standard input is not a terminal, so kb new cannot ask; give it "
                          "as an option (kb new --help); for this title, --id openclaw-gateway-crashed-out-of-memory "
                          "would do\n")
    assert _records(real_kb) == before


def test_an_existing_file_is_never_overwritten(real_kb: Path, kb) -> None:
    existing = real_kb / "kb/records/openclaw-gateway-token-missing.yaml"
    before = existing.read_bytes()
    result = kb("new", "--id", "openclaw-gateway-token-missing", "--title", "A title", "--product", "openclaw")
    assert result.code == 2
    assert result.err == ("kb: error: --id: the id `openclaw-gateway-token-missing` is already used by "
                          "kb/records/openclaw-gateway-token-missing.yaml; choose another id\nnothing was written\n")
    assert existing.read_bytes() == before


def test_a_file_that_appears_while_writing_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "openclaw-late.yaml"
    path.write_bytes(b"written by someone else\r\n")
    with pytest.raises(UsageError, match="openclaw-late.yaml already exists; kb new never overwrites a record"):
        write_new(path, "id: openclaw-late\n")
    assert path.read_bytes() == b"written by someone else\r\n"


def test_an_id_written_in_another_file_is_taken(real_kb: Path, kb) -> None:
    (real_kb / "kb/records/misnamed.yaml").write_text("id: openclaw-renamed\n", encoding="utf-8")
    result = kb("new", "--id", "openclaw-renamed", "--title", "A title", "--product", "openclaw")
    assert result.code == 2
    assert "the id `openclaw-renamed` is already used by kb/records/misnamed.yaml" in result.err
    assert not (real_kb / "kb/records/openclaw-renamed.yaml").exists()


def test_bad_ids_titles_and_products_are_usage_errors_that_write_nothing(real_kb: Path, kb) -> None:
    before = _records(real_kb)
    result = kb("new", "--id", "OpenClaw_Crash", "--title", "two\nlines", "--product", "opencalw")
    assert result.code == 2
    assert result.err == (
        "kb: error: --title: the title must be a single line\n"
        "--product: unknown product `opencalw` (not in kb/products.yaml); did you mean `openclaw`?\n"
        "--id: `OpenClaw_Crash` is not a record id: use lowercase letters, digits and single hyphens (such as "
        "`openclaw-crash`); it also names the file and the page\n"
        "nothing was written\n")
    result = kb("new", "--id", "x" * 81, "--title", "A title", "--product", "Moltbot")
    assert result.code == 2
    assert result.err == (
        "kb: error: --product: `Moltbot` is a former name of OpenClaw; give its product id, `openclaw`\n"
        f"--id: `{'x' * 81}` is longer than 80 characters\nnothing was written\n")
    assert _records(real_kb) == before


def test_root_points_to_another_knowledge_base(real_kb: Path, kb, monkeypatch, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = kb("--root", "..", "new", *FLAGS)
    assert result.code == 0, result.err
    assert (real_kb / NEW).is_file()
    assert f"       kb --root .. lint ../{NEW}\n" in result.out
    assert "       kb --root .. serve\n" in result.out


def test_an_id_is_suggested_from_the_title() -> None:
    assert suggest_id("unauthorized: gateway token missing", ["openclaw"]) == \
        "openclaw-unauthorized-gateway-token-missing"
    assert suggest_id("Moltworker: Gateway exited before ready", ["moltworker"]) == \
        "moltworker-gateway-exited-before-ready"
    assert suggest_id("Erreur réseau", ["openclaw"]) == "openclaw-erreur-reseau"
    assert suggest_id("ゲートウェイ", ["openclaw"]) == ""
    assert slugify("word " * 30, 20) == "word-word-word-word"


def test_help_explains_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["new", "--help"])
    out = capsys.readouterr().out
    assert exit_info.value.code == 0
    assert out.startswith("usage: kb new [-h] [--id ID] [--title TEXT] [--product ID]\n")
    assert "is never overwritten" in out and "(KB405)" in out and "--product ID" in out


def _contributing_example() -> str:
    """The annotated record of CONTRIBUTING.md, which the scaffold's comments point newcomers to."""
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    block = text.split(f"```yaml\n{SCHEMA_COMMENT}\n", 1)[1].split("\n```\n", 1)[0]
    return f"{SCHEMA_COMMENT}\n{block}\n"


def _contributing_findings() -> list[list[str]]:
    """The `kb lint` output CONTRIBUTING.md shows for its two deliberate mistakes, block by block."""
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    blocks = [block.split("\n   ```", 1)[0] for block in text.split("   ```text\n")[1:3]]
    return [[line.strip() for line in block.splitlines()] for block in blocks]


def test_the_annotated_example_of_contributing_is_a_clean_record(real_kb: Path, kb) -> None:
    (real_kb / "kb/records/openclaw-device-token-rejected.yaml").write_text(_contributing_example(), encoding="utf-8")
    result = kb("lint", "--strict")
    assert (result.code, result.out) == (0, "")


def test_the_mistakes_contributing_shows_give_the_findings_it_shows(real_kb: Path, kb) -> None:
    record = real_kb / "kb/records/openclaw-device-token-rejected.yaml"
    shown = _contributing_findings()
    example = _contributing_example()
    record.write_text(example.replace("\ntitle: ", "\ntitel: ", 1), encoding="utf-8")
    assert kb("lint", str(record.relative_to(real_kb))).out.splitlines() == shown[0]
    record.write_text(example.replace("devices approve <request-id>", "devices aprove <request-id>"), encoding="utf-8")
    assert kb("lint", str(record.relative_to(real_kb))).out.splitlines() == shown[1]


def test_a_knowledge_base_without_records_gets_its_first(make_kb, kb) -> None:
    root = make_kb()
    (root / "kb" / "records").rmdir()
    result = kb("new", *FLAGS)
    assert result.code == 0, result.err
    assert kb("validate").code == 0
