"""Records for the snippet, secret and safety rule tests (KB3xx, KB401-KB419).

``with_steps("alpha", '''- run: openclaw doctor''')`` is the minimal record
whose only solution has these steps. Steps are written as YAML list items
at column 0; they land at column 7 of the record, from line 19 on:

    15 solutions:
    16   - id: fix
    17     title: Fix it
    18     steps:
    19       - run: openclaw doctor      (a run value starts at column 14)
"""

from __future__ import annotations

import textwrap

from lint.helpers import record

FIRST_STEP_LINE = 19
STEP_INDENT = 6


def with_steps(record_id: str, steps: str, *, title: str = "Fix it", when: str | None = None,
               **overrides: str | None) -> dict[str, str]:
    """A minimal record ``record_id`` whose only solution ``fix`` has ``steps``."""
    body = textwrap.dedent(steps).strip("\n").splitlines()
    indented = "\n".join(" " * STEP_INDENT + line if line else line for line in body)
    head = f"\n  - id: fix\n    title: {title}\n"
    if when is not None:
        head += f"    when: {when}\n"
    return record(record_id, solutions=f"{head}    steps:\n{indented}", **overrides)
