"""Search finds what people type when they are stressed, in the real search box, in Chromium.

Each query in tests/search_queries.yml is typed key by key into Material's search box on the built
site, and its expected page must be among the first three pages listed (and be the first, for the
queries of someone in trouble that name a `first` page). When a query fails, fix the wording of
the page (or its `search: boost` or `tags`), not the list.

Each query in tests/search_typos.yml is misspelt or another form of a guide word: it must find
its page in the top three too, and say which word it searched for. A search that finds nothing
offers the first-hour page, the five steps and HR, announced and reachable from the keyboard.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from tests.browser.conftest import OffHostLog, SiteServer, guard_requests, serve_folder
from tests.browser.test_a11y import SCHEMES, check_widths, prepare, show_scheme
from tests.support import ROOT, make_fixture_site

QUERIES_FILE = ROOT / "tests" / "search_queries.yml"
TYPOS_FILE = ROOT / "tests" / "search_typos.yml"
MIN_QUERIES = 30
MIN_TYPOS = 20
TOP = 3
SETTLE_MS = 400
_INPUT = "input.md-search__input"
_META = ".md-search-result__meta"
_ITEMS = ".md-search-result__list > li.md-search-result__item"
_STATUS = ".md-search-result .guide-search-help__status"
_OFFERS = ".md-search-result [data-search-help-offers]"
NOTHING = "xyzzy"


def _load(path: Path, key: str) -> list[dict[str, str]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))[key]


QUERIES = _load(QUERIES_FILE, "queries")
TYPOS = _load(TYPOS_FILE, "typos")


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
        if current == previous and "matching" in current[0] and _answered(page):
            break
        previous = current
    else:
        pytest.fail(f"the search results for {query!r} never settled: {previous}")
    return [_page_of(href, base_url) for href in current[1]]


def _answered(page: object) -> bool:
    """True once search.js has put its status line in the panel (it updates with the results)."""
    return page.locator(_STATUS).count() == 1


def status(page: object) -> str:
    """What the search panel says beyond Material's count ("Showing results for ...")."""
    return page.locator(_STATUS).text_content() or ""


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
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_server.url())
    yield page
    context.close()
    assert not log.urls, f"search tried to reach other hosts: {log.urls}"
    assert not errors, f"script errors while searching: {errors}"


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
    if "first" in case:
        assert found[:1] == [case["first"]], (
            f"searching {case['query']!r} should list {case['first']} first; got {shown}"
        )


def test_typo_list_is_big_enough_and_covers_each_kind_of_slip(built_site: Path) -> None:
    """At least 20 distinct misspellings and word forms, each naming a page the build produced."""
    queries = [q["query"].lower() for q in TYPOS]
    assert len(queries) >= MIN_TYPOS, f"only {len(queries)} queries in {TYPOS_FILE.name}"
    assert len(set(queries)) == len(queries), "a query is listed twice"
    assert not set(queries) & {q["query"].lower() for q in QUERIES}, "also in the query list"
    missing = [q["page"] for q in TYPOS if not (built_site / q["page"] / "index.html").is_file()]
    assert not missing, f"expected pages that the build did not produce: {missing}"
    text = TYPOS_FILE.read_text(encoding="utf-8")
    for kind in ("One letter wrong", "One letter missing", "swapped", "Two letters", "forms"):
        assert kind in text, f"{TYPOS_FILE.name} has no '{kind}' block"


@pytest.mark.parametrize("case", TYPOS, ids=[q["query"] for q in TYPOS])
def test_misspelt_word_finds_what_the_right_word_finds(
    search_page: object, site_server: SiteServer, case: dict[str, str]
) -> None:
    """The page is in the top three, and the panel names the guide word it searched for."""
    found = search(search_page, site_server.url(), case["query"])
    expected = case["page"] or "(home page)"
    shown = [p or "(home page)" for p in found[:5]]
    assert case["page"] in found[:TOP], (
        f"searching {case['query']!r} should list {expected} in the top {TOP}; got {shown}"
    )
    said = status(search_page)
    if "means" in case:
        assert said.startswith("Showing results for “") and case["means"] in said.split("“")[1], (
            f"searching {case['query']!r} should say it searched for {case['means']!r}; "
            f"the panel says {said!r}"
        )
    else:
        assert not said, f"{case['query']!r} is the guide's own word; the panel says {said!r}"


def test_search_works_under_a_sub_path(page: object, site_server: SiteServer) -> None:
    """Hosted under /hr/guide/, the index and the search worker still load and find pages."""
    page.goto(site_server.sub_url("steps/own-it/"))
    found = search(page, site_server.sub_url(), "tell my boss")
    assert "steps/tell-your-manager/" in found[:TOP], found


def _offer_targets(page: object, base_url: str) -> list[str]:
    links = page.locator(f"{_OFFERS} a[href]")
    return [_page_of(links.nth(i).evaluate("a => a.href"), base_url) for i in range(links.count())]


def test_a_search_that_finds_nothing_offers_help_and_says_so(
    page: object, site_server: SiteServer
) -> None:
    """The first-hour page, the five steps and HR, in a status line there before any search."""
    page.goto(site_server.url("steps/own-it/"))
    # Search's helper loads when the box first takes focus, and puts the status line in place.
    page.locator(_INPUT).click()
    live = page.locator(_STATUS)
    live.wait_for(state="attached")
    # A live region that is in the page, empty, before it changes is the one screen readers read.
    assert live.get_attribute("role") == "status"
    assert live.text_content() == ""
    assert page.locator(_OFFERS).count() == 0
    assert search(page, site_server.url(), NOTHING) == []
    assert status(page) == (
        f"Nothing in the guide matches “{NOTHING}”. These pages help, whatever happened:"
    )
    assert _offer_targets(page, site_server.url()) == ["right-now/", "steps/"]
    assert "Ask your HR team for advice" in page.locator(_OFFERS).inner_text()
    # A search that finds something again takes the offers away.
    assert search(page, site_server.url(), "manager")
    assert page.locator(_OFFERS).count() == 0
    assert status(page) == ""


def test_the_offers_are_reached_with_the_arrow_keys_and_enter(
    page: object, site_server: SiteServer
) -> None:
    """As Material's own results: down from the box to each offer, Enter opens it."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_server.url())
    search(page, site_server.url(), NOTHING)
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") == "Your first hour"
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") == "The five steps"
    page.keyboard.press("Enter")
    page.wait_for_url(site_server.url("steps/"))
    assert not errors, errors


def test_enter_in_the_box_opens_the_first_hour_when_nothing_matches(
    page: object, site_server: SiteServer
) -> None:
    """Material's Enter opens the best result; with none, the first offer is the best there is."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_server.url("managers/"))
    search(page, site_server.url(), NOTHING)
    page.keyboard.press("Enter")
    page.wait_for_url(site_server.url("right-now/"))
    assert not errors, errors


def test_enter_in_the_box_still_opens_the_best_result(
    page: object, site_server: SiteServer
) -> None:
    """With results on show, Enter opens Material's best match: the panel's lines never intrude."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_server.url())
    found = search(page, site_server.url(), "manger")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: _page_of(url, site_server.url()) == found[0])
    assert not errors, errors


def test_a_word_with_no_near_match_offers_the_closest_guide_words(
    page: object, site_server: SiteServer
) -> None:
    """Each is a link that searches for that word, and the panel stays open."""
    page.goto(site_server.url())
    search(page, site_server.url(), "zzmanagerzz")
    words = page.locator(".md-search-result [data-search-help-word]")
    assert (
        "No match for “zzmanagerzz”. Did you mean:"
        in page.locator(".md-search-result").inner_text()
    )
    assert words.count() >= 1
    assert words.first.text_content() == "manager"
    words.first.click()
    assert page.locator(_INPUT).input_value() == "manager"
    page.locator(_ITEMS).first.wait_for()
    assert page.locator("[data-md-toggle=search]").is_checked()
    assert page.locator(".md-search-result [data-search-help-word]").count() == 0


def test_the_search_helper_and_word_list_load_only_when_someone_searches(
    page: object, site_server: SiteServer
) -> None:
    """Pages load without them (the theme's empty query at start is not a search); the first
    search fetches each once."""
    asked: list[str] = []
    page.on("request", lambda request: asked.append(urlsplit(request.url).path))

    def helpers() -> list[str]:
        return [p for p in asked if p.endswith("/search/words.js") or "/javascripts/search." in p]

    page.goto(site_server.url("steps/own-it/"))
    page.wait_for_load_state("networkidle")
    assert helpers() == []
    search(page, site_server.url(), "manger")
    search(page, site_server.url(), "mistke")
    assert sorted(p.rsplit("/", 1)[1].split(".")[0] for p in helpers()) == ["search", "words"]


def _search_workers(asked: list[str], page: object) -> list[str]:
    """Material's search worker, as requested and as running in the page."""
    running = [w.url for w in page.workers if "/workers/search." in w.url]
    return [p for p in asked if "/workers/search." in p] + running


def test_the_search_worker_starts_only_when_someone_searches(
    page: object, site_server: SiteServer
) -> None:
    """A first visit neither fetches nor runs it (nor any other worker), nor does loading the
    search helper first (as the bench does); focusing the box starts it, once, and the search
    finds pages through the helper's typo fixes."""
    asked: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: asked.append(urlsplit(request.url).path))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(site_server.url("steps/limit-the-damage/"))
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert _search_workers(asked, page) == []
    assert page.workers == []
    assert page.evaluate("() => window.guide.load('search')")
    page.wait_for_timeout(500)
    assert _search_workers(asked, page) == []
    page.locator(_INPUT).focus()
    _wait_until(page, lambda: len(page.workers) == 1)
    assert search(page, site_server.url(), "manger") != []
    assert "manager" in status(page)
    assert search(page, site_server.url(), "apologise") != []
    assert len(page.workers) == 1
    assert len([p for p in asked if "/workers/search." in p]) == 1
    assert not errors, errors


def test_a_search_link_searches_as_the_page_loads(page: object, site_server: SiteServer) -> None:
    """A ?q= link (Material's shared search) starts the worker and lists results at once."""
    page.goto(site_server.url("steps/limit-the-damage/?q=manager"))
    page.locator(_ITEMS).first.wait_for()
    assert page.locator(_INPUT).input_value() == "manager"
    assert "matching" in (page.text_content(_META) or "")


@pytest.fixture(scope="module")
def instant_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """The guide with Material's instant navigation on, served where its site_url says."""
    tmp = tmp_path_factory.mktemp("instant-search")
    server, info = serve_folder(tmp / "site")
    fixture = make_fixture_site(tmp)
    fixture.replace("mkdocs.yml", "# - navigation.instant", "- navigation.instant")
    fixture.replace("mkdocs.yml", "\n# No site_url", f"\nsite_url: {info.base}/\n# No site_url")
    result = fixture.build(tmp / "site")
    assert result.returncode == 0, result.stderr
    yield info
    server.shutdown()


def test_with_instant_navigation_the_worker_starts_on_a_later_page(
    page: object, instant_server: SiteServer
) -> None:
    """Material makes its one worker on the home page; the first search comes on a step page two
    folders down, shown without a reload: the worker still starts from its own address and finds
    pages, and search's helper finds its word list and stylesheet (typos corrected, help styled)."""
    asked: list[str] = []
    errors: list[str] = []
    missing: list[str] = []
    page.on("request", lambda request: asked.append(urlsplit(request.url).path))
    page.on("response", lambda r: missing.append(r.url) if r.status >= 400 else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    # Material takes over links once it has the sitemap: a quiet network says it has.
    page.goto(instant_server.url(""), wait_until="networkidle")
    page.evaluate("window.guideSamePage = true")
    page.evaluate(
        """href => {
            const link = document.createElement("a");
            link.href = href;
            link.textContent = "Limit the damage";
            document.querySelector(".md-content").append(link);
            link.click();
        }""",
        "steps/limit-the-damage/",
    )
    page.wait_for_url("**/steps/limit-the-damage/")
    assert page.evaluate("window.guideSamePage === true"), "the page changed without a reload"
    assert _search_workers(asked, page) == []
    assert search(page, instant_server.url(), "manger") != []
    assert status(page) == "Showing results for “manager”."
    assert page.eval_on_selector(_STATUS, "line => getComputedStyle(line).fontWeight") == "700"
    assert [p for p in asked if "/workers/search." in p] == [urlsplit(page.workers[0].url).path]
    assert errors == [] and missing == []


# Records how the search help's status line looks the moment search.js first gives it words.
_WATCH_STATUS = """() => {
  window.guideStatusWeight = null;
  new MutationObserver((changes, observer) => {
    const line = document.querySelector(".md-search-result .guide-search-help__status");
    if (line && line.textContent) {
      window.guideStatusWeight = getComputedStyle(line).fontWeight;
      observer.disconnect();
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}"""


def _wait_until(page: object, done: Callable[[], object], seconds: float = 10) -> None:
    """Poll from here: under the strict policy the page cannot evaluate a waiting function."""
    for _ in range(int(seconds * 10)):
        if done():
            return
        page.wait_for_timeout(100)
    pytest.fail("waited ten seconds in vain")


def test_the_help_styles_load_on_the_first_search_before_the_help_shows(
    page: object, strict_server: SiteServer
) -> None:
    """search.css is not in the bundle: a search fetches it once, under style-src 'self', and
    the help waits for it (held back here for a second) rather than show unstyled."""
    asked: list[str] = []
    page.on("request", lambda request: asked.append(urlsplit(request.url).path))
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    held: list[object] = []
    page.route("**/assets/stylesheets/search.*", lambda route: held.append(route))
    page.goto(strict_server.url("steps/own-it/"))
    page.wait_for_load_state("networkidle")
    assert held == [], "a page no one searched fetched the search help's styles"
    page.evaluate(_WATCH_STATUS)

    page.locator(_INPUT).click()
    page.locator(_INPUT).press_sequentially(NOTHING)
    _wait_until(page, lambda: held)
    assert len(held) == 1, "the first search did not ask for the help's styles"
    # The word list has time to load and the results to come: the help still waits.
    _wait_until(page, lambda: any(path.endswith("/search/words.js") for path in asked))
    page.wait_for_timeout(500)
    assert page.evaluate("window.guideStatusWeight") is None, "the help showed before its styles"
    held[0].continue_()
    _wait_until(page, lambda: page.evaluate("window.guideStatusWeight") is not None)
    assert page.evaluate("window.guideStatusWeight") == "700", "the help showed unstyled"

    search(page, strict_server.url(), "mistke")
    assert len([p for p in asked if p.startswith("/assets/stylesheets/search.")]) == 1, asked
    assert page.eval_on_selector(_STATUS, "line => getComputedStyle(line).fontWeight") == "700"
    assert not refused, refused


@pytest.mark.parametrize(("media", "scheme"), SCHEMES)
def test_the_no_result_panel_passes_axe(
    page: object, site_server: SiteServer, media: str, scheme: str
) -> None:
    show_scheme(page, media)
    page.goto(site_server.url("steps/own-it/"))
    prepare(page)
    search(page, site_server.url(), f"manger {NOTHING}")
    search(page, site_server.url(), "zzmanagerzz")
    failures = check_widths(page, "closest words", scheme)
    search(page, site_server.url(), NOTHING)
    failures += check_widths(page, "no results", scheme)
    assert not failures, f"{len(failures)} axe violation(s):\n" + "\n".join(failures)


def test_search_forgives_under_the_strict_policy(page: object, strict_server: SiteServer) -> None:
    """Typos corrected and offers shown with script-src 'self' and no inline anything."""
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(strict_server.url("steps/own-it/"))
    found = search(page, strict_server.url(), "manger")
    assert "steps/tell-your-manager/" in found[:TOP], found
    assert status(page) == "Showing results for “manager”."
    assert search(page, strict_server.url(), NOTHING) == []
    assert _offer_targets(page, strict_server.url()) == ["right-now/", "steps/"]
    assert not refused, refused
    assert not errors, errors


def test_the_page_behind_the_open_search_is_inert(page: object, site_server: SiteServer) -> None:
    """As behind any modal dialog: open, the page is out of reach; closed, it is back."""
    page.goto(site_server.url("steps/own-it/"))
    page.wait_for_load_state("networkidle")
    behind = page.locator(".md-container")
    assert behind.evaluate("el => !el.inert")
    page.keyboard.press("/")
    page.locator(f"{_INPUT}:focus").wait_for()
    # Search's helper loads on this first focus, and makes the page behind inert once it runs.
    page.wait_for_function("document.querySelector('.md-container').inert")
    page.keyboard.press("Escape")
    assert behind.evaluate("el => !el.inert")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement !== document.body")
