"""Knowledge checks in real Chromium under the strict CSP: answer, hear why, come back, start over.

Mouse and keyboard alone; the live feedback region; answers kept across a reload under the
guide's versioned key and dropped when the question changes; blocked, full and garbage storage;
scripts off; axe after answering; 360 px; Clear all; paper (empty boxes, the answer key on the
last sheet); the offline copy opened from disk.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from io import BytesIO

import pytest
from PIL import Image
from playwright.sync_api import expect
from pypdf import PdfReader

from macros.content import load_content
from macros.questions import Question, check_page_order
from tests.browser.conftest import guard_requests
from tests.browser.test_a11y import axe_violations, prepare
from tests.browser.test_print import DPI, PDFTOPPM, dark_components, flat, page_texts
from tests.browser.ticks_support import watch_errors
from tests.support import ROOT

CONTENT = load_content(ROOT / "data", ROOT / "docs")
KEY = f"guide:{CONTENT.settings.guide_id}:answers:v1"
STEP_2 = "steps/tell-your-manager/"
QUESTION = CONTENT.questions["manager-on-vacation"]  # the question on step 2's page
CHECK_PAGE = "check/"
WRONG, BEST = "wait-for-them", QUESTION.best
# Records every guide:statechange, so a test can see that a change was announced to the LMS.
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
    context.add_init_script(COUNT_STATECHANGES)
    yield watch_errors(context.new_page(), errors)
    assert errors == [], f"console errors: {errors}"


def question(page: object, question_id: str = QUESTION.id) -> object:
    return page.locator(f"[data-check='{question_id}']")


def option(page: object, option_id: str, question_id: str = QUESTION.id) -> object:
    return question(page, question_id).locator(f"input[data-option='{option_id}']")


def feedback(page: object, question_id: str = QUESTION.id) -> str:
    return question(page, question_id).locator("[data-check-feedback]").inner_text().strip()


def check_button(page: object, question_id: str = QUESTION.id) -> object:
    return question(page, question_id).get_by_role("button", name="Check my answer")


def stored(page: object) -> dict | None:
    raw = page.evaluate(f"() => localStorage.getItem({KEY!r})")
    return None if raw is None else json.loads(raw)


def answer(page: object, option_id: str, question_id: str = QUESTION.id) -> None:
    """Pick an option by clicking its label, then press Check my answer, both with the mouse."""
    box = option(page, option_id, question_id)
    page.locator(f"label[for='{box.get_attribute('id')}']").click()
    check_button(page, question_id).click()
    # checks.js loads on the first "Check my answer" and then answers it: wait for the words.
    expect(question(page, question_id).locator("[data-check-feedback]")).not_to_be_empty()


def reason(question_id: str, option_id: str) -> str:
    found = CONTENT.questions[question_id]
    text = next(o.feedback for o in found.options if o.id == option_id)
    return text.replace("*", "")


# ---- answering ----------------------------------------------------------------------------------


def test_answer_with_the_mouse_then_try_again(page, strict_server) -> None:
    page.goto(strict_server.url(STEP_2))
    region = question(page).locator("[data-check-feedback]")
    assert region.get_attribute("role") == "status" and feedback(page) == ""
    assert question(page).locator("details").first.is_hidden(), "the script answers in words"
    answer(page, WRONG)
    said = feedback(page)
    assert said.startswith("You picked A. Not the best answer.")
    assert reason(QUESTION.id, WRONG) in said and "try again" in said
    assert stored(page) == {"questions": {QUESTION.id: {"option": WRONG, "rev": QUESTION.rev}}}
    assert page.evaluate("window.guideStateChanges") == 1

    answer(page, BEST)
    said = feedback(page)
    assert said.startswith("You picked D. Best answer.") and reason(QUESTION.id, BEST) in said
    assert "try again" not in said
    assert stored(page)["questions"][QUESTION.id]["option"] == BEST
    assert page.evaluate("window.guideStateChanges") == 2


def test_checking_without_a_choice_asks_for_one(page, strict_server) -> None:
    page.goto(strict_server.url(STEP_2))
    check_button(page).click()
    region = question(page).locator("[data-check-feedback]")
    expect(region).to_have_text("Pick an answer first, then check it.")
    assert stored(page) is None


def test_answer_with_the_keyboard_alone(page, strict_server) -> None:
    page.goto(strict_server.url(STEP_2))
    page.locator("article p:has(+ [data-check]) a").focus()  # the link just before the question
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.type") == "radio":
            break
    else:
        pytest.fail("Tab never reached the question's options")
    page.keyboard.press("Space")  # the first option
    assert option(page, WRONG).is_checked()
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    assert option(page, BEST).is_checked()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Check my answer"
    page.keyboard.press("Enter")
    region = question(page).locator("[data-check-feedback]")
    expect(region).to_contain_text("You picked D. Best answer.")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("ArrowUp")  # another answer, then Space on the button
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert feedback(page).startswith("You picked C. Not the best answer.")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")  # Enter on an option checks it too
    assert feedback(page).startswith("You picked D. Best answer.")


def test_the_feedback_is_a_polite_live_region_that_changes(page, strict_server) -> None:
    """Chromium exposes the region as live (what screen readers listen to); its text changes."""
    page.goto(strict_server.url(STEP_2))
    page.evaluate(
        """() => {
          window.heard = [];
          const region = document.querySelector(
            "[data-check='manager-on-vacation'] [data-check-feedback]");
          new MutationObserver(() => window.heard.push(region.textContent)).observe(
            region, { childList: true, subtree: true, characterData: true });
        }"""
    )
    answer(page, WRONG)
    answer(page, BEST)
    heard = [text for text in page.evaluate("window.heard") if text]
    assert heard[0].startswith("You picked A. Not the best answer.")
    assert heard[-1].startswith("You picked D. Best answer.")
    session = page.context.new_cdp_session(page)
    tree = session.send("Accessibility.getFullAXTree")["nodes"]
    live = [
        node
        for node in tree
        if node.get("role", {}).get("value") == "status"
        and any(
            p["name"] == "live" and p["value"]["value"] == "polite"
            for p in node.get("properties", [])
        )
    ]
    assert live, "no polite live status region in the accessibility tree"


# ---- remembering --------------------------------------------------------------------------------


def test_a_reload_keeps_the_answer_and_the_check_page_counts_it(page, strict_server) -> None:
    page.goto(strict_server.url(STEP_2))
    answer(page, BEST)
    page.reload()
    assert option(page, BEST).is_checked()
    assert feedback(page).startswith("You picked D. Best answer.")
    page.goto(strict_server.url(CHECK_PAGE))
    assert option(page, BEST).is_checked(), "the same question on the check page shows it too"
    count = page.locator("[data-check-count]")
    assert count.get_attribute("aria-live") == "polite"
    total = len(CONTENT.questions)
    assert count.inner_text() == f"1 of {total} answered, 1 best answer"
    first = CONTENT.questions["coworker-slips-on-spill"]
    wrong = next(o.id for o in first.options if o.id != first.best)
    answer(page, wrong, first.id)
    assert count.inner_text() == f"2 of {total} answered, 1 best answer"


def test_a_changed_question_forgets_its_old_answer(page, strict_server) -> None:
    old = {"option": BEST, "rev": "0123456789ab"}  # answered before the question was reworded
    kept = CONTENT.questions["coworker-slips-on-spill"]
    data = {
        "questions": {
            QUESTION.id: old,
            kept.id: {"option": kept.best, "rev": kept.rev},
            "removed-question": {"option": "a", "rev": "0123456789ab"},
        }
    }
    page.goto(strict_server.url(STEP_2))
    page.evaluate(f"(v) => localStorage.setItem({KEY!r}, v)", json.dumps(data))
    page.reload()
    assert not any(option(page, o.id).is_checked() for o in QUESTION.options)
    assert feedback(page) == ""
    questions = stored(page)["questions"]
    assert QUESTION.id not in questions, "the old answer is dropped, not shown against new words"
    assert questions[kept.id] == {"option": kept.best, "rev": kept.rev}
    assert "removed-question" in questions, "a question not on this page is left alone"


def test_an_unknown_option_id_is_dropped(page, strict_server) -> None:
    data = {"questions": {QUESTION.id: {"option": "option-gone", "rev": QUESTION.rev}}}
    page.goto(strict_server.url(STEP_2))
    page.evaluate(f"(v) => localStorage.setItem({KEY!r}, v)", json.dumps(data))
    page.reload()
    assert feedback(page) == "" and stored(page) is None


@pytest.mark.parametrize(
    "garbage",
    ["not json{", "[1, 2]", '{"questions": [1]}', '{"questions": {"x": {"option": 3}}}', "null"],
)
def test_garbage_in_storage_never_breaks_the_page(page, strict_server, garbage: str) -> None:
    page.goto(strict_server.url(STEP_2))
    page.evaluate(f"(v) => localStorage.setItem({KEY!r}, v)", garbage)
    page.reload()
    assert feedback(page) == ""
    answer(page, BEST)
    assert feedback(page).startswith("You picked D. Best answer.")
    assert stored(page)["questions"][QUESTION.id] == {"option": BEST, "rev": QUESTION.rev}


BLOCKED = """Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
});"""
FULL = """Storage.prototype.setItem = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
};"""


@pytest.mark.parametrize("fault", [BLOCKED, FULL], ids=["blocked", "full"])
def test_blocked_or_full_storage_keeps_answers_for_the_visit(
    browser, off_host, strict_server, errors, fault: str
) -> None:
    context = browser.new_context()
    guard_requests(context, off_host)
    context.add_init_script(fault)
    try:
        page = watch_errors(context.new_page(), errors)
        page.goto(strict_server.url(CHECK_PAGE))
        answer(page, WRONG)
        said = feedback(page)
        assert said.startswith("You picked A. Not the best answer.")
        assert "cannot be saved on this device" in said, "the reader is told, once"
        answer(page, BEST)
        assert "cannot be saved" not in feedback(page)
        total = len(CONTENT.questions)
        assert page.locator("[data-check-count]").inner_text() == (
            f"1 of {total} answered, 1 best answer"
        )
    finally:
        context.close()
    assert errors == []


# ---- the check page -----------------------------------------------------------------------------


def test_start_again_forgets_this_pages_answers(page, strict_server) -> None:
    page.goto(strict_server.url(CHECK_PAGE))
    total = len(CONTENT.questions)
    count = page.locator("[data-check-count]")
    assert count.inner_text() == f"0 of {total} answered, 0 best answers"
    answer(page, BEST)
    answer(page, "clean-the-spill", "coworker-slips-on-spill")
    assert count.inner_text() == f"2 of {total} answered, 1 best answer"
    page.get_by_role("button", name="Start again").click()
    assert count.inner_text() == f"0 of {total} answered, 0 best answers"
    message = page.locator("[data-check-message]")
    assert message.get_attribute("role") == "status"
    assert message.inner_text() == "Cleared 2 answers. You can start again."
    assert stored(page) is None
    assert page.locator("input[data-option]:checked").count() == 0
    assert feedback(page) == ""
    page.reload()
    assert count.inner_text() == f"0 of {total} answered, 0 best answers"


def test_clear_all_also_clears_answers_and_undo_brings_them_back(page, strict_server) -> None:
    page.goto(strict_server.url(STEP_2))
    answer(page, BEST)
    kept = stored(page)
    page.goto(strict_server.url(""))
    clear = page.get_by_role("button", name="Clear all my ticks and answers")
    clear.click()
    assert stored(page) is None
    message = page.get_by_role("status").filter(has_text="Cleared all your")
    assert message.inner_text().startswith("Cleared all your ticks and answers in this guide.")
    page.get_by_role("button", name="Undo").click()
    assert stored(page) == kept
    assert page.get_by_role("status").filter(has_text="are back").inner_text() == (
        "All your ticks and answers are back."
    )
    clear.click()
    assert stored(page) is None
    page.goto(strict_server.url(STEP_2))
    assert feedback(page) == "" and not option(page, BEST).is_checked()


def test_without_scripts_every_answer_and_why_is_reachable(browser, off_host, site_server) -> None:
    context = browser.new_context(java_script_enabled=False)
    guard_requests(context, off_host)
    try:
        page = context.new_page()
        page.goto(site_server.url(STEP_2))
        assert question(page).locator("legend").inner_text().startswith("You find that a report")
        assert check_button(page).count() == 0, "a button that would do nothing stays hidden"
        details = question(page).locator("details")
        assert details.count() == len(QUESTION.options)
        details.nth(3).locator("summary").click()
        assert details.nth(3).inner_text().startswith("Answer D")
        assert "Best answer." in details.nth(3).inner_text()
        assert reason(QUESTION.id, BEST) in details.nth(3).inner_text()
        details.nth(0).locator("summary").click()
        assert "Not the best answer." in details.nth(0).inner_text()
        option(page, WRONG).check()
        assert option(page, WRONG).is_checked(), "the radios still work"
        page.goto(site_server.url(CHECK_PAGE))
        assert page.locator("[data-check-summary]").is_hidden()
    finally:
        context.close()


# ---- accessibility and layout after answering ---------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_after_answering(page, site_server, scheme: str) -> None:
    """Served without the CSP: axe is injected as an inline script."""
    page.emulate_media(color_scheme=scheme)
    for path in (STEP_2, CHECK_PAGE):
        page.goto(site_server.url(path))
        answer(page, WRONG)
        prepare(page)
        for width in (360, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            page.evaluate("window.scrollTo(0, 0)")
            assert axe_violations(page) == [], f"{path} at {width}px after a wrong answer"
        answer(page, BEST)
        assert axe_violations(page) == [], f"{path} after the best answer"


def test_targets_are_24_px_and_nothing_scrolls_sideways_at_360(page, strict_server) -> None:
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(strict_server.url(CHECK_PAGE))
    for question_id in CONTENT.questions:
        answer(page, CONTENT.questions[question_id].options[0].id, question_id)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 360, f"the check page scrolls sideways: {width}px wide"
    sizes = page.evaluate(
        """() => [...document.querySelectorAll(
            "[data-check] input[type=radio], [data-check] button")]
          .map((el) => el.getBoundingClientRect()).map((r) => Math.min(r.width, r.height))"""
    )
    assert min(sizes) >= 24, f"a target is {min(sizes)}px"


# ---- paper --------------------------------------------------------------------------------------


def empty_squares(image: Image.Image) -> list[tuple[int, int, int, int]]:
    """Square outlines 3-8 mm wide with a light inside: the boxes printed by the options."""
    pixels = image.load()
    found = []
    for x0, y0, x1, y1 in dark_components(image):
        side = x1 - x0
        if not (DPI * 3 / 25.4 <= side <= DPI * 8 / 25.4 and abs(side - (y1 - y0)) <= 2):
            continue
        inside = [pixels[x, y] for x in range(x0 + 3, x1 - 2) for y in range(y0 + 3, y1 - 2)]
        if inside and min(inside) > 200:
            found.append((x0, y0, x1, y1))
    return found


def test_questions_print_with_an_empty_box_by_each_option(page, strict_server, tmp_path) -> None:
    page.goto(strict_server.url(CHECK_PAGE))
    answer(page, "clean-the-spill", "coworker-slips-on-spill")  # picked on screen, empty on paper
    pdf = tmp_path / "check.pdf"
    pdf.write_bytes(page.pdf(format="A4", print_background=False))
    first = page_texts(PdfReader(pdf))[0]
    assert "Check my answer" not in first and "Start again" not in first
    assert "You picked" not in first and "Answer A" not in first, "no feedback on paper"
    shown = [
        q for number, q in enumerate(_check_page_order(), start=1) if f"Question {number}." in first
    ]
    assert shown, "the first sheet holds a question"
    subprocess.run(
        [
            PDFTOPPM,
            "-gray",
            "-r",
            str(DPI),
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            pdf,
            "sheet",
        ],
        check=True,
        cwd=tmp_path,
    )
    image = Image.open(tmp_path / "sheet.png").convert("L")
    boxes = empty_squares(image)
    assert len(boxes) == sum(len(q.options) for q in shown), boxes


def _check_page_order() -> list[Question]:
    return check_page_order(CONTENT.questions.values(), [s.id for s in CONTENT.steps])


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_check_page_prints_its_answer_key_on_the_last_sheet(
    page, strict_server, paper: str
) -> None:
    page.goto(strict_server.url(CHECK_PAGE))
    texts = page_texts(PdfReader(BytesIO(page.pdf(format=paper, print_background=False))))
    assert len(texts) >= 3
    key = texts[-1]
    assert key.startswith("Answer key") or "Answer key" in key.split("Question 1:")[0]
    order = _check_page_order()
    letters = "ABCD"
    for number, found in enumerate(order, start=1):
        best = letters[[o.id for o in found.options].index(found.best)]
        assert f"Question {number}: {best}" in key, f"question {number} is missing from the key"
    assert not any("Answer key" in text for text in texts[:-1]), "the key is on its own sheet"
    assert flat(order[-1].options[0].text) not in key, "no question shares the key's sheet"


# ---- the offline copy ----------------------------------------------------------------------------


def test_the_offline_copy_answers_and_remembers_from_disk(page, offline_build) -> None:
    site = offline_build.require()
    assert json.loads((site / "checks.json").read_text())["questions"][0]["page"] == "check.html"
    page.goto((site / "steps" / "tell-your-manager.html").as_uri())
    answer(page, BEST)
    assert feedback(page).startswith("You picked D. Best answer.")
    page.goto((site / "check.html").as_uri())
    assert option(page, BEST).is_checked()
    total = len(CONTENT.questions)
    assert (
        page.locator("[data-check-count]").inner_text() == f"1 of {total} answered, 1 best answer"
    )
