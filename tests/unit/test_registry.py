"""The registry between pages and components: argument checks, once-per-page ids, real bugs."""

from __future__ import annotations

import traceback
from pathlib import Path

import pytest

from macros.components.checklist import checklist
from macros.components.steps_overview import steps_overview
from macros.content import Content, load_content
from macros.errors import ContentError, MacroArgumentError
from macros.printing.options import print_options
from macros.registry import (
    COMPONENTS,
    PageBeingRendered,
    call,
    call_line,
    check_arguments,
    macros_for,
    once_per_page,
)
from tests.support import ROOT
from tests.unit.datasets import FIXTURE

SOURCE = """# Page

Intro.

{{ checklist("own-it") }}

{{ worked_example(example_id="duplicate-payment", open=true) }}

{{ checklist('own-it', heading_level=2) }}
"""


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(FIXTURE)


def new_page(tmp_path: Path, source: str = SOURCE) -> PageBeingRendered:
    """The page being rendered, written as an author would write it."""
    path = tmp_path / "managers.md"
    path.write_text(source, encoding="utf-8")
    return PageBeingRendered("managers.md", path)


def test_call_line_finds_the_call_by_its_first_value() -> None:
    assert call_line(SOURCE, "checklist", ("own-it",)) == 5
    assert call_line(SOURCE, "checklist", ("own-it",), occurrence=2) == 9
    assert call_line(SOURCE, "worked_example", ("duplicate-payment", True)) == 7
    assert call_line(SOURCE, "steps_overview", ()) is None
    assert call_line(SOURCE, "checklist", ("nope",)) is None


def test_check_arguments_explains_how_to_call_the_macro() -> None:
    check_arguments("checklist", checklist, ("own-it",), {"heading_level": 2})
    with pytest.raises(MacroArgumentError) as caught:
        check_arguments("checklist", checklist, ("own-it",), {"heading": 2})
    assert "unexpected keyword argument 'heading'" in caught.value.message
    assert "{{ checklist(checklist_id, heading_level=3, brief=False) }}" in caught.value.fix
    with pytest.raises(MacroArgumentError, match="missing a required argument"):
        check_arguments("checklist", checklist, (), {})
    with pytest.raises(MacroArgumentError, match="too many positional arguments"):
        check_arguments("steps_overview", steps_overview, (True, 2), {})


def shown_on(shown: set, name: str, *args: object, **kwargs: object) -> None:
    once_per_page(shown, name, check_arguments(name, COMPONENTS[name], args, kwargs))


def test_a_checklist_or_example_may_appear_once_per_page() -> None:
    shown: set = set()
    shown_on(shown, "checklist", "own-it")
    shown_on(shown, "checklist", "learn-from-it")
    shown_on(shown, "step_link", "step-2")
    shown_on(shown, "step_link", "step-2")  # links carry no ids: any number is fine
    with pytest.raises(MacroArgumentError, match="is already on this page") as caught:
        shown_on(shown, "checklist", checklist_id="own-it")
    assert caught.value.occurrence == 2
    shown_on(set(), "checklist", "own-it")  # a new page starts afresh


@pytest.mark.parametrize(
    ("first", "second", "duplicate"),
    [
        (
            {"heading_level": 2, "checklist_id": "a"},
            {"heading_level": 2, "checklist_id": "b"},
            False,
        ),
        ({"heading_level": 2, "checklist_id": "a"}, {"checklist_id": "b"}, False),
        ({"heading_level": 2, "checklist_id": "a"}, {"checklist_id": "a", "brief": True}, True),
        ({"brief": True, "checklist_id": "a"}, {"heading_level": 3, "checklist_id": "a"}, True),
    ],
    ids=["other-id-same-level", "other-id", "same-id-reordered", "same-id-other-first-keyword"],
)
def test_the_once_per_page_guard_keys_on_the_id_whatever_the_argument_order(
    first: dict, second: dict, duplicate: bool
) -> None:
    shown: set = set()
    shown_on(shown, "checklist", **first)
    if duplicate:
        with pytest.raises(MacroArgumentError, match=r"checklist\('a'\) is already on this page"):
            shown_on(shown, "checklist", **second)
    else:
        shown_on(shown, "checklist", **second)


def test_a_component_without_an_id_is_still_once_per_page() -> None:
    shown: set = set()
    shown_on(shown, "first_hour")
    with pytest.raises(MacroArgumentError, match=r"first_hour\(\) is already on this page"):
        shown_on(shown, "first_hour")


def test_a_wrong_call_names_the_page_and_line(content: Content, tmp_path: Path) -> None:
    page = new_page(tmp_path)
    with pytest.raises(ContentError) as caught:
        call("checklist", checklist, content, page, ("own-it",), {"heading": 2})
    assert (caught.value.file, caught.value.line) == ("docs/managers.md", 5)
    assert "wrong arguments" in caught.value.message
    call("checklist", checklist, content, page, ("own-it",), {})
    with pytest.raises(ContentError) as caught:
        call(
            "checklist",
            checklist,
            content,
            page,
            (),
            {"heading_level": 2, "checklist_id": "own-it"},
        )
    assert (
        caught.value.line == 9
    )  # the second call of the id, found by the id not the first keyword
    assert "already on this page" in caught.value.message


def test_a_call_that_does_not_fit_is_found_by_its_id_wherever_written(
    content: Content, tmp_path: Path
) -> None:
    page = new_page(tmp_path, '# Page\n\n{{ checklist(heading=2, checklist_id="own-it") }}\n')
    with pytest.raises(ContentError) as caught:
        call("checklist", checklist, content, page, (), {"heading": 2, "checklist_id": "own-it"})
    assert caught.value.line == 3


def test_an_unknown_id_is_an_author_error_on_its_line(content: Content, tmp_path: Path) -> None:
    page = new_page(tmp_path, "# Page\n\n{{ checklist('no-such-list') }}\n")
    with pytest.raises(ContentError) as caught:
        call("checklist", checklist, content, page, ("no-such-list",), {})
    assert (caught.value.file, caught.value.line) == ("docs/managers.md", 3)


def test_a_type_error_inside_a_component_is_a_bug_with_its_traceback(
    content: Content, tmp_path: Path
) -> None:
    def faulty(content: Content, page: object, checklist_id: str) -> str:
        return "items: " + len(checklist_id)  # a bug in the guide's code, not in the page

    with pytest.raises(TypeError) as caught:
        call("faulty", faulty, content, new_page(tmp_path), ("own-it",), {})
    assert not isinstance(caught.value, ContentError)
    frames = [frame.name for frame in traceback.extract_tb(caught.value.__traceback__)]
    assert frames[-1] == "faulty", "the traceback must lead to the line that failed"


def test_a_generated_page_reports_without_a_line(content: Content) -> None:
    page = PageBeingRendered("print/own-it.md", None)
    with pytest.raises(ContentError) as caught:
        call("checklist", checklist, content, page, ("nope",), {})
    assert (caught.value.file, caught.value.line) == ("docs/print/own-it.md", None)


def test_every_macro_of_a_build_is_registered() -> None:
    table = macros_for(print_options("Guide", {}), ROOT / "docs")
    assert {
        "checklist",
        "worked_example",
        "worked_examples",
        "steps_overview",
        "step_link",
        "step_progress",
        "step_pager",
        "organization",
        "hr_contact",
        "incident_procedure_link",
        "card",
        "all_cards",
        "first_hour_card",
        "link_catalogue",
        "what_changed",
    } <= set(table)
