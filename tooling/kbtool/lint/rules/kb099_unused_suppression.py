"""A `# kb:` suppression comment silences nothing, or cannot be read.

Findings of a lint rule can be silenced where the author has a reason, with a
YAML comment naming one or more rule ids (commas between them):

- `# kb: disable=KB301` at the end of a line: findings of KB301 on that line;
- `# kb: disable-next-line=KB301` on a line of its own: findings on the next line;
- `# kb: disable-file=KB105` anywhere: findings of KB105 in the whole record.

Rules can also be switched off or given another severity for the whole
knowledge base in `[tool.kb.lint]` of `pyproject.toml` or `[lint]` of `kb.toml`
(`disable = ["KB105"]`, `severity = { KB203 = "error" }`).

A suppression that no longer silences anything is reported, as ruff and ESLint
report unused `noqa` and `eslint-disable` comments: the problem it was written
for is gone (or was on another line), and a stale suppression would hide the
next real one. So are comments that start with `# kb:` but are not one of the
three forms, ids that name no rule, and validation rules (KB0xx), which cannot
be suppressed. `# kb:` written inside a value (a shell script in a block
scalar) is text, not a comment, and is ignored.

## Passing

```yaml
related:
  - openclaw-gateway-token-missing  # kb: disable=KB105
```

(when `openclaw-gateway-token-missing` does not list this record back)

## Failing

```yaml
# kb: disable=KB105
related:
  - openclaw-gateway-token-missing
```

(`disable=` covers only its own line; use `disable-next-line=`, or put it at
the end of the line with the finding)
"""

from __future__ import annotations

from collections.abc import Iterator

from kbtool.lint.context import LintContext
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB099", "unused-suppression", Severity.WARNING, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    """Nothing here: the engine reports unused suppressions after it has applied them."""
    del ctx
    yield from ()
