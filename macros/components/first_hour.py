"""`first_hour()`: the triage a frightened reader sees first, on the page and the first-hour card.

The lines come from data/first_hour.yml in their order; each ends with where to go, named by the
organization settings when they are set and by a phrase true in any workplace when they are not.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.content import Content, TriageLine
from macros.pageref import PageRef
from macros.render import render

EXAMPLES = {"default": {}}
INCIDENT_WORDS = "your incident-reporting procedure"


@dataclass(frozen=True)
class ShownLine:
    """A triage line with its contacts resolved to inline Markdown."""

    id: str
    check: str
    action: str
    where: tuple[str, ...]


def where_to_go(content: Content, key: str) -> str:
    """Inline Markdown for one contact key of a triage line."""
    settings = content.settings
    if key == "incident":
        url = settings.incident_procedure_url
        return f"[{INCIDENT_WORDS}]({url})" if url else INCIDENT_WORDS
    contact = settings.hr if key == "hr" else getattr(settings, key)
    return contact.markdown


def shown_lines(content: Content) -> tuple[list[ShownLine], ShownLine]:
    """The triage lines and the support line, ready for a template."""

    def shown(line: TriageLine) -> ShownLine:
        where = tuple(where_to_go(content, key) for key in line.contacts)
        return ShownLine(line.id, line.check, line.action, where)

    first_hour = content.first_hour
    return [shown(line) for line in first_hour.lines], shown(first_hour.support)


def first_hour(content: Content, page: PageRef) -> str:
    """Render the first-hour triage lines, in order, and the support line after them."""
    lines, support = shown_lines(content)
    return render("first_hour.html", page, lines=lines, support=support)
