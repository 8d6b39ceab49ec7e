"""The ``kb match`` benchmark's input: a large log, and the signatures as ``grep -E`` patterns.

The log is ordinary gateway chatter with, now and then, a line that one of
the knowledge base's signatures matches (an example line of a record), so
both tools find something. Patterns are ``kbtool.match.patterns.signature_pattern``,
the regular expression ``kb match`` runs, with ``(?:`` written as a plain
group for POSIX ERE.
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

from kbtool.match.patterns import signature_pattern
from kbtool.model.record import Record

NOISE = (
    "{ts} [gateway] listening on ws://127.0.0.1:18789 (PID {n})",
    "{ts} [ws] connected conn={hex} remote=127.0.0.1 client=control-ui v2026.9.6",
    "{ts} [agent] turn {n} completed in {ms} ms (model=gpt-5, tokens=1{n})",
    "{ts} [channels] telegram: polling ok, {n} updates",
    "{ts} [heartbeat] ok uptime={n}s rss={ms}MB",
    "{ts} [cron] job daily-digest scheduled at 07:00, next run in {n} s",
)


def records(root: Path) -> list[Record]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return [Record.from_data(yaml.load(path.read_text(encoding="utf-8"), Loader=loader))
            for path in sorted((root / "kb" / "records").glob("*.yaml"))]


def write_patterns(root: Path, out: Path) -> int:
    """One ERE per signature of every record; the number written."""
    patterns = [signature_pattern(s).replace("(?:", "(") for r in records(root) for s in r.signatures]
    out.write_text("\n".join(patterns) + "\n", encoding="utf-8")
    return len(patterns)


def write_log(root: Path, out: Path, megabytes: int, seed: int = 8) -> int:
    """A log of about ``megabytes`` MB where one line in 2,000 is a record's example; the lines written."""
    rng = random.Random(seed)
    examples = [line for r in records(root) for s in r.signatures for line in s.examples]
    target = megabytes * 1_000_000
    written = lines = 0
    with out.open("w", encoding="utf-8") as log:
        while written < target:
            chunk = []
            for _ in range(2_000):
                ts = f"2026-11-21T{rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}.{rng.randrange(1000):03d}Z"
                chunk.append(rng.choice(NOISE).format(ts=ts, n=rng.randrange(100_000), ms=rng.randrange(5_000),
                                                      hex=f"{rng.getrandbits(32):08x}"))
            chunk[rng.randrange(len(chunk))] = rng.choice(examples)
            text = "\n".join(chunk) + "\n"
            log.write(text)
            written += len(text.encode("utf-8"))
            lines += len(chunk)
    return lines
