"""``kb new``: scaffold a record, from options or by asking, without ever overwriting one."""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kbtool.errors import KbError, UsageError
from kbtool.load.layout import RECORD_SUFFIX, Layout, find_layout
from kbtool.model.registry import Product
from kbtool.render.links import html_path, record_page
from kbtool.scaffold import (
    IdRule,
    product_choices,
    product_problem,
    record_text,
    split_products,
    suggest_id,
    title_problem,
)
from kbtool.validate.engine import display_path, read_document, validate

HELP = "start a new record: write kb/records/ID.yaml with every field to fill in"
DESCRIPTION = """\
Write a new record, kb/records/ID.yaml, ready to be filled in: the schema
comment editors use for completion, every required field, and comments that
say what each one holds. It passes `kb validate`, so `kb serve` shows it at
once; each TODO placeholder in it is an error of `kb lint` (KB405) until you
replace it, so an unfinished record cannot be published.

Give the id, title and products as options, or run `kb new` in a terminal and
it asks for what is missing (suggesting an id made from the title and listing
the products of kb/products.yaml). Without a terminal, every one of them must
be given.

An existing file, or an id another record already has, is never overwritten:
`kb new` stops and writes nothing.

examples:
  kb new
  kb new --title "unauthorized: gateway token missing" --product openclaw \\
         --id openclaw-gateway-token-missing

exit status: 0 record written, 2 usage error (a bad or missing option, an id
that is taken)
"""

#: Reads one answer; :func:`input` in a terminal, a stub in tests.
Ask = Callable[[str], str]


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("new", help=HELP, description=DESCRIPTION,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--id", dest="record_id", metavar="ID",
                        help="the record id and file name: lowercase letters, digits and single hyphens, "
                             "usually the product then the error (openclaw-gateway-token-missing)")
    parser.add_argument("--title", metavar="TEXT", help="the error as the reader sees it, on one line")
    parser.add_argument("--product", action="append", default=[], metavar="ID",
                        help="a product id of kb/products.yaml (openclaw, moltworker); repeat it, or separate "
                             "ids with commas, for a record about several")
    parser.set_defaults(run=run)


@dataclass(slots=True)
class Answers:
    """What the new record is made from; None (or empty) until given or asked."""

    record_id: str | None = None
    title: str | None = None
    products: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Constraints:
    """What the answers are checked against: the id rule, the products, and the ids already taken."""

    id_rule: IdRule
    products: Mapping[str, Product]
    taken: Mapping[str, str]
    """Ids in use, each with the file that uses it (as shown to the user)."""

    def id_problem(self, record_id: str) -> str | None:
        problem = self.id_rule.problem(record_id)
        if problem is None and record_id in self.taken:
            problem = f"the id `{record_id}` is already used by {self.taken[record_id]}; choose another id"
        return problem

    def products_problem(self, products: list[str]) -> str | None:
        if not products:
            return "give at least one product"
        problems = [p for p in (product_problem(value, self.products) for value in products) if p]
        return "; ".join(problems) or None


def run(args: argparse.Namespace) -> int:
    layout = find_layout(args.root)
    constraints = _constraints(layout)
    given = Answers(args.record_id, args.title, split_products(args.product))
    _check_given(given, constraints)
    if _missing(given):
        if not _stdin_is_terminal():
            raise UsageError(_missing_message(given, constraints))
        given = ask_missing(given, constraints, input)
    assert given.record_id is not None and given.title is not None
    path = layout.records_dir / f"{given.record_id}{RECORD_SUFFIX}"
    write_new(path, record_text(given.record_id, given.title.strip(), given.products, date.today()))
    print(next_steps(display_path(path), given.record_id, args.root))
    return 0


def ask_missing(given: Answers, constraints: Constraints, ask: Ask) -> Answers:
    """Ask for the title, the products and the id that ``given`` lacks, until each answer is usable.

    Every prompt, list of choices and complaint goes through ``ask``, so a
    test drives the whole dialogue with a list of answers. An empty answer
    to the id takes the suggested id. End of input stops with a usage error.
    """
    answers = Answers(given.record_id, given.title, list(given.products))
    try:
        note = ""
        while answers.title is None:
            title = ask(f"{note}Title (the error as the reader sees it, on one line): ").strip()
            note = _note(title_problem(title))
            if not note:
                answers.title = title
        note = ""
        while not answers.products:
            reply = ask(f"{note}Products of kb/products.yaml:\n{product_choices(constraints.products)}\n"
                        "Product ids (several: separate them with commas): ")
            products = split_products([reply])
            note = _note(constraints.products_problem(products))
            if not note:
                answers.products = products
        note = ""
        while answers.record_id is None:
            suggested = suggest_id(answers.title, answers.products, constraints.id_rule.max_length)
            if suggested and constraints.id_problem(suggested) is not None:
                suggested = ""
            default = f" [{suggested}]" if suggested else ""
            reply = ask(f"{note}Id (also the file name, lowercase words and hyphens){default}: ").strip() or suggested
            note = _note(constraints.id_problem(reply))
            if not note:
                answers.record_id = reply
    except EOFError:
        raise UsageError("no answer (end of input); nothing was written") from None
    return answers


def write_new(path: Path, text: str) -> None:
    """Create ``path`` with ``text``; a file already there (even one created a moment ago) is left untouched."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as out:
            out.write(text)
    except FileExistsError:
        raise UsageError(f"{display_path(path)} already exists; kb new never overwrites a record "
                         "(choose another --id, or edit that file)") from None
    except OSError as exc:
        raise KbError(f"{display_path(path)}: cannot write: {exc.strerror or exc}") from None


def next_steps(shown_path: str, record_id: str, root: Path) -> str:
    """What to do after ``kb new``, with commands that work from the current directory."""
    kb = "kb" if root == Path(".") else f"kb --root {shlex.quote(str(root))}"
    return (f"Wrote {shown_path}\n"
            "Next steps:\n"
            f"  1. Edit it: replace every TODO; the comments in the file say what each field holds,\n"
            f"     and CONTRIBUTING.md has a finished example.\n"
            f"  2. Check it (each TODO left is reported as KB405):\n"
            f"       {kb} lint {shlex.quote(shown_path)}\n"
            f"  3. Preview it; the page updates as you save:\n"
            f"       {kb} serve\n"
            f"     then open http://127.0.0.1:8000/{html_path(record_page(record_id))}\n"
            "  4. Send it as a pull request (see CONTRIBUTING.md).")


def _constraints(layout: Layout) -> Constraints:
    registries = validate(layout, []).registries
    if not registries.products:
        raise UsageError(f"{display_path(layout.products_file)} lists no products; a record needs one")
    return Constraints(_id_rule(layout), registries.products, _taken_ids(layout))


def _id_rule(layout: Layout) -> IdRule:
    """The slug rule of the knowledge base's own record schema, so ``kb new`` agrees with ``kb validate``."""
    try:
        schema = json.loads(layout.schema_file("record").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return IdRule()
    return IdRule.from_schema(schema) if isinstance(schema, dict) else IdRule()


def _taken_ids(layout: Layout) -> dict[str, str]:
    """Each id in use: every record's file name, and the ``id`` written in it (they differ in a broken record)."""
    taken: dict[str, str] = {}
    for path in layout.record_files():
        shown = display_path(path)
        taken.setdefault(path.stem, shown)
        doc, _ = read_document(path)
        written = doc.data.get("id") if doc is not None and isinstance(doc.data, dict) else None
        if isinstance(written, str):
            taken.setdefault(written, shown)
    return taken


def _check_given(given: Answers, constraints: Constraints) -> None:
    """Refuse bad options before asking anything, so a typo is not discovered after three questions."""
    problems = []
    if given.title is not None and (problem := title_problem(given.title)):
        problems.append(f"--title: {problem}")
    if given.products and (problem := constraints.products_problem(given.products)):
        problems.append(f"--product: {problem}")
    if given.record_id is not None and (problem := constraints.id_problem(given.record_id)):
        problems.append(f"--id: {problem}")
    if problems:
        raise UsageError("\n".join(problems) + "\nnothing was written")


def _missing(given: Answers) -> list[str]:
    flags = [("--id", given.record_id is None), ("--title", given.title is None), ("--product", not given.products)]
    return [flag for flag, absent in flags if absent]


def _missing_message(given: Answers, constraints: Constraints) -> str:
    missing = _missing(given)
    message = (f"missing {', '.join(missing)}: standard input is not a terminal, so kb new cannot ask; "
               f"give {'it as an option' if len(missing) == 1 else 'them as options'} (kb new --help)")
    if given.record_id is None and given.title is not None:
        suggested = suggest_id(given.title, given.products, constraints.id_rule.max_length)
        if suggested and constraints.id_problem(suggested) is None:
            message += f"; for this title, --id {suggested} would do"
    return message


def _note(problem: str | None) -> str:
    """A problem with the last answer, as the first line of the next prompt."""
    return f"  {problem}\n" if problem else ""


def _stdin_is_terminal() -> bool:
    """Whether someone can answer: a terminal on standard input (not a pipe, a file or CI's /dev/null)."""
    isatty = getattr(sys.stdin, "isatty", None)
    return bool(isatty is not None and isatty())
