"""No built page or stylesheet loads anything from another host: it works on a closed intranet."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""", re.IGNORECASE)
LOADING = {"link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src"}


def external_loads_in_html(html: str) -> list[str]:
    soup = BeautifulSoup(html, "lxml")
    found = []
    for tag, attribute in LOADING.items():
        for element in soup.find_all(tag):
            if tag == "link" and set(element.get("rel", [])) & {"canonical", "alternate"}:
                continue
            for value in [element.get(attribute, ""), *element.get("srcset", "").split(",")]:
                if EXTERNAL.match(value.strip()):
                    found.append(f"<{tag} {attribute}={value.strip()}>")
    for style in soup.find_all("style"):
        found += external_loads_in_css(style.get_text())
    for element in soup.find_all(style=True):
        found += external_loads_in_css(element["style"])
    return found


def external_loads_in_css(css: str) -> list[str]:
    return [
        target
        for match in CSS_URL.finditer(css)
        if EXTERNAL.match(target := (match.group(1) or match.group(2)).strip())
    ]


def test_the_checks_catch_what_they_should() -> None:
    html = (
        '<link rel="stylesheet" href="https://fonts.example/css"><script src="//cdn.example/x.js">'
        '</script><img src="a.png" srcset="https://img.example/b.png 2x"><iframe src="http://x.example">'
        '</iframe><style>@import "https://fonts.example/a.css";</style>'
        '<p><a href="https://example.org">a plain link is fine</a></p>'
        '<link rel="canonical" href="https://intranet.example/guide/">'
    )
    assert len(external_loads_in_html(html)) == 5
    assert external_loads_in_css("a{background:url('https://x.example/a.png')}") != []
    assert external_loads_in_css("a{background:url(data:image/svg+xml;base64,AA)}") == []


def test_no_built_page_loads_from_another_host(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 10
    problems = {
        page.relative_to(built_site).as_posix(): found
        for page in pages
        if (found := external_loads_in_html(page.read_text(encoding="utf-8")))
    }
    assert problems == {}


def test_no_stylesheet_loads_from_another_host(built_site: Path) -> None:
    sheets = sorted(built_site.rglob("*.css"))
    assert sheets
    problems = {
        sheet.relative_to(built_site).as_posix(): found
        for sheet in sheets
        if (found := external_loads_in_css(sheet.read_text(encoding="utf-8")))
    }
    assert problems == {}


def test_no_source_maps_or_unused_search_languages_ship(built_site: Path) -> None:
    """The site is English only: Material's other-language search files and its maps stay out."""
    shipped = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*"))
    assert [name for name in shipped if name.endswith(".map")] == []
    assert [name for name in shipped if "/lunr/" in f"/{name}"] == []
    assert any(name.startswith("assets/javascripts/workers/search.") for name in shipped)
