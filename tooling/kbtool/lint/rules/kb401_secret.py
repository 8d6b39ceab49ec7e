"""A record or its translation contains a token, password or key that looks real.

Anything published here is public: a real gateway token in a snippet
gives operator access to someone's agent, and an API key costs money.
Every string of the record and of its translations is scanned (snippets, text, examples, source
claims) for known formats (GitHub, AWS, Slack, OpenAI, Anthropic and
Telegram tokens, JSON Web Tokens, PEM private keys), values given to a
token, secret, password or key, and long random strings: 32 or more hex
digits (OpenClaw generates 48, `openssl rand -hex 32` gives 64) or
base64 text of high entropy. Placeholders, UUIDs in log lines and commit
shas (in `commits`, in URLs, after "commit") are not secrets.

If the value was ever real, rotate it: removing it from the record does
not remove it from the history.

## Passing

```yaml
steps:
  - file: .env
    format: dotenv
    code: |
      OPENCLAW_GATEWAY_TOKEN=<your-token>
```

## Failing

```yaml
steps:
  - file: .env
    format: dotenv
    code: |
      OPENCLAW_GATEWAY_TOKEN=3f9a1c7e5b2d4f608a1e9c3b7d5f2a4e6c8b0d1f3a5e7c9b
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbtool.lint.context import LintContext
from kbtool.lint.snippets.positions import at_offset
from kbtool.i18n.units import record_units
from kbtool.lint.snippets.secrets import Secret, find_secrets
from kbtool.load.document import DataPath, Document, strings
from kbtool.model.finding import Finding, Severity
from kbtool.model.rule import RuleInfo

RULE = RuleInfo.from_doc("KB401", "secret", Severity.ERROR, __doc__)


def check(ctx: LintContext) -> Iterator[Finding]:
    for rf in ctx.linted():
        for path, text in strings(rf.doc.data, ()):
            if len(path) == 3 and path[0] == "commits" and path[2] == "sha":
                continue  # a commit sha, checked by the commit rules
            yield from _report(rf.doc, path, text, find_secrets(text))
    yield from _translations(ctx)


def _translations(ctx: LintContext) -> Iterator[Finding]:
    """Translated text, where a translator can paste a token as easily as an author.

    Only what the translation adds is reported: a commit id or example value
    copied from the source was judged there, with its English context.
    """
    for rf in ctx.linted():
        sources = {unit.key: unit.text for unit in record_units(rf.record)}
        for _lang, translation in ctx.translations_of(rf.record.id):
            if translation.doc is None:
                continue
            for key, value in translation.fields.items():
                source = sources.get(key, "")
                added = [s for s in find_secrets(value.text) if _word_at(value.text, s.offset) not in source]
                yield from _report(translation.doc, ("fields", key, "text"), value.text, added)


def _report(doc: Document, path: DataPath, text: str, secrets: list[Secret]) -> Iterator[Finding]:
    for secret in secrets:
        needle = text[secret.offset:secret.offset + 8]
        yield at_offset(RULE, doc, path, secret.offset, needle,
                        f"this looks like a real {secret.kind}; never publish secrets: replace it with a "
                        "placeholder such as `<your-token>` (and rotate it if it was ever in use)")


def _word_at(text: str, offset: int) -> str:
    match = _WORD.match(text, offset)
    return match.group(0) if match else text[offset:offset + 8]


_WORD = re.compile(r"[\w+/=.-]+")

