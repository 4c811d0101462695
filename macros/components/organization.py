"""Organization settings as Markdown: the name, the contacts and the incident procedure link.

Each reads naturally before anyone brands the guide ("your organization", "your HR team"). They
return Markdown, not HTML, so MkDocs checks any link like the rest of the page.
"""

from __future__ import annotations

from macros.addresses import rewrite_markdown_links
from macros.components._checks import plain_words
from macros.content import Contact, Content
from macros.pageref import PageRef

EXAMPLES = {
    "default": {},
    "procedure": {"text": "your incident-reporting procedure"},
}


def organization(content: Content, page: PageRef) -> str:
    """The organization's name, or "your organization"."""
    return content.settings.organization_name


def _contact(contact: Contact, page: PageRef) -> str:
    """A contact as Markdown, its page links written from `page`."""
    return rewrite_markdown_links(contact.markdown, page.src_uri)


def hr_contact(content: Content, page: PageRef) -> str:
    """Who to contact in HR and how: "your HR team", or "the People Team (ext. 4100)"."""
    return _contact(content.settings.hr, page)


def support_contact(content: Content, page: PageRef) -> str:
    """Where to get support now (an employee assistance program), or a phrase that fits anywhere."""
    return _contact(content.settings.support, page)


def speak_up_contact(content: Content, page: PageRef) -> str:
    """The speak-up or whistleblowing route, for when the manager is part of the problem."""
    return _contact(content.settings.speak_up, page)


def out_of_hours_contact(content: Content, page: PageRef) -> str:
    """Who to tell when the manager cannot be reached (nights, weekends, leave)."""
    return _contact(content.settings.out_of_hours, page)


def incident_procedure_link(content: Content, page: PageRef, text: str) -> str:
    """`[text](url)` to the organization's incident procedure, or just `text` when none is set."""
    words = plain_words("text", text)
    url = content.settings.incident_procedure_url
    return f"[{words}]({url})" if url else words
