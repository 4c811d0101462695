"""Tickable checklists in real Chromium: saving, status, keyboard, clear, undo, print, privacy."""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO

import pytest
from pypdf import PdfReader

from tests.browser.conftest import guard_requests
from tests.browser.ticks_support import (
    OVERVIEW,
    RIGHT_NOW,
    STEP_1,
    STEP_2,
    boxes,
    checklist,
    progress,
    progress_shows,
    step_status,
    stored_text,
    ticked,
    watch_errors,
)
from tests.support import ROOT

STEP_1_ID = "limit-the-damage"
STEP_2_ID = "tell-your-manager"


@pytest.fixture
def errors() -> list[str]:
    """Console errors and uncaught exceptions of every page a test opens."""
    return []


@pytest.fixture
def page(context: object, errors: list[str]) -> Iterator[object]:
    """A watched page: the test fails if any page logged an error or threw."""
    yield watch_errors(context.new_page(), errors)
    assert errors == [], f"console errors: {errors}"


def test_ticks_survive_a_reload(page, site_server) -> None:
    page.goto(site_server.url(STEP_1))
    total = boxes(page).count()
    assert total >= 3
    assert progress(page) == f"0 of {total} done"
    boxes(page).nth(0).click()  # mouse on the box
    checklist(page).locator("label").nth(2).click()  # mouse on the label
    boxes(page).nth(1).check()
    progress_shows(page, f"3 of {total} done")

    page.reload()
    assert ticked(page)[:3] == [True, True, True]
    assert not any(ticked(page)[3:])
    assert progress(page) == f"3 of {total} done"
    # The same checklist on the Right now page shows the same ticks.
    page.goto(site_server.url(RIGHT_NOW))
    assert ticked(page)[:3] == [True, True, True]


def test_ticks_work_by_touch(browser, off_host, site_server, errors) -> None:
    context = browser.new_context(
        has_touch=True, is_mobile=True, viewport={"width": 390, "height": 800}
    )
    guard_requests(context, off_host)
    try:
        page = watch_errors(context.new_page(), errors)
        page.goto(site_server.url(STEP_1))
        checklist(page).locator("label").first.tap()
        boxes(page).nth(1).tap()
        assert ticked(page)[:2] == [True, True]
        progress_shows(page, f"2 of {boxes(page).count()} done")
        page.reload()
        assert ticked(page)[:2] == [True, True]
    finally:
        context.close()
    assert errors == []


def test_overview_shows_not_started_in_progress_and_done(page, site_server) -> None:
    page.goto(site_server.url(OVERVIEW))
    assert [step_status(page, f"step-{n}") for n in range(1, 6)] == ["Not started"] * 5

    page.goto(site_server.url(STEP_1))
    boxes(page).first.check()
    progress_shows(page, f"1 of {boxes(page).count()} done")
    page.goto(site_server.url(OVERVIEW))
    assert step_status(page, "step-1") == "In progress"
    assert step_status(page, "step-2") == "Not started"

    page.goto(site_server.url(STEP_1))
    for box in boxes(page).all():
        box.check()
    assert checklist(page).locator(".guide-ticks__status").inner_text().strip().endswith("Done")
    page.goto(site_server.url(""))  # the home page has the overview too
    assert step_status(page, "step-1") == "Done"
    # The status is a word, not a color alone, and screen readers hear what it is.
    slot = page.locator("[data-step-status='step-1']")
    assert slot.text_content().strip() == "Status: Done"

    # The Right now page (the quick view) shows each step's status on its checklist.
    page.goto(site_server.url(RIGHT_NOW))
    status = checklist(page, STEP_1_ID).locator(".guide-ticks__status")
    assert status.inner_text().strip().endswith("Done")
    assert (
        checklist(page, STEP_2_ID)
        .locator(".guide-ticks__status")
        .inner_text()
        .strip()
        .endswith("Not started")
    )


STATUS_IS = """([step, status]) =>
  document.querySelector(`[data-step-status='${step}']`).dataset.status === status"""


def test_status_follows_ticks_made_in_another_tab(context, site_server, errors) -> None:
    overview = watch_errors(context.new_page(), errors)
    step = watch_errors(context.new_page(), errors)
    overview.goto(site_server.url(OVERVIEW))
    step.goto(site_server.url(STEP_2))
    assert step_status(overview, "step-2") == "Not started"

    boxes(step, STEP_2_ID).first.check()
    overview.wait_for_function(STATUS_IS, arg=["step-2", "in-progress"])
    for box in boxes(step, STEP_2_ID).all():
        box.check()
    overview.wait_for_function(STATUS_IS, arg=["step-2", "done"])
    assert step_status(overview, "step-2") == "Done"
    assert errors == []


def test_keyboard_only_tab_and_space(page, site_server) -> None:
    page.goto(site_server.url(STEP_1))
    for _ in range(150):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('input.guide-checklist__box')"):
            break
    else:
        pytest.fail("Tab never reached a checklist box")
    focused = page.evaluate("() => document.activeElement.id")
    assert focused == boxes(page).first.get_attribute("id")
    outline = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement); "
        "return [s.outlineStyle, parseFloat(s.outlineWidth)]; }"
    )
    assert outline[0] != "none" and outline[1] >= 2, f"no visible focus ring: {outline}"

    live = checklist(page).locator(".guide-ticks__count")
    assert live.get_attribute("aria-live") == "polite"
    total = boxes(page).count()
    page.keyboard.press("Space")
    assert boxes(page).first.is_checked()
    progress_shows(page, f"1 of {total} done")
    for _ in range(4):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('input.guide-checklist__box')"):
            break
    else:
        pytest.fail("Tab never reached the second checklist box")
    second = boxes(page).nth(1).get_attribute("id")
    assert page.evaluate("() => document.activeElement.id") == second
    page.keyboard.press("Space")
    assert live.inner_text().strip() == f"2 of {total} done"
    page.keyboard.press("Space")
    assert live.inner_text().strip() == f"1 of {total} done"


def test_clear_my_ticks_and_undo(page, site_server) -> None:
    page.goto(site_server.url(STEP_1))
    total = boxes(page).count()
    boxes(page).nth(0).check()
    boxes(page).nth(2).check()
    progress_shows(page, f"2 of {total} done")
    before = ticked(page)

    clear = checklist(page).get_by_role("button", name="Clear my ticks")
    clear.focus()
    page.keyboard.press("Enter")
    assert not any(ticked(page))
    assert progress(page) == f"0 of {total} done"
    message = checklist(page).get_by_role("status").filter(has_text="Cleared 2 ticks")
    assert message.count() == 1
    page.reload()
    assert not any(ticked(page)), "a clear must be saved"

    boxes(page).nth(1).check()
    progress_shows(page, f"1 of {total} done")
    clear = checklist(page).get_by_role("button", name="Clear my ticks")
    clear.click()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past "Print my progress" to "Undo"
    assert page.evaluate("() => document.activeElement.textContent") == "Undo"
    page.keyboard.press("Enter")
    assert ticked(page) == [i == 1 for i in range(total)]
    assert page.evaluate("() => document.activeElement.textContent") == "Clear my ticks"
    assert checklist(page).get_by_role("status").filter(has_text="are back").count() == 1
    page.reload()
    assert ticked(page) == [i == 1 for i in range(total)]
    assert before != ticked(page)


def test_undo_stays_until_its_own_checklist_changes(page, site_server) -> None:
    page.goto(site_server.url(RIGHT_NOW))
    boxes(page, STEP_1_ID).first.check()
    progress_shows(page, f"1 of {boxes(page, STEP_1_ID).count()} done", STEP_1_ID)
    checklist(page, STEP_1_ID).get_by_role("button", name="Clear my ticks").click()
    undo = checklist(page, STEP_1_ID).get_by_role("button", name="Undo")
    boxes(page, STEP_2_ID).first.check()  # another checklist: the offer stays
    assert undo.is_visible()
    boxes(page, STEP_1_ID).nth(1).check()  # its own checklist: the offer ends
    assert undo.count() == 0
    assert ticked(page, STEP_1_ID)[:2] == [False, True]


def test_clear_all_and_undo(page, site_server) -> None:
    page.goto(site_server.url(STEP_1))
    boxes(page).nth(0).check()
    progress_shows(page, f"1 of {boxes(page).count()} done")
    page.goto(site_server.url(STEP_2))
    for box in boxes(page, STEP_2_ID).all():
        box.check()
    page.goto(site_server.url(OVERVIEW))
    assert [step_status(page, "step-1"), step_status(page, "step-2")] == ["In progress", "Done"]

    page.get_by_role("button", name="Clear all my ticks and answers").click()
    assert [step_status(page, f"step-{n}") for n in range(1, 6)] == ["Not started"] * 5
    assert page.get_by_role("status").filter(has_text="Cleared all your ticks").count() == 1
    page.get_by_role("button", name="Undo").click()
    assert [step_status(page, "step-1"), step_status(page, "step-2")] == ["In progress", "Done"]

    page.get_by_role("button", name="Clear all my ticks and answers").click()
    page.goto(site_server.url(RIGHT_NOW))
    assert not any(ticked(page, STEP_1_ID) + ticked(page, STEP_2_ID))
    assert stored_text(page) == "", "clearing everything leaves nothing behind"
    # The first-hour page offers "Clear all" too.
    boxes(page, STEP_2_ID).first.check()
    progress_shows(page, f"1 of {boxes(page, STEP_2_ID).count()} done", STEP_2_ID)
    page.get_by_role("button", name="Clear all my ticks and answers").click()
    assert not any(ticked(page, STEP_2_ID))
    page.get_by_role("button", name="Undo").click()
    assert ticked(page, STEP_2_ID)[0]


def test_garbage_in_storage_is_survived(page, site_server) -> None:
    page.goto(site_server.url(STEP_1))
    boxes(page).first.check()
    progress_shows(page, f"1 of {boxes(page).count()} done")
    key = page.evaluate("() => Object.keys(localStorage).find((key) => !key.includes('__'))")
    page.evaluate(f"() => localStorage.setItem({key!r}, '{{not json')")
    page.reload()
    assert not any(ticked(page))
    warnings = page.locator(".guide-ticks__warning:not(:empty)")
    assert warnings.count() == 1
    assert "could not be read" in warnings.inner_text()
    boxes(page).nth(1).check()
    assert warnings.count() == 1, "the reader is told once"
    page.reload()
    assert ticked(page)[1], "a fresh tick replaces the garbage and is saved"
    assert page.locator(".guide-ticks__warning:not(:empty)").count() == 0

    # Well-formed JSON of the wrong shape is garbage too.
    for junk in ("[1, 2]", '{"checklists": []}', "null", '"text"'):
        page.evaluate(f"() => localStorage.setItem({key!r}, {junk!r})")
        page.reload()
        boxes(page).first.check()
        assert progress(page).startswith("1 of")


WRITE_FAILS = """
Storage.prototype.setItem = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
};
"""

ACCESS_FAILS = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("Access is denied for this document.", "SecurityError"); },
});
"""


@pytest.mark.parametrize("script", [WRITE_FAILS, ACCESS_FAILS], ids=["write-fails", "access-fails"])
def test_storage_that_throws_keeps_ticks_for_the_visit(context, page, site_server, script) -> None:
    context.add_init_script(script)
    page.goto(site_server.url(RIGHT_NOW))
    boxes(page, STEP_1_ID).nth(0).check()
    boxes(page, STEP_1_ID).nth(1).check()
    boxes(page, STEP_2_ID).nth(0).check()
    assert ticked(page, STEP_1_ID)[:2] == [True, True]
    progress_shows(page, f"1 of {boxes(page, STEP_2_ID).count()} done", STEP_2_ID)

    warnings = page.locator(".guide-ticks__warning:not(:empty)")
    assert warnings.count() == 1, "the reader is told once"
    assert "cannot be saved" in warnings.inner_text()
    assert warnings.get_attribute("role") == "status"

    checklist(page, STEP_1_ID).get_by_role("button", name="Clear my ticks").click()
    assert not any(ticked(page, STEP_1_ID))
    page.get_by_role("button", name="Undo").click()
    assert ticked(page, STEP_1_ID)[:2] == [True, True]


PRINT_RECORDER = """
window.print = () => { window.printedWith = document.documentElement.dataset.guidePrint; };
"""


def test_print_my_progress_prints_one_checklist_with_ticks_and_date(page, site_server) -> None:
    page.add_init_script(PRINT_RECORDER)
    page.goto(site_server.url(RIGHT_NOW))
    boxes(page, STEP_2_ID).nth(1).check()
    progress_shows(page, f"1 of {boxes(page, STEP_2_ID).count()} done", STEP_2_ID)
    checklist(page, STEP_2_ID).get_by_role("button", name="Print my progress").click()
    assert page.evaluate("() => window.printedWith") == f"progress:{STEP_2_ID}"

    page.emulate_media(media="print")
    assert checklist(page, STEP_2_ID).is_visible()
    assert not checklist(page, STEP_1_ID).is_visible()
    assert not page.locator("h1").first.is_visible()
    assert not checklist(page, STEP_2_ID).get_by_role("button").first.is_visible()
    date = checklist(page, STEP_2_ID).locator(".guide-ticks__print-date")
    assert date.is_visible()
    iso = page.evaluate("() => new Date().toISOString().slice(0, 10)")
    assert date.locator("time").get_attribute("datetime") == iso
    assert "My progress, printed on" in date.inner_text()

    pdf = page.pdf()
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)
    title = checklist(page, STEP_2_ID).locator(".guide-checklist__title").inner_text().strip()
    other = checklist(page, STEP_1_ID).locator(".guide-checklist__title").inner_text().strip()
    assert title in text and "My progress, printed on" in text
    assert other not in text

    # After printing, the page prints normally again.
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate("() => document.documentElement.dataset.guidePrint") is None
    assert checklist(page, STEP_1_ID).is_visible()


def test_scripts_off_checklists_still_show_with_boxes(browser, off_host, site_server) -> None:
    context = browser.new_context(java_script_enabled=False)
    guard_requests(context, off_host)
    try:
        page = context.new_page()
        page.goto(site_server.url(STEP_1))
        assert checklist(page).is_visible()
        assert boxes(page).count() >= 3
        assert all(box.is_visible() for box in boxes(page).all())
        assert checklist(page).locator(".guide-ticks__progress").is_hidden(), "nothing counts"
        assert page.locator("[data-step-status]:visible").count() == 0
        page.emulate_media(media="print")
        assert all(box.is_visible() for box in boxes(page).all()), "printable boxes"
    finally:
        context.close()


def test_nothing_leaves_the_browser(page, site_server) -> None:
    page.goto(site_server.url(STEP_1))
    page.wait_for_load_state("networkidle")
    requests: list[str] = []
    # Chromium asks for the favicon again when navigation.tracking puts a #section in the address.
    page.on("request", lambda request: requests.append(f"{request.method} {request.url}"))
    for box in boxes(page).all():
        box.check()
    progress_shows(page, f"{boxes(page).count()} of {boxes(page).count()} done")
    checklist(page).get_by_role("button", name="Clear my ticks").click()
    page.get_by_role("button", name="Undo").click()
    # The one request: ticks.js itself, from the guide's own host, on the first tick.
    script = page.evaluate(
        "() => new URL(document.querySelector('script[data-guide-ticks-src]')"
        ".dataset.guideTicksSrc, document.baseURI).href"
    )
    assert [url for url in requests if not url.endswith("favicon.svg")] == [f"GET {script}"]
    assert page.context.cookies() == []
    page.goto(site_server.url("about/"))
    assert "nothing is sent anywhere" in page.locator("#privacy ~ p").first.inner_text()


def test_ticks_work_under_a_sub_path(page, site_server) -> None:
    page.goto(site_server.sub_url(STEP_1))
    boxes(page).first.check()
    progress_shows(page, f"1 of {boxes(page).count()} done")
    page.goto(site_server.sub_url(OVERVIEW))
    assert step_status(page, "step-1") == "In progress"


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# axe-core over the script-made parts only (the a11y suite covers whole pages without ticks).
RUN_AXE_ON_TICKS = """async (selectors) => {
  const include = selectors.filter((s) => document.querySelector(s)).map((s) => [s]);
  const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
  const result = await axe.run({ include }, { runOnly: { type: "tag", values: tags } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" "))}`);
}"""
TICKS_PARTS = [
    ".guide-ticks__progress",
    ".guide-checklist__items",
    ".guide-ticks__buttons",
    ".guide-ticks__message",
    ".guide-ticks__warning",
    ".guide-ticks-all",
    "[data-step-status]",
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_ticks_parts_pass_axe_in_every_state(context, page, site_server, scheme) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(site_server.url(STEP_1))
    for box in boxes(page).all():
        box.check()
    progress_shows(page, f"{boxes(page).count()} of {boxes(page).count()} done")
    page.goto(site_server.url(STEP_2))
    boxes(page, STEP_2_ID).first.check()
    progress_shows(page, f"1 of {boxes(page, STEP_2_ID).count()} done", STEP_2_ID)
    page.goto(site_server.url(OVERVIEW))
    statuses = {step_status(page, f"step-{n}") for n in range(1, 6)}
    assert statuses == {"Done", "In progress", "Not started"}
    page.add_style_tag(content="* { transition: none !important; }")
    page.add_script_tag(path=str(AXE))
    assert page.evaluate(RUN_AXE_ON_TICKS, TICKS_PARTS) == []

    context.add_init_script(WRITE_FAILS)  # shows the "cannot be saved" warning
    page.goto(site_server.url(RIGHT_NOW))
    boxes(page, STEP_1_ID).first.check()
    checklist(page, STEP_2_ID).get_by_role("button", name="Clear my ticks").click()
    assert page.locator(".guide-ticks__warning:not(:empty)").count() == 1
    page.add_style_tag(content="* { transition: none !important; }")
    page.add_script_tag(path=str(AXE))
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        # From the top: a box left half under the fixed header by the last scroll is not a fault
        # of the box (axe's target-size counts what covers it).
        page.evaluate("window.scrollTo(0, 0)")
        assert page.evaluate(RUN_AXE_ON_TICKS, TICKS_PARTS) == [], f"{scheme} at {width}px"
