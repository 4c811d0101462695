"""No inline script, inline event handler or inline style in any built page, online or offline.

Intranet portals send `script-src 'self'; style-src 'self'`: a browser under that policy ignores
all three, so the theme's helpers, our own start-up and any handler would silently stop working.
Data blocks (`<script type="application/json">`, the theme's config) run nothing and are allowed.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

DATA_TYPES = {"application/json", "application/ld+json"}


def inline_problems(html: str) -> list[str]:
    """Each inline script, on* attribute, style attribute or <style> element in `html`."""
    soup = BeautifulSoup(html, "lxml")
    found = []
    for script in soup.find_all("script"):
        if not script.get("src") and script.get("type", "").lower() not in DATA_TYPES:
            found.append(f"inline <script>: {script.get_text()[:60]!r}")
    for element in soup.find_all(True):
        handlers = [name for name in element.attrs if name.lower().startswith("on")]
        found += [f"<{element.name} {name}=...> (an inline event handler)" for name in handlers]
        if "style" in element.attrs:
            found.append(f'<{element.name} style="{element["style"]}">')
    found += [f"<style>: {style.get_text()[:60]!r}" for style in soup.find_all("style")]
    return found


def site_problems(site: Path) -> dict[str, list[str]]:
    """Every page of `site` with what it has inline."""
    pages = sorted(site.rglob("*.html"))
    assert pages, f"no pages in {site}"
    problems = {
        page.relative_to(site).as_posix(): inline_problems(page.read_text(encoding="utf-8"))
        for page in pages
    }
    return {page: found for page, found in problems.items() if found}


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<script>alert(1)</script>", "inline <script>"),
        ('<script type="module">import "x"</script>', "inline <script>"),
        ('<button onclick="go()">Go</button>', "onclick"),
        ('<p style="color: red">x</p>', 'style="color: red"'),
        ("<style>p { color: red }</style>", "<style>"),
    ],
)
def test_the_check_finds_each_kind(html: str, expected: str) -> None:
    assert any(expected in problem for problem in inline_problems(html))


def test_the_check_allows_files_and_data_blocks() -> None:
    html = (
        '<script src="a.js" defer></script><script id="__config" type="application/json">{}'
        '</script><link rel="stylesheet" href="a.css"><p data-on="x" class="on">ok</p>'
    )
    assert inline_problems(html) == []


def test_no_page_of_the_site_has_anything_inline(built_site: Path) -> None:
    assert site_problems(built_site) == {}


def test_no_page_of_the_offline_copy_has_anything_inline(offline_build) -> None:
    assert site_problems(offline_build.require()) == {}


@pytest.mark.parametrize("version", ["scorm12", "scorm2004"])
def test_no_page_of_an_lms_package_has_anything_inline(scorm_packages, version: str) -> None:
    """The launch page (scorm-launch.html) included: an LMS may send a strict policy too."""
    with zipfile.ZipFile(scorm_packages.zip(version)) as package:
        pages = [name for name in package.namelist() if name.endswith(".html")]
        assert "scorm-launch.html" in pages
        problems = {
            name: found
            for name in pages
            if (found := inline_problems(package.read(name).decode("utf-8")))
        }
    assert problems == {}
