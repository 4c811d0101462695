"""The work done on a built site: go/ pages, moved-page forwards and the link catalogue."""

from __future__ import annotations

from pathlib import Path

from macros import shortlinks
from macros.catalogue import Link, build_catalogue, write_catalogue
from macros.content import Content


def publish(
    site_dir: Path,
    content: Content,
    data_dir: Path,
    docs_dir: Path,
    directory_urls: bool = True,
    built: str = "",
) -> list[Link]:
    """After the build: write the go/ pages, the moved-page forwards and site/links.json.

    `directory_urls` is the build's `use_directory_urls`: links.json lists addresses as this
    build writes them, so the offline copy's catalogue names files.
    """
    forwards = shortlinks.short_links(content, data_dir, directory_urls)
    forwards += shortlinks.load_redirects(data_dir, docs_dir, directory_urls)
    shortlinks.write_forwards(site_dir, forwards)
    links = build_catalogue(content, docs_dir, site_dir, directory_urls)
    write_catalogue(site_dir, links, built)
    return links
