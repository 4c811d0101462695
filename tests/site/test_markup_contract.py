"""The markup contract on every step page of the real build: scripts, print and links use it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.addresses import checklist_anchor, example_anchor, item_anchor, page_url
from macros.content import Content, Step, load_content
from tests.support import ROOT

CONTENT: Content = load_content(ROOT / "data", ROOT / "docs")
STEPS = CONTENT.steps


def built(site: Path, src_uri: str) -> BeautifulSoup:
    html = (site / page_url(src_uri) / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "lxml")


@pytest.fixture(scope="module", params=STEPS, ids=[step.id for step in STEPS])
def step_page(request: pytest.FixtureRequest, built_site: Path) -> tuple[Step, BeautifulSoup]:
    return request.param, built(built_site, request.param.page)


def test_checklists_keep_the_contract(step_page: tuple[Step, BeautifulSoup]) -> None:
    step, soup = step_page
    shown = soup.select("article [data-checklist]")
    expected = [c.id for c in CONTENT.checklists_for_step(step.id)]
    assert [s["data-checklist"] for s in shown] == expected
    for section in shown:
        data = CONTENT.checklists[section["data-checklist"]]
        assert section["id"] == checklist_anchor(data.id)
        assert section["data-step"] == step.id
        assert section["data-guide"] == CONTENT.settings.guide_id
        items = section.select("[data-item]")
        assert [item["data-item"] for item in items] == [item.id for item in data.items]
        for element, item in zip(items, data.items, strict=True):
            assert element["id"] == item_anchor(data.id, item.id)
            boxes = element.select("input")
            assert len(boxes) == 1 and boxes[0]["type"] == "checkbox"
            labels = soup.select(f"label[for='{boxes[0]['id']}']")
            assert len(labels) == 1, f"{boxes[0]['id']} needs exactly one label"
            assert labels[0].get_text(" ", strip=True) == item.text  # the accessible name
        assert section.select_one("[data-checklist-tools]") is not None


def test_worked_examples_keep_the_contract(step_page: tuple[Step, BeautifulSoup]) -> None:
    step, soup = step_page
    examples = soup.select("article [data-example]")
    assert examples, f"{step.page} shows no worked example"
    for example in examples:
        assert example["data-example"] in CONTENT.examples
        assert example["id"] == example_anchor(example["data-example"])
        assert example.name == "details" and example.select_one("summary")
        marked = example.select(".guide-example__step")
        assert [m["data-step"] for m in marked] == [s.id for s in STEPS]
        current = example.select("[aria-current=step]")
        assert [c["data-step"] for c in current] == [step.id]


def test_step_position_and_neighbours(step_page: tuple[Step, BeautifulSoup]) -> None:
    step, soup = step_page
    progress = soup.select_one("article .guide-step-progress")
    assert progress is not None
    assert f"Step {step.number} of {len(STEPS)}" in progress.get_text(" ", strip=True)
    pager = soup.select_one("article nav.guide-pager")
    rel = {a["rel"][0]: a["href"] for a in pager.select("a[rel]")}
    # Step pages sit side by side in steps/, so a neighbour is "../<its file name>/".
    neighbours = {"prev": step.number - 2, "next": step.number}
    for name, index in neighbours.items():
        if 0 <= index < len(STEPS):
            assert rel[name] == f"../{Path(STEPS[index].page).stem}/", rel
        else:
            assert name not in rel


def test_dom_ids_are_unique_on_every_step_page(step_page: tuple[Step, BeautifulSoup]) -> None:
    _, soup = step_page
    counts = Counter(tag["id"] for tag in soup.select("[id]"))
    assert [i for i, n in counts.items() if n > 1] == []


def test_components_are_blocks_not_paragraph_content(built_site: Path) -> None:
    for path in sorted(built_site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        for tag in ("section", "details", "nav"):
            assert f'<p><{tag} class="guide-' not in html, path


def test_steps_overview_on_the_home_page(built_site: Path) -> None:
    soup = built(built_site, "index.md")
    nav = soup.select_one("article nav.guide-steps")
    steps = nav.select("li[data-step]")
    assert [s["data-step"] for s in steps] == [s.id for s in STEPS]
    assert [s.select_one("a")["href"] for s in steps] == [page_url(s.page) for s in STEPS]
    assert nav.select("[aria-current]") == []
    assert all(s.select_one("[data-step-status]") is not None for s in steps)


def test_steps_overview_marks_the_current_step(built_site: Path) -> None:
    for step in STEPS:
        soup = built(built_site, step.page)
        for nav in soup.select("article nav.guide-steps"):
            current = nav.select("[aria-current=page]")
            assert len(current) == 1 and f"Step {step.number}:" in current[0].get_text()
