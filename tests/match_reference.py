"""The matching rule as ``kbtool.match`` documents it, without the RE2 prefilter: the reference the matcher is tested against.

Every compiled signature runs on every cleaned line; a record scores the
sum of its signatures' longest matches.
"""

from __future__ import annotations

from collections.abc import Sequence

from kbtool.match.matcher import CompiledSignature
from kbtool.match.normalize import clean_text, strip_line


def reference_scores(signatures: Sequence[CompiledSignature], text: str) -> dict[str, int]:
    """Each matching record's score, by record id."""
    longest: dict[int, int] = {}
    for raw in clean_text(text).split("\n"):
        line = strip_line(raw)
        for number, signature in enumerate(signatures):
            span = signature.search(line)
            if span is not None:
                longest[number] = max(longest.get(number, 0), span[1] - span[0])
    scores: dict[str, int] = {}
    for number, length in longest.items():
        record = signatures[number].record_id
        scores[record] = scores.get(record, 0) + length
    return scores
