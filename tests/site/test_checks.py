"""Knowledge checks in the built guide: one on every step page, all of them on the check page.

The check page covers every step, the first hour and the managers' page; site/checks.json and
links.json describe the same questions, at anchors that exist.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.content import Step, load_content
from macros.questions import TOPICS
from tests.site.test_content_structure import article, sections, within
from tests.support import ROOT, nav_label

CONTENT = load_content(ROOT / "data", ROOT / "docs")


@pytest.mark.parametrize("step", CONTENT.steps, ids=lambda step: step.id)
def test_every_step_page_ends_with_its_own_question_after_the_examples(
    built_site: Path, step: Step
) -> None:
    page = article(built_site, step.page)
    blocks = list(sections(page))
    assert blocks.index("practice") == blocks.index("examples") + 1
    shown = within(sections(page)["practice"], "[data-check]")
    assert shown, f"{step.page}: put a knowledge_check() under 'What would you do?'"
    assert len(page.select("[data-check]")) == len(shown), "questions outside the block"
    for question in shown:
        assert CONTENT.questions[question["data-check"]].step == step.id
        assert question.select_one("[data-check-feedback][role=status]") is not None


def test_the_check_page_covers_every_step_the_first_hour_and_managers(built_site: Path) -> None:
    page = article(built_site, "check.md")
    shown = [q["data-check"] for q in page.select("[data-check]")]
    assert len(shown) >= 10
    assert sorted(shown) == sorted(CONTENT.questions), "every question is on the check page"
    groups = {CONTENT.questions[q].group for q in shown}
    assert groups == {*TOPICS, *(step.id for step in CONTENT.steps)}
    numbers = [n.get_text() for n in page.select(".guide-check__number")]
    assert numbers == [f"Question {n}." for n in range(1, len(shown) + 1)]
    key = page.select("[data-check-key] li")
    assert len(key) == len(shown), "the answer key has a line per question"
    assert page.select_one("[data-check-summary] [data-check-count][aria-live=polite]")
    assert page.select_one("[data-check-summary] button[data-check-restart]")


def test_check_page_is_in_the_navigation(built_site: Path) -> None:
    home = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "lxml")
    links = [a.get_text(strip=True) for a in home.select("nav.md-nav--primary a")]
    assert nav_label("check.md") in links


def test_checks_json_and_links_json_describe_the_questions(built_site: Path) -> None:
    checks = json.loads((built_site / "checks.json").read_text(encoding="utf-8"))
    page = article(built_site, "check.md")
    on_page = {q["data-check"]: q for q in page.select("[data-check]")}
    assert [entry["id"] for entry in checks["questions"]] == list(on_page)
    for entry in checks["questions"]:
        assert set(entry) == {"id", "rev", "best", "page"}
        question = on_page[entry["id"]]
        assert entry["page"] == "check/"
        assert entry["rev"] == question["data-check-rev"] == CONTENT.questions[entry["id"]].rev
        assert entry["best"] == question["data-check-best"]
        assert question.select_one(f"input[data-option='{entry['best']}']") is not None
    links = json.loads((built_site / "links.json").read_text(encoding="utf-8"))["links"]
    checks_links = {link["id"]: link for link in links if link["kind"] == "check"}
    assert set(checks_links) == {f"check/{q}" for q in on_page}
    for question_id, question in on_page.items():
        assert checks_links[f"check/{question_id}"]["url"] == f"check/#{question['id']}"
