"""The page a component is rendered on, and the relative links it writes from there."""

from __future__ import annotations

from dataclasses import dataclass

from macros.addresses import page_url, relative_url


@dataclass(frozen=True)
class PageRef:
    """The page a component is rendered on: its source path under docs/ and its built URL.

    `directory_urls` is the build's `use_directory_urls`: off in the offline copy, where every
    link must name a file (`steps/own-it.html`), not a folder.
    """

    src_uri: str
    directory_urls: bool = True

    @property
    def url(self) -> str:
        """Root-relative URL of the built page."""
        return page_url(self.src_uri, self.directory_urls)

    def link_to(self, target_url: str) -> str:
        """A relative link from this page to a root-relative URL."""
        return relative_url(self.url, target_url)

    def link_to_page(self, src_uri: str, fragment: str = "") -> str:
        """A relative link from this page to the page built from `src_uri` (`steps/own-it.md`)."""
        target = page_url(src_uri, self.directory_urls)
        return self.link_to(target + (f"#{fragment}" if fragment else ""))
