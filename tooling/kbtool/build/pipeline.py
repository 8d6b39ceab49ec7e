"""The build as an ordered list of named stages: load → validate → translations → generate → mkdocs → assemble → swap.

Each stage reads and extends one ``BuildState``; the first stage that
raises stops the build. Everything is written inside a work directory next
to the output, which is removed at the end whatever happened (by the next
build, if this one is killed), so a failed build leaves the previous site
untouched and no half-written one behind.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kbtool.build.base_config import BaseConfig, read_base_config
from kbtool.build.docs_tree import sync_docs_tree
from kbtool.build.language_config import language_config
from kbtool.build.offline import OfflineBuild
from kbtool.build.mkdocs_run import LanguageBuild, build_all
from kbtool.build.schemas import published_schemas
from kbtool.build.swap import check_target, mark, remove_stale_work, swap_into_place, work_prefix
from kbtool.errors import BuildError
from kbtool.i18n.files import Translation, load_translations
from kbtool.load.layout import Layout, find_layout
from kbtool.output.formatters import FORMATTERS
from kbtool.render.context import Site
from kbtool.render.languages import LANGUAGES, SOURCE_LANGUAGE, SiteLanguage
from kbtool.render.site import generate
from kbtool.validate.engine import Validation, validate

Report = Callable[[str], None]


@dataclass(slots=True)
class BuildState:
    """What the stages share. Inputs first; each stage fills in its part."""

    root: Path
    out: Path
    languages: tuple[SiteLanguage, ...]
    report: Report
    offline: OfflineBuild | None = None
    """Set by ``kb bundle``: build for reading from the file system."""
    layout: Layout | None = None
    base: BaseConfig | None = None
    work: Path | None = None
    validation: Validation | None = None
    translations: dict[tuple[str, str], Translation] = field(default_factory=dict)
    configs: list[tuple[str, Path]] = field(default_factory=list)
    builds: list[LanguageBuild] = field(default_factory=list)
    staging: Path | None = None
    pages: int = 0


def stage_load(state: BuildState) -> None:
    """Find the knowledge base and its base configuration; make the work directory next to the output."""
    state.layout = find_layout(state.root)
    state.base = read_base_config(state.root)
    check_target(state.out, state.root)
    state.out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_work(state.out)
    state.work = Path(tempfile.mkdtemp(prefix=work_prefix(state.out), dir=state.out.parent.resolve()))


def stage_validate(state: BuildState) -> None:
    """Validate every record and registry; any error stops the build before anything is generated."""
    assert state.layout is not None
    result = validate(state.layout)
    state.validation = result
    if result.error_count:
        text = FORMATTERS["text"](result.findings).rstrip("\n")
        raise BuildError(f"the knowledge base has {result.error_count} error"
                         f"{'s' * (result.error_count != 1)}; nothing was built:\n{text}")
    state.report(f"validate: {len(result.records)} records, {len(result.registries.products)} products")


def stage_translations(state: BuildState) -> None:
    """Load the record translations of the languages being built; a broken file stops the build."""
    assert state.layout is not None and state.validation is not None
    langs = tuple(lang.code for lang in state.languages if lang.code != SOURCE_LANGUAGE)
    translations, findings = load_translations(state.layout, langs)
    if findings:
        text = FORMATTERS["text"](findings).rstrip("\n")
        raise BuildError(f"{len(findings)} problem{'s' * (len(findings) != 1)} in translation files; "
                         f"nothing was built:\n{text}")
    state.translations = {key: value for key, value in translations.items() if key[1] in state.validation.records}
    state.report(f"translations: {len(state.translations)} files")


def docs_files(layout: Layout, lang: str, pages: dict[str, str],
               offline: OfflineBuild | None = None) -> dict[str, str]:
    """Everything in ``lang``'s docs tree: its generated pages, the published schemas at the site's root
    (the source language), and the files an offline build adds."""
    files = dict(pages)
    if lang == SOURCE_LANGUAGE:
        files.update(published_schemas(layout))
    if offline is not None:
        files.update(offline.files)
    return files


def stage_generate(state: BuildState) -> None:
    """Write each language's Markdown docs tree and its MkDocs configuration into the work directory."""
    assert state.validation is not None and state.base is not None and state.work is not None
    site = Site(state.validation.records, state.validation.registries, state.base.settings, state.languages,
                state.translations)
    generated = generate(site, [lang.code for lang in state.languages])
    if generated.problems:
        raise BuildError("record text cannot be published as is:\n" + "\n".join(generated.problems))
    assert state.layout is not None
    for lang in state.languages:
        docs = state.work / "docs" / lang.code
        files = docs_files(state.layout, lang.code, generated.pages[lang.code], state.offline)
        state.pages += sync_docs_tree(files, docs)
        config = language_config(state.base, lang, docs, state.work / "site" / lang.code, state.offline)
        config_file = state.work / f"mkdocs.{lang.code}.yml"
        config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        state.configs.append((lang.code, config_file))
    state.report(f"generate: {state.pages} pages in {len(state.languages)} "
                 f"language{'s' * (len(state.languages) != 1)}")


def stage_mkdocs(state: BuildState) -> None:
    """Build every language with ``mkdocs build --strict``, in parallel; any warning fails the build."""

    def done(result: LanguageBuild) -> None:
        state.report(f"mkdocs: {result.lang} {'built' if result.ok else 'FAILED'} in {result.seconds:.1f} s")

    env = {"SOURCE_DATE_EPOCH": str(state.offline.epoch)} if state.offline is not None else {}
    state.builds = build_all(state.configs, on_done=done, env=env)
    failed = [b for b in state.builds if not b.ok]
    if failed:
        details = "\n".join(f"[{b.lang}] {line}" for b in failed for line in b.problems())
        names = ", ".join(b.lang for b in failed)
        raise BuildError(f"MkDocs failed for {names} (strict mode: warnings are errors); "
                         f"the previous site is untouched:\n{details}")


def stage_assemble(state: BuildState) -> None:
    """Put the languages together: the source language at the root, the others in ``<lang>/`` beside it."""
    assert state.work is not None
    staging = state.work / "site" / SOURCE_LANGUAGE
    staging.mkdir(parents=True, exist_ok=True)
    for lang in state.languages:
        if lang.code != SOURCE_LANGUAGE:
            (state.work / "site" / lang.code).rename(staging / lang.code)
    mark(staging)
    state.staging = staging


def stage_swap(state: BuildState) -> None:
    """Replace the output directory by the new site in two renames."""
    assert state.staging is not None
    swap_into_place(state.staging, state.out)


STAGES: tuple[tuple[str, Callable[[BuildState], None]], ...] = (
    ("load", stage_load),
    ("validate", stage_validate),
    ("translations", stage_translations),
    ("generate", stage_generate),
    ("mkdocs", stage_mkdocs),
    ("assemble", stage_assemble),
    ("swap", stage_swap),
)


def build(root: Path, out: Path, languages: Sequence[str] | None = None, report: Report | None = None,
          offline: OfflineBuild | None = None) -> BuildState:
    """Run every stage; on any failure the output directory is as it was before."""
    wanted = set(languages or [lang.code for lang in LANGUAGES])
    chosen = tuple(lang for lang in LANGUAGES if lang.code in wanted)
    state = BuildState(root=root, out=out, languages=chosen, report=report or (lambda message: None),
                       offline=offline)
    start = time.monotonic()
    try:
        for _name, run in STAGES:
            run(state)
    finally:
        if state.work is not None:
            shutil.rmtree(state.work, ignore_errors=True)
    state.report(f"done in {time.monotonic() - start:.1f} s")
    return state
