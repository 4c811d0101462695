"""The glue between pages and components: argument checks, once-per-page ids, the line of a call."""

from __future__ import annotations

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from macros.components.checklist import checklist
from macros.components.steps_overview import steps_overview
from macros.errors import MacroArgumentError
from macros.registry import COMPONENTS, call_line, check_arguments, once_per_page

SOURCE = """# Page

Intro.

{{ checklist("own-it") }}

{{ worked_example(example_id="duplicate-payment", open=true) }}

{{ checklist('own-it', heading_level=2) }}
"""


def new_page() -> Page:
    """A real MkDocs page object, as the plugin hands to the macros for one render."""
    return Page("For managers", File("managers.md", "docs", "site", True), MkDocsConfig())


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


def test_a_checklist_or_example_may_appear_once_per_page() -> None:
    page = new_page()
    once_per_page(page, "checklist", ("own-it",), {})
    once_per_page(page, "checklist", ("learn-from-it",), {})
    once_per_page(page, "step_link", ("step-2",), {})
    once_per_page(page, "step_link", ("step-2",), {})  # links carry no ids: any number is fine
    with pytest.raises(MacroArgumentError, match="is already on this page") as caught:
        once_per_page(page, "checklist", (), {"checklist_id": "own-it"})
    assert caught.value.occurrence == 2
    once_per_page(new_page(), "checklist", ("own-it",), {})  # a new page starts afresh


def test_every_core_macro_is_registered() -> None:
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
    } <= set(COMPONENTS)
