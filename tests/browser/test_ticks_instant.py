"""Ticks with Material's instant navigation, which the guide leaves off but an organization may
turn on: pages then change without a full reload and ticks.js must follow Material's `document$`;
guide-core.js loads ticks.js and checks.js on a page shown that way when it needs them.

Instant navigation needs `site_url`, so the fixture site is built for the address it is served at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SiteServer, serve_folder
from tests.browser.ticks_support import (
    STEP_1,
    boxes,
    progress,
    progress_shows,
    step_status,
    watch_errors,
)
from tests.support import make_fixture_site

NO_RELOAD_MARK = "window.guideTicksSamePage = true"
SAME_PAGE = "() => window.guideTicksSamePage === true"
FEATURE = re.compile(r"/assets/javascripts/(ticks|checks)\.[0-9a-f]+\.min\.js$")


@pytest.fixture
def instant_site(tmp_path: Path) -> Iterator[SiteServer]:
    """The guide with navigation.instant on, served where its site_url says."""
    site = tmp_path / "site"
    server, info = serve_folder(site)
    fixture = make_fixture_site(tmp_path)
    fixture.replace("mkdocs.yml", "# - navigation.instant", "- navigation.instant")
    fixture.replace("mkdocs.yml", "\n# No site_url", f"\nsite_url: {info.base}/\n# No site_url")
    result = fixture.build(site)
    assert result.returncode == 0, result.stderr
    yield info
    server.shutdown()


def test_ticks_work_across_instant_page_changes(page, instant_site) -> None:
    errors: list[str] = []
    watch_errors(page, errors)
    scripts: list[str] = []
    page.on("request", lambda request: scripts.extend(FEATURE.findall(request.url)))
    page.goto(instant_site.url("steps/"))
    page.evaluate(NO_RELOAD_MARK)
    assert step_status(page, "step-1") == "Not started"

    page.locator("a.guide-steps__link").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{STEP_1}")
    page.wait_for_selector(".guide-ticks__progress")
    assert page.evaluate(SAME_PAGE), "the page changed without a reload"
    assert scripts == [], "nothing saved or ticked yet"
    total = boxes(page).count()
    boxes(page).first.check()  # loads ticks.js on this instantly shown page
    progress_shows(page, f"1 of {total} done")
    assert page.locator(".guide-ticks__progress").count() == 1
    answer = page.locator("[data-check]").first
    answer.locator("label").first.click()
    answer.get_by_role("button", name="Check my answer").click()
    expect(answer.locator("[data-check-feedback]")).to_contain_text("You picked A.")
    assert scripts == ["ticks", "checks"]

    page.go_back()
    page.wait_for_url("**/steps/")
    page.wait_for_selector(".guide-ticks-all")
    assert page.evaluate(SAME_PAGE)
    assert step_status(page, "step-1") == "In progress"
    assert page.locator(".guide-ticks-all").count() == 1, "enhanced once"
    page.get_by_role("button", name="Clear all my ticks and answers").click()
    assert step_status(page, "step-1") == "Not started"

    page.go_forward()
    page.wait_for_url(f"**/{STEP_1}*")  # with the #section the answer scrolled to
    page.wait_for_selector(".guide-ticks__progress")
    assert page.evaluate(SAME_PAGE)
    assert progress(page) == f"0 of {total} done"
    expect(answer.locator("[data-check-feedback]")).to_be_empty()  # Clear all took the answer
    assert scripts == ["ticks", "checks"], "each loaded once"
    assert errors == []


def test_saved_ticks_load_the_script_on_an_instantly_shown_page(page, instant_site) -> None:
    """A page without checklists needs no ticks.js; the next page, shown instantly, does."""
    errors: list[str] = []
    watch_errors(page, errors)
    scripts: list[str] = []
    page.on("request", lambda request: scripts.extend(FEATURE.findall(request.url)))
    page.goto(instant_site.url("about/"))
    page.evaluate(
        "() => localStorage.setItem('guide:handling-mistakes:ticks:v1',"
        " JSON.stringify({checklists: {'limit-the-damage': {'pause-and-look': true}}}))"
    )
    page.evaluate(NO_RELOAD_MARK)
    # A link of the page's own (Material follows every same-site link instantly).
    page.evaluate(
        "(href) => { const a = Object.assign(document.createElement('a'), {href, id: 'go'});"
        " a.textContent = 'Step 1'; document.querySelector('article').prepend(a); }",
        f"../{STEP_1}",
    )
    page.locator("#go").click()
    page.wait_for_url(f"**/{STEP_1}")
    expect(page.locator("#box-limit-the-damage--pause-and-look")).to_be_checked()
    assert page.evaluate(SAME_PAGE)
    assert scripts == ["ticks"]
    assert errors == []
