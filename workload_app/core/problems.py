"""Errors as values: a problem names where it is (file, row, column), the value and what was expected.

Problems are rendered in Chinese for the user; ``code`` is stable for programs and tests.
"""

from __future__ import annotations

from typing import NamedTuple

from workload_app.core.text import clip


class Problem(NamedTuple):
    """One thing wrong with the input. ``row`` is the row number as the user sees it in the file."""

    code: str
    message: str
    row: int | None = None
    column: str = ""
    value: str = ""
    file: str = ""

    def render(self) -> str:
        where = []
        if self.file:
            where.append(self.file)
        if self.row is not None:
            where.append(f"第 {self.row} 行")
        if self.column:
            where.append(f"「{self.column}」列")
        head = "，".join(where)
        value = f"（值：{clip(self.value)}）" if self.value else ""
        return f"{head}：{self.message}{value}" if head else f"{self.message}{value}"


class WorkloadError(Exception):
    """An error the user can act on; its message is already in the user's language."""


class ParameterError(WorkloadError):
    """A parameter set is invalid; ``key`` names the offending key (e.g. ``trial.weights``)."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


class ImportRejected(WorkloadError):
    """An import was refused as a whole; ``problems`` lists every bad row."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []
