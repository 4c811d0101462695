"""The trainers' page: in the navigation, a handout per worked example, every printable linked."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from macros.addresses import example_anchor
from macros.content import load_content
from tests.support import ROOT

CONTENT = load_content(ROOT / "data", ROOT / "docs")


def page(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / "trainers/index.html").read_text(encoding="utf-8"), "lxml")


def test_the_trainers_page_is_in_the_navigation(built_site: Path) -> None:
    home = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "lxml")
    assert "trainers/" in {a["href"] for a in home.select(".md-nav a[href]")}


def test_every_worked_example_has_a_handout_that_reveals_its_story(built_site: Path) -> None:
    handouts = page(built_site).select("article.guide-handout")
    assert {h["data-handout"] for h in handouts} == set(CONTENT.examples)
    for handout in handouts:
        reveal = handout.select_one(".guide-handout__reveal a")["href"]
        assert reveal == f"../examples/#{example_anchor(handout['data-handout'])}"
        # A handout asks; it does not tell what the person did or how it ended.
        example = CONTENT.examples[handout["data-handout"]]
        assert example.lesson not in handout.get_text()


def test_every_printable_thing_is_linked_from_the_trainers_page(built_site: Path) -> None:
    links = {a["href"] for a in page(built_site).select("article a[href]")}
    printable = {"../print/first-hour/", "../print/", "../templates/"}
    printable |= {f"../templates/{name}/" for name in ("telling-my-manager", "my-wins")}
    printable |= {"../templates/plan-to-put-it-right/", "../templates/after-action-reflection/"}
    assert printable <= links, printable - links
