"""The SCORM packages in a real LMS runtime: scorm-again (npm, pinned) on a host page.

The host page provides the API and frames the package's launch page, as an LMS does
(tests/browser/scorm_host.js logs every call with the error code after it). The learner moves
through the guide by clicking its own links, in the guide's frame inside the launch page.
Other completion rules are tried with launch pages the packer renders for that rule beside the
package's own (how data/site.yml sets the rule is tested in tests/unit/test_lms_package.py).
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from playwright.sync_api import expect

from macros import lms as package
from macros.content import load_content
from macros.content.model import Completion
from tests.browser.conftest import STRICT_CSP, SiteServer, serve_folder
from tests.browser.test_a11y import _RUN_AXE, AXE, WCAG_TAGS
from tests.browser.ticks_support import watch_errors
from tests.support import ROOT, nav_label

RUNTIME = ROOT / "node_modules" / "scorm-again" / "dist"
HOST_SCRIPT = Path(__file__).with_name("scorm_host.js")
HOST_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<link rel="icon" href="data:,"><script src="lms/scorm12.min.js"></script>
<script src="lms/scorm2004.min.js"></script><script src="lms/host.js"></script></head>
<body><h1>Test LMS</h1></body></html>"""
CONTENT = load_content(ROOT / "data", ROOT / "docs")
STEPS = list(CONTENT.steps)
FOLDERS = {"1.2": "package12", "2004": "package2004"}
VERSIONS = {"1.2": package.SCORM12, "2004": package.SCORM2004}
TITLE = "Handling Mistakes at Work"
KEYS = {
    "1.2": {
        "status": "cmi.core.lesson_status",
        "location": "cmi.core.lesson_location",
        "suspend": "cmi.suspend_data",
        "exit": "cmi.core.exit",
        "time": "cmi.core.session_time",
        "score": "cmi.core.score.raw",
    },
    "2004": {
        "status": "cmi.completion_status",
        "location": "cmi.location",
        "suspend": "cmi.suspend_data",
        "exit": "cmi.exit",
        "time": "cmi.session_time",
        "score": "cmi.score.raw",
    },
}
TIME_FORMAT = {"1.2": r"^\d{4}:\d{2}:\d{2}\.\d{2}$", "2004": r"^PT\d+H\d+M\d+(\.\d+)?S$"}
ANSWERS_KEY = "guide:handling-mistakes:answers:v1"


@pytest.fixture(scope="module")
def lms_host(scorm_packages, tmp_path_factory) -> Iterator[SiteServer]:
    """The host page, scorm-again and both packages unpacked, served on 127.0.0.1 with the
    strict Content-Security-Policy a portal sends (a blocked inline script is a console error)."""
    root = tmp_path_factory.mktemp("lms")
    (root / "lms").mkdir()
    for name in ("scorm12.min.js", "scorm2004.min.js"):
        shutil.copy(RUNTIME / name, root / "lms" / name)
    shutil.copy(HOST_SCRIPT, root / "lms" / "host.js")
    shutil.copy(AXE, root / "lms" / "axe.min.js")
    (root / "host.html").write_text(HOST_PAGE, "utf-8")
    for version, folder in FOLDERS.items():
        with zipfile.ZipFile(scorm_packages.zip(VERSIONS[version].key)) as zf:
            zf.extractall(root / folder)
        for rule in ("checklists", "check"):
            settings = replace(CONTENT.settings, completion=Completion(rule, 80))
            variant = package.launch_page(
                replace(CONTENT, settings=settings), root / folder, VERSIONS[version], TITLE
            )
            (root / folder / f"launch-{rule}.html").write_text(variant, "utf-8")
    server, info = serve_folder(root, {"Content-Security-Policy": STRICT_CSP})
    yield info
    server.shutdown()


@dataclass
class Launch:
    """One launch of a package by the test LMS."""

    page: object
    version: str
    errors: list[str]

    @property
    def guide(self) -> object:
        """The guide's frame, inside the launch page's frame."""
        return self.page.frame_locator("#sco").frame_locator(".guide-lms__frame")

    @property
    def launch_page(self) -> object:
        """The launch page's frame."""
        return self.page.frame_locator("#sco")

    def guide_frame(self) -> object:
        """The guide's frame object (for evaluating script in it)."""
        return next(f for f in self.page.frames if f.name == "guide")

    def calls(self, method: str | None = None) -> list[dict]:
        calls = self.page.evaluate("window.lms.calls")
        return [call for call in calls if method is None or call["method"] == method]

    def committed(self) -> list[dict]:
        return [entry["values"] for entry in self.page.evaluate("window.lms.committed")]

    def stored(self, name: str) -> str | None:
        """What the LMS last stored for `name` (status, location, suspend, ...)."""
        history = self.committed()
        return history[-1].get(KEYS[self.version][name]) if history else None

    def wait_stored(self, name: str, value: str) -> None:
        """Wait until a commit stored `value` for `name`."""
        element = KEYS[self.version][name]
        self.page.wait_for_function(
            "([element, value]) => window.lms.committed.some("
            "(entry) => entry.values[element] === value)",
            arg=[element, value],
            timeout=10_000,
        )

    def wait_guide(self, path: str) -> None:
        frame = self.guide_frame()
        frame.wait_for_url(f"**/{path}")
        frame.wait_for_load_state()

    def click(self, locator: object) -> None:
        """A real mouse click on an element of the guide.

        Playwright's own click refuses elements two frames deep (its hit-target check sees the
        frame's body), so the mouse is moved to the element's centre and clicked there.
        """
        locator.scroll_into_view_if_needed()
        box = locator.bounding_box()
        self.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)

    def leave(self) -> None:
        """Close the course as an LMS does (its frame goes), and wait for the finish."""
        self.page.evaluate("window.lms.leave()")
        finish = "LMSFinish" if self.version == "1.2" else "Terminate"
        self.page.wait_for_function(
            "(finish) => window.lms.calls.some((call) => call.method === finish)", arg=finish
        )


def launch(
    context: object, server: SiteServer, version: str, saved: dict | None = None, page: str = ""
) -> Launch:
    """Open the host page and start the package, as an LMS does."""
    tab = context.new_page()
    errors: list[str] = []
    watch_errors(tab, errors)
    tab.goto(server.url("host.html"))
    target = f"{FOLDERS[version]}/{page or package.LAUNCH_PAGE}"
    tab.evaluate("([v, saved, src]) => window.lms.start(v, saved, src)", [version, saved, target])
    run = Launch(tab, version, errors)
    run.guide.locator("h1").first.wait_for()
    return run


def resume_data(run: Launch) -> dict:
    """What an LMS hands the next launch: the stored values, entry 'resume'."""
    last = run.committed()[-1]
    keys = KEYS[run.version]
    if run.version == "1.2":
        return {
            "core": {
                "entry": "resume",
                "lesson_location": last[keys["location"]],
                "lesson_status": last[keys["status"]],
            },
            "suspend_data": last[keys["suspend"]],
        }
    return {
        "entry": "resume",
        "location": last[keys["location"]],
        "completion_status": last[keys["status"]],
        "suspend_data": last[keys["suspend"]],
    }


def assert_clean(run: Launch) -> None:
    """One initialize, one finish, and no call the LMS answered with an error code."""
    init, finish = (
        ("LMSInitialize", "LMSFinish") if run.version == "1.2" else ("Initialize", "Terminate")
    )
    assert len(run.calls(init)) == 1
    assert len(run.calls(finish)) == 1
    assert [c for c in run.calls() if c["error"] != "0"] == []
    assert [c for c in run.calls() if c["result"] == "false"] == []
    assert run.errors == [], run.errors


def step_path(number: int) -> str:
    return STEPS[number - 1].page.replace(".md", ".html")


def tick(run: Launch, checklist: str, count: int | None = None) -> None:
    boxes = run.guide.locator(f"section#checklist-{checklist} input.guide-checklist__box")
    total = boxes.count()
    for index in range(total if count is None else count):
        box = boxes.nth(index)
        run.click(box)
        expect(box).to_be_checked()
        # Counted once saved: ticks.js loads on the first tick and plays it again.
        expect(box.locator("xpath=..")).to_have_class(re.compile(r"\bguide-ticks__item--done\b"))


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_a_learner_completes_the_steps_and_resumes_with_their_ticks(
    context, lms_host, version: str
) -> None:
    run = launch(context, lms_host, version)
    run.wait_stored("status", "incomplete")
    run.click(run.guide.locator(f'a.guide-steps__link[href="{step_path(1)}"]'))
    run.wait_guide(step_path(1))
    tick(run, "limit-the-damage", 2)
    for number in range(2, 6):
        assert run.stored("status") == "incomplete"
        run.click(run.guide.locator("a.guide-pager__link--next"))
        run.wait_guide(step_path(number))
        if number == 3:
            tick(run, "own-it", 1)
    run.wait_stored("status", "completed")
    run.wait_stored("location", step_path(5))
    suspend = run.stored("suspend")
    assert len(suspend) <= 4096
    state = json.loads(suspend)
    assert state["s"] == [step.id for step in STEPS]
    assert state["t"] == {
        "limit-the-damage": ["get-help-if-hurt", "pause-and-look"],
        "own-it": ["say-it-was-you"],
    }
    run.leave()
    assert_clean(run)
    final = run.committed()[-1]
    assert final[KEYS[version]["exit"]] == "suspend"
    assert re.match(TIME_FORMAT[version], final[KEYS[version]["time"]])
    saved = resume_data(run)
    run.page.close()

    # A new launch on another computer (fresh storage): the LMS's data brings everything back.
    fresh = context.browser.new_context()
    try:
        again = launch(fresh, lms_host, version, saved)
        offer = again.launch_page.locator(".guide-lms__resume")
        offer.wait_for()
        assert "Step 5" in offer.inner_text()
        again.click(again.launch_page.get_by_role("button", name="Go back there"))
        again.wait_guide(step_path(5))
        for number in (4, 3, 2, 1):
            again.click(again.guide.locator("a.guide-pager__link--previous"))
            again.wait_guide(step_path(number))
        boxes = again.guide.locator("section#checklist-limit-the-damage input.guide-checklist__box")
        assert [boxes.nth(i).is_checked() for i in range(3)] == [True, True, False]
        again.wait_stored("location", step_path(1))
        assert json.loads(again.stored("suspend"))["s"] == [step.id for step in STEPS]
        assert again.stored("status") == "completed"
        again.leave()
        assert_clean(again)
    finally:
        fresh.close()


def write_in_guide(run: Launch, key: str, value: dict) -> None:
    """Store guide state as the guide's own scripts do: write the key, then say so."""
    run.guide_frame().evaluate(
        """([key, value]) => {
          localStorage.setItem(key, JSON.stringify(value));
          document.dispatchEvent(new CustomEvent("guide:statechange"));
        }""",
        [key, value],
    )


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_checklists_rule_completes_when_every_item_is_ticked(
    context, lms_host, version: str
) -> None:
    run = launch(context, lms_host, version, page="launch-checklists.html")
    run.click(run.guide.locator(f'a.guide-steps__link[href="{step_path(1)}"]'))
    for number, step in enumerate(STEPS, start=1):
        run.wait_guide(step_path(number))
        checklist = next(c for c in CONTENT.checklists.values() if c.step == step.id)
        last = number == len(STEPS)
        tick(run, checklist.id, len(checklist.items) - 1 if last else None)
        if not last:
            run.click(run.guide.locator("a.guide-pager__link--next"))
    # Every step opened, every item but one ticked: not yet.
    total = sum(len(c.items) for c in CONTENT.checklists.values())
    run.page.wait_for_function(
        "([key, total]) => { const v = window.lms.committed.at(-1)?.values[key];"
        " if (!v) return false; const t = JSON.parse(v).t;"
        " return Object.values(t).flat().length === total - 1; }",
        arg=[KEYS[version]["suspend"], total],
    )
    assert run.stored("status") == "incomplete"
    tick_last = run.guide.locator(
        f"section#checklist-{checklist.id} input.guide-checklist__box"
    ).last
    run.click(tick_last)
    run.wait_stored("status", "completed")
    run.leave()
    assert_clean(run)


def answer(run: Launch, question_id: str, option_id: str) -> None:
    """Pick an option of a question on the guide's page and check it, as a learner does."""
    question = run.guide.locator(f'.guide-check[data-check="{question_id}"]')
    run.click(question.locator(f'label[for$="--{option_id}"]'))
    run.click(question.locator("[data-check-submit]"))
    expect(question.locator("[data-check-feedback]")).not_to_be_empty()


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_check_rule_reports_a_score_and_passes_at_the_pass_mark(
    context, lms_host, version: str
) -> None:
    """The check page's questions (checks.json), 80% to pass (data/site.yml's pass_mark)."""
    questions = list(CONTENT.questions.values())
    total = len(questions)
    passing = -(-total * 80 // 100)  # the fewest best answers that reach 80%
    run = launch(context, lms_host, version, page="launch-check.html")
    # An answer stored for an older wording of a question does not count.
    stale = {q.id: {"option": q.best, "rev": "000000000000"} for q in questions[:3]}
    write_in_guide(run, ANSWERS_KEY, {"questions": stale})
    run.wait_stored("score", "0")
    assert run.stored("status") == "incomplete"
    run.click(run.guide.locator("a.md-nav__link", has_text=nav_label("check.md")))
    run.wait_guide("check.html")
    answer(run, questions[0].id, questions[0].best)
    run.wait_stored("score", str(round(100 / total)))
    assert run.stored("status") == "incomplete"
    wrong = {q.id: next(o.id for o in q.options if o.id != q.best) for q in questions}
    for index, question in enumerate(questions[1:], start=1):
        answer(run, question.id, question.best if index < passing - 1 else wrong[question.id])
    run.page.wait_for_function(
        "([key, total]) => { const v = window.lms.committed.at(-1)?.values[key];"
        " return !!v && Object.keys(JSON.parse(v).a).length === total; }",
        arg=[KEYS[version]["suspend"], total],
    )
    below = run.committed()[-1]
    assert below[KEYS[version]["score"]] == str(round(100 * (passing - 1) / total))
    if version == "1.2":
        assert below["cmi.core.lesson_status"] == "failed"
    else:
        assert (below["cmi.completion_status"], below["cmi.success_status"]) == (
            "incomplete",
            "failed",
        )
    # The learner tries one again and picks the best answer: now at the pass mark.
    answer(run, questions[-1].id, questions[-1].best)
    score = round(100 * passing / total)
    run.wait_stored("score", str(score))
    final = run.committed()[-1]
    if version == "1.2":
        assert final["cmi.core.lesson_status"] == "passed"
        assert (final["cmi.core.score.min"], final["cmi.core.score.max"]) == ("0", "100")
    else:
        assert (final["cmi.completion_status"], final["cmi.success_status"]) == (
            "completed",
            "passed",
        )
        assert final["cmi.score.scaled"] == str(score / 100)
    run.leave()
    assert_clean(run)


def test_the_fullest_state_fits_scorm_12s_suspend_data(context, lms_host) -> None:
    """Every item ticked, every step opened, every question of data/checks.yml answered."""
    run = launch(context, lms_host, "1.2")
    ticks = {
        "checklists": {
            c.id: {item.id: True for item in c.items} for c in CONTENT.checklists.values()
        }
    }
    longest = {
        q.id: {"option": max((o.id for o in q.options), key=len), "rev": q.rev}
        for q in CONTENT.questions.values()
    }
    assert longest, "data/checks.yml has questions to answer"
    write_in_guide(run, "guide:handling-mistakes:ticks:v1", ticks)
    write_in_guide(run, ANSWERS_KEY, {"questions": longest})
    run.click(run.guide.locator(f'a.guide-steps__link[href="{step_path(1)}"]'))
    for number in range(2, 6):
        run.wait_guide(step_path(number - 1))
        run.click(run.guide.locator("a.guide-pager__link--next"))
    run.wait_guide(step_path(5))
    run.wait_stored("location", step_path(5))
    state = json.loads(run.stored("suspend"))
    assert len(state["s"]) == 5
    assert sum(len(items) for items in state["t"].values()) == sum(
        len(c.items) for c in CONTENT.checklists.values()
    )
    assert len(state["a"]) == len(CONTENT.questions)
    size = len(run.stored("suspend"))
    print(f"fullest suspend data: {size} of 4096 characters")
    assert size <= 4096
    run.leave()
    assert_clean(run)


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_without_an_lms_the_launch_page_is_simply_the_guide(page, lms_host, version: str) -> None:
    errors: list[str] = []
    dialogs: list[str] = []
    watch_errors(page, errors)
    page.on("dialog", lambda dialog: dialogs.append(dialog.message))
    page.goto(lms_host.url(f"{FOLDERS[version]}/{package.LAUNCH_PAGE}"))
    page.wait_for_url(f"**/{FOLDERS[version]}/index.html")
    page.locator("h1").first.wait_for()
    assert (errors, dialogs) == ([], [])


def test_every_page_of_the_package_loads_without_an_error(page, lms_host) -> None:
    """Opened without an LMS (from the unpacked zip on a plain server), no page fails."""
    folder = lms_host.site / FOLDERS["2004"]
    errors: list[str] = []
    watch_errors(page, errors)
    pages = sorted(folder.rglob("*.html"))
    assert len(pages) > 50
    failures = []
    for path in pages:
        relative = path.relative_to(lms_host.site).as_posix()
        errors.clear()
        response = page.goto(lms_host.url(relative))
        if response is None or not response.ok or errors:
            failures.append(f"{relative}: {errors or response}")
    assert failures == []


def test_the_offer_to_go_back_is_accessible_and_works_by_keyboard(context, lms_host) -> None:
    state = {"v": 1, "s": ["step-1", "step-2", "step-3"], "t": {}, "a": {}}
    saved = {
        "core": {"entry": "resume", "lesson_location": step_path(3), "lesson_status": "incomplete"},
        "suspend_data": json.dumps(state),
    }
    run = launch(context, lms_host, "1.2", saved)
    offer = run.launch_page.locator(".guide-lms__resume")
    offer.wait_for()
    assert "You were last on Step 3: Own what happened" in offer.inner_text()
    frame = next(f for f in run.page.frames if f.url.endswith(package.LAUNCH_PAGE))
    frame.add_script_tag(url=lms_host.url("lms/axe.min.js"))
    failures = []
    for width, scheme in ((1280, "light"), (360, "dark")):
        run.page.set_viewport_size({"width": width, "height": 900})
        run.page.emulate_media(color_scheme=scheme)
        found = frame.evaluate(_RUN_AXE, [WCAG_TAGS, []])
        failures += [f"{width}px {scheme}: {v['id']}: {v['nodes'][:2]}" for v in found]
    assert failures == []
    run.page.set_viewport_size({"width": 1280, "height": 900})
    # Keyboard alone: the offer comes first; Enter on "Go back there" opens step 3.
    run.page.locator("h1").click()
    run.page.keyboard.press("Tab")
    focused = frame.evaluate("document.activeElement.textContent")
    assert focused == "Go back there"
    run.page.keyboard.press("Enter")
    run.wait_guide(step_path(3))
    expect(offer).to_be_hidden()
    run.leave()
    assert_clean(run)


def test_in_a_course_the_guide_says_what_the_lms_keeps(context, lms_host) -> None:
    """The pages say ticks and answers stay in the browser; in a course they also go to the LMS."""
    run = launch(context, lms_host, "2004", page="launch-check.html")
    run.click(run.guide.locator("a.md-nav__link", has_text="About this guide"))
    run.wait_guide("about.html")
    privacy = run.guide.locator('[data-lms-note="privacy"]')
    expect(privacy).to_contain_text("saved in this browser and in your learning system")
    assert "nothing is sent anywhere" not in privacy.inner_text()
    run.click(run.guide.locator("a.md-nav__link", has_text=nav_label("check.md")))
    run.wait_guide("check.html")
    note = run.guide.locator('[data-lms-note="check"]')
    expect(note).to_contain_text("your learning system gets your score")
    run.leave()
    assert_clean(run)


def test_a_course_opened_in_its_own_window_finds_the_lms_through_its_opener(
    context, lms_host
) -> None:
    tab = context.new_page()
    errors: list[str] = []
    watch_errors(tab, errors)
    tab.goto(lms_host.url("host.html"))
    with tab.expect_popup() as opened:
        tab.evaluate(
            "(src) => window.lms.start('2004', null, src, true)",
            f"{FOLDERS['2004']}/{package.LAUNCH_PAGE}",
        )
    course = opened.value
    watch_errors(course, errors)
    course.frame_locator(".guide-lms__frame").locator("h1").first.wait_for()
    run = Launch(tab, "2004", errors)
    run.wait_stored("status", "incomplete")
    run.wait_stored("location", "index.html")
    course.close(run_before_unload=True)
    tab.wait_for_function("window.lms.calls.some((call) => call.method === 'Terminate')")
    assert_clean(run)
