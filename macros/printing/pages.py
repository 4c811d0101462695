"""The card pages, generated from data at build time so authors never maintain them.

Each checklist gets `print/<id>/` and all cards share `print/`. They use the chrome-free page
template `card.html`, stay out of search and out of the navigation (`not_in_nav: /print/`).
"""

from __future__ import annotations

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from macros.addresses import ALL_CARDS_PAGE, FIRST_HOUR, card_page
from macros.content import Content
from macros.errors import ContentError


def _page(title: str, body: str) -> str:
    """A generated page: front matter written by the YAML library, so any title is quoted safely."""
    meta = {"template": "card.html", "title": title, "search": {"exclude": True}}
    return f"---\n{yaml.safe_dump(meta, sort_keys=False)}---\n\n{body}\n"


def card_page_files(config: MkDocsConfig, content: Content) -> list[File]:
    """One generated Markdown page per checklist card, plus the page with every card."""
    files = []
    for checklist in content.checklists.values():
        text = _page(f"Checklist card: {checklist.title}", f'{{{{ card("{checklist.id}") }}}}')
        files.append(File.generated(config, card_page(checklist.id), content=text))
    first = _page("Your first hour: a card to pin up", "{{ first_hour_card() }}")
    files.append(File.generated(config, card_page(FIRST_HOUR), content=first))
    index = _page("Checklist cards", "{{ all_cards() }}")
    files.append(File.generated(config, ALL_CARDS_PAGE, content=index))
    return files


def add_card_pages(files: Files, config: MkDocsConfig, content: Content) -> Files:
    """Add the generated card pages, refusing to hide an author's page at the same address."""
    for file in card_page_files(config, content):
        existing = files.get_file_from_path(file.src_uri)
        if existing is not None:
            raise ContentError(
                file=f"docs/{file.src_uri}",
                message="this address is taken by a checklist card generated from data",
                fix="move or rename the page; print/ is generated from data/checklists.yml",
            )
        files.append(file)
    return files
