"""Who owns each part of the guide, when it was last reviewed and when the next review is due.

Review data is written by people: a default in data/site.yml, overridden in a page's front matter
or in a data record (a checklist, a worked example). Nothing shown in the site comes from git or
the clock, so a shallow clone or a zip builds the same pages. The clock is read only to refuse a
review date that has not happened yet and to warn about reviews that are overdue.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from macros.errors import ContentError
from macros.fields import Record
from macros.yamlsource import parse_yaml

if TYPE_CHECKING:  # the content model reads reviews, so only the type comes from there
    from macros.content import Content

FIELDS = ("owner", "last_reviewed", "review_every_months")
DEFAULT_MONTHS = 12
MAX_MONTHS = 36
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*\n", re.DOTALL)


@dataclass(frozen=True)
class Review:
    """One owner and review cycle; `where` names what it covers in the review report."""

    owner: str
    last_reviewed: str
    every_months: int = DEFAULT_MONTHS
    where: str = ""

    @property
    def next_due(self) -> str:
        """The date the next review is due, as YYYY-MM-DD."""
        return add_months(date.fromisoformat(self.last_reviewed), self.every_months).isoformat()

    def overdue(self, today: date) -> bool:
        """Whether the next review date has passed."""
        return date.fromisoformat(self.next_due) < today


def add_months(day: date, months: int) -> date:
    """`day` moved on by whole months, kept inside the target month (Jan 31 + 1 -> Feb 28)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def long_date(iso: str) -> str:
    """A date as US readers say it: "November 25, 2026"."""
    day = date.fromisoformat(iso)
    return f"{day.strftime('%B')} {day.day}, {day.year}"


def today() -> date:
    """The clock's date, for the future-date check and overdue warnings only."""
    return datetime.now().date()


def read_review(record: Record, default: Review | None, where: str) -> Review:
    """Read `owner`, `last_reviewed` and `review_every_months` from a record.

    With a `default` (a page or data record) each field is optional and falls back to it; without
    one (data/site.yml) the owner and the date are required.
    """
    owner = record.text("owner", required=default is None) or (default.owner if default else "")
    reviewed = read_date(record, "last_reviewed", required=default is None)
    months = _months(record)
    if default is not None:
        reviewed = reviewed or default.last_reviewed
        months = months or default.every_months
    return Review(owner, reviewed, months or DEFAULT_MONTHS, where)


def read_date(record: Record, name: str, *, required: bool) -> str:
    """A YYYY-MM-DD date a person wrote down, which cannot lie in the future."""
    value = record.text(name, required=required)
    if not value:
        return ""
    try:
        if not _DATE.match(value):
            raise ValueError(value)
        day = date.fromisoformat(value)
    except ValueError:
        raise record.error(
            name,
            f"'{value}' is not a date",
            "write the date as YYYY-MM-DD, e.g. 2026-11-25",
        ) from None
    if day > today():
        raise record.error(
            name,
            f"the date {value} has not happened yet",
            "write the day it actually happened (today or earlier)",
        )
    return value


def _months(record: Record) -> int:
    value = record.text("review_every_months", required=False)
    if not value:
        return 0
    if not value.isdigit() or not 1 <= int(value) <= MAX_MONTHS:
        raise record.error(
            "review_every_months",
            f"'{value}' is not a number of months from 1 to {MAX_MONTHS}",
            "write how often it must be reviewed, in months, e.g. review_every_months: 12",
        )
    return int(value)


def data_reviews(content: Content) -> list[Review]:
    """The reviews of the data: the guide's default, each checklist and each worked example."""
    records = [*content.checklists.values(), *content.examples.values()]
    return [content.settings.review, *(r.review for r in records if r.review is not None)]


def overdue_first(reviews: list[Review], on: date) -> list[Review]:
    """Overdue reviews first (longest overdue first), then the rest by next due date."""
    return sorted(reviews, key=lambda r: (not r.overdue(on), r.next_due, r.where))


def page_review(source: str, page_file: str, default: Review) -> Review:
    """A page's review: its front matter's review fields, else the guide's default."""
    match = _FRONT_MATTER.match(source)
    if match is None or not match.group(1).strip():
        return Review(default.owner, default.last_reviewed, default.every_months, page_file)
    # One blank line in front keeps every front-matter line at its line number in the file.
    located = parse_yaml("\n" + match.group(1), page_file)
    if not isinstance(located.value, dict):
        raise ContentError(
            file=page_file, line=2, message="the front matter must be 'key: value' lines"
        )
    record = Record(located, "page", label="front matter")
    return read_review(record, default, page_file)
