"""Keyboard: every interactive feature is reachable and usable, focus is always visible.

Tab walks a whole step page at 1280 px and at 360 px; at each stop the focused element (or, for
Material's hidden radio and checkbox inputs, the label drawn for it) must be on screen, not
covered by anything, and carry a focus ring (outline or box-shadow). The checklists, worked
examples, copy and ticks buttons, the skip link and the phone menu are then used by key alone.
"""

from __future__ import annotations

import pytest

from tests.browser.pages import content_pages

STEP_PAGE = "steps/own-it/"
MAX_TABS = 2000
_NO_TRANSITIONS = "*, ::before, ::after { transition: none !important; animation: none !important }"
# What is focused now, and what is wrong with how it shows; null once focus has left the page.
_FOCUS_STOP = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const box = (e) => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 ? r : null;
  };
  let shown = el;
  if (!box(el)) {
    const next = el.nextElementSibling;
    const label = next?.tagName === "LABEL" && box(next) ? next : el;
    shown = [...(el.labels || [])].find(box) || label;
  }
  const r = box(shown);
  const style = getComputedStyle(shown);
  const problems = [];
  if (!r) {
    problems.push("has no size");
  } else if (r.right <= 0 || r.left >= innerWidth || r.bottom <= 0 || r.top >= innerHeight) {
    problems.push("is off-screen");
  } else {
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    if (hit && !shown.contains(hit) && !hit.contains(shown) && !el.contains(hit)) {
      problems.push(`is covered by ${hit.outerHTML.slice(0, 70)}`);
    }
  }
  const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
    || style.boxShadow !== "none";
  if (!ring) problems.push("shows no focus ring");
  if (!el.dataset.tabStop) {
    el.dataset.tabStop = String(document.querySelectorAll("[data-tab-stop]").length);
  }
  return { stop: el.dataset.tabStop, key: el.id || el.outerHTML.slice(0, 120), problems };
}"""


def tab_through(page) -> tuple[list[str], list[str]]:
    """Press Tab until focus leaves the page; return the stops and the problems seen."""
    stops, problems, seen = [], [], set()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        stop = page.evaluate(_FOCUS_STOP)
        if stop is None or (stop["stop"] == "0" and stops):
            return stops, problems  # focus left the page, or wrapped round to the first stop
        if stop["stop"] in seen:
            pytest.fail(
                f"focus came back to {stop['key'][:90]} without leaving the page (a trap) "
                f"after {len(stops)} stops, last {stops[-3:]}"
            )
        seen.add(stop["stop"])
        stops.append(stop["key"])
        problems += [f"{stop['key'][:90]} {problem}" for problem in stop["problems"]]
    pytest.fail(f"Tab never left the page after {MAX_TABS} presses")


def open_quietly(page, url: str) -> None:
    """Load a page with transitions off, so every check sees the settled state."""
    page.goto(url)
    page.add_style_tag(content=_NO_TRANSITIONS)


@pytest.mark.parametrize("width", [1280, 360])
def test_tab_reaches_every_control_of_a_step_page_with_visible_focus(page, site_server, width):
    page.set_viewport_size({"width": width, "height": 800})
    open_quietly(page, site_server.url(STEP_PAGE))
    stops, problems = tab_through(page)
    assert not problems, f"focus problems at {width}px:\n" + "\n".join(problems)
    boxes = page.locator("input[type=checkbox][id^=box-]")
    assert boxes.count() > 0
    missing = [box for box in boxes.evaluate_all("els => els.map(e => e.id)") if box not in stops]
    assert not missing, f"checkboxes Tab never reaches: {missing}"
    summaries = page.locator("details.guide-example > summary").count()
    reached = sum(1 for stop in stops if 'class="guide-example__summary' in stop)
    assert reached == summaries > 0, f"Tab reached {reached} of {summaries} worked examples"


def test_skip_link_is_the_first_stop_and_moves_to_the_content(page, site_server):
    open_quietly(page, site_server.url(STEP_PAGE))
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    box = skip.bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0, "skip link not shown on focus"
    target = skip.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_function("t => location.hash === t", arg=target)
    heading = page.locator(target)
    heading_box = heading.bounding_box()
    assert heading_box is not None and 0 <= heading_box["y"] < 800
    page.keyboard.press("Tab")
    in_content = "document.activeElement.closest('.md-content') !== null"
    assert page.evaluate(in_content), "Tab after the skip link should stay in the content"


def test_checklist_and_worked_example_work_by_keyboard(page, site_server):
    open_quietly(page, site_server.url(STEP_PAGE))
    box = page.locator("input[type=checkbox][id^=box-]").first
    box.focus()
    assert not box.is_checked()
    page.keyboard.press("Space")
    assert box.is_checked()
    page.keyboard.press("Space")
    assert not box.is_checked()
    summary = page.locator("details.guide-example > summary").first
    summary.focus()
    page.keyboard.press("Enter")
    assert summary.evaluate("s => s.parentElement.open")
    page.keyboard.press("Enter")
    assert not summary.evaluate("s => s.parentElement.open")


def test_script_made_buttons_are_keyboard_buttons(page, site_server):
    open_quietly(page, site_server.url(STEP_PAGE))
    buttons = page.locator(".md-content button:visible")
    assert buttons.count() > 0
    not_buttons = buttons.evaluate_all(
        "els => els.filter(b => b.tabIndex < 0 || b.disabled && !b.hasAttribute('aria-disabled'))"
        ".map(b => b.outerHTML.slice(0, 80))"
    )
    assert not not_buttons, f"buttons out of the tab order: {not_buttons}"


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_phone_menu_opens_from_the_keyboard(page, site_server, key):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(site_server.url(STEP_PAGE))  # transitions on: the drawer slides in as for readers
    menu = page.get_by_role("button", name="Menu")
    assert menu.evaluate("element => element.tagName") == "BUTTON"
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('guide-menu-button')"):
            break
    else:
        pytest.fail("Tab never reached the menu button")
    assert menu.get_attribute("aria-expanded") == "false"
    page.keyboard.press(key)
    assert menu.get_attribute("aria-expanded") == "true"
    in_drawer = "document.activeElement.closest('.md-sidebar--primary') !== null"
    assert page.evaluate(in_drawer), "opening the menu should move focus into it"
    page.wait_for_function(
        "() => document.querySelector('.md-sidebar--primary').getAnimations({subtree: true})"
        ".length === 0"
    )
    stop = page.evaluate(_FOCUS_STOP)
    assert stop is not None and not stop["problems"], stop


def test_every_page_keeps_focus_visible_at_360(page, built_site, site_server):
    """A shorter walk on every page at phone width: no stop may be hidden or ringless."""
    page.set_viewport_size({"width": 360, "height": 800})
    problems = []
    for built in content_pages(built_site):
        open_quietly(page, site_server.url(built.url_path))
        problems += [f"{built}: {problem}" for problem in tab_through(page)[1]]
    assert not problems, "\n".join(problems)
