"""`what_changed()`: every entry of data/changes.yml, newest first, with what it names.

The page is generated from data, so a returning reader sees what moved, what was reworded and which
published ids were retired, each linked where it now leads.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from macros.catalogue import build_catalogue, source_pages
from macros.changes import resolve
from macros.content import Content
from macros.pageref import PageRef
from macros.render import render
from macros.review import long_date

EXAMPLES = {"default": {}}


def what_changed(content: Content, page: PageRef, docs_dir: Path) -> str:
    """Render the list of changes, newest first."""
    links = build_catalogue(content, docs_dir, directory_urls=page.directory_urls)
    changes = resolve(content, links, source_pages(docs_dir), page.directory_urls)
    return render("what_changed.html", page, changes=changes, long_date=long_date)


def what_changed_for(docs_dir: Path) -> Callable[[Content, PageRef], str]:
    """The macro for one build: `{{ what_changed() }}` takes no arguments; docs come from here."""

    def listing(content: Content, page: PageRef) -> str:
        return what_changed(content, page, docs_dir)

    return listing
