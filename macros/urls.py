"""Page addresses and relative links: kept as a name for imports; macros/addresses.py owns them."""

from __future__ import annotations

from macros.addresses import (
    HOME_PAGE,
    PAGE_LINK,
    folder_url,
    is_page_link,
    page_url,
    relative_source,
    relative_url,
    rewrite_markdown_links,
)

__all__ = [
    "HOME_PAGE",
    "PAGE_LINK",
    "folder_url",
    "is_page_link",
    "page_url",
    "relative_source",
    "relative_url",
    "rewrite_markdown_links",
]
