"""Search finds what people type when they are stressed, in the real search box, in Chromium.

Each query in tests/search_queries.yml is typed key by key into Material's search box on the built
site, and its expected page must be among the first three pages listed. When a query fails, fix
the wording of the page (or its `search: boost`), not the list.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from tests.browser.conftest import OffHostLog, SiteServer, guard_requests
from tests.support import ROOT

QUERIES_FILE = ROOT / "tests" / "search_queries.yml"
MIN_QUERIES = 30
TOP = 3
SETTLE_MS = 400
_INPUT = "input.md-search__input"
_META = ".md-search-result__meta"
_ITEMS = ".md-search-result__list > li.md-search-result__item"


def _queries() -> list[dict[str, str]]:
    return yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))["queries"]


QUERIES = _queries()


def search(page: object, base_url: str, query: str) -> list[str]:
    """Type `query` into the search box and return the pages listed, in order, as built URLs.

    Material lists one item per page (its best sections nested inside); the item's first link is
    the page.
    """
    box = page.locator(_INPUT)
    box.click()
    box.press("Control+A")
    box.press("Backspace")
    page.wait_for_function(
        "([meta, input]) => document.querySelector(input).value === ''"
        " && !document.querySelector(meta).textContent.match(/matching/)",
        arg=[_META, _INPUT],
    )
    box.press_sequentially(query)
    # Results refresh on every key; wait until the list has settled on the full query.
    previous: tuple[str, list[str]] | None = None
    for _ in range(50):
        page.wait_for_timeout(SETTLE_MS // 4)
        current = (
            page.text_content(_META) or "",
            page.eval_on_selector_all(_ITEMS, "items => items.map(i => i.querySelector('a').href)"),
        )
        if current == previous and "matching" in current[0]:
            break
        previous = current
    else:
        pytest.fail(f"the search results for {query!r} never settled: {previous}")
    return [_page_of(href, base_url) for href in current[1]]


def _page_of(href: str, base_url: str) -> str:
    """'http://host/base/steps/own-it/?h=own#in-short' -> 'steps/own-it/'."""
    path = urlsplit(href).path
    base = urlsplit(base_url).path
    assert path.startswith(base), f"result {href} is outside the site at {base_url}"
    return path[len(base) :].removesuffix("index.html")


@pytest.fixture(scope="module")
def search_page(browser: object, site_server: SiteServer) -> Iterator[object]:
    """One guarded page on the home page, reused for every query (a page load per query is slow)."""
    log = OffHostLog()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    guard_requests(context, log)
    page = context.new_page()
    page.goto(site_server.url())
    yield page
    context.close()
    assert not log.urls, f"search tried to reach other hosts: {log.urls}"


def test_query_list_is_big_enough_and_points_at_real_pages(built_site: Path) -> None:
    """At least 30 distinct queries, each naming a page that the build produced."""
    queries = [q["query"].lower() for q in QUERIES]
    assert len(queries) >= MIN_QUERIES, f"only {len(queries)} queries in {QUERIES_FILE.name}"
    assert len(set(queries)) == len(queries), "a query is listed twice"
    missing = [q["page"] for q in QUERIES if not (built_site / q["page"] / "index.html").is_file()]
    assert not missing, f"expected pages that the build did not produce: {missing}"


@pytest.mark.parametrize("case", QUERIES, ids=[q["query"] for q in QUERIES])
def test_query_finds_its_page_in_the_top_three(
    search_page: object, site_server: SiteServer, case: dict[str, str]
) -> None:
    """The expected page is among the first three pages the real search box lists."""
    found = search(search_page, site_server.url(), case["query"])
    expected = case["page"] or "(home page)"
    shown = [p or "(home page)" for p in found[:5]]
    assert case["page"] in found[:TOP], (
        f"searching {case['query']!r} should list {expected} in the top {TOP}; got {shown}"
    )


def test_search_works_under_a_sub_path(page: object, site_server: SiteServer) -> None:
    """Hosted under /hr/guide/, the index and the search worker still load and find pages."""
    page.goto(site_server.sub_url("steps/own-it/"))
    found = search(page, site_server.sub_url(), "tell my boss")
    assert "steps/tell-your-manager/" in found[:TOP], found
