"""The foot of every page: who owns it, when it was last reviewed, when the next review is due.

It follows the NHS pattern ("Page last reviewed", "Next review due") and links the "What changed"
page, listing this page's own recent changes, so a returning reader sees what is new.
"""

from __future__ import annotations

from markupsafe import Markup

from macros.addresses import CHANGES_PAGE
from macros.changes import ShownChange
from macros.pageref import PageRef
from macros.render import render
from macros.review import Review, long_date


def review_line(page: PageRef, review: Review, recent: list[ShownChange]) -> Markup:
    """The review line's HTML (escaped by our own template environment)."""
    html = render(
        "review_line.html",
        page,
        review=review,
        recent=recent,
        long_date=long_date,
        changes_href=page.link_to_page(CHANGES_PAGE),
    )
    return Markup(html)
