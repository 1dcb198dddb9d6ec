"""The one error a student sees when the course data has problems."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem in one place: file, spreadsheet row (header = row 1), column, what is wrong, how to fix it."""

    file: str
    row: int | None
    column: str | None
    what: str
    fix: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f" row {self.row}"
        if self.column:
            where += f", column {self.column}" if self.row is not None else f" column {self.column}"
        return f"{where}: {self.what}" + (f" — {self.fix}" if self.fix else "")


class CourseDataError(Exception):
    """Raised when the course data has problems; the message lists every one, one per line."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        n = len(self.problems)
        head = (
            f"The course data has {n} problem{'s' if n != 1 else ''} (nothing was changed; fix the file(s) and run"
            " again):"
        )
        super().__init__("\n".join([head, *(f"  - {p}" for p in self.problems)]))


class ReadingsUnavailable(RuntimeError):
    """Raised when the readings folder is not set or not found; the message says how to set it."""
