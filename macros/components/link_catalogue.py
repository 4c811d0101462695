"""`link_catalogue()`: every linkable target of the guide, grouped by step, for HR authors.

It lists the same catalogue the build writes to links.json, so the page can never promise an
address the site does not keep. Copy buttons are added by links.js; without scripts the addresses
stay visible and selectable.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from macros.catalogue import Link, build_catalogue
from macros.content import Content
from macros.pageref import PageRef
from macros.render import render

EXAMPLES = {"default": {}}
KIND_LABELS = {
    "page": "Page",
    "step": "Step page",
    "section": "Section",
    "checklist": "Checklist",
    "item": "Checklist item",
    "example": "Worked example",
    "check": "Question",
    "card": "Printable card",
    "pdf": "PDF",
}


@dataclass(frozen=True)
class LinkGroup:
    """A heading on the listing page and the targets under it."""

    id: str
    title: str
    links: tuple[Link, ...]


def link_groups(content: Content, links: list[Link]) -> list[LinkGroup]:
    """One group per step, then the worked examples, the questions, then every other page."""
    groups = [
        LinkGroup(
            step.id,
            f"Step {step.number}: {step.title}",
            tuple(x for x in links if x.step == step.id and x.kind != "check"),
        )
        for step in content.steps
    ]
    examples = tuple(x for x in links if x.kind == "example")
    checks = tuple(x for x in links if x.kind == "check")
    others = tuple(x for x in links if x.step is None and x.kind != "example")
    groups.append(LinkGroup("examples", "Worked examples", examples))
    groups.append(LinkGroup("checks", "Check your understanding", checks))
    groups.append(LinkGroup("other-pages", "Other pages", others))
    return [group for group in groups if group.links]


def link_catalogue(content: Content, page: PageRef, docs_dir: Path) -> str:
    """Render the catalogue as tables: what it is, a link to it, and the address to share."""
    # Retired ids keep resolving but are not offered for new links.
    links = [
        link
        for link in build_catalogue(content, docs_dir, directory_urls=page.directory_urls)
        if link.kind != "retired"
    ]
    return render(
        "link_catalogue.html", page, groups=link_groups(content, links), kinds=KIND_LABELS
    )


def link_catalogue_for(docs_dir: Path) -> Callable[[Content, PageRef], str]:
    """The macro for one build: `{{ link_catalogue() }}` takes no arguments; docs come from here."""

    def listing(content: Content, page: PageRef) -> str:
        return link_catalogue(content, page, docs_dir)

    return listing
