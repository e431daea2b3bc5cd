"""Errors as values: a problem names where it is (file, row, column), the value and what was expected.

A problem's message is a coded text (``messages.Coded``: a catalogue code and its arguments) that
reads as its Chinese text; ``text(lang)`` and ``render(lang)`` give it in the user's language,
where the problem is shown (the window, the command line, the problem report). ``code`` is the
problem's kind, stable for programs and tests.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

from workload_app.core import messages
from workload_app.core.text import clip

T = TypeVar("T")


class Problem(NamedTuple):
    """One thing wrong with the input. ``row`` is the row number as the user sees it in the file;
    ``column`` the column as headed in the file (the file's own words, not translated)."""

    code: str
    message: str  # a ``messages.Coded`` text (a plain string is shown as it is in every language)
    row: int | None = None
    column: str = ""
    value: str = ""
    file: str = ""

    @classmethod
    def coded(
        cls,
        code: str,
        row: int | None = None,
        column: str = "",
        value: str = "",
        file: str = "",
        kind: str = "",
        **arguments: Any,
    ) -> Problem:
        """A problem whose message is the catalogue's text ``code`` with ``arguments``; its kind is
        ``kind`` (``code`` when not given)."""
        return cls(kind or code, messages.Coded(code, **arguments), row, column, value, file)

    def text(self, lang: str = messages.ZH) -> str:
        """The message in ``lang``."""
        return messages.in_language(self.message, lang)

    def render(self, lang: str = messages.ZH) -> str:
        """The whole problem in ``lang``: file, row, column, message and the value found."""
        where = [self.file] if self.file else []
        if self.row is not None:
            where.append(messages.render("problem.row", {"row": self.row}, lang))
        if self.column:
            where.append(messages.render("problem.column", {"column": self.column}, lang))
        value = messages.render("problem.value", {"value": clip(self.value)}, lang) if self.value else ""
        if not where:
            return f"{self.text(lang)}{value}"
        head = messages.render("problem.separator", None, lang).join(where)
        return messages.render(
            "problem.line", {"where": head, "message": self.text(lang), "value": value}, lang
        )


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
