"""The search panel's offers: the first-hour page, the five steps and HR, from the page they are on.

They are rendered by the build into an inert <template> (overrides/assets/javascripts/search.js
copies them into the panel when a search finds nothing), so every link is relative to its page,
works in the offline copy (files, not folders) and every value from data is escaped.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from macros.pageref import PageRef
from macros.search import search_help
from tests.unit.datasets import make_dataset


def offers(html: str) -> BeautifulSoup:
    template = BeautifulSoup(html, "html.parser").find("template", id="guide-search-help")
    assert template is not None, html
    return template


def test_the_offers_link_the_first_hour_and_the_steps_from_the_page(tmp_path: Path) -> None:
    content = make_dataset(tmp_path).load()
    block = offers(search_help(content, PageRef("steps/own-it.md")))
    links = [a["href"] for a in block.select("[data-search-help-offers] a[href]")]
    assert links == ["../../right-now/", "../", "mailto:people@northwind.example"]
    text = block.get_text(" ", strip=True)
    assert "Ask the People Team ( people@northwind.example or ext. 4100) for advice" in text
    status = block.find(attrs={"data-search-help-status": True})
    assert status["role"] == "status"
    # Its styles load on the first search, from the address the build names here (hashed later).
    assert block["data-guide-stylesheet-href"] == "../../assets/stylesheets/search.css"
    assert "{query}" in status["data-nothing"] and "{query}" in status["data-showing"]


def test_the_offline_copy_links_files(tmp_path: Path) -> None:
    content = make_dataset(tmp_path).load()
    block = offers(search_help(content, PageRef("index.md", directory_urls=False)))
    links = [a["href"] for a in block.select("[data-search-help-offers] a[href]")]
    assert links == ["right-now.html", "steps/index.html", "mailto:people@northwind.example"]


def test_the_hr_contact_is_escaped(tmp_path: Path) -> None:
    data = make_dataset(tmp_path)
    data.replace("site.yml", "name: the People Team", 'name: "People & Culture"')
    html = search_help(data.load(), PageRef("index.md"))
    assert "Ask People &amp; Culture (" in html


def test_unbranded_the_offers_name_your_hr_team(tmp_path: Path) -> None:
    data = make_dataset(tmp_path)
    data.replace("site.yml", "  name: the People Team\n", "")
    data.replace(
        "site.yml",
        '  how: "[people@northwind.example](mailto:people@northwind.example) or ext. 4100"\n',
        "",
    )
    data.replace("site.yml", "hr_contact:\n", "")
    block = offers(search_help(data.load(), PageRef("index.md")))
    assert "Ask your HR team for advice at any time" in block.get_text(" ", strip=True)
