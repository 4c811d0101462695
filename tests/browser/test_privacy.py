"""Privacy: no page sends a request anywhere but 127.0.0.1, and none writes a cookie.

Every built page (go/ short links too) is opened under the /hr/guide/ sub-path, as a portal hosts
it, and left until the network is idle, so late requests (search index, fonts, scripts) count.
The `context` fixture aborts and records every off-host request; this test names the page.
"""

from __future__ import annotations

from tests.browser.pages import built_pages


def test_no_page_reaches_another_host_or_writes_a_cookie(
    page, context, off_host, built_site, site_server
):
    pages = built_pages(built_site)
    problems: list[str] = []
    for built in pages:
        before = len(off_host.urls)
        page.goto(site_server.sub_url(built.url_path))
        page.wait_for_load_state("networkidle")
        problems += [f"{built}: request to {url}" for url in off_host.urls[before:]]
        if page.evaluate("document.cookie"):
            problems.append(f"{built}: document.cookie = {page.evaluate('document.cookie')!r}")
    cookies = context.cookies()
    problems += [f"cookie written: {cookie['name']} for {cookie['domain']}" for cookie in cookies]
    off_host.urls.clear()  # reported above, page by page
    assert not problems, "\n".join(problems)
    assert len(pages) >= 10


def test_search_and_interactive_features_stay_on_host(page, context, off_host, site_server):
    page.goto(site_server.sub_url("steps/own-it/"))
    page.keyboard.press("/")
    page.keyboard.type("manager")
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("Escape")
    for box in page.locator("input[type=checkbox][id^=box-]").all()[:3]:
        box.check()
    page.wait_for_load_state("networkidle")
    assert off_host.urls == []
    assert context.cookies() == []
    assert page.evaluate("document.cookie") == ""
