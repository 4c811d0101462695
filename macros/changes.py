"""What changed: data/changes.yml resolved against the link catalogue, for the page and the foot.

An entry names pages (paths from docs/) and published link ids. Ids are checked here, against the
same catalogue links.json is written from, so a change can only point at an address that resolves,
retired ids included. Each entry also knows which pages it touched, so every page can show its
own recent changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.addresses import CHANGES_PAGE as CHANGES_PAGE  # kept importable from here
from macros.addresses import page_url
from macros.catalogue import Link, SourcePage
from macros.content import Content
from macros.errors import ContentError, did_you_mean

CHANGES_FILE = "data/changes.yml"


@dataclass(frozen=True)
class ShownChange:
    """One change, ready to show: the pages and links it names, and every page it touched."""

    date: str
    summary: str
    pages: tuple[SourcePage, ...]
    links: tuple[Link, ...]
    touched: frozenset[str]


def resolve(
    content: Content, links: list[Link], pages: list[SourcePage], directory_urls: bool = True
) -> list[ShownChange]:
    """Every change, newest first; an id the catalogue does not hold stops the build."""
    by_id = {link.id: link for link in links}
    by_src = {page.src_uri: page for page in pages}
    by_url = {page_url(page.src_uri, directory_urls): page.src_uri for page in pages}
    shown = []
    for change in content.changes:
        named = []
        for link_id, line in change.ids:
            if link_id not in by_id:
                hint = did_you_mean(link_id, by_id)
                raise ContentError(
                    file=CHANGES_FILE,
                    line=line,
                    field="ids",
                    message=f"there is no published id '{link_id}'",
                    fix=f"{hint}use an id as listed in site/links.json (the linking page)",
                )
            named.append(by_id[link_id])
        touched = set(change.pages)
        touched |= {by_url.get(link.url.partition("#")[0], "") for link in named} - {""}
        shown.append(
            ShownChange(
                date=change.date,
                summary=change.summary,
                pages=tuple(by_src[src] for src in change.pages),
                links=tuple(named),
                touched=frozenset(touched),
            )
        )
    return shown


def for_page(changes: list[ShownChange], src_uri: str, limit: int = 3) -> list[ShownChange]:
    """The most recent changes that touched one page."""
    return [change for change in changes if src_uri in change.touched][:limit]
