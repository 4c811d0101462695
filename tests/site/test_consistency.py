"""Data and pages agree: every checklist and example is used by a page, every id a page uses exists.

Reads docs/ and data/ directly (no build), so a renamed id is caught with the page that uses it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from macros.content import Content, load_content
from tests.support import ROOT

DOCS = ROOT / "docs"
# {{ checklist("id") }}, {{ worked_example(example_id="id", open=true) }}, {{ step_link('step-2') }}
CALL = re.compile(
    r"\b(checklist|worked_example|step_link|card)\s*\(\s*(?:[a-z_]+\s*=\s*)?[\"']([^\"']+)[\"']"
)


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(ROOT / "data", DOCS)


@pytest.fixture(scope="module")
def uses() -> dict[str, dict[str, list[str]]]:
    """macro -> id -> pages (with line) that call it with that id."""
    found: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for page in sorted(DOCS.rglob("*.md")):
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            for macro, used_id in CALL.findall(line):
                found[macro][used_id].append(f"{page.relative_to(ROOT)}:{number}")
    return found


def test_pages_use_the_macros_at_all(uses: dict[str, dict[str, list[str]]]) -> None:
    assert uses["checklist"] and uses["worked_example"] and uses["step_link"]


def test_every_checklist_is_on_a_page(content: Content, uses: dict) -> None:
    unused = sorted(set(content.checklists) - set(uses["checklist"]))
    assert unused == [], f"checklists in data/checklists.yml that no page shows: {unused}"


def test_every_worked_example_is_on_a_page(content: Content, uses: dict) -> None:
    unused = sorted(set(content.examples) - set(uses["worked_example"]))
    assert unused == [], f"worked examples in data/examples/ that no page shows: {unused}"


def test_every_id_a_page_uses_exists(content: Content, uses: dict) -> None:
    known = {
        "checklist": set(content.checklists),
        "card": set(content.checklists),
        "worked_example": set(content.examples),
        "step_link": {step.id for step in content.steps},
    }
    unknown = {
        f"{macro}({used_id!r})": pages
        for macro, ids in uses.items()
        for used_id, pages in ids.items()
        if used_id not in known[macro]
    }
    assert unknown == {}, f"pages use ids that data/ does not define: {unknown}"


def test_every_step_page_shows_its_checklists_and_navigation(content: Content) -> None:
    for step in content.steps:
        text = (DOCS / step.page).read_text(encoding="utf-8")
        for expected in ("step_progress()", "step_pager()"):
            assert expected in text, f"docs/{step.page} does not call {expected}"
        for listed in content.checklists_for_step(step.id):
            assert re.search(rf"checklist\(\s*[\"']{listed.id}[\"']", text), (
                f"docs/{step.page} does not show its checklist '{listed.id}'"
            )


def test_the_home_page_shows_the_steps_overview() -> None:
    assert "steps_overview(" in (DOCS / "index.md").read_text(encoding="utf-8")


def test_step_pages_exist_once(content: Content) -> None:
    pages = [step.page for step in content.steps]
    assert len(set(pages)) == len(pages)
    assert all(Path(DOCS / page).is_file() for page in pages)
