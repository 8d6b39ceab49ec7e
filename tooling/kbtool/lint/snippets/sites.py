"""Where a record holds snippets: every step's command or file snippet, with its data path and version ranges."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kbtool.load.document import DataPath
from kbtool.model.record import Record, Snippet, Solution, Step


@dataclass(frozen=True, slots=True)
class SnippetSite:
    """One snippet of a record, and what a rule needs to judge and position it."""

    snippet: Snippet
    path: DataPath
    """Data path of the snippet's code string (``run``, ``run.code`` or ``code``)."""
    step: Step
    step_path: DataPath
    solution: Solution
    ranges: tuple[dict[str, str], ...]
    """The ``applies_to`` ranges that narrow this step: the record's, the solution's, the step's."""

    @property
    def is_command(self) -> bool:
        return self.snippet.shell is not None

    @property
    def shell(self) -> str:
        return self.snippet.shell or ""


def snippet_sites(record: Record, data: object) -> Iterator[SnippetSite]:
    """Every snippet of ``record`` in file order; ``data`` is its document's data (to tell ``run`` forms apart)."""
    solutions = data.get("solutions", []) if isinstance(data, dict) else []
    for s_index, solution in enumerate(record.solutions):
        raw_solution = solutions[s_index] if s_index < len(solutions) else {}
        for key, steps in (("steps", solution.steps), ("verify", solution.verify)):
            raw_steps = raw_solution.get(key, []) if isinstance(raw_solution, dict) else []
            for index, step in enumerate(steps):
                step_path: DataPath = ("solutions", s_index, key, index)
                ranges = (record.applies_to, solution.applies_to, step.applies_to)
                raw = raw_steps[index] if index < len(raw_steps) else {}
                if step.run is not None:
                    in_mapping = isinstance(raw, dict) and isinstance(raw.get("run"), dict)
                    path = step_path + (("run", "code") if in_mapping else ("run",))
                    yield SnippetSite(step.run, path, step, step_path, solution, ranges)
                if step.file is not None:
                    yield SnippetSite(step.file, step_path + ("code",), step, step_path, solution, ranges)
