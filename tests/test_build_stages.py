"""The pure parts of the build: per-language configurations and writing the docs tree."""

from __future__ import annotations

from pathlib import Path

from kbtool.build.base_config import read_base_config
from kbtool.build.docs_tree import sync_docs_tree
from kbtool.build.language_config import NO_JIEBA_HOOK, language_config
from kbtool.build.pipeline import STAGES
from kbtool.render.languages import language

from conftest import REPO


def test_stages_run_in_the_documented_order() -> None:
    assert [name for name, _ in STAGES] == ["load", "validate", "translations", "generate", "mkdocs", "assemble", "swap"]


def test_language_config_inherits_the_base_with_absolute_paths(tmp_path: Path) -> None:
    base = read_base_config(REPO)
    config = language_config(base, language("ja"), tmp_path / "docs", tmp_path / "site")
    assert config["INHERIT"] == str(REPO / "mkdocs.yml")
    assert config["theme"] == {"language": "ja", "custom_dir": str(REPO / "overrides")}
    assert config["docs_dir"] == str(tmp_path / "docs")
    assert config["plugins"]["search"]["lang"] == ["ja"]
    assert config["hooks"] == [str(NO_JIEBA_HOOK)]
    assert config["site_name"] == "OpenClaw 1008 トラブルシューティング"
    assert config["nav"][0] == {"ホーム": "index.md"}
    assert NO_JIEBA_HOOK.is_file()


def test_only_chinese_is_segmented_by_jieba(tmp_path: Path) -> None:
    base = read_base_config(REPO)
    zh = language_config(base, language("zh"), tmp_path, tmp_path)
    assert "hooks" not in zh
    assert "\\u200b" in zh["plugins"]["search"]["separator"]
    for code in ("en", "ja", "fr"):
        assert "hooks" in language_config(base, language(code), tmp_path, tmp_path)


def test_sync_docs_tree_writes_only_changes_and_removes_stale_pages(tmp_path: Path) -> None:
    assert sync_docs_tree({"index.md": "a", "records/x.md": "x"}, tmp_path) == 2
    assert sync_docs_tree({"index.md": "a", "records/x.md": "x"}, tmp_path) == 0
    assert sync_docs_tree({"index.md": "b"}, tmp_path) == 2
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.md")) == ["index.md"]
    assert (tmp_path / "index.md").read_text(encoding="utf-8") == "b"
