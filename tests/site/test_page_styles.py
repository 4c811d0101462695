"""Page stylesheets: the rules only some pages use live in files of their own, which a page names
only when it has their markup (overrides/partials/guide-page-styles.html). A split must never drop
styles silently: a page with a sheet's markup names the sheet, a page that names one has its markup,
every stylesheet a page names was built, and every class our stylesheets style is still used.
"""

from __future__ import annotations

import posixpath
import re
from functools import cache
from pathlib import Path

import pytest
import soupsieve
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load

from macros import assets
from tests.support import ROOT

STYLESHEETS = ROOT / "overrides/assets/stylesheets"
# States a built page is not in (hover, focus) and parts that are not elements (::before): a rule
# with them styles the element the rest of its selector names.
_STATE = re.compile(
    r"::[a-z-]+|:(?:hover|focus-visible|focus-within|focus|checked|active|visited)\b"
)
_CLASS = re.compile(r"\.(guide-[a-z0-9_-]+)")
_NOT = re.compile(r":not\([^()]*(?:\([^()]*\))?[^()]*\)")
# Elements our scripts add, with the markup they add them to: a page with that markup has theirs.
ADDED_BY_SCRIPTS = {".guide-print-button": ".guide-card-page, .md-typeset .guide-form"}  # print.js


def _rules_text(path: Path) -> str:
    return re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)


@cache
def _selectors(path: Path) -> tuple[str, ...]:
    """Every selector of the stylesheet's rules (inside @media too), states taken off."""
    found = []
    for head in re.findall(r"([^{}]+)\{[^{}]*\}", _rules_text(path)):
        for selector in head.split(","):
            selector = _STATE.sub("", selector.strip())
            if selector and not selector.startswith(("@", "from", "to")) and "%" not in selector:
                found.append(selector)
    return tuple(dict.fromkeys(found))


@cache
def _bundled() -> frozenset[str]:
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return frozenset(posixpath.basename(p) for p in config["extra_css"] if assets.is_own(p))


@cache
def _page_sheets() -> tuple[Path, ...]:
    """Our stylesheets outside the bundle: each named only by the pages that need it."""
    return tuple(p for p in sorted(STYLESHEETS.glob("*.css")) if p.name not in _bundled())


def _published(site: Path) -> dict[str, str]:
    """Published path of each page stylesheet -> its source name."""
    return {
        path: sheet.name
        for sheet in _page_sheets()
        for path in assets.published_files(site, f"assets/stylesheets/{sheet.name}")
    }


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _named(site: Path, page: Path, soup: BeautifulSoup) -> list[str]:
    """Site paths of the local stylesheets the page names (the 404 page names them from /): its
    links, and those it names for a script to load when needed (the search help's)."""
    folder = posixpath.dirname(page.relative_to(site).as_posix())
    hrefs = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    hrefs += [tag["data-guide-stylesheet-href"] for tag in soup.select("[data-guide-stylesheet-href]")]
    hrefs = [href.split("?")[0] for href in hrefs]
    return [
        href[1:] if href.startswith("/") else posixpath.normpath(posixpath.join(folder, href))
        for href in hrefs
        if "://" not in href and not href.startswith("//")
    ]


@cache
def _markup(sheet: Path) -> tuple[tuple[frozenset[str], soupsieve.SoupSieve], ...]:
    """The elements the sheet's rules style: per selector, the classes it needs, and the selector."""
    found = []
    for selector in _selectors(sheet):
        for added, where in ADDED_BY_SCRIPTS.items():
            if selector.endswith(added):
                selector = where
        needed = frozenset() if "," in selector else frozenset(_CLASS.findall(_NOT.sub("", selector)))
        found.append((needed, soupsieve.compile(selector)))
    return tuple(found)


@cache
def _soups(site: Path) -> tuple[tuple[Path, BeautifulSoup, frozenset[str]], ...]:
    """Each page parsed, with the classes its elements carry."""
    found = []
    for page in _pages(site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        for template in soup.find_all("template"):
            template.name = "div"  # its content is the page's once a script copies it in
        classes = frozenset(name for tag in soup.find_all(class_=True) for name in tag["class"])
        found.append((page, soup, classes))
    return tuple(found)


def _has_markup(soup: BeautifulSoup, classes: frozenset[str], sheet: Path) -> bool:
    """True when one of the sheet's rules matches an element of the page as built."""
    return any(
        needed <= classes and selector.select_one(soup) is not None
        for needed, selector in _markup(sheet)
    )


def test_there_are_page_stylesheets_and_each_has_rules() -> None:
    sheets = _page_sheets()
    assert {"cards.css", "link-page.css"} <= {s.name for s in sheets}
    for sheet in sheets:
        assert _selectors(sheet), f"{sheet.name} has no rules"


def test_every_stylesheet_a_page_names_was_built(built_site: Path) -> None:
    missing = []
    for page, soup, _ in _soups(built_site):
        missing += [
            f"{page.relative_to(built_site)}: {path}"
            for path in _named(built_site, page, soup)
            if not (built_site / path).is_file()
        ]
    assert missing == []


def test_a_page_names_a_page_stylesheet_exactly_when_it_has_its_markup(built_site: Path) -> None:
    published = _published(built_site)
    assert set(published.values()) == {s.name for s in _page_sheets()}, "one of them not built"
    wrong = []
    named_somewhere = set()
    for page, soup, classes in _soups(built_site):
        names = {published[p] for p in _named(built_site, page, soup) if p in published}
        named_somewhere |= names
        for sheet in _page_sheets():
            has, names_it = _has_markup(soup, classes, sheet), sheet.name in names
            if has != names_it:
                what = "has its markup but does not name it" if has else "names it without markup"
                wrong.append(f"{page.relative_to(built_site)}: {sheet.name}: {what}")
    assert wrong == []
    assert named_somewhere == set(published.values()), "a page stylesheet no page names"


@pytest.mark.parametrize("sheet", sorted(p.name for p in STYLESHEETS.glob("*.css")))
def test_every_class_a_stylesheet_styles_is_still_used(built_site: Path, sheet: str) -> None:
    """A class no page, template or script of ours writes any more is a dead rule."""
    pages, sources = _writers(built_site)
    unused = [
        name
        for name in sorted(set(_CLASS.findall(_rules_text(STYLESHEETS / sheet))))
        if name not in pages and _written(name) not in sources
    ]
    assert unused == [], f"{sheet} styles classes nothing writes"


@cache
def _writers(site: Path) -> tuple[str, str]:
    """The built pages' text, and our templates' and scripts' text."""
    pages = " ".join(p.read_text(encoding="utf-8") for p in _pages(site))
    ours = [*(ROOT / "macros/templates").rglob("*.html"), *(ROOT / "overrides").rglob("*.html")]
    ours += [*(ROOT / "overrides/assets/javascripts").glob("*.js")]
    return pages, " ".join(p.read_text(encoding="utf-8") for p in ours)


def _written(name: str) -> str:
    """What a template or script writes for the class: a modifier may be joined from its stem."""
    return name.rsplit("--", 1)[0] + "--" if "--" in name else name
