"""The guide's pages keep their promised shape: blocks, ids, checklists and worked examples.

Every step page has the same blocks in the same order, each an h2 with a published id; the
step's checklist sits under "What to do"; at least two worked examples from different jobs sit
under "Worked examples". Every worked example covers all five steps and is shown on a step page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from macros.content import Step, load_content
from macros.proof.pagetext import main_text
from macros.proof.rules import STEP_BLOCKS
from tests.support import ROOT

MANAGER_BLOCKS = [
    "thank-them",
    "contain-first",
    "no-blame",
    "whole-picture",
    "formal-process",
    "follow-up",
    "your-own-mistakes",
]
TEMPLATES = [
    "telling-my-manager",
    "plan-to-put-it-right",
    "after-action-reflection",
    "my-wins",
]
WORDS_PER_MINUTE = 200
CONTENT = load_content(ROOT / "data", ROOT / "docs")


def built(site: Path, src_uri: str) -> Path:
    """The built file of a Markdown page under use_directory_urls."""
    stem = src_uri.removesuffix(".md")
    return site / ("index.html" if stem == "index" else f"{stem.removesuffix('/index')}/index.html")


def article(site: Path, src_uri: str) -> Tag:
    path = built(site, src_uri)
    assert path.is_file(), f"{src_uri} was not built"
    found = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").select_one(
        "article.md-content__inner"
    )
    assert found is not None, f"{src_uri} has no main article"
    return found


def sections(page: Tag) -> dict[str, list[Tag]]:
    """The article's top-level elements grouped under the id of the h2 they follow."""
    grouped: dict[str, list[Tag]] = {}
    current: list[Tag] | None = None
    for element in page.find_all(recursive=False):
        if element.name == "h2":
            current = grouped.setdefault(element.get("id", ""), [])
        elif current is not None:
            current.append(element)
    return grouped


def within(elements: list[Tag], selector: str) -> list[Tag]:
    """Elements matching `selector` among `elements` and their descendants."""
    found: list[Tag] = []
    for element in elements:
        if element.css.match(selector):
            found.append(element)
        found.extend(element.select(selector))
    return found


@pytest.mark.parametrize("step", CONTENT.steps, ids=lambda step: step.id)
def test_step_page_has_every_block_in_order(built_site: Path, step: Step) -> None:
    page = article(built_site, step.page)
    h2_ids = [h2.get("id") for h2 in page.find_all("h2", recursive=False)]
    assert h2_ids == list(STEP_BLOCKS), f"{step.page}: blocks {h2_ids}, expected {STEP_BLOCKS}"
    nested = [h2.get("id") for h2 in page.find_all("h2") if h2.parent is not page]
    assert not nested, f"{step.page}: h2 headings inside a block: {nested}"


@pytest.mark.parametrize("step", CONTENT.steps, ids=lambda step: step.id)
def test_step_page_title_progress_and_pager(built_site: Path, step: Step) -> None:
    page = article(built_site, step.page)
    h1 = page.find("h1", recursive=False)
    assert h1 is not None and h1.get("id") == step.id, f"{step.page}: the h1 needs the id {step.id}"
    assert h1.get_text(strip=True).startswith(f"Step {step.number}: {step.title}")
    after_h1 = h1.find_next_sibling()
    assert after_h1 is not None and "guide-step-progress" in after_h1.get("class", [])
    # The pager ends the page's own blocks; only the review line (owner, dates) comes after it.
    key_points = [e for e in sections(page)["key-points"] if e.name != "aside"]
    assert key_points[-1].name == "nav" and "guide-pager" in key_points[-1]["class"]
    assert len(page.select("nav.guide-pager")) == 1


@pytest.mark.parametrize("step", CONTENT.steps, ids=lambda step: step.id)
def test_step_checklist_sits_under_what_to_do(built_site: Path, step: Step) -> None:
    page = article(built_site, step.page)
    under = within(sections(page)["what-to-do"], "section.guide-checklist")
    expected = [checklist.id for checklist in CONTENT.checklists_for_step(step.id)]
    assert [section["data-checklist"] for section in under] == expected
    assert len(page.select("section.guide-checklist")) == len(expected), "checklists elsewhere"


@pytest.mark.parametrize("step", CONTENT.steps, ids=lambda step: step.id)
def test_step_page_has_two_examples_from_different_jobs(built_site: Path, step: Step) -> None:
    page = article(built_site, step.page)
    shown = [d["data-example"] for d in within(sections(page)["examples"], "details.guide-example")]
    assert len(page.select("details.guide-example")) == len(shown), "examples outside the block"
    jobs = {CONTENT.examples[example_id].job for example_id in shown}
    assert len(shown) >= 2 and len(jobs) == len(shown), (
        f"{step.page}: needs 2+ worked examples, each from a different job; has {shown}"
    )


def test_every_example_covers_all_five_steps_in_data() -> None:
    assert len(CONTENT.examples) >= 8
    step_ids = [step.id for step in CONTENT.steps]
    for example in CONTENT.examples.values():
        assert list(example.steps) == step_ids, f"{example.source}: steps {list(example.steps)}"
        assert all(text.strip() for text in example.steps.values()), f"{example.source}: empty step"


def test_every_shown_example_walks_through_all_five_steps(built_site: Path) -> None:
    step_ids = [step.id for step in CONTENT.steps]
    seen = 0
    for path in sorted(built_site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for details in soup.select("article details.guide-example"):
            seen += 1
            items = details.select("li.guide-example__step")
            assert [item["data-step"] for item in items] == step_ids, f"{path}: {details['id']}"
            for item in items:
                text = item.select_one(".guide-example__step-text")
                assert text is not None and text.get_text(strip=True), f"{path}: {details['id']}"
    assert seen >= 10 + len(CONTENT.examples)


def test_every_example_is_shown_on_a_step_page_and_in_the_index(built_site: Path) -> None:
    on_steps = {
        details["data-example"]
        for step in CONTENT.steps
        for details in article(built_site, step.page).select("details.guide-example")
    }
    in_index = {
        details["data-example"]
        for details in article(built_site, "examples/index.md").select("details.guide-example")
    }
    assert set(CONTENT.examples) - on_steps == set(), "examples on no step page"
    assert set(CONTENT.examples) - in_index == set(), "examples missing from the examples index"


# The safety nets a reader who sees only the first-hour page (or its card) must meet, in order.
TRIAGE = ["anyone-hurt", "report-first", "keep-records", "tell-your-manager", "another-route"]
URGENT_STEPS = ["step-1", "step-2"]


def test_first_hour_page_opens_with_the_triage_in_order(built_site: Path) -> None:
    page = article(built_site, "right-now.md")
    triage = page.select_one("[data-triage-list]")
    assert triage is not None, "the first-hour page opens with {{ first_hour() }}"
    lines = [li["data-triage"] for li in triage.select(".guide-triage__line")]
    assert lines == TRIAGE
    assert triage.select_one("[data-triage=support]") is not None
    order = list(page.descendants)
    checklists = page.select("section.guide-checklist")
    assert checklists and all(order.index(triage) < order.index(c) for c in checklists)


def test_first_hour_page_holds_only_the_urgent_checklists_then_links_the_rest(
    built_site: Path,
) -> None:
    page = article(built_site, "right-now.md")
    shown = [section["data-checklist"] for section in page.select("section.guide-checklist")]
    urgent = [c.id for step in URGENT_STEPS for c in CONTENT.checklists_for_step(step)]
    assert shown == urgent
    assert not page.select("details, table, blockquote"), "the first hour stays short"
    later = {a["href"] for a in page.select("#later ~ ul a")}
    for step in CONTENT.steps[2:]:
        assert "../" + step.page.removesuffix(".md") + "/" in later, step.id


def test_home_page_leads_to_right_now_steps_and_managers(built_site: Path) -> None:
    page = article(built_site, "index.md")
    start = page.select_one("a.md-button--primary")
    assert start is not None and start["href"] == "right-now/"
    assert start.get_text(strip=True)  # its words are the editor's to choose
    assert page.select_one("nav.guide-steps") is not None
    assert page.select_one('a[href="managers/"]') is not None


def stated_minutes(text: str, what: str) -> int:
    match = re.search(rf"{what} takes about (\d+) minutes?", text)
    assert match, f"the home page should say '{what} takes about N minutes'"
    return int(match.group(1))


def reading_minutes(site: Path, src_uri: str) -> float:
    return len(main_text(article(site, src_uri)).split()) / WORDS_PER_MINUTE


def test_home_page_reading_times_match_the_pages(built_site: Path) -> None:
    home = article(built_site, "index.md").select_one(".guide-reading-time")
    assert home is not None, "the home page states reading times in a .guide-reading-time line"
    text = home.get_text(" ")
    right_now = reading_minutes(built_site, "right-now.md")
    step_pages = [reading_minutes(built_site, step.page) for step in CONTENT.steps]
    for stated, measured in (
        (stated_minutes(text, "Your first hour"), right_now),
        (stated_minutes(text, "Each step page"), sum(step_pages) / len(step_pages)),
    ):
        assert abs(stated - measured) <= max(1.0, 0.25 * measured), (
            f"the home page says {stated} minutes; the text takes about {measured:.1f} "
            f"at {WORDS_PER_MINUTE} words a minute. Update docs/index.md."
        )


def test_managers_page_covers_each_part_of_a_good_response(built_site: Path) -> None:
    page = article(built_site, "managers.md")
    h2_ids = [h2.get("id") for h2 in page.find_all("h2", recursive=False)]
    assert h2_ids == MANAGER_BLOCKS


@pytest.mark.parametrize("name", TEMPLATES)
def test_template_prompts_sit_in_a_form_list(built_site: Path, name: str) -> None:
    page = article(built_site, f"templates/{name}.md")
    assert page.find("h1", recursive=False)["id"] == name
    prompts = page.select(".guide-form > ul > li")
    assert len(prompts) >= 5, f"templates/{name}.md: put 5+ prompts in a guide-form list"
    index_links = {a["href"] for a in article(built_site, "templates/index.md").select("a")}
    assert f"{name}/" in index_links


def test_about_page_names_owner_review_date_and_privacy(built_site: Path) -> None:
    text = main_text(article(built_site, "about.md"))
    settings = CONTENT.settings
    assert settings.owner in text and settings.last_reviewed in text
    privacy = article(built_site, "about.md").select_one("h2#privacy")
    assert privacy, "the About page keeps its 'privacy' section (heading id #privacy)"
    said = privacy.find_next_sibling("p")
    assert said and said.get_text(strip=True), "the privacy section says what is kept where"
    assert "suggest" in text.lower()


def test_sections_find_components_only_under_their_own_heading() -> None:
    html = (
        "<article><h1 id='step-9'>T</h1><h2 id='what-to-do'>Do</h2><div><section "
        "class='guide-checklist' data-checklist='a'></section></div><h2 id='examples'>E</h2>"
        "<details class='guide-example' data-example='x'></details><p>after</p></article>"
    )
    page = BeautifulSoup(html, "lxml").select_one("article")
    grouped = sections(page)
    assert list(grouped) == ["what-to-do", "examples"]
    assert [s["data-checklist"] for s in within(grouped["what-to-do"], "section.guide-checklist")]
    assert within(grouped["what-to-do"], "details.guide-example") == []
    assert len(within(grouped["examples"], "details.guide-example")) == 1
