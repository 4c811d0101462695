"""The guide under a strict Content-Security-Policy, and every built page without a script error.

Intranet portals send `script-src 'self'` and `style-src 'self'` (STRICT_CSP): the theme's inline
helpers, inline handlers and inline styles then stop working, search first. Here every page is
served with that policy and must report no `securitypolicyviolation`, no uncaught error and no
console error; search, ticks, copy-link and print must work under it. Every built page is visited:
cards, go/ pages (which forward to their target) and the offline copy opened from disk. One page
is reused for all of them, so the whole site takes one browser and a few seconds per dozen pages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.browser.conftest import SiteServer
from tests.browser.pages import BuiltPage, built_pages
from tests.browser.test_search import search
from tests.browser.ticks_support import STEP_1, boxes, progress_shows

# Reported to Python through a binding, so events on a page that forwards (go/) are kept too.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.guideViolation(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile || location.href}:${event.lineNumber}`);
});
"""
PRINT_RECORDER = "window.print = () => { window.printCalls = (window.printCalls || 0) + 1; };"


@dataclass
class Watch:
    """What went wrong on the watched page since the last `take()`."""

    problems: list[str] = field(default_factory=list)

    def take(self) -> list[str]:
        found, self.problems[:] = list(self.problems), []
        return found


def watched_page(context: object, watch: Watch) -> object:
    """A page of `context` whose CSP violations, page errors and console errors go to `watch`."""
    context.expose_function("guideViolation", lambda text: watch.problems.append(f"CSP: {text}"))
    context.add_init_script(REPORT_VIOLATIONS)
    page = context.new_page()
    page.on("pageerror", lambda error: watch.problems.append(f"page error: {error}"))

    def on_console(message: object) -> None:
        if message.type == "error":
            watch.problems.append(f"console error: {message.text}")

    page.on("console", on_console)
    return page


@pytest.fixture
def strict(browser: object, strict_server: SiteServer) -> Iterator[tuple[object, Watch]]:
    """A page in a fresh profile whose problems are watched, for the strictly served site."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=strict_server.base)
    watch = Watch()
    page = watched_page(context, watch)
    yield page, watch
    context.close()


def visit_all(page: object, watch: Watch, site: Path, url: Callable[[BuiltPage], str]) -> dict:
    """Open every built page of `site` in turn; the problems seen on each, by its site path.

    A forwarding page (go/) is left once its forward has started: the page it leads to is a
    built page visited on its own, and loading it again for each of its short links would take
    minutes.
    """
    found = {}
    for built in built_pages(site):
        address = url(built)
        if built.is_redirect:
            page.goto(address, wait_until="commit")
            page.wait_for_url(lambda now, left=address: now != left, wait_until="commit")
        else:
            page.goto(address, wait_until="load")
        problems = watch.take()
        if problems:
            found[built.path] = problems
    return found


def test_every_page_under_the_strict_policy_without_violation_or_error(
    strict, strict_server, built_site: Path
) -> None:
    page, watch = strict
    paths = [built.path for built in built_pages(built_site)]
    assert any(p.startswith("go/") for p in paths) and any(p.startswith("print/") for p in paths)
    assert visit_all(page, watch, built_site, lambda p: strict_server.sub_url(p.url_path)) == {}


def test_every_page_of_the_offline_copy_opened_from_disk_without_error(
    browser, offline_build
) -> None:
    site = offline_build.require()
    context = browser.new_context()
    watch = Watch()
    page = watched_page(context, watch)
    try:
        assert visit_all(page, watch, site, lambda p: p.file.as_uri()) == {}
    finally:
        context.close()


def test_search_finds_pages_under_the_strict_policy(strict, strict_server) -> None:
    page, watch = strict
    page.goto(strict_server.sub_url(STEP_1))
    found = search(page, strict_server.sub_url(), "manager")
    assert "steps/tell-your-manager/" in found
    page.locator("[data-md-component=search-share]").click()
    assert watch.take() == []


def test_ticks_persist_under_the_strict_policy(strict, strict_server) -> None:
    page, watch = strict
    page.goto(strict_server.sub_url(STEP_1))
    boxes(page).first.check()
    progress_shows(page, f"1 of {boxes(page).count()} done")
    page.reload()
    assert boxes(page).first.is_checked()
    assert page.locator(".guide-ticks__count").first.inner_text().startswith("1 of ")
    assert watch.take() == []


def test_copy_link_under_the_strict_policy(strict, strict_server) -> None:
    page, watch = strict
    page.goto(strict_server.sub_url("steps/own-it/"))
    page.locator(".guide-checklist__title .guide-copy").first.click()
    page.wait_for_function("() => document.querySelector('.guide-copy-status')?.textContent")
    assert page.evaluate("navigator.clipboard.readText()") == strict_server.sub_url("go/own-it/")
    assert watch.take() == []


def test_print_under_the_strict_policy(strict, strict_server) -> None:
    page, watch = strict
    page.add_init_script(PRINT_RECORDER)
    page.goto(strict_server.sub_url("print/own-it/"))
    page.get_by_role("button", name="Print this card").click()
    assert page.evaluate("() => window.printCalls") == 1
    page.goto(strict_server.sub_url("steps/own-it/"))
    closed = "() => document.querySelectorAll('details:not([open])').length"
    assert page.evaluate(closed) > 0
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate(closed) == 0
    assert watch.take() == []
