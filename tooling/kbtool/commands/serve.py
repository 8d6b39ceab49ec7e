"""``kb serve``: preview one language of the site with live reload (``mkdocs serve`` on generated pages)."""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from kbtool.build.base_config import BaseConfig, read_base_config
from kbtool.build.docs_tree import sync_docs_tree
from kbtool.build.language_config import language_config
from kbtool.build.pipeline import BuildState, docs_files, stage_translations, stage_validate
from kbtool.build.watch import Snapshot, changed_files, describe, snapshot, watched_files
from kbtool.errors import BuildError, KbError, UsageError
from kbtool.load.layout import Layout, find_layout
from kbtool.render.catalogs import reload_translations
from kbtool.render.context import Site
from kbtool.render.languages import LANGUAGES, SOURCE_LANGUAGE, SiteLanguage, language
from kbtool.render.site import generate

HELP = "preview one language of the site, reloading when a record, translation or catalog changes"
DESCRIPTION = """\
Preview one language of the site at http://HOST:PORT/ while you edit.

The pages are generated as `kb build` generates them (records validated, the
language's translations applied) into a temporary docs tree that `mkdocs
serve` serves. Every second this command looks at the files that reach the
pages:

  kb/**/*.yaml, kb/**/*.json   records, registries, commit manifests, schemas
  i18n/<lang>/*.yaml           the record translations of the language previewed
  i18n/ui/<lang>/LC_MESSAGES/messages.po
                               its interface strings (the catalog of the kb
                               tool's checkout, whatever --root says)

When one changes, the pages are generated again and those whose text changed
are rewritten; MkDocs rebuilds, and its live-reload script makes open browser
tabs reload themselves. MkDocs itself watches mkdocs.yml and the theme
override (overrides/).

A file that cannot be used is reported on stderr, each problem as
path:line:col, and the last good pages stay up; the preview catches up as soon
as the file is fixed. Stop with Ctrl-C or SIGTERM.

exit status: 0 stopped, 1 the knowledge base has problems at start or MkDocs
failed, 2 usage error
"""
POLL_SECONDS = 1.0


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("serve", help=HELP, description=DESCRIPTION,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", choices=[lang.code for lang in LANGUAGES], default=SOURCE_LANGUAGE,
                        help=f"the language to preview (default: {SOURCE_LANGUAGE})")
    parser.add_argument("--addr", default="127.0.0.1:8000", metavar="HOST:PORT",
                        help="where to serve (default: 127.0.0.1:8000)")
    parser.set_defaults(run=run)


def generate_pages(layout: Layout, base: BaseConfig, lang: SiteLanguage) -> dict[str, str]:
    """``lang``'s docs tree (docs path -> text), made as ``kb build`` makes it; BuildError on problems.

    Catalogs are read afresh each time, since this runs again after one of them changed.
    """
    # The build's own stages, so the preview validates and translates exactly as `kb build` does; these two
    # read only the layout and the languages (nothing is written to ``out``).
    state = BuildState(root=layout.root, out=layout.root, languages=(lang,), report=lambda message: None,
                       layout=layout, base=base)
    stage_validate(state)
    stage_translations(state)
    assert state.validation is not None
    reload_translations()
    site = Site(state.validation.records, state.validation.registries, base.settings, (lang,), state.translations)
    generated = generate(site, [lang.code])
    if generated.problems:
        raise BuildError("record text cannot be published as is:\n" + "\n".join(generated.problems))
    return docs_files(layout, lang.code, generated.pages[lang.code])


@dataclass(frozen=True, slots=True)
class Preview:
    """One language's docs tree and MkDocs configuration in ``work``, kept up to date with the sources."""

    layout: Layout
    base: BaseConfig
    lang: SiteLanguage
    work: Path

    @property
    def docs(self) -> Path:
        return self.work / "docs"

    @property
    def config_file(self) -> Path:
        return self.work / "mkdocs.yml"

    def refresh(self) -> int:
        """Generate again and rewrite what changed; the number of files rewritten (BuildError on problems)."""
        pages = generate_pages(self.layout, self.base, self.lang)
        changed = sync_docs_tree(pages, self.docs)
        # The navigation titles and the site name are interface strings: a catalog edit can change them.
        config = language_config(self.base, self.lang, self.docs, self.work / "site")
        config["extra"]["alternate"] = False  # one language only: no language switcher
        text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
        if not self.config_file.is_file() or self.config_file.read_text(encoding="utf-8") != text:
            self.config_file.write_text(text, encoding="utf-8")
            changed += 1
        return changed

    def start_mkdocs(self, addr: str) -> subprocess.Popen[bytes]:
        """``mkdocs serve`` on the docs tree; it also watches mkdocs.yml and the theme override."""
        command = [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(self.config_file),
                   "--dev-addr", addr, "--watch", str(self.base.path)]
        if self.base.custom_dir is not None:
            command += ["--watch", str(self.base.custom_dir)]
        # Material's banner about its end of life says nothing about this preview; MkDocs's own log stays.
        env = {**os.environ, "NO_MKDOCS_2_WARNING": os.environ.get("NO_MKDOCS_2_WARNING", "1")}
        return subprocess.Popen(command, env=env)


def check_address(addr: str) -> None:
    """UsageError unless ``addr`` is ``HOST:PORT`` and free now (better said here than in MkDocs's traceback)."""
    host, _, port = addr.rpartition(":")
    host = host.strip("[]")  # [::1]:8000
    if not host or not port.isdigit():
        raise UsageError(f"--addr {addr}: expected HOST:PORT, such as 127.0.0.1:8000")
    try:
        family = socket.getaddrinfo(host, int(port), type=socket.SOCK_STREAM)[0][0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.bind((host, int(port)))
    except (OSError, OverflowError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UsageError(f"--addr {addr}: cannot serve there: {reason}; pick another with --addr") from None


def say(message: str) -> None:
    print(f"kb serve: {message}", file=sys.stderr, flush=True)


def _stop(signum: int, frame: object) -> None:
    """SIGTERM stops the preview like Ctrl-C does, so the temporary tree is removed."""
    del signum, frame
    raise KeyboardInterrupt


def follow(preview: Preview, server: subprocess.Popen[bytes], seen: Snapshot) -> None:
    """Look at the watched files every second and refresh the preview after a change, while MkDocs runs."""
    lang = preview.lang.code
    broken = False
    while server.poll() is None:
        time.sleep(POLL_SECONDS)
        now = snapshot(watched_files(preview.layout, lang))
        changed = changed_files(seen, now)
        if not changed:
            continue
        seen = now
        try:
            count = preview.refresh()
        except KbError as exc:
            say(f"{describe(changed)} changed, and the preview cannot be updated:\n{exc}")
            say("keeping the last good pages; they update when the problem is fixed")
            broken = True
            continue
        fixed = "fixed; " if broken else ""
        broken = False
        say(f"{fixed}{count} page{'s' * (count != 1)} regenerated ({describe(changed)} changed)")


def run(args: argparse.Namespace) -> int:
    layout = find_layout(args.root)
    base = read_base_config(args.root)
    check_address(args.addr)
    preview = Preview(layout, base, language(args.lang), Path(tempfile.mkdtemp(prefix="kb-serve-")))
    server: subprocess.Popen[bytes] | None = None
    previous_handler = signal.signal(signal.SIGTERM, _stop)
    try:
        # Looked at before generating, so that an edit made while the first pages are generated is seen.
        seen = snapshot(watched_files(layout, args.lang))
        preview.refresh()
        server = preview.start_mkdocs(args.addr)
        say(f"previewing {args.lang} at http://{args.addr}/ (Ctrl-C to stop); "
            f"watching {len(seen)} files for changes")
        follow(preview, server, seen)
    except KeyboardInterrupt:
        pass
    finally:
        if server is not None and server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        shutil.rmtree(preview.work, ignore_errors=True)
        signal.signal(signal.SIGTERM, previous_handler)
    if server is None or server.returncode in (0, -signal.SIGTERM, -signal.SIGINT):
        return 0
    say(f"mkdocs serve stopped with exit status {server.returncode}")
    return 1
