"""Data errors as the contributor who must fix them reads them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class DataError:
    """One problem in one data file, printed as ``path:line:col: field: message (hint: ...)``."""

    path: str
    line: int
    col: int
    field: str
    message: str
    hint: str | None = None
    followup: bool = False
    """A consequence of another error (references into a file that could not be read): listed after it."""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.field}: {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text


class DataInvalid(Exception):
    """Raised once, after every data error has been collected."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = sorted(errors, key=lambda e: (e.path, e.followup, e.line, e.col, e.field, e.message))
        super().__init__(self.report())

    def report(self) -> str:
        n = len(self.errors)
        lines = [str(e) for e in self.errors]
        lines.append(f"{n} data error{'s' if n != 1 else ''}: nothing was built.")
        return "\n".join(lines)
