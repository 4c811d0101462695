"""Hostile text in data: the loader refuses it in every field, and templates escape it regardless.

`<script>`, `<img onerror>` and `javascript:` links go through every text field of every data file;
each is refused naming the field. Then the same strings are put straight into the dataclasses,
skipping the loader, and every component must still render nothing executable.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from types import MappingProxyType

import pytest
import yaml
from bs4 import BeautifulSoup

from macros.components.card import first_hour_card
from macros.components.checklist import checklist
from macros.components.first_hour import first_hour
from macros.components.knowledge_check import check_answer_key, knowledge_check, knowledge_checks
from macros.components.organization import hr_contact, incident_procedure_link, organization
from macros.components.step_nav import step_pager, step_progress
from macros.components.steps_overview import steps_overview
from macros.components.worked_example import worked_example
from macros.content import (
    Checklist,
    ChecklistItem,
    Contact,
    Content,
    Example,
    FirstHour,
    TriageLine,
    load_content,
)
from macros.errors import ContentError
from macros.pageref import PageRef
from macros.printing.options import print_options
from macros.questions import Option, Question
from tests.unit import htmlcheck
from tests.unit.datasets import FIXTURE, make_dataset

SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(1)>"
SCRIPT_LINK = "[click me](javascript:alert(1))"
ATTRIBUTE_BREAK = 'x" onmouseover="alert(1)'
QUOTES_AND_AMPERSANDS = 'Tom & "Jerry" <3 & co'

# Every text field: (file, path to the value, the field name errors use).
FIELDS = [
    ("steps.yml", ("steps", 2, "id"), "id"),
    ("steps.yml", ("steps", 2, "number"), "number"),
    ("steps.yml", ("steps", 2, "title"), "title"),
    ("steps.yml", ("steps", 2, "short_title"), "short_title"),
    ("steps.yml", ("steps", 2, "summary"), "summary"),
    ("steps.yml", ("steps", 2, "page"), "page"),
    ("checklists.yml", ("checklists", 1, "id"), "id"),
    ("checklists.yml", ("checklists", 1, "step"), "step"),
    ("checklists.yml", ("checklists", 1, "title"), "title"),
    ("checklists.yml", ("checklists", 1, "why"), "why"),
    ("checklists.yml", ("checklists", 1, "items", 1, "id"), "id"),
    ("checklists.yml", ("checklists", 1, "items", 1, "text"), "text"),
    ("checklists.yml", ("checklists", 1, "items", 1, "detail"), "detail"),
    ("examples/duplicate-payment.yml", ("id",), "id"),
    ("examples/duplicate-payment.yml", ("title",), "title"),
    ("examples/duplicate-payment.yml", ("job",), "job"),
    ("examples/duplicate-payment.yml", ("setting",), "setting"),
    ("examples/duplicate-payment.yml", ("severity",), "severity"),
    ("examples/duplicate-payment.yml", ("situation",), "situation"),
    ("examples/duplicate-payment.yml", ("steps", "step-3"), "steps.step-3"),
    ("examples/duplicate-payment.yml", ("outcome",), "outcome"),
    ("examples/duplicate-payment.yml", ("lesson",), "lesson"),
    ("checks.yml", ("questions", 1, "id"), "id"),
    ("checks.yml", ("questions", 1, "step"), "step"),
    ("checks.yml", ("questions", 1, "topic"), "topic"),
    ("checks.yml", ("questions", 1, "scenario"), "scenario"),
    ("checks.yml", ("questions", 1, "options", 2, "id"), "id"),
    ("checks.yml", ("questions", 1, "options", 2, "text"), "text"),
    ("checks.yml", ("questions", 1, "options", 2, "feedback"), "feedback"),
    ("checks.yml", ("questions", 1, "best"), "best"),
    ("site.yml", ("guide_id",), "guide_id"),
    ("site.yml", ("organization",), "organization"),
    ("site.yml", ("hr_contact", "name"), "hr_contact.name"),
    ("site.yml", ("hr_contact", "how"), "hr_contact.how"),
    ("site.yml", ("incident_procedure_url",), "incident_procedure_url"),
    ("site.yml", ("owner",), "owner"),
    ("site.yml", ("last_reviewed",), "last_reviewed"),
    ("site.yml", ("suggest_change",), "suggest_change"),
    ("site.yml", ("logo",), "logo"),
    ("site.yml", ("colors", "primary"), "colors.primary"),
]
REFUSALS = [
    (SCRIPT, "contains HTML ('<script')"),
    (IMAGE, "contains HTML ('<img')"),
    (SCRIPT_LINK, "contains a javascript: address"),
]


def set_value(tmp_path: Path, file: str, path: tuple[str | int, ...], value: str) -> Path:
    """Copy the fixture data to tmp_path with one value replaced."""
    dataset = make_dataset(tmp_path)
    target = dataset.data / file
    document = yaml.safe_load(target.read_text(encoding="utf-8"))
    node = document
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    target.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), "utf-8")
    return dataset.data


@pytest.mark.parametrize(("file", "path", "field"), FIELDS, ids=[f"{f}:{n}" for f, _, n in FIELDS])
@pytest.mark.parametrize(("hostile", "says"), REFUSALS, ids=["script", "img-onerror", "js-link"])
def test_the_loader_refuses_hostile_text_in_every_field(
    tmp_path: Path, file: str, path: tuple, field: str, hostile: str, says: str
) -> None:
    data_dir = set_value(tmp_path, file, path, f"Fine words {hostile} here")
    with pytest.raises(ContentError) as caught:
        load_content(data_dir, tmp_path / "docs")
    error = caught.value
    assert error.file == f"data/{file}"
    assert error.field == field
    assert isinstance(error.line, int) and error.line > 0
    assert error.record  # named by id, or by position when the id itself is bad
    assert says in str(error)
    assert "Fix: " in str(error)


def test_html_refusal_shows_the_markdown_way(tmp_path: Path) -> None:
    data_dir = set_value(tmp_path, "checklists.yml", ("checklists", 1, "why"), "<b>Now</b>")
    with pytest.raises(ContentError, match=r"write \*\*bold text\*\*"):
        load_content(data_dir)


TEXT_FIELDS = [
    f for f in FIELDS if f[2] not in ("id", "number", "step", "page", "severity", "topic", "best")
]
PLAIN_OK = [
    f
    for f in TEXT_FIELDS
    if f[2] not in ("guide_id", "incident_procedure_url", "last_reviewed", "logo", "colors.primary")
]


@pytest.mark.parametrize(
    ("file", "path", "field"), PLAIN_OK, ids=[f"{f}:{n}" for f, _, n in PLAIN_OK]
)
def test_quotes_and_ampersands_are_plain_text(
    tmp_path: Path, file: str, path: tuple, field: str
) -> None:
    """`"`, `&` and a lone `<` are ordinary prose: accepted, then shown exactly as written."""
    data_dir = set_value(tmp_path, file, path, QUOTES_AND_AMPERSANDS)
    content = load_content(data_dir, tmp_path / "docs")
    page = PageRef("steps/own-it.md")
    html = " ".join(
        [
            checklist(content, page, "tell-your-manager"),
            worked_example(content, page, "duplicate-payment"),
            steps_overview(content, page),
            step_progress(content, page),
            step_pager(content, page),
            knowledge_check(content, page, "manager-away"),
        ]
    )
    shown = BeautifulSoup(html, "html.parser").get_text()
    if file == "site.yml":
        shown = " ".join([organization(content, page), hr_contact(content, page)])
        if field in ("owner", "suggest_change"):  # shown by page templates, not by components
            shown = getattr(content.settings, field)
    assert htmlcheck.problems(html) == []
    assert QUOTES_AND_AMPERSANDS in shown


# ---- past the loader: templates escape whatever reaches them ----------------------------------

HOSTILE = [SCRIPT, IMAGE, SCRIPT_LINK, ATTRIBUTE_BREAK, "[x](&#106;avascript:alert(1))"]


def hostile_content() -> Content:
    """Content built directly, skipping validation, with hostile text in every field."""
    real = load_content(FIXTURE)
    text = " ".join(HOSTILE)
    steps = tuple(
        dataclasses.replace(
            step, id=f"{step.id}{ATTRIBUTE_BREAK}", title=text, short_title=text, summary=text
        )
        for step in real.steps
    )
    step_ids = [step.id for step in steps]
    item = ChecklistItem(id=ATTRIBUTE_BREAK, text=text, detail=text)
    checklists = {
        "bad": Checklist(id="bad", step=step_ids[2], title=text, why=text, items=(item,)),
        ATTRIBUTE_BREAK: Checklist(
            id=ATTRIBUTE_BREAK, step=step_ids[0], title=text, why=text, items=(item,)
        ),
    }
    example = Example(
        id="bad",
        title=text,
        job=text,
        setting=text,
        severity=ATTRIBUTE_BREAK,
        situation=text,
        steps=MappingProxyType(dict.fromkeys(step_ids, text)),
        outcome=text,
        lesson=text,
    )
    contact = Contact(text, text, text)
    settings = dataclasses.replace(
        real.settings, guide_id=ATTRIBUTE_BREAK, support=contact, speak_up=contact
    )
    line = TriageLine(id=ATTRIBUTE_BREAK, check=text, action=text, contacts=("speak_up",))
    first_hour = FirstHour(lines=(line,), support=dataclasses.replace(line, contacts=("support",)))
    options = tuple(Option(id=i, text=text, feedback=text) for i in ("bad", ATTRIBUTE_BREAK, "ok"))
    question = Question(
        id=ATTRIBUTE_BREAK, step=step_ids[0], scenario=text, options=options, best=ATTRIBUTE_BREAK
    )
    return Content(
        settings=settings,
        steps=steps,
        checklists=checklists,
        examples={"bad": example},
        first_hour=first_hour,
        questions={ATTRIBUTE_BREAK: question},
    )


def executable(html: str) -> list[str]:
    """Anything in the HTML a browser could run."""
    soup = BeautifulSoup(html, "html.parser")
    found = [f"<{tag.name}>" for tag in soup.find_all(["script", "img", "iframe", "object"])]
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            if name.lower().startswith("on"):
                found.append(f"{tag.name} {name}")
            if name in ("href", "src") and "script" in str(value).lower().replace("&#106;", "j"):
                found.append(f"{tag.name} {name}={value}")
    return found + [p for p in htmlcheck.problems(html) if "duplicate id" not in p]


def test_templates_escape_whatever_reaches_them() -> None:
    content = hostile_content()
    page = PageRef("steps/own-it.md")
    outputs = {
        "checklist": checklist(content, page, "bad"),
        "checklist-bad-id": checklist(content, page, ATTRIBUTE_BREAK),
        "worked_example": worked_example(content, page, "bad", open=True),
        "steps_overview": steps_overview(content, page),
        "step_progress": step_progress(content, page),
        "step_pager": step_pager(content, page),
        "first_hour": first_hour(content, page),
        "first_hour_card": first_hour_card(content, page, options=print_options("Guide", {})),
        "knowledge_check": knowledge_check(content, page, ATTRIBUTE_BREAK, number=1),
        "knowledge_checks": knowledge_checks(content, page, content.steps[0].id),
        "check_answer_key": check_answer_key(content, page),
    }
    for name, html in outputs.items():
        assert executable(html) == [], name
        assert "<script" not in html and "<img" not in html, name
        if name not in ("step_progress", "check_answer_key"):  # they show no data text
            assert SCRIPT in BeautifulSoup(html, "html.parser").get_text(), name
    links = BeautifulSoup(outputs["checklist"], "html.parser").select(".guide-checklist__why a")
    assert links == []  # the script link became plain text


def test_hostile_link_text_in_organization_macros_is_refused() -> None:
    content = load_content(FIXTURE)
    for text in (SCRIPT, SCRIPT_LINK):
        with pytest.raises(Exception, match="text must be plain words"):
            incident_procedure_link(content, PageRef("index.md"), text)
