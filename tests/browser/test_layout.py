"""Layout: no page scrolls sideways at 360 px, and at 200% zoom everything stays usable.

200% zoom is a 1280 px window at device scale 2: 640 CSS px with every text twice the size, as
Chromium renders it. There, no page may scroll sideways, the article keeps a readable measure,
and every control in the header and the page content sits inside the window (a wide table may
scroll inside its own box: WCAG 1.4.10 exempts two-dimensional data).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser.conftest import OffHostLog, guard_requests
from tests.browser.pages import content_pages

_OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
# Visible controls outside the window, skipping those inside a box that scrolls sideways itself.
_OUT_OF_REACH = """() => {
  const width = document.documentElement.clientWidth;
  const scrollsItself = (el) => {
    for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
      const overflow = getComputedStyle(box).overflowX;
      if ((overflow === "auto" || overflow === "scroll") && box.scrollWidth > box.clientWidth) {
        return true;
      }
    }
    return false;
  };
  const controls = document.querySelectorAll(
    ".md-header a, .md-header label.md-header__button, .md-header input, " +
    ".md-content a, .md-content button, .md-content input, .md-content summary, " +
    ".md-content select, .md-content textarea"
  );
  const searchOpen = document.getElementById("__search")?.checked;
  const out = [];
  for (const el of controls) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const hidden = !box.width || !box.height || style.visibility === "hidden" ||
      style.opacity === "0" || el.closest("[hidden]") || (el.closest(".md-search") && !searchOpen);
    if (hidden) {
      continue;
    }
    if ((box.right > width + 1 || box.left < -1) && !scrollsItself(el)) {
      const span = `${Math.round(box.left)} to ${Math.round(box.right)}`;
      out.push(`${el.outerHTML.slice(0, 90)} at x ${span}`);
    }
  }
  return out;
}"""
_ARTICLE_WIDTH = "() => document.querySelector('.md-content')?.getBoundingClientRect().width ?? 0"


@pytest.fixture
def zoomed_page(browser, off_host: OffHostLog) -> Iterator[object]:
    """A guarded page at 200% zoom: a 1280 x 900 window at device scale factor 2."""
    ctx = browser.new_context(viewport={"width": 640, "height": 450}, device_scale_factor=2)
    guard_requests(ctx, off_host)
    yield ctx.new_page()
    ctx.close()
    assert not off_host.urls, f"the page tried to reach other hosts: {off_host.urls}"


def test_no_page_scrolls_sideways_at_360_px(page, built_site, site_server):
    page.set_viewport_size({"width": 360, "height": 800})
    pages = content_pages(built_site)
    problems = []
    for built in pages:
        page.goto(site_server.url(built.url_path))
        overflow = page.evaluate(_OVERFLOW)
        if overflow > 0:
            problems.append(f"{built}: {overflow}px wider than the window")
        problems += [f"{built}: {where}" for where in page.evaluate(_OUT_OF_REACH)]
    assert not problems, "\n".join(problems)
    assert len(pages) >= 10


def test_every_page_is_usable_at_200_percent_zoom(zoomed_page, built_site, site_server):
    page = zoomed_page
    assert page.evaluate("window.devicePixelRatio") == 2
    problems = []
    for built in content_pages(built_site):
        page.goto(site_server.url(built.url_path))
        overflow = page.evaluate(_OVERFLOW)
        if overflow > 0:
            problems.append(f"{built}: {overflow}px wider than the window")
        if page.evaluate(_ARTICLE_WIDTH) < 560:
            problems.append(f"{built}: the article is squeezed below 560 px of 640")
        problems += [f"{built}: {where}" for where in page.evaluate(_OUT_OF_REACH)]
    assert not problems, "\n".join(problems)


def test_search_and_menu_work_at_200_percent_zoom(zoomed_page, site_server):
    page = zoomed_page
    page.goto(site_server.url("steps/own-it/"))
    page.locator("label.md-header__button[for=__search]").click()
    page.locator("input.md-search__input:focus").wait_for()
    page.keyboard.type("manager")
    result = page.locator(".md-search-result__item a").first
    result.wait_for()
    # The search panel slides in; measure where it comes to rest, not mid-slide.
    page.wait_for_function(
        "() => document.querySelector('.md-search__inner').getAnimations({subtree: true})"
        ".length === 0"
    )
    assert result.bounding_box()["x"] + result.bounding_box()["width"] <= 641
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Menu").click()
    # The drawer slides in; it must come to rest fully inside the 640 px window.
    page.wait_for_function(
        """() => [...document.querySelectorAll(".md-sidebar--primary .md-nav__link")]
          .filter((a) => a.getBoundingClientRect().width > 0)
          .every((a) => a.getBoundingClientRect().left >= 0
            && a.getBoundingClientRect().right <= document.documentElement.clientWidth)""",
        timeout=5000,
    )
