"""Errors as values: a problem names where it is (file, row, column), the value and what was expected.

Problems are rendered in Chinese for the user; ``code`` is stable for programs and tests.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

from workload_app.core import messages
from workload_app.core.text import clip

T = TypeVar("T")


class Problem(NamedTuple):
    """One thing wrong with the input. ``row`` is the row number as the user sees it in the file."""

    code: str
    message: str
    row: int | None = None
    column: str = ""
    value: str = ""
    file: str = ""
    english: str = ""  # the message in English, for a problem made from a catalogue code (``coded``)

    @classmethod
    def coded(
        cls,
        code: str,
        row: int | None = None,
        column: str = "",
        value: str = "",
        file: str = "",
        **arguments: Any,
    ) -> Problem:
        """A problem whose message is the catalogue's text of ``code`` (Chinese, and English beside it)."""
        return cls(
            code,
            messages.render(code, arguments, messages.ZH),
            row,
            column,
            value,
            file,
            messages.render(code, arguments, messages.EN),
        )

    def text(self, lang: str = messages.ZH) -> str:
        """The message in ``lang``: the English text when there is one, else the Chinese."""
        return self.english if lang.startswith(messages.EN) and self.english else self.message

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
    """An error the user can act on.

    ``WorkloadError(code, **arguments)`` with a code from ``core.messages`` carries the code and
    its arguments; ``str()`` is the Chinese text and ``render(lang)`` the text in ``lang``. A plain
    Chinese message (no code) is still accepted and shown as it is in every language.
    """

    def __init__(self, message: str = "", /, **arguments: Any) -> None:
        self.code = message if message in messages.MESSAGES else ""
        self.arguments = arguments
        super().__init__(messages.render(self.code, arguments) if self.code else message)

    def render(self, lang: str = messages.ZH) -> str:
        """The message in ``lang`` (``zh`` or ``en``); an uncoded message as it was written."""
        return messages.render(self.code, self.arguments, lang) if self.code else str(self)


class ParameterError(WorkloadError):
    """A parameter set is invalid; ``key`` names the offending key (e.g. ``trial.weights``).

    ``problems`` lists every problem found (each a ParameterError naming its key); a parameter
    set with several problems raises one error listing them all (``ParameterError.several``).
    """

    def __init__(self, key: str, message: str, /, **arguments: Any) -> None:
        super().__init__(message, **({"key": key} | arguments) if message in messages.MESSAGES else arguments)
        self.key = key
        self.problems: list[ParameterError] = [self]

    @classmethod
    def several(cls, problems: list[ParameterError]) -> ParameterError:
        """One error for all ``problems``: the only one itself, else a list naming each key."""
        if len(problems) == 1:
            return problems[0]
        error = cls(problems[0].key, "param.several", count=len(problems), lines=_Lines(problems))
        error.problems = list(problems)
        return error


class _Lines:
    """The problems of a parameter set, one a line, rendered in the caller's language."""

    def __init__(self, problems: list[ParameterError]) -> None:
        self.problems = problems

    def render(self, lang: str = messages.ZH) -> str:
        return "\n".join(f"· {p.render(lang)}" for p in self.problems)

    def __str__(self) -> str:
        return self.render()


class ParameterProblems:
    """Collects the problems of a parameter set so that all are reported at once."""

    def __init__(self) -> None:
        self.found: list[ParameterError] = []

    def attempt(self, fn: Callable[..., T], *args: Any) -> T | None:
        """``fn(*args)``, or None after noting the ParameterError(s) it raised."""
        try:
            return fn(*args)
        except ParameterError as exc:
            self.found.extend(exc.problems)
            return None

    def note(self, error: ParameterError) -> None:
        self.found.extend(error.problems)

    def raise_any(self) -> None:
        if self.found:
            raise ParameterError.several(self.found)


class ImportRejected(WorkloadError):
    """An import was refused as a whole; ``problems`` lists every bad row."""

    def __init__(self, message: str, problems: list[Problem] | None = None, /, **arguments: Any) -> None:
        super().__init__(message, **arguments)
        self.problems = problems or []
