"""The card pages, generated from data at build time so authors never maintain them.

Each checklist gets `print/<id>/` and all cards share `print/`. They use the chrome-free page
template `card.html`, stay out of search and out of the navigation (`not_in_nav: /print/`).
The engine writes their Markdown; the glue hands it to the site generator.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

import yaml

from macros.addresses import ALL_CARDS_PAGE, FIRST_HOUR, TWO_UP, card_page
from macros.content import Content
from macros.errors import ContentError


@dataclass(frozen=True)
class GeneratedPage:
    """A page the build adds to docs/: its source path and its Markdown."""

    src_uri: str
    markdown: str


def _page(title: str, body: str) -> str:
    """A generated page: front matter written by the YAML library, so any title is quoted safely."""
    meta = {"template": "card.html", "title": title, "search": {"exclude": True}}
    return f"---\n{yaml.safe_dump(meta, sort_keys=False)}---\n\n{body}\n"


def card_pages(content: Content, taken: Container[str] = ()) -> list[GeneratedPage]:
    """One page per checklist card, the first-hour card and the page with every card.

    `taken` holds the source paths of the author's pages: one at a card's address stops the
    build rather than being hidden by the card.
    """
    pages = [
        GeneratedPage(
            card_page(checklist.id),
            _page(f"Checklist card: {checklist.title}", f'{{{{ card("{checklist.id}") }}}}'),
        )
        for checklist in content.checklists.values()
    ]
    pages.append(
        GeneratedPage(
            card_page(FIRST_HOUR),
            _page("Your first hour: a card to pin up", "{{ first_hour_card() }}"),
        )
    )
    pages.append(GeneratedPage(ALL_CARDS_PAGE, _page("Checklist cards", "{{ all_cards() }}")))
    pages.append(
        GeneratedPage(
            card_page(TWO_UP),
            _page("Checklist cards, two per sheet", "{{ all_cards(two_up=true) }}"),
        )
    )
    for page in pages:
        if page.src_uri in taken:
            raise ContentError(
                file=f"docs/{page.src_uri}",
                message="this address is taken by a checklist card generated from data",
                fix="move or rename the page; print/ is generated from data/checklists.yml",
            )
    return pages
