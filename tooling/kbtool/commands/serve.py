"""``kb serve``: preview one language with ``mkdocs serve``, regenerating pages when a record changes.

The pages are generated into a temporary docs tree that ``mkdocs serve``
watches; this command watches ``kb/`` and rewrites the pages whose text
changed, so the browser reloads on its own. A record that stops validating
is reported and the last good pages stay up.
"""

from __future__ import annotations

import argparse
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from kbtool.build.base_config import read_base_config
from kbtool.build.docs_tree import sync_docs_tree
from kbtool.build.language_config import language_config
from kbtool.errors import BuildError, KbError
from kbtool.load.layout import Layout, find_layout
from kbtool.output.formatters import FORMATTERS
from kbtool.render.context import Site, SiteSettings
from kbtool.render.languages import LANGUAGES, SOURCE_LANGUAGE, language
from kbtool.render.site import generate
from kbtool.validate.engine import validate

HELP = "preview one language of the site, regenerating pages when a record changes"
POLL_SECONDS = 1.0


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("serve", help=HELP, description=__doc__,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", choices=[lang.code for lang in LANGUAGES], default=SOURCE_LANGUAGE,
                        help=f"the language to preview (default: {SOURCE_LANGUAGE})")
    parser.add_argument("--addr", default="127.0.0.1:8000", metavar="HOST:PORT",
                        help="where to serve (default: 127.0.0.1:8000)")
    parser.set_defaults(run=run)


def regenerate(layout: Layout, settings: SiteSettings, lang: str, docs: Path) -> int:
    """Validate and generate ``lang`` into ``docs``; returns the number of changed pages (BuildError on problems)."""
    result = validate(layout)
    if result.error_count:
        raise BuildError("the knowledge base has errors:\n" + FORMATTERS["text"](result.findings).rstrip("\n"))
    site = Site(result.records, result.registries, settings, (language(lang),))
    generated = generate(site, [lang])
    if generated.problems:
        raise BuildError("record text cannot be published as is:\n" + "\n".join(generated.problems))
    return sync_docs_tree(generated.pages[lang], docs)


def _snapshot(layout: Layout) -> dict[Path, float]:
    return {p: p.stat().st_mtime for p in layout.kb_dir.rglob("*.yaml") if p.is_file()}


def _stop(signum: int, frame: object) -> None:
    """SIGTERM stops the preview like Ctrl-C does, so the temporary tree is removed."""
    del signum, frame
    raise KeyboardInterrupt


def run(args: argparse.Namespace) -> int:
    layout = find_layout(args.root)
    base = read_base_config(args.root)
    work = Path(tempfile.mkdtemp(prefix="kb-serve-"))
    docs = work / "docs"
    regenerate(layout, base.settings, args.lang, docs)
    config = language_config(base, language(args.lang), docs, work / "site")
    config["extra"]["alternate"] = False  # one language only: no switcher
    config_file = work / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--config-file", str(config_file),
                               "--dev-addr", args.addr])
    print(f"kb serve: previewing {args.lang} at http://{args.addr}/ (Ctrl-C to stop)", file=sys.stderr)
    signal.signal(signal.SIGTERM, _stop)
    seen = _snapshot(layout)
    try:
        while server.poll() is None:
            time.sleep(POLL_SECONDS)
            now = _snapshot(layout)
            if now == seen:
                continue
            seen = now
            try:
                changed = regenerate(layout, base.settings, args.lang, docs)
                print(f"kb serve: {changed} page{'s' * (changed != 1)} regenerated", file=sys.stderr)
            except KbError as exc:
                print(f"kb serve: {exc}\nkb serve: keeping the last good pages", file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    return 0 if server.returncode in (0, -15, None) else 1
