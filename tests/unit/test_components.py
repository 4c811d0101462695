"""Components rendered from the fixture data set, without MkDocs.

One test renders every named example of every component and checks the HTML is sound; the others
pin the markup contract and the behavior each macro promises.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

import macros.components
from macros.addresses import checklist_anchor, item_anchor
from macros.components.checklist import checklist
from macros.components.knowledge_check import (
    check_answer_key,
    check_page_questions,
    check_summary,
    knowledge_check,
    knowledge_checks,
)
from macros.components.organization import hr_contact, incident_procedure_link, organization
from macros.components.step_link import step_link
from macros.components.step_nav import step_pager, step_progress
from macros.components.steps_overview import steps_overview
from macros.components.worked_example import worked_example
from macros.components.worked_examples import worked_examples
from macros.content import Content, Example, load_content
from macros.errors import MacroArgumentError
from macros.pageref import PageRef
from macros.printing.options import print_options
from tests.support import ROOT
from tests.unit import htmlcheck
from tests.unit.datasets import FIXTURE

STEP_PAGE = PageRef("steps/own-it.md")
HOME = PageRef("index.md")
# Build-time arguments the registry binds for some components (print options, the docs folder).
BUILD_ARGUMENTS = {
    "options": print_options("Handling Mistakes at Work", {}),
    "docs_dir": ROOT / "docs",
}


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(FIXTURE)


def replace_settings(content: Content, **changes: str) -> Content:
    return dataclasses.replace(content, settings=dataclasses.replace(content.settings, **changes))


def component_functions() -> Iterator[tuple[str, Callable[..., str], dict[str, object]]]:
    """Every public `(content, page, ...)` function of every component module, with its examples."""
    for info in pkgutil.iter_modules(macros.components.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"macros.components.{info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            parameters = list(inspect.signature(function).parameters)
            if (
                function.__module__ == module.__name__
                and not name.startswith("_")
                and parameters[:2] == ["content", "page"]
            ):
                # A macro that needs no arguments is also rendered with none.
                yield f"{info.name}.{name}", function, {"no-arguments": {}, **module.EXAMPLES}


def rendered_examples(content: Content) -> Iterator[tuple[str, str]]:
    """(label, HTML) for every example that fits a function's signature, on a step page."""
    for label, function, examples in component_functions():
        signature = inspect.signature(function)
        for example, arguments in examples.items():
            extra = {k: v for k, v in BUILD_ARGUMENTS.items() if k in signature.parameters}
            try:
                signature.bind(content, STEP_PAGE, **arguments, **extra)
            except TypeError:
                continue  # the example belongs to a sibling function of the same module
            output = function(content, STEP_PAGE, **arguments, **extra)
            if not output.lstrip().startswith("<"):
                output = markdown.markdown(output)  # macros that return Markdown
            yield f"{label}[{example}]", output


def test_every_component_function_has_an_example(content: Content) -> None:
    covered = {label.split("[")[0] for label, _ in rendered_examples(content)}
    every = {label for label, _, _ in component_functions()}
    assert every and covered == every, f"no example renders: {sorted(every - covered)}"


def test_every_example_renders_sound_html(content: Content) -> None:
    found = {label: htmlcheck.problems(html) for label, html in rendered_examples(content)}
    assert len(found) >= 15
    assert {label: p for label, p in found.items() if p} == {}


@pytest.mark.slow
def test_every_example_passes_html_validate(content: Content, tmp_path: Path) -> None:
    """Every example through the project's pinned html-validate, in one run."""
    files = []
    for label, html in rendered_examples(content):
        path = tmp_path / f"{label.replace('[', '--').rstrip(']')}.html"
        path.write_text(html, encoding="utf-8")
        files.append(str(path))
    assert len(files) >= 10
    result = subprocess.run(
        [str(ROOT / "node_modules/.bin/html-validate"), "--formatter", "text", *files],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_component_output_is_one_line(content: Content) -> None:
    for label, html in rendered_examples(content):
        assert "\n" not in html.strip() or label.startswith(("organization", "step_link")), label


# ---- checklist --------------------------------------------------------------------------------


def test_checklist_markup_contract(content: Content) -> None:
    soup = BeautifulSoup(checklist(content, STEP_PAGE, "tell-your-manager"), "html.parser")
    section = soup.select_one("[data-checklist]")
    assert section["data-checklist"] == "tell-your-manager"
    assert section["id"] == checklist_anchor("tell-your-manager")
    assert section["data-step"] == "step-2"
    assert section["data-guide"] == "handling-mistakes"
    items = section.select("[data-item]")
    assert [item["data-item"] for item in items] == ["tell-them-now", "say-it-plainly"]
    for item in items:
        box = item.select_one("input[type=checkbox]")
        label = item.select_one(f"label[for='{box['id']}']")
        assert label is not None and label.get_text(strip=True)
        assert item["id"] == item_anchor("tell-your-manager", item["data-item"])
    assert items[1].select_one("label").get_text() == (
        "Say what happened, what it affects & what you did."
    )
    assert section.select_one("[data-checklist-tools]") is not None
    assert section.select_one("h3").get_text() == "Tell your manager"
    # In the page before ticks.js loads on the first tick, so that tick is heard.
    progress = section.select_one(".guide-ticks__progress")
    assert progress.find_next_sibling() is section.select_one(".guide-checklist__items")
    count = progress.select_one(".guide-ticks__count")
    assert count["aria-live"] == "polite" and count.get_text() == "0 of 2 done"
    assert progress.get_text(" ", strip=True) == "0 of 2 done Status: Not started"


def test_checklist_heading_level_and_inline_markdown(content: Content) -> None:
    html = checklist(content, HOME, "limit-the-damage", heading_level=2)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("h2.guide-checklist__title")
    assert soup.select_one(".guide-checklist__why em").get_text() == "early"
    links = [a["href"] for a in soup.select(".guide-checklist__detail a")]
    assert links == ["steps/tell-your-manager/#what-to-do", "https://example.org/rules"]
    on_step_page = checklist(content, STEP_PAGE, "limit-the-damage")
    assert 'href="../tell-your-manager/#what-to-do"' in on_step_page


@pytest.mark.parametrize(
    ("arguments", "says"),
    [
        ({"checklist_id": "own"}, "there is no checklist with the id 'own'"),
        ({"checklist_id": "own-it", "heading_level": 6}, "heading_level must be 2, 3 or 4"),
        ({"checklist_id": "own-it", "heading_level": "3"}, "heading_level must be 2, 3 or 4"),
    ],
)
def test_checklist_refuses_wrong_arguments(content: Content, arguments: dict, says: str) -> None:
    with pytest.raises(MacroArgumentError, match=says):
        checklist(content, HOME, **arguments)


# ---- worked example ----------------------------------------------------------------------------


def test_worked_example_marks_all_five_steps_and_the_current_one(content: Content) -> None:
    soup = BeautifulSoup(worked_example(content, STEP_PAGE, "duplicate-payment"), "html.parser")
    details = soup.select_one("details[data-example]")
    assert (
        details["data-example"] == "duplicate-payment"
        and details["id"] == "example-duplicate-payment"
    )
    assert not details.has_attr("open")
    steps = details.select(".guide-example__step")
    assert [s["data-step"] for s in steps] == [f"step-{n}" for n in range(1, 6)]
    assert [s.select_one(".guide-example__step-name").get_text() for s in steps][
        2
    ] == "Step 3: Own it"
    current = details.select(".guide-example__step--current")
    assert [c["data-step"] for c in current] == ["step-3"]
    assert current[0]["aria-current"] == "step"
    assert details.select_one("summary h3").get_text() == "The supplier paid twice"
    assert "Serious mistake" in details.select_one("summary").get_text()


def test_worked_example_open_and_off_step_pages(content: Content) -> None:
    html = worked_example(content, HOME, "wrong-delivery-date", open=True)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("details").has_attr("open")
    assert not soup.select(".guide-example__step--current")
    assert soup.select_one("[data-step=step-2] a")["href"] == "steps/tell-your-manager/"


def test_worked_example_refuses_wrong_arguments(content: Content) -> None:
    with pytest.raises(MacroArgumentError, match="there is no worked example"):
        worked_example(content, HOME, "nope")
    with pytest.raises(MacroArgumentError, match="open must be true or false"):
        worked_example(content, HOME, "wrong-delivery-date", open="yes")


def with_examples(content: Content, *examples: Example) -> Content:
    return dataclasses.replace(
        content, examples={**content.examples, **{e.id: e for e in examples}}
    )


def test_worked_examples_lists_one_severity_from_data_sorted_by_title(content: Content) -> None:
    serious = content.examples["duplicate-payment"]
    extra = dataclasses.replace(serious, id="another-story", title="A fire door left open")
    minor = dataclasses.replace(serious, id="small-story", severity="minor")
    html = worked_examples(with_examples(content, extra, minor), STEP_PAGE, "serious")
    soup = BeautifulSoup(html, "html.parser")
    group = soup.select_one("div.guide-examples")
    assert group["data-severity"] == "serious"
    shown = [d["data-example"] for d in group.select("details.guide-example")]
    assert shown == ["another-story", "duplicate-payment"]


def test_worked_examples_render_each_story_as_worked_example_does(content: Content) -> None:
    group = BeautifulSoup(worked_examples(content, STEP_PAGE, "serious"), "html.parser")
    alone = BeautifulSoup(worked_example(content, STEP_PAGE, "duplicate-payment"), "html.parser")
    assert str(group.select_one("details")) == str(alone.select_one("details"))
    level_2 = worked_examples(content, HOME, "minor", heading_level=2)
    details = BeautifulSoup(level_2, "html.parser").select_one("details")
    assert details["id"] == "example-wrong-delivery-date"
    assert details.select_one("summary h2") and not details.has_attr("open")


def test_only_the_examples_page_copy_is_searchable(content: Content) -> None:
    on_index = worked_examples(content, PageRef("examples/index.md"), "minor")
    assert "data-search-exclude" not in on_index
    assert "data-search-exclude" in worked_examples(content, HOME, "minor")


def test_worked_examples_refuses_an_unknown_or_empty_severity(content: Content) -> None:
    with pytest.raises(MacroArgumentError, match="there is no severity 'major'") as caught:
        worked_examples(content, HOME, "major")
    assert "minor, moderate, serious" in caught.value.fix
    with pytest.raises(MacroArgumentError, match=r"no worked example .* 'moderate'"):
        worked_examples(content, HOME, "moderate")
    with pytest.raises(MacroArgumentError, match="heading_level must be 2, 3 or 4"):
        worked_examples(content, HOME, "minor", heading_level=5)


# ---- navigation --------------------------------------------------------------------------------


def test_steps_overview_links_every_step_and_marks_the_current(content: Content) -> None:
    soup = BeautifulSoup(steps_overview(content, STEP_PAGE), "html.parser")
    steps = soup.select("nav.guide-steps li[data-step]")
    assert [s["data-step"] for s in steps] == [f"step-{n}" for n in range(1, 6)]
    hrefs = [s.select_one("a")["href"] for s in steps]
    assert hrefs == ["../limit-the-damage/", "../tell-your-manager/", "./", "../learn-from-it/",
                     "../move-forward/"]  # fmt: skip
    current = soup.select("[aria-current=page]")
    assert len(current) == 1 and current[0].get_text() == "Step 3: Own what happened"
    statuses = soup.select("[data-step-status]")
    assert [s.get_text(strip=True) for s in statuses] == ["Status:Not started"] * 5
    assert {s["data-status"] for s in statuses} == {"not-started"}
    home = BeautifulSoup(steps_overview(content, HOME), "html.parser")
    assert not home.select("[aria-current]")
    assert home.select_one("a")["href"] == "steps/limit-the-damage/"


def test_step_progress_and_pager(content: Content) -> None:
    progress = BeautifulSoup(step_progress(content, STEP_PAGE), "html.parser")
    assert "Step 3 of 5" in progress.get_text()
    pager = BeautifulSoup(step_pager(content, STEP_PAGE), "html.parser")
    links = {a["rel"][0]: a for a in pager.select("a[rel]")}
    assert links["prev"]["href"] == "../tell-your-manager/"
    assert links["next"]["href"] == "../learn-from-it/"
    first = BeautifulSoup(step_pager(content, PageRef("steps/limit-the-damage.md")), "html.parser")
    assert not first.select("a[rel=prev]")
    last = BeautifulSoup(step_pager(content, PageRef("steps/move-forward.md")), "html.parser")
    assert not last.select("a[rel=next]")
    assert last.select_one("a:not([rel])")["href"] == "../../"


def test_step_navigation_only_on_step_pages(content: Content) -> None:
    for macro in (step_progress, step_pager):
        with pytest.raises(MacroArgumentError, match="only works on a step page"):
            macro(content, HOME)


def test_step_link_is_a_relative_markdown_link(content: Content) -> None:
    assert step_link(content, HOME, "step-2") == (
        "[Step 2: Tell your manager right away](steps/tell-your-manager.md)"
    )
    assert step_link(content, STEP_PAGE, "step-1", text="limit the damage") == (
        "[limit the damage](limit-the-damage.md)"
    )
    with pytest.raises(MacroArgumentError, match="there is no step with the id 'step-7'"):
        step_link(content, HOME, "step-7")
    with pytest.raises(MacroArgumentError, match="text must be plain words"):
        step_link(content, HOME, "step-2", text="[x](javascript:alert(1))")


# ---- organization ------------------------------------------------------------------------------


def test_organization_macros_when_branded(content: Content) -> None:
    assert organization(content, HOME) == "Northwind Ltd"
    assert hr_contact(content, STEP_PAGE) == (
        "the People Team ([people@northwind.example](mailto:people@northwind.example) or ext. 4100)"
    )
    assert incident_procedure_link(content, HOME, "the incident procedure") == (
        "[the incident procedure](https://intranet.northwind.example/incidents)"
    )


def test_organization_macros_read_naturally_when_unbranded(content: Content) -> None:
    plain = replace_settings(
        content, organization="", hr_contact_name="", hr_contact_how="", incident_procedure_url=""
    )
    assert organization(plain, HOME) == "your organization"
    assert hr_contact(plain, HOME) == "your HR team"
    assert incident_procedure_link(plain, HOME, "your incident procedure") == (
        "your incident procedure"
    )


def test_hr_contact_page_links_are_relative_to_the_page(content: Content) -> None:
    linked = replace_settings(content, hr_contact_how="see [About](about.md#contact)")
    assert hr_contact(linked, STEP_PAGE).endswith("(see [About](../about.md#contact))")
    assert hr_contact(linked, HOME).endswith("(see [About](about.md#contact))")


def test_incident_procedure_link_refuses_markup_in_its_text(content: Content) -> None:
    with pytest.raises(MacroArgumentError, match="text must be plain words"):
        incident_procedure_link(content, HOME, "<b>procedure</b>")


# ---- knowledge check ---------------------------------------------------------------------------

CHECK_PAGE = PageRef("check.md")


def test_knowledge_check_markup_contract(content: Content) -> None:
    question = content.questions["manager-away"]
    soup = BeautifulSoup(knowledge_check(content, STEP_PAGE, "manager-away"), "html.parser")
    root = soup.select_one("[data-check]")
    assert root["data-check"] == "manager-away" and root["id"] == "check-manager-away"
    assert root["data-check-rev"] == question.rev and root["data-check-best"] == "tell-cover"
    assert root["data-guide"] == "handling-mistakes"
    legend = root.select_one("fieldset > legend")
    assert legend.get_text(strip=True) == "Your manager is away all week. What do you do?"
    radios = root.select("fieldset input[type=radio]")
    assert [r["data-option"] for r in radios] == [
        "wait",
        "tell-cover",
        "tell-a-friend",
        "do-nothing",
    ]
    assert {r["name"] for r in radios} == {"check-manager-away"}
    for radio in radios:
        label = root.select_one(f"label[for='{radio['id']}']")
        assert label is not None and label.get_text(strip=True)
    button = root.select_one("button[data-check-submit]")
    assert button.get_text() == "Check my answer" and button["type"] == "button"
    actions = button.find_parent(class_="guide-check__actions")
    assert actions is not None, "checks.css hides its actions where scripts do not run"
    assert not button.has_attr("hidden"), "shown at once: checks.js loads on the first check"
    feedback = root.select_one("[data-check-feedback]")
    assert feedback["role"] == "status" and feedback.get_text() == ""
    assert feedback.find_previous_sibling() is not None  # after the question, where it is heard


def test_knowledge_check_feedback_is_reachable_without_scripts(content: Content) -> None:
    soup = BeautifulSoup(knowledge_check(content, STEP_PAGE, "wrong-date"), "html.parser")
    answers = soup.select("[data-check-answers] details")
    assert [d["data-feedback-for"] for d in answers] == ["wait", "correct-it", "fix-quietly"]
    assert not any(d.has_attr("open") for d in answers)
    verdicts = [d.select_one(".guide-check__verdict").get_text() for d in answers]
    assert verdicts == ["Not the best answer.", "Best answer.", "Not the best answer."]
    assert answers[0].select_one("summary").get_text() == "Answer A"
    labels = [label.get_text(" ", strip=True) for label in soup.select("label")]
    assert labels[2] == "C. Correct it and say nothing."
    link = answers[1].select_one(".guide-check__reason a")
    assert link["href"] == "../tell-your-manager/"  # a page link in feedback, made relative
    assert soup.select_one("legend em").get_text() == "wrong"


def test_search_indexes_the_check_page_question_never_its_feedback(content: Content) -> None:
    on_step = BeautifulSoup(knowledge_check(content, STEP_PAGE, "wrong-date"), "html.parser")
    assert on_step.select_one("[data-check]").has_attr("data-search-exclude")
    on_check = BeautifulSoup(knowledge_check(content, CHECK_PAGE, "wrong-date"), "html.parser")
    root = on_check.select_one("[data-check]")
    assert not root.has_attr("data-search-exclude")
    for part in ("[data-check-feedback]", "[data-check-answers]", ".guide-check__actions"):
        assert root.select_one(part).has_attr("data-search-exclude"), part


def test_check_page_numbers_groups_and_answer_key(content: Content) -> None:
    # The check page order: the first hour, then the steps, then managers.
    order = [q.id for q in check_page_questions(content)]
    assert order == ["manager-away", "wrong-date", "thank-them"]
    step_1 = BeautifulSoup(knowledge_checks(content, CHECK_PAGE, "step-1"), "html.parser")
    assert [d["data-check"] for d in step_1.select("[data-check]")] == ["wrong-date"]
    assert step_1.select_one(".guide-check__number").get_text() == "Question 2."
    managers = BeautifulSoup(knowledge_checks(content, CHECK_PAGE, "managers"), "html.parser")
    assert managers.select_one(".guide-check__number").get_text() == "Question 3."
    key = BeautifulSoup(check_answer_key(content, CHECK_PAGE), "html.parser")
    items = [li.get_text(" ", strip=True) for li in key.select("ul li")]
    assert items == ["Question 1: B", "Question 2: B", "Question 3: B"]
    assert key.select_one("[data-check-key]").has_attr("data-search-exclude")
    summary = BeautifulSoup(check_summary(content, CHECK_PAGE), "html.parser")
    assert summary.select_one("[data-check-count]")["aria-live"] == "polite"
    assert summary.select_one("button[data-check-restart]").get_text() == "Start again"
    assert summary.select_one("[data-check-summary]").has_attr("hidden")


@pytest.mark.parametrize(
    ("function", "arguments", "says"),
    [
        (knowledge_check, {"question_id": "nope"}, "there is no question with the id 'nope'"),
        (knowledge_check, {"question_id": "wrong-date", "number": "2"}, "number must be a whole"),
        (knowledge_check, {"question_id": "wrong-date", "number": True}, "number must be a whole"),
        (knowledge_checks, {"group": "step-9"}, "there is no question group with the id"),
    ],
)
def test_knowledge_check_refuses_wrong_arguments(
    content: Content, function: Callable[..., str], arguments: dict, says: str
) -> None:
    with pytest.raises(MacroArgumentError, match=says):
        function(content, HOME, **arguments)
