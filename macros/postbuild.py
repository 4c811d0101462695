"""The work done on a built site: go/ pages, moved and retired addresses, the link catalogue."""

from __future__ import annotations

from pathlib import Path

from macros import retired, shortlinks
from macros.catalogue import Link, build_catalogue, retirement_plan, write_catalogue
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
    links = build_catalogue(content, docs_dir, site_dir, directory_urls)
    forwards += shortlinks.nested_short_links(links)
    live = [link for link in links if link.kind != "retired"]
    plan = retirement_plan(content, docs_dir, live, directory_urls)
    taken = {forward.path for forward in forwards}
    forwards += [
        shortlinks.Forward(old, new, f"moved to {new}")
        for old, new in plan.forwards
        if old not in taken
    ]
    shortlinks.write_forwards(site_dir, forwards)
    retired.write(site_dir, plan)
    write_catalogue(site_dir, links, built)
    return links
