"""The one error type every content and macro check raises, so messages all read the same way."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(value: object, choices: Iterable[str]) -> str:
    """The start of a fix naming the closest ids to a mistyped one ("did you mean 'own-it'? ").

    Put first in a fix: an author who mistyped one letter needs the right id, not a list of all.
    Empty when nothing is close.
    """
    if not isinstance(value, str):
        return ""
    scored = [(difflib.SequenceMatcher(None, value, c).ratio(), c) for c in sorted(set(choices))]
    best = max((score for score, _ in scored), default=0.0)
    if best < 0.6:
        return ""
    close = [choice for score, choice in scored if score == best][:3]  # ties only: one is best
    return f"did you mean {' or '.join(repr(c) for c in close)}? "


class ContentError(Exception):
    """Bad input that must stop the build: says where (file, line, record, field) and the fix."""

    def __init__(
        self,
        *,
        file: str,
        message: str,
        fix: str,
        line: int | None = None,
        record: str | None = None,
        field: str | None = None,
    ) -> None:
        self.file = file
        self.line = line
        self.record = record
        self.field = field
        self.message = message
        self.fix = fix
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        about = []
        if self.record:
            about.append(f"record '{self.record}'")
        if self.field:
            about.append(f"field '{self.field}'")
        subject = f" ({', '.join(about)})" if about else ""
        return f"{where}{subject}: {self.message}. Fix: {self.fix}."


class MacroArgumentError(Exception):
    """A macro called with an unknown id or a wrong argument; the caller adds the page and line."""

    def __init__(self, message: str, fix: str) -> None:
        self.message = message
        self.fix = fix
        super().__init__(f"{message}. Fix: {fix}.")


class ContentErrors(Exception):
    """Several author errors found at once by a check over the whole site: one line each."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))
