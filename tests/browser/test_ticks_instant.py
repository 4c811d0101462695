"""Ticks with Material's instant navigation, which the guide leaves off but an organization may
turn on: pages then change without a full reload and ticks.js must follow Material's `document$`.

Instant navigation needs `site_url`, so the fixture site is built for the address it is served at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import SiteServer, serve_folder
from tests.browser.ticks_support import STEP_1, boxes, progress, step_status, watch_errors
from tests.support import make_fixture_site

NO_RELOAD_MARK = "window.guideTicksSamePage = true"
SAME_PAGE = "() => window.guideTicksSamePage === true"


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
    page.goto(instant_site.url("steps/"))
    page.evaluate(NO_RELOAD_MARK)

    page.locator("a.guide-steps__link").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{STEP_1}")
    page.wait_for_selector(".guide-ticks__progress")
    assert page.evaluate(SAME_PAGE), "the page changed without a reload"
    total = boxes(page).count()
    boxes(page).first.check()
    assert progress(page) == f"1 of {total} done"
    assert page.locator(".guide-ticks__progress").count() == 1

    page.go_back()
    page.wait_for_url("**/steps/")
    page.wait_for_selector(".guide-ticks-all")
    assert page.evaluate(SAME_PAGE)
    assert step_status(page, "step-1") == "In progress"
    assert page.locator(".guide-ticks-all").count() == 1, "enhanced once"
    page.get_by_role("button", name="Clear all my ticks").click()
    assert step_status(page, "step-1") == "Not started"

    page.go_forward()
    page.wait_for_url(f"**/{STEP_1}")
    page.wait_for_selector(".guide-ticks__progress")
    assert page.evaluate(SAME_PAGE)
    assert progress(page) == f"0 of {total} done"
    assert errors == []
