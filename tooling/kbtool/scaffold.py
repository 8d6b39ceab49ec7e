"""The text of a new record, as ``kb new`` writes it, and the checks of what the author gives it.

Pure functions: nothing here reads or writes files. The scaffold is a
valid record (``kb validate`` accepts it, so ``kb serve`` shows it at once)
whose unfinished parts all contain the word ``TODO``, which ``kb lint``
reports (KB405) until each is replaced. Comments explain every field,
since contributors learn the format from this file.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import yaml

from kbtool.model.registry import Product

SCHEMA_COMMENT = "# yaml-language-server: $schema=../schema/record.schema.json"

#: The record schema's ``$defs.slug``, for a knowledge base whose schema states none.
_SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_SLUG_MAX_LENGTH = 80


@dataclass(frozen=True, slots=True)
class IdRule:
    """What a record id must look like: the ``slug`` definition of the record schema."""

    pattern: str = _SLUG_PATTERN
    max_length: int = _SLUG_MAX_LENGTH

    @classmethod
    def from_schema(cls, schema: Mapping[str, object]) -> IdRule:
        """The rule the record schema states (``$defs.slug``), or the default when it states none."""
        defs = schema.get("$defs")
        slug = defs.get("slug") if isinstance(defs, dict) else None
        if not isinstance(slug, dict):
            return cls()
        pattern, max_length = slug.get("pattern"), slug.get("maxLength")
        return cls(pattern if isinstance(pattern, str) else _SLUG_PATTERN,
                   max_length if isinstance(max_length, int) else _SLUG_MAX_LENGTH)

    def problem(self, record_id: str) -> str | None:
        """Why ``record_id`` cannot be a record id, or None when it can."""
        if not record_id:
            return "the id is empty"
        if len(record_id) > self.max_length:
            return f"`{record_id}` is longer than {self.max_length} characters"
        if re.search(self.pattern, record_id) is None:
            suggestion = slugify(record_id, self.max_length)
            hint = f" (such as `{suggestion}`)" if suggestion and suggestion != record_id else ""
            return (f"`{record_id}` is not a record id: use lowercase letters, digits and single hyphens{hint}; "
                    "it also names the file and the page")
        return None


def slugify(text: str, max_length: int = 80) -> str:
    """``text`` as lowercase ASCII words joined by single hyphens, cut at a hyphen to fit ``max_length``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))
    while len(slug) > max_length and "-" in slug:
        slug = slug.rsplit("-", 1)[0]
    return slug[:max_length]


def suggest_id(title: str, products: Sequence[str], max_length: int = 80) -> str:
    """An id for a record from its title, starting with its first product as the existing ids do.

    ``unauthorized: gateway token missing`` for ``openclaw`` gives
    ``openclaw-unauthorized-gateway-token-missing``. Empty when the title has
    no ASCII letters or digits (a title in Japanese): the author writes one.
    """
    words = slugify(title, max_length)
    if not words:
        return ""
    prefix = products[0] if products else ""
    if prefix and words != prefix and not words.startswith(prefix + "-"):
        words = f"{prefix}-{words}"
    return slugify(words, max_length)


def title_problem(title: str) -> str | None:
    """Why ``title`` cannot be a record title (the schema's single line of at most 200 characters), or None."""
    if not title.strip():
        return "the title is empty; name the error as the reader sees it"
    if "\n" in title or "\r" in title:
        return "the title must be a single line"
    if len(title) > 200:
        return f"the title is {len(title)} characters long; keep it to 200 at most"
    return None


def product_problem(value: str, products: Mapping[str, Product]) -> str | None:
    """Why ``value`` is not a product id of ``kb/products.yaml``, with the closest match, or None."""
    if value in products:
        return None
    for product in products.values():
        if value.lower() in (name.lower() for name in product.former_names):
            return f"`{value}` is a former name of {product.name}; give its product id, `{product.id}`"
        if value.lower() in (product.name.lower(), product.id):
            return f"`{value}` is the name of a product; give its id, `{product.id}`"
    close = difflib.get_close_matches(value.lower(), sorted(products), n=1)
    hint = f"did you mean `{close[0]}`?" if close else "the products are " + ", ".join(f"`{p}`" for p in products)
    return f"unknown product `{value}` (not in kb/products.yaml); {hint}"


def split_products(values: Iterable[str]) -> list[str]:
    """Product ids given as repeated options or comma- and space-separated lists, in order, without repeats."""
    ids: list[str] = []
    for value in values:
        for part in re.split(r"[,\s]+", value.strip()):
            if part and part not in ids:
                ids.append(part)
    return ids


def product_choices(products: Mapping[str, Product]) -> str:
    """The products as a prompt lists them: id, name, and former names a reader may know it by."""
    width = max((len(pid) for pid in products), default=0)
    lines = []
    for product in products.values():
        former = f" (formerly {', '.join(product.former_names)})" if product.former_names else ""
        lines.append(f"  {product.id.ljust(width)}  {product.name}{former}")
    return "\n".join(lines)


def _quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar (a JSON string is one, and escapes what YAML needs)."""
    return json.dumps(text, ensure_ascii=False)


def _plain_or_quoted(slug: str) -> str:
    """A slug as written in YAML: plain, unless YAML would read it as something else (`2026-01-01`, `0x1f`, `no`)."""
    return slug if yaml.safe_load(slug) == slug else _quoted(slug)


def record_text(record_id: str, title: str, products: Sequence[str], today: date) -> str:
    """The scaffold of record ``record_id``: valid, with a ``TODO`` placeholder in every field left to write."""
    day = today.isoformat()
    first = products[0] if products else "openclaw"
    return f"""\
{SCHEMA_COMMENT}
# Written by `kb new`. Replace every TODO (`kb lint` reports each one left as KB405),
# delete the comments you no longer need, and see CONTRIBUTING.md for a finished example.
id: {_plain_or_quoted(record_id)}
lang: en
# The error as the reader sees it, on one line (often the message itself).
title: {_quoted(title)}
# One or two sentences of Markdown: what the error means and the usual fix.
summary: >-
  TODO: what the error means and the usual fix, in one or two sentences.
# Product ids from kb/products.yaml.
products: [{", ".join(products)}]
# Optional: the versions the record applies to, as comma-separated comparators
# (`kb lint` checks each command against the CLI of these versions), the
# WebSocket close code of the error, and topic tags for the tag index.
# applies_to:
#   {first}: ">=2026.2.3"
# close_code: 1008
# tags: [gateway, auth]

# What the software prints. A signature is an exact piece of the error line
# (`text`) or a regular expression (`regex`). Each of its `examples`, a whole
# line as a user would paste it, must match; `counter_examples` (the lines of
# similar errors) must not.
signatures:
  - text: "TODO: the exact error text"
    examples:
      - "TODO: a whole line of output, containing TODO: the exact error text"

# What the reader observes, one Markdown paragraph each.
symptoms:
  - "TODO: what the reader sees, where and when."

# Why it happens. Each cause has an id (lowercase words and hyphens): it is the
# anchor on the page, solutions name it, and translations address its text by it.
causes:
  - id: todo-cause
    title: "TODO: the cause in a few words"
    text: >-
      TODO: why the error happens, with the facts your sources give.

# How to fix it, the most likely fix first. A step has Markdown `text` and/or
# one action: a command (`run: openclaw dashboard`) or a file snippet (`file:`
# with `format:` and `code:`). Write placeholders in commands and snippets as
# <lower-kebab>, such as <your-token>; never paste a real token.
solutions:
  - id: todo-solution
    title: "TODO: the fix in a few words"
    causes: [todo-cause]
    steps:
      - text: "TODO: the first step."
        # run: openclaw doctor
    # Steps that show the fix worked.
    verify:
      - text: "TODO: how the reader sees that the fix worked."

# Optional: ids of related records (ask them to list this one back).
# related:
#   - openclaw-gateway-token-mismatch

# Where the facts come from: every source is an https:// URL, at a fixed commit
# for code and docs when you can. kind: blog, issue, pull-request, docs,
# source-code, commit or forum; date: when the source was published or changed.
sources:
  - id: todo-source
    url: https://example.org/TODO
    title: "TODO: the title of the page"
    lang: en
    # date: {day}
    # kind: docs

# Optional: statements in sources that are false or outdated, in your words,
# with what is true instead (shown on the page as corrections).
# source_claims:
#   - source: todo-source
#     claim: What the source says.
#     verdict: "false"   # false, outdated, partly-true or unverified
#     fact: What is true, and where you checked it.

# What you checked against the real software or its source code, and what you could not.
verification:
  checked: {day}
  verified:
    - "TODO: what you checked, in which version or source."
  unverified:
    - "TODO: what you could not check (or delete this list)."

# The date of the last change to the facts of this record.
updated: {day}
"""
