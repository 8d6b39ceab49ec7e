"""The baseline of ``kb build``: the same pages, written out beforehand, for plain ``mkdocs build``.

Runs ``kb build``'s own stages up to and including ``generate`` (load,
validate, translations, generate: Markdown docs trees and per-language
configurations from ``kbtool.build.language_config``, with the same theme,
overrides and plugins) and keeps their work directory, so the baseline times
only MkDocs itself, one language after another.

    python -m bench.pages KB_ROOT WORK_DIR    # prints one "lang<TAB>config file" line per language
"""

from __future__ import annotations

import sys
from pathlib import Path

from kbtool.build.pipeline import BuildState, stage_generate, stage_load, stage_translations, stage_validate
from kbtool.render.languages import LANGUAGES


def write_pages(root: Path, work: Path) -> list[tuple[str, Path]]:
    """Every language's docs tree and MkDocs configuration, below ``work``; (language, config file) pairs."""
    state = BuildState(root=root, out=work / "site", languages=LANGUAGES, report=lambda message: None)
    work.mkdir(parents=True, exist_ok=True)
    for stage in (stage_load, stage_validate, stage_translations, stage_generate):
        stage(state)
    return state.configs


if __name__ == "__main__":
    for lang, config in write_pages(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()):
        print(f"{lang}\t{config}")
