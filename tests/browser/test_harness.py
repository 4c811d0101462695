"""The harness itself: the site is served at the root and under a sub-path, and pages load."""

from __future__ import annotations


def test_home_page_loads_at_root_and_sub_path(page, site_server) -> None:
    for url in (site_server.url(), site_server.sub_url()):
        response = page.goto(url)
        assert response is not None and response.status == 200
        assert page.locator("h1").first.inner_text().strip() != ""
        assert page.locator("[data-step='step-1'] a").first.is_visible()
