"""The addresses the engine writes are the ones MkDocs gives the pages, in both URL styles."""

from __future__ import annotations

import pytest
from mkdocs.structure.files import File

from macros.addresses import page_url

SOURCES = ["index.md", "about.md", "examples/index.md", "steps/own-it.md", "print/own-it.md"]


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize("src_uri", SOURCES)
def test_page_url_is_the_url_mkdocs_gives_the_page(src_uri: str, directory_urls: bool) -> None:
    mkdocs = File(src_uri, "docs", "site", directory_urls)
    # The home page is "" (not MkDocs's "./") in directory mode: a root-relative join target.
    assert (page_url(src_uri, directory_urls) or "./") == mkdocs.url
    if not directory_urls:
        assert page_url(src_uri, directory_urls) == mkdocs.dest_uri
