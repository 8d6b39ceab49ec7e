"""A record still holds a `TODO` placeholder, such as those `kb new` writes.

`kb new` writes a record that passes `kb validate`, so that `kb serve` shows
it at once, with `TODO` wherever its author has something to write: the
summary, the signatures and their examples, the causes, the solutions, the
sources and the verification notes. This rule keeps such a record from being
published unfinished: every value that contains the word `TODO`, in any case,
is reported where it is written. That covers the ids `kb new` writes as
`todo-cause`, `todo-solution` and `todo-source`, and the example URL
`https://example.org/TODO`. YAML comments are not published and not checked.

Replace each placeholder with the real text, id or URL. To write the word
itself in a record, write "to-do".

## Passing

```yaml
causes:
  - id: runtime-only-token
    title: The gateway only has a token it generated for this run
    text: >-
      The gateway invented a token at startup and wrote nothing to the config.
```

## Failing

```yaml
causes:
  - id: todo-cause
    title: "TODO: the cause in a few words"
    text: "TODO: why the error happens, with the facts your sources give."
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbtool.lint.context import LintContext
from kbtool.lint.snippets.config_keys import dotted
from kbtool.lint.snippets.positions import at_offset
from kbtool.load.document import strings
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB405", "todo-placeholder", Severity.ERROR, __doc__)

#: The word on its own: `TODO:`, `todo-cause` and `/TODO` count; `todos` and `to-do` do not.
PLACEHOLDER = re.compile(r"(?<![A-Za-z0-9])todo(?![A-Za-z0-9])", re.IGNORECASE)


def check(ctx: LintContext) -> Iterator[Finding]:
    for rf in ctx.linted():
        for path, text in strings(rf.doc.data, ()):
            found = PLACEHOLDER.search(text)
            if found is not None:
                yield at_offset(RULE, rf.doc, path, found.start(), found.group(0),
                                f"placeholder left in `{dotted(path)}`: {_shown(text)}; "
                                "write the real value before publishing")


def _shown(text: str) -> str:
    """The placeholder as the message quotes it: its first line, cut when long."""
    first = text.strip().split("\n", 1)[0]
    return f"`{first[:60]}…`" if len(first) > 60 else f"`{first}`"

