"""``kb bundle``: a reproducible zip of the offline site, with its manifest, version and date, and nothing lost.

The browser half (navigation, language switch, search and the paste page
from ``file://``) is in test_bundle_browser.py; both use the session's
``offline_bundle``, two bundles of one commit of the real knowledge base.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from bundle_helpers import COMMIT_EPOCH, git, kb, knowledge_base_repository, unpack
from conftest import REPO, OfflineBundle
from kbtool.render.languages import LANGUAGES
from site_helpers import external_references

NOTICE = re.compile(r'<p class="kb-bundle-notice" data-kb-version="([^"]*)"\s+data-kb-built="([^"]*)">([^<]*)</p>')


def notice(page: Path) -> tuple[str, str, str]:
    found = NOTICE.search(page.read_text(encoding="utf-8"))
    assert found is not None, f"{page}: no version notice"
    version, built, text = found.groups()
    return version, built, html.unescape(text)


def test_two_bundles_of_one_commit_are_byte_identical(offline_bundle: OfflineBundle) -> None:
    assert offline_bundle.archive.read_bytes() == offline_bundle.again.read_bytes()


def test_version_and_date_come_from_the_commit(offline_bundle: OfflineBundle) -> None:
    manifest = json.loads((offline_bundle.unpacked / "manifest.json").read_text(encoding="utf-8"))
    commit = git(offline_bundle.repo, "rev-parse", "--short", "HEAD")
    assert manifest["version"] == commit
    assert manifest["built"] == "2026-11-01T12:00:00Z"
    assert manifest["source_date_epoch"] == COMMIT_EPOCH
    assert manifest["languages"] == [lang.code for lang in LANGUAGES]
    with zipfile.ZipFile(offline_bundle.archive) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 11, 1, 12, 0, 0)}
        assert {info.external_attr >> 16 for info in archive.infolist()} == {0o100644}


def test_every_page_shows_the_version_and_date_in_its_language(offline_bundle: OfflineBundle) -> None:
    commit = git(offline_bundle.repo, "rev-parse", "--short", "HEAD")
    site = offline_bundle.unpacked
    assert notice(site / "index.html") == (
        commit, "2026-11-01", f"Offline copy of the knowledge base, version {commit}, built on November 1, 2026.")
    assert notice(site / "ja" / "records" / "openclaw-pairing-required.html")[2] == (
        f"ナレッジベースのオフライン版（バージョン {commit}、2026年11月1日 にビルド）。")
    pages = sorted(site.rglob("*.html"))
    assert pages and all(notice(page)[0] == commit for page in pages)


def test_the_manifests_describe_every_file(offline_bundle: OfflineBundle) -> None:
    site = offline_bundle.unpacked
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    sums = (site / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    summed = {line.split("  ", 1)[1]: line.split("  ", 1)[0] for line in sums}
    manifest = json.loads((site / "manifest.json").read_text(encoding="utf-8"))
    assert sorted([*summed, "SHA256SUMS", "manifest.json"]) == files
    assert [entry["path"] for entry in manifest["files"]] == sorted(summed)
    for entry in manifest["files"]:
        data = (site / entry["path"]).read_bytes()
        assert (entry["size"], entry["sha256"]) == (len(data), hashlib.sha256(data).hexdigest())
        assert summed[entry["path"]] == entry["sha256"]


def test_the_zip_opens_on_the_home_page_of_each_language(offline_bundle: OfflineBundle) -> None:
    with zipfile.ZipFile(offline_bundle.archive) as archive:
        names = archive.namelist()
    assert names == sorted(names[:-2]) + ["manifest.json", "SHA256SUMS"]
    assert {"index.html", "match.html", "search/search_index.js", "ja/index.html", "fr/index.html",
            "zh/index.html", "assets/vendor/iframe-worker/shim.js",
            "assets/vendor/iframe-worker/LICENSE.txt"} <= set(names)
    assert not [name for name in names if name.endswith(".map") or name == ".kb-site"]


def test_the_pages_load_nothing_from_another_host(offline_bundle: OfflineBundle) -> None:
    assert external_references(offline_bundle.unpacked) == []
    home = (offline_bundle.unpacked / "index.html").read_text(encoding="utf-8")
    assert '<script src="assets/vendor/iframe-worker/shim.js"></script>' in home
    # Material would fetch sitemap.xml for each <link rel="alternate">; from file:// that fails.
    assert 'rel="alternate"' not in home


def test_the_size_is_printed(offline_bundle: OfflineBundle) -> None:
    size = offline_bundle.archive.stat().st_size
    line = offline_bundle.result.out.splitlines()[0]
    assert line.startswith(f"Bundle written: {offline_bundle.archive} ({size / 1e6:.1f} MB, ")
    assert "kb bundle: mkdocs: ja built" in offline_bundle.result.err


def test_the_json_schemas_are_published_at_the_site_root(offline_bundle: OfflineBundle) -> None:
    for schema in sorted((REPO / "kb" / "schema").glob("*.schema.json")):
        assert (offline_bundle.unpacked / "schema" / schema.name).read_bytes() == schema.read_bytes()


def test_one_language_with_source_date_epoch(offline_bundle: OfflineBundle, tmp_path: Path) -> None:
    target = tmp_path / "ja.zip"
    result = kb(["--root", str(offline_bundle.repo), "bundle", "--lang", "ja", "--out", str(target)],
                env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert result.code == 0, result.err
    site = unpack(target, tmp_path / "ja")
    assert '<html lang="ja"' in (site / "index.html").read_text(encoding="utf-8")
    assert not (site / "ja").exists() and not (site / "fr").exists()
    assert notice(site / "index.html")[1] == "2023-11-14"
    manifest = json.loads((site / "manifest.json").read_text(encoding="utf-8"))
    assert (manifest["languages"], manifest["built"]) == (["ja"], "2023-11-14T22:13:20Z")
    with zipfile.ZipFile(target) as archive:
        files = len(archive.namelist()) - 2  # not the two manifests
    assert result.out.startswith(f"Bundle written: {target} ({target.stat().st_size / 1e3:.1f} KB, {files} files; ja; ")


def test_the_default_name_carries_the_version(tmp_path: Path) -> None:
    repo = knowledge_base_repository(tmp_path / "repo")
    result = kb(["--root", str(repo), "bundle", "--lang", "fr"], env={"SOURCE_DATE_EPOCH": None})
    assert result.code == 0, result.err
    commit = git(repo, "rev-parse", "--short", "HEAD")
    assert (repo / "dist" / f"openclaw-kb-{commit}-fr.zip").is_file()


def test_a_file_that_is_not_a_bundle_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "notes.zip"
    target.write_text("my notes\n", encoding="utf-8")
    result = kb(["--root", str(REPO), "bundle", "--out", str(target)])
    assert result.code == 2
    assert result.err == f"kb: error: {target}: exists and is not a zip file; not replacing it (choose another --out)\n"
    assert target.read_text(encoding="utf-8") == "my notes\n"


def test_a_bad_source_date_epoch_is_a_usage_error(tmp_path: Path) -> None:
    result = kb(["--root", str(REPO), "bundle", "--out", str(tmp_path / "x.zip")],
                env={"SOURCE_DATE_EPOCH": "yesterday"})
    assert (result.code, result.err) == (2, "kb: error: SOURCE_DATE_EPOCH='yesterday': expected a number of "
                                             "seconds since 1970-01-01 UTC\n")
    assert not (tmp_path / "x.zip").exists()


def test_a_failed_build_leaves_the_previous_bundle_untouched(offline_bundle: OfflineBundle, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(offline_bundle.repo, repo)
    target = tmp_path / "kb.zip"
    target.write_bytes(offline_bundle.archive.read_bytes())
    record = repo / "kb" / "records" / "openclaw-pairing-required.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("\ntitle:", "\ntitel:", 1), encoding="utf-8")
    result = kb(["--root", str(repo), "bundle", "--out", str(target)])
    assert result.code == 1
    assert "kb/records/openclaw-pairing-required.yaml:4:1: error KB020" in result.err
    assert target.read_bytes() == offline_bundle.archive.read_bytes()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_a_corrupted_cached_shim_is_refused(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "iframe-worker-1.0.4.tgz").write_bytes(b"not the package")
    result = kb(["--root", str(REPO), "bundle", "--out", str(tmp_path / "x.zip")], env={"KB_CACHE_DIR": str(cache)})
    assert result.code == 1
    assert result.err == (f"kb: error: {cache / 'iframe-worker-1.0.4.tgz'}: does not match the pinned checksum of "
                          "iframe-worker 1.0.4; delete it to download it again\n")
    assert not (tmp_path / "x.zip").exists()
