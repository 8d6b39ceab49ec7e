"""Interface catalogs: the site's own strings as gettext PO files, extracted, merged and compiled with Babel.

The code marks an interface string by writing it as a literal argument of ``t(lang, "…")`` or
``label(lang, "…")``; a table whose strings reach ``t()`` later marks each one with ``N_("…")``
(gettext's ``gettext_noop``). ``make ui-pot`` (``python -m kbtool.render.catalogs``) then

1. extracts them, with the mapping in ``babel.cfg``, into the template ``i18n/ui/messages.pot``
   (what ``pybabel extract`` does), and
2. merges the template into ``i18n/ui/<lang>/LC_MESSAGES/messages.po`` for every site language but English,
   creating a missing one (what ``pybabel update`` and ``pybabel init`` do). Translators edit those files
   with a PO editor.

At build time ``translations(lang)`` reads a language's PO file, checks it and compiles it in memory (Babel's
``write_mo``, read back by the standard library's ``gettext.GNUTranslations``): no compiled ``.mo`` file is
committed, so none can go stale. Fuzzy and empty translations are left out of the compiled catalog, so those
strings show in English.

Format followed: PO files as GNU gettext 0.21 describes them ("The Format of PO Files") and as
``msgfmt --check`` of that version accepts them. Where we differ from what ``pybabel`` writes, so that a re-run
with no change rewrites the same bytes and a code edit does not rewrite every catalog:

- no ``POT-Creation-Date`` or ``Generated-By`` header (nor Babel's placeholder ``Report-Msgid-Bugs-To``);
- ``#:`` references name the file without a line number, and entries are sorted by msgid;
- obsolete entries (``#~``) are dropped rather than kept (git keeps them), and a fuzzy entry has no
  ``#| msgid`` line with the msgid it was matched from (Babel writes a long one so that msgfmt cannot read it);
- Python sources are read by ``extract_python`` below (the syntax tree rather than Babel's tokenizer), which
  also finds calls inside f-strings: Babel's own Python extractor cannot see into them before Python 3.12.
"""

from __future__ import annotations

import argparse
import ast
import configparser
import copy
import datetime
import functools
import gettext
import io
import os
import string
import sys
import tokenize
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po

from kbtool import __version__
from kbtool.errors import BuildError, KbError
from kbtool.i18n.pofile import PoReadError, read_po_strict
from kbtool.render.languages import LANGUAGES, SOURCE_LANGUAGE, SiteLanguage

#: The checkout this module belongs to. Interface strings belong to the tool, not to a knowledge base, so they
#: are found beside the code (the package is installed with ``pip install -e``), whatever ``kb --root`` names.
REPO = Path(__file__).resolve().parents[3]
UI_DIR = REPO / "i18n" / "ui"
MAPPING = REPO / "babel.cfg"
DOMAIN = "messages"
PROJECT = "openclaw-kb"

#: The module whose functions mark interface strings; a call counts only where the name is imported from it.
UI_TEXT_MODULE = "kbtool.render.ui_text"
#: Marking function -> which positional argument is the msgid (Babel's keyword spec; ``None``: the first).
KEYWORDS: dict[str, tuple[int, ...] | None] = {"t": (2,), "label": (2,), "N_": None}
#: A comment starting with this, on the lines just above a marked string, reaches translators as ``#.``.
COMMENT_TAGS = ("Translators:",)
#: Line width of written PO files (GNU gettext's ``msgmerge`` default is 79; Babel's and Poedit's 76).
WIDTH = 76

_TEMPLATE_HEADER = """\
# Interface strings of the OpenClaw 1008 troubleshooting site.
# Written by `make ui-pot` from the code (see babel.cfg): do not edit.
#"""
_CATALOG_HEADER = """\
# Interface strings of the OpenClaw 1008 troubleshooting site
# in {language}. Translate them with a PO editor;
# `make ui-pot` adds the strings the code adds.
#"""
#: Header fields left out of written files: the creation date changes on every run and the generator with
#: every Babel release, and Babel writes a placeholder address when there is none.
_DROPPED_HEADERS = (b'"POT-Creation-Date: ', b'"Generated-By: ', b'"Report-Msgid-Bugs-To: ')
_TRANSLATORS = "OpenClaw KB translators"


# Reading and compiling (build time)


def po_file(lang: str, ui_dir: Path | None = None) -> Path:
    """Where ``lang``'s interface catalog lives."""
    return (ui_dir or UI_DIR) / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """``lang``'s interface strings, read, checked and compiled once per process; English needs no catalog."""
    if lang == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    return compile_catalog(load_catalog(po_file(lang)))


def reload_translations() -> None:
    """Forget the compiled catalogs: the next ``translations()`` reads the PO files again.

    For a process that outlives an edit of a catalog, such as ``kb serve``.
    """
    translations.cache_clear()


def load_catalog(path: Path) -> Catalog:
    """The PO file at ``path``, read strictly.

    Raises BuildError naming the file and line of what is not PO syntax, or of every translation that
    ``t()`` could not fill in (see ``placeholder_problems``).
    """
    catalog = read_catalog(path)
    found = sorted(placeholder_problems(catalog) + markup_problems(catalog))
    problems = [f"{_shown(path)}:{line}: {message}" for line, message in found]
    if problems:
        raise BuildError("interface translations that cannot be used:\n" + "\n".join(problems))
    return catalog


def read_catalog(path: Path) -> Catalog:
    """The PO file at ``path``; BuildError with its file and line if it cannot be read as one."""
    shown = _shown(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise BuildError(f"{shown}: interface catalog missing; `make ui-pot` creates it") from None
    except OSError as exc:
        raise BuildError(f"{shown}: cannot read the interface catalog: {exc.strerror}") from None
    try:
        return read_po_strict(data, shown)
    except PoReadError as exc:
        raise BuildError(str(exc)) from None


def placeholder_problems(catalog: Catalog) -> list[tuple[int, str]]:
    """``(line, message)`` for each translation whose ``{placeholders}`` differ from its msgid's.

    ``t()`` fills placeholders with ``str.format``: a translation that drops one loses the value, one that
    adds or misspells one raises KeyError. Fuzzy translations are not used, so they are not checked.
    """
    problems = []
    for message in catalog:
        if not (message.id and isinstance(message.id, str) and isinstance(message.string, str)
                and message.string and not message.fuzzy):
            continue
        expected = placeholders(message.id)
        if expected is None:  # not a format string: t() only formats strings it passes values to
            continue
        found = placeholders(message.string)
        line = message.lineno or 1  # Babel's line of the msgid, counted from 1
        if found is None:
            problems.append((line, f"the translation of {message.id!r} has an unmatched brace; "
                                   "write {{ or }} for a literal one"))
        elif found != expected:
            problems.append((line, f"the translation of {message.id!r} has the placeholders {_names(found)} "
                                   f"but the English text has {_names(expected)}"))
    return problems


#: What lets text become active markup on a page: raw HTML and autolinks (``<``), links and images (``[ ]``,
#: where ``javascript:`` would reach an ``href``). Some interface strings reach the Markdown unescaped (a
#: label before a code span, a note with a link), so a translation may hold these only where the English does.
_MARKUP = ("<", "[", "]")


def markup_problems(catalog: Catalog) -> list[tuple[int, str]]:
    """``(line, message)`` for each translation that adds HTML or a link the English text does not have."""
    problems = []
    for message in catalog:
        if not (message.id and isinstance(message.id, str) and isinstance(message.string, str)
                and message.string and not message.fuzzy):
            continue
        added = [char for char in _MARKUP if char in message.string and char not in message.id]
        if added:
            shown = " ".join(f"`{char}`" for char in added)
            problems.append((message.lineno or 1, f"the translation of {message.id!r} contains {shown}, which the "
                                                  "English text does not: interface strings cannot add HTML or links"))
    return problems


def placeholders(text: str) -> frozenset[str] | None:
    """The ``str.format`` field names in ``text`` (``{date}`` -> ``date``); None if it is not a valid format."""
    try:
        return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)
    except ValueError:
        return None


def compile_catalog(catalog: Catalog) -> gettext.GNUTranslations:
    """``catalog`` compiled to MO in memory (without fuzzy or empty translations) and loaded by ``gettext``."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def _names(names: frozenset[str]) -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(names)) or "none"


def _shown(path: Path) -> str:
    """``path`` as findings print it: relative to the working directory when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


# Extraction and merging (``make ui-pot``)


def extract_python(fileobj: IO[bytes], keywords: Mapping[str, Any], comment_tags: Collection[str],
                   options: Mapping[str, Any]) -> Iterator[tuple[int, str, tuple[str | None, ...], list[str]]]:
    """Babel extraction method for our Python sources (named in ``babel.cfg``).

    Yields Babel's ``(line, function, arguments, comments)`` for each call of a keyword function imported
    from ``kbtool.render.ui_text`` (``from kbtool.render.ui_text import t``, aliases included). Arguments
    that are not string literals, or are empty, are None; Babel skips a call whose msgid argument is None.
    Reading the syntax tree finds calls inside f-strings and joins implicitly concatenated literals.
    """
    source = fileobj.read().decode(options.get("encoding") or "utf-8")
    tree = ast.parse(source)
    names = {alias.asname or alias.name: alias.name for node in ast.walk(tree)
             if isinstance(node, ast.ImportFrom) and node.module == UI_TEXT_MODULE
             for alias in node.names if alias.name in keywords}
    calls = [node for node in ast.walk(tree)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names]
    comments = _comments(source)
    for call in sorted(calls, key=lambda c: (c.lineno, c.col_offset)):
        assert isinstance(call.func, ast.Name)
        # "" is gettext's header entry, never a msgid: label(lang, "") is just the language's colon.
        arguments = tuple(arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value
                          else None for arg in call.args)
        yield call.lineno, names[call.func.id], arguments, _translator_comments(comments, call.lineno, comment_tags)


def _comments(source: str) -> dict[int, str]:
    """Each line's comment text, by 1-based line number."""
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return {token.start[0]: token.string.lstrip("#").strip() for token in tokens if token.type == tokenize.COMMENT}


def _translator_comments(comments: dict[int, str], line: int, tags: Collection[str]) -> list[str]:
    """The comment block right above ``line``, from its first line that starts with a tag (none if none does)."""
    block: list[str] = []
    while line - 1 - len(block) in comments:
        block.insert(0, comments[line - 1 - len(block)])
    for i, text in enumerate(block):
        if any(text.startswith(tag) for tag in tags):
            return block[i:]
    return []


def read_mapping(path: Path = MAPPING) -> tuple[list[tuple[str, str]], dict[str, dict[str, str]]]:
    """Babel's ``(method_map, options_map)`` from a mapping file in Babel's format (``babel.cfg``).

    Read here rather than by ``babel.messages.frontend.parse_mapping_cfg``, which Babel 2.14 (our oldest
    supported version) lacks. As in Babel, ``[extractors]`` names methods written ``module:function``.
    """
    parser = configparser.RawConfigParser()
    with path.open(encoding="utf-8") as f:
        parser.read_file(f, str(path))
    extractors = dict(parser.items("extractors")) if parser.has_section("extractors") else {}
    method_map, options_map = [], {}
    for section in parser.sections():
        if section == "extractors":
            continue
        method, _, pattern = (part.strip() for part in section.partition(":"))
        method_map.append((pattern, extractors.get(method, method)))
        options_map[pattern] = dict(parser.items(section))
    return method_map, options_map


def extract_template(root: Path = REPO, mapping: Path = MAPPING) -> Catalog:
    """Every marked interface string under ``root``, as the template catalog."""
    method_map, options_map = read_mapping(mapping)
    template = Catalog(project=PROJECT, version=__version__, charset="utf-8", header_comment=_TEMPLATE_HEADER)
    found = extract_from_dir(root, method_map, options_map, KEYWORDS, COMMENT_TAGS,
                             strip_comment_tags=True, directory_filter=_directory_filter(root, method_map))
    for filename, line, message, comments, context in found:
        assert isinstance(message, str), f"{filename}: plural forms are not used: {message!r}"
        # Recent Babel sets the flag itself, 2.14 does not. With it, msgfmt --check compares the placeholders.
        flags = ("python-brace-format",) if placeholders(message) else ()
        template.add(message, None, [(filename, line)], flags=flags, auto_comments=comments, context=context)
    return template


def _directory_filter(root: Path, method_map: list[tuple[str, str]]) -> Callable[[str], bool]:
    """Walk only directories that lead to, or lie under, the fixed start of a pattern (not site/ or .venv/)."""
    starts = [pattern.split("*", 1)[0].rpartition("/")[0] for pattern, method in method_map if method != "ignore"]

    def wanted(dirpath: str) -> bool:
        rel = Path(os.path.relpath(dirpath, root)).as_posix()
        if rel.rpartition("/")[2].startswith((".", "__")):
            return False
        return any(not start or rel == start or rel.startswith(f"{start}/") or start.startswith(f"{rel}/")
                   for start in starts)

    return wanted


def new_catalog(language: SiteLanguage, now: datetime.datetime | None = None) -> Catalog:
    """An empty catalog for ``language``, its headers (Language, Plural-Forms) from Babel's locale data."""
    locale = Locale.parse(language.hreflang, sep="-")
    return Catalog(locale=locale, project=PROJECT, version=__version__, charset="utf-8",
                   header_comment=_CATALOG_HEADER.format(language=locale.english_name),
                   last_translator=_TRANSLATORS, language_team=f"{locale.english_name} ({_TRANSLATORS})",
                   revision_date=(now or datetime.datetime.now(datetime.timezone.utc)).replace(second=0,
                                                                                            microsecond=0),
                   fuzzy=False)


def merge(catalog: Catalog, template: Catalog) -> None:
    """Bring ``catalog`` up to date with ``template`` (Babel's ``update``: new strings empty, changed ones fuzzy)."""
    catalog.update(copy.deepcopy(template), update_creation_date=False)  # update() adopts template entries
    catalog.project, catalog.version = template.project, template.version


def po_bytes(catalog: Catalog) -> bytes:
    """``catalog`` as PO file bytes, the same for the same catalog (see the module docstring)."""
    buffer = io.BytesIO()
    # No "#| msgid" lines: Babel wraps a long previous msgid into comment lines that msgfmt cannot read.
    write_po(buffer, catalog, width=WIDTH, sort_output=True, ignore_obsolete=True, include_previous=False,
             include_lineno=False)
    lines = buffer.getvalue().splitlines(keepends=True)
    return b"".join(line for line in lines if not line.startswith(_DROPPED_HEADERS))


def update(ui_dir: Path | None = None, root: Path = REPO, check: bool = False) -> list[str]:
    """Extract the template and merge it into every language's catalog; a line about each file changed.

    With ``check`` nothing is written: the lines say what would change.
    """
    ui_dir = ui_dir or UI_DIR
    template = extract_template(root)
    outputs = {ui_dir / f"{DOMAIN}.pot": (po_bytes(template), f"{len(template)} string{'s' * (len(template) != 1)}")}
    for language in LANGUAGES:
        if language.code == SOURCE_LANGUAGE:
            continue
        path = po_file(language.code, ui_dir)
        catalog = read_catalog(path) if path.exists() else new_catalog(language)
        merge(catalog, template)
        todo = [m for m in catalog if m.id and (m.fuzzy or not m.string)]
        outputs[path] = (po_bytes(catalog), f"{len(todo)} to translate" if todo else "complete")
    report = []
    for path, (data, summary) in outputs.items():
        if path.exists() and path.read_bytes() == data:
            continue
        if not check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        report.append(f"{_shown(path)}: {'out of date' if check else 'written'} ({summary})")
    return report


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m kbtool.render.catalogs [--check]``: what ``make ui-pot`` runs."""
    parser = argparse.ArgumentParser(
        prog="python -m kbtool.render.catalogs",
        description="Extract the interface strings into i18n/ui/messages.pot and merge them into each "
                    "language's i18n/ui/<lang>/LC_MESSAGES/messages.po.")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if a file is out of date with the code")
    args = parser.parse_args(argv)
    try:
        report = update(check=args.check)
    except KbError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    for line in report:
        print(line)
    if not report:
        print("interface catalogs are up to date")
    return 1 if args.check and report else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
