"""Every HTML page of a built site, found on disk, so the browser gates follow pages as they come.

Pages are listed from the build, never from a hand-kept list: a new card, template or go/ link is
checked the moment it is built. Redirect pages (go/ short links) are told apart by their
`<meta http-equiv="refresh">`, so tests that judge a rendered page can skip them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_REFRESH = re.compile(r"<meta[^>]+http-equiv=[\"']?refresh", re.IGNORECASE)


@dataclass(frozen=True)
class BuiltPage:
    """One built HTML file: its path in the site and the address it is served at."""

    file: Path
    path: str

    @property
    def url_path(self) -> str:
        """The address below the site root: `steps/own-it/` for steps/own-it/index.html."""
        if self.path == "index.html":
            return ""
        if self.path.endswith("/index.html"):
            return self.path[: -len("index.html")]
        return self.path

    @property
    def is_redirect(self) -> bool:
        """True for a page whose only job is to send the reader elsewhere (go/ short links)."""
        return self.path.startswith("go/") or bool(_REFRESH.search(self.file.read_text("utf-8")))

    def __str__(self) -> str:
        return self.url_path or "(home)"


def built_pages(site: Path) -> list[BuiltPage]:
    """Every HTML file of the built site, sorted by path; fails if the site has no home page."""
    pages = [
        BuiltPage(file, file.relative_to(site).as_posix()) for file in sorted(site.rglob("*.html"))
    ]
    assert any(p.path == "index.html" for p in pages), f"no index.html in {site}"
    return pages


def content_pages(site: Path) -> list[BuiltPage]:
    """The pages a reader sees: every built page except redirects."""
    return [page for page in built_pages(site) if not page.is_redirect]
