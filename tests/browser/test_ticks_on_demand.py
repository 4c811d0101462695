"""ticks.js and checks.js load on first use (guide-core.js FEATURES), not on every page.

A first visit to a step page fetches neither, yet already shows what they would: the progress line,
"Not started", "Check my answer" instead of the no-script answers. The first tick or check loads
its script, is played again, saved and heard; saved state, another tab's change and "Clear all"
load what they need. Served under the strict CSP, every page watched for console errors.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from tests.browser.ticks_support import OVERVIEW, STEP_2, boxes, checklist, watch_errors
from tests.support import ROOT

GUIDE_ID = "handling-mistakes"
TICKS_KEY = f"guide:{GUIDE_ID}:ticks:v1"
ANSWERS_KEY = f"guide:{GUIDE_ID}:answers:v1"
CHECKLIST = "tell-your-manager"  # the checklist and the question on step 2's page
QUESTION = "manager-on-vacation"
SCRIPT = re.compile(r"/assets/javascripts/(ticks|checks)\.[0-9a-f]+\.min\.js$")
COUNT_STATECHANGES = """
window.guideStateChanges = 0;
document.addEventListener("guide:statechange", () => { window.guideStateChanges += 1; });
"""


@pytest.fixture
def errors() -> list[str]:
    """Console errors (CSP refusals included) and uncaught exceptions of the pages a test opens."""
    return []


@pytest.fixture
def page(context: object, errors: list[str]) -> Iterator[object]:
    """A watched page: the test fails if any page logged an error or threw."""
    yield watch_errors(context.new_page(), errors)
    assert errors == [], f"console errors: {errors}"


def loaded(page: object) -> list[str]:
    """Start recording which feature scripts `page` fetches; the list fills as it does."""
    names: list[str] = []

    def on_request(request: object) -> None:
        found = SCRIPT.search(request.url)
        if found:
            names.append(found.group(1))

    page.on("request", on_request)
    return names


def question(page: object) -> object:
    return page.locator(f"[data-check='{QUESTION}']")


def live_region(page: object, selector: str) -> dict:
    """How Chromium's accessibility tree exposes the element: its `live` setting and whether it is
    there at all (a region missing before its first change is never heard), and its text."""
    session = page.context.new_cdp_session(page)
    try:
        handle = session.send(
            "Runtime.evaluate", {"expression": f"document.querySelector({selector!r})"}
        )
        nodes = session.send(
            "Accessibility.getPartialAXTree",
            {"objectId": handle["result"]["objectId"], "fetchRelatives": False},
        )["nodes"]
    finally:
        session.detach()
    node = nodes[0]
    props = {p["name"]: p["value"].get("value") for p in node.get("properties", [])}
    text = page.locator(selector).inner_text().strip()
    return {"live": props.get("live"), "ignored": node.get("ignored", False), "text": text}


def test_a_first_visit_fetches_neither_script_and_already_looks_right(page, strict_server) -> None:
    scripts = loaded(page)
    page.goto(strict_server.url(STEP_2))
    page.wait_for_load_state("networkidle")
    assert scripts == [], "nothing saved, nothing clicked: no ticks or checks script"
    total = boxes(page, CHECKLIST).count()
    progress = checklist(page, CHECKLIST).locator(".guide-ticks__progress")
    expect(progress).to_be_visible()
    expect(progress).to_have_text(f"0 of {total} done Status: Not started")
    assert page.locator(".guide-ticks__button").count() == 0, "nothing to clear or print yet"
    expect(question(page).get_by_role("button", name="Check my answer")).to_be_visible()
    expect(question(page).locator("[data-check-answers]")).to_be_hidden()

    # Nothing above the checklist's own buttons moves or changes when the scripts arrive.
    def layout() -> tuple:
        box = question(page).bounding_box()
        return progress.bounding_box(), box["width"], box["height"]

    before = layout()
    page.evaluate("() => Promise.all([guide.load('ticks'), guide.load('checks')])")
    assert sorted(scripts) == ["checks", "ticks"]
    assert layout() == before
    expect(progress).to_have_text(f"0 of {total} done Status: Not started")
    expect(question(page).locator("[data-check-answers]")).to_be_hidden()


WATCH_FRAMES = """(selector) => {
  const box = document.querySelector(selector);
  window.painted = [];
  window.watching = true;
  const frame = () => {
    window.painted.push(box.checked);
    if (window.watching) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}"""


def test_the_first_tick_loads_ticks_and_is_saved_heard_and_kept(page, strict_server) -> None:
    scripts = loaded(page)
    page.goto(strict_server.url(STEP_2))
    total = boxes(page, CHECKLIST).count()
    count = f"#checklist-{CHECKLIST} .guide-ticks__count"
    assert live_region(page, count) == {
        "live": "polite",
        "ignored": False,
        "text": f"0 of {total} done",
    }, "the progress line is a live region before the first tick"

    # The box as painted, frame by frame, until the tick is counted: it never goes back.
    page.evaluate(WATCH_FRAMES, f"#box-{CHECKLIST}--tell-them-now")
    boxes(page, CHECKLIST).first.focus()
    page.keyboard.press("Space")
    expect(page.locator(count)).to_have_text(f"1 of {total} done")
    painted = page.evaluate("() => { window.watching = false; return window.painted; }")
    assert painted[-1] is True and False not in painted[painted.index(True) :], painted
    assert live_region(page, count)["text"] == f"1 of {total} done"
    assert scripts == ["ticks"]
    assert boxes(page, CHECKLIST).first.is_checked()
    assert json.loads(page.evaluate(f"() => localStorage.getItem({TICKS_KEY!r})")) == {
        "checklists": {CHECKLIST: {"tell-them-now": True}}
    }
    expect(checklist(page, CHECKLIST).get_by_role("button", name="Clear my ticks")).to_be_visible()

    page.reload()  # saved ticks: the script loads at once and shows them
    assert scripts == ["ticks", "ticks"]
    assert boxes(page, CHECKLIST).first.is_checked()
    assert page.locator(count).inner_text() == f"1 of {total} done"


# Unticks the box the moment ticks.js has run: after the script starts, before the first tick is
# played again (guide-core waits a frame for that), the one moment an event could overtake it.
UNTICK_ON_LOAD = """(selector) => {
  new MutationObserver((changes, observer) => {
    for (const change of changes) {
      for (const node of change.addedNodes) {
        if (node.tagName === "SCRIPT" && /\\/ticks\\./.test(node.src)) {
          observer.disconnect();
          node.addEventListener("load", () => document.querySelector(selector).click());
        }
      }
    }
  }).observe(document.head, { childList: true });
}"""


def test_a_change_while_ticks_starts_is_kept_in_order(page, site_server) -> None:
    """Tick, then untick as the script arrives: the box and what is saved end unticked."""
    scripts = loaded(page)
    page.goto(site_server.url(STEP_2))
    box = f"#box-{CHECKLIST}--tell-them-now"
    page.evaluate(COUNT_STATECHANGES)
    page.evaluate(UNTICK_ON_LOAD, box)
    page.locator(box).click()
    page.wait_for_function("() => window.guideStateChanges >= 2")  # the tick and the untick
    page.wait_for_timeout(300)  # and no third change after them
    assert page.evaluate("window.guideStateChanges") == 2
    assert scripts == ["ticks"]
    assert not page.locator(box).is_checked()
    saved = json.loads(page.evaluate(f"() => localStorage.getItem({TICKS_KEY!r})") or "{}")
    assert not saved.get("checklists", {}).get(CHECKLIST, {}).get("tell-them-now"), saved


@pytest.mark.parametrize("how", ["button", "enter"])
def test_the_first_check_loads_checks_and_is_answered_and_heard(page, strict_server, how) -> None:
    scripts = loaded(page)
    page.goto(strict_server.url(STEP_2))
    region = f"[data-check='{QUESTION}'] [data-check-feedback]"
    assert live_region(page, region) == {"live": "polite", "ignored": False, "text": ""}

    question(page).locator("input[type=radio]").first.focus()
    page.keyboard.press("Space")
    if how == "button":
        question(page).get_by_role("button", name="Check my answer").click()
    else:
        page.keyboard.press("Enter")  # Enter on an option checks it
    expect(page.locator(region)).to_contain_text("You picked A. Not the best answer.")
    assert live_region(page, region)["text"].startswith("You picked A.")
    assert scripts == ["checks"]
    stored = json.loads(page.evaluate(f"() => localStorage.getItem({ANSWERS_KEY!r})"))
    assert list(stored["questions"]) == [QUESTION]


def test_saved_state_loads_both_at_once_and_shows_it(page, strict_server) -> None:
    page.goto(strict_server.url(STEP_2))
    page.evaluate(
        "([k1, v1, k2, v2]) => { localStorage.setItem(k1, v1); localStorage.setItem(k2, v2); }",
        [
            TICKS_KEY,
            json.dumps({"checklists": {CHECKLIST: {"tell-them-now": True}}}),
            ANSWERS_KEY,
            json.dumps({"questions": {}}),
        ],
    )
    scripts = loaded(page)
    page.reload()
    assert sorted(scripts) == ["checks", "ticks"], "both load with the page, before its load event"
    assert boxes(page, CHECKLIST).first.is_checked()
    assert checklist(page, CHECKLIST).locator(".guide-ticks__count").inner_text().startswith("1 of")


def test_clear_all_clears_saved_answers_where_checks_never_loads(page, strict_server) -> None:
    page.add_init_script(COUNT_STATECHANGES)
    answers = json.dumps({"questions": {QUESTION: {"option": "wait-for-them", "rev": "0" * 12}}})
    page.goto(strict_server.url(OVERVIEW))
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [ANSWERS_KEY, answers])
    scripts = loaded(page)
    page.reload()
    assert scripts == ["ticks"], "saved answers: the overview offers Clear all at once"
    page.get_by_role("button", name="Clear all my ticks and answers").click()
    assert page.evaluate(f"() => localStorage.getItem({ANSWERS_KEY!r})") is None
    assert page.evaluate("window.guideStateChanges") == 1, "an LMS launch page hears of it"
    assert scripts == ["ticks"]


def test_a_change_in_another_tab_loads_the_script_and_shows_it(context, strict_server, errors):
    watching = watch_errors(context.new_page(), errors)
    scripts = loaded(watching)
    watching.goto(strict_server.url(STEP_2))
    other = watch_errors(context.new_page(), errors)
    other.goto(strict_server.url(STEP_2))

    boxes(other, CHECKLIST).first.check()
    expect(boxes(watching, CHECKLIST).first).to_be_checked()
    total = boxes(watching, CHECKLIST).count()
    expect(checklist(watching, CHECKLIST).locator(".guide-ticks__count")).to_have_text(
        f"1 of {total} done"
    )
    question(other).locator("label").nth(3).click()
    question(other).get_by_role("button", name="Check my answer").click()
    expect(question(watching).locator("[data-check-feedback]")).to_contain_text("You picked D.")
    assert scripts == ["ticks", "checks"]
    assert errors == []


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def test_the_unloaded_page_passes_axe(page, site_server) -> None:
    """Served without the CSP: axe is injected as an inline script."""
    scripts = loaded(page)
    page.goto(site_server.url(STEP_2))
    page.add_script_tag(path=str(AXE))
    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
    violations = page.evaluate(
        """async (tags) => (await axe.run(
            { include: [["section[data-checklist]"], ["[data-check]"]] },
            { runOnly: { type: "tag", values: tags } })
          ).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" "))}`)""",
        tags,
    )
    assert violations == []
    assert scripts == []
