"""Organization settings as Markdown: `organization()`, `hr_contact()`, `incident_procedure_link()`.

Each reads naturally before anyone brands the guide ("your organization", "your HR team"). They
return Markdown, not HTML, so MkDocs checks any link like the rest of the page.
"""

from __future__ import annotations

from macros.components._checks import plain_words
from macros.content import Content
from macros.render import PageRef
from macros.urls import rewrite_markdown_links

EXAMPLES = {
    "default": {},
    "procedure": {"text": "your incident-reporting procedure"},
}


def organization(content: Content, page: PageRef) -> str:
    """The organization's name, or "your organization"."""
    return content.settings.organization_name


def hr_contact(content: Content, page: PageRef) -> str:
    """Who to contact in HR and how: "your HR team", or "the People Team (ext. 4100)"."""
    settings = content.settings
    if not settings.hr_contact_how:
        return settings.hr_team
    return f"{settings.hr_team} ({rewrite_markdown_links(settings.hr_contact_how, page.src_uri)})"


def incident_procedure_link(content: Content, page: PageRef, text: str) -> str:
    """`[text](url)` to the organization's incident procedure, or just `text` when none is set."""
    words = plain_words("text", text)
    url = content.settings.incident_procedure_url
    return f"[{words}]({url})" if url else words
