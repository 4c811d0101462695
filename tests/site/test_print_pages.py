"""Card pages, print links and PDF downloads in the real built site."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from macros.addresses import page_url
from macros.content import load_content
from tests.support import ROOT, make_fixture_site, page_title

CONTENT = load_content(ROOT / "data", ROOT / "docs")
CHECKLISTS = list(CONTENT.checklists.values())
PAPER_POINTS = {"a4": (595, 842), "letter": (612, 792)}
NAV_WORDS = (
    "Skip to content",
    "Search",
    page_title("right-now.md"),
    page_title("about.md"),
    "Back to step",
    "PDF, A4",
)


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "lxml")


def flat(text: str) -> str:
    """Text as read, with ligatures a font draws (ﬁ, ﬀ) read as their letters."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.mark.parametrize("checklist", CHECKLISTS, ids=lambda c: c.id)
def test_every_checklist_has_a_card_page_with_all_its_items(built_site: Path, checklist) -> None:
    page = soup(built_site, f"print/{checklist.id}/index.html")
    card = page.select_one(f'article.guide-card[data-card="{checklist.id}"]')
    assert card is not None
    step = CONTENT.step(checklist.step)
    assert flat(card.select_one(".guide-card__title").get_text()) == checklist.title
    assert f"Step {step.number} of 5: {step.short_title}" in flat(card.get_text())
    assert card.select_one(".guide-card__why").get_text().strip()
    items = card.select(".guide-card__item")
    assert [li["data-item"] for li in items] == [item.id for item in checklist.items]
    for li, item in zip(items, checklist.items, strict=True):
        assert flat(li.select_one(".guide-card__text").get_text()) == item.text
        assert li.select_one(".guide-card__box[aria-hidden=true]") is not None
        assert li.select_one(".guide-card__line") is not None
    # Built without a public address: the card says in words where the guide is, never a path.
    assert "go/" not in card.select_one(".guide-card__footer").get_text()
    assert CONTENT.settings.last_reviewed in card.select_one(".guide-card__date").get_text()
    # The card page drops the site's header, navigation and footer.
    assert page.select(".md-header, .md-sidebar, .md-footer, .md-tabs") == []
    assert len(page.find_all("h1")) == 1


def test_card_pages_stay_out_of_search_and_navigation(built_site: Path) -> None:
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if doc["location"].startswith("print/")]
    home = soup(built_site, "index.html")
    nav_links = [a["href"] for a in home.select(".md-nav a[href]")]
    assert nav_links, "the home page should have a navigation to compare with"
    assert not [href for href in nav_links if "print/" in href]


def test_print_all_holds_every_card_in_order(built_site: Path) -> None:
    page = soup(built_site, "print/index.html")
    cards = page.select(".guide-cards article.guide-card")
    assert [card["data-card"] for card in cards] == ["first-hour", *(c.id for c in CHECKLISTS)]
    assert len(page.find_all("h1")) == 1
    titles = [card.select_one(".guide-card__title") for card in cards]
    assert all(title.name == "h2" for title in titles)


@pytest.mark.parametrize("checklist", CHECKLISTS, ids=lambda c: c.id)
def test_every_checklist_links_to_its_card(built_site: Path, checklist) -> None:
    step_url = page_url(CONTENT.step(checklist.step).page)
    page = soup(built_site, f"{step_url}index.html")
    section = page.select_one(f'section.guide-checklist[data-checklist="{checklist.id}"]')
    link = section.select_one(".guide-checklist__print a")
    assert flat(link.get_text()) == "Print this checklist"
    target = (built_site / step_url / link["href"]).resolve()
    assert target == (built_site / "print" / checklist.id).resolve()


@pytest.mark.parametrize("checklist", CHECKLISTS, ids=lambda c: c.id)
def test_cards_link_their_pdfs(built_site: Path, checklist) -> None:
    card = soup(built_site, f"print/{checklist.id}/index.html").select_one("article.guide-card")
    hrefs = {a["data-paper"]: a["href"] for a in card.select("a.guide-card__pdf")}
    assert hrefs == {paper: f"../pdf/{checklist.id}-{paper}.pdf" for paper in ("a4", "letter")}
    all_cards = soup(built_site, "print/index.html").select(".guide-cards__intro a.guide-card__pdf")
    assert [a["href"] for a in all_cards] == ["pdf/all-cards-a4.pdf", "pdf/all-cards-letter.pdf"]


def expected_pdfs() -> list[tuple[str, list[str], str]]:
    """(file, card ids in page order, paper) for every PDF the build must write."""
    files = []
    for paper in PAPER_POINTS:
        files.append((f"first-hour-{paper}.pdf", ["first-hour"], paper))
        files += [(f"{c.id}-{paper}.pdf", [c.id], paper) for c in CHECKLISTS]
        everything = ["first-hour", *(c.id for c in CHECKLISTS)]
        files.append((f"all-cards-{paper}.pdf", everything, paper))
    return files


def card_lines(card_id: str) -> tuple[str, list[str]]:
    """A card's title and the lines it must print: checklist items, or the triage checks."""
    if card_id == "first-hour":
        lines = [*CONTENT.first_hour.lines, CONTENT.first_hour.support]
        return "Your first hour", [line.check for line in lines]
    checklist = CONTENT.checklists[card_id]
    return checklist.title, [item.text for item in checklist.items]


def test_exactly_the_expected_pdfs_are_built(built_site: Path) -> None:
    built = sorted(path.name for path in (built_site / "print/pdf").iterdir())
    assert built == sorted(name for name, _, _ in expected_pdfs())


@pytest.mark.parametrize(("name", "ids", "paper"), expected_pdfs(), ids=lambda v: str(v))
def test_every_pdf_opens_with_one_page_per_card_and_every_item(
    built_site: Path, name: str, ids: list[str], paper: str
) -> None:
    reader = PdfReader(built_site / "print/pdf" / name)
    assert len(reader.pages) == len(ids)
    for page, card_id in zip(reader.pages, ids, strict=True):
        width, height = (round(float(v)) for v in page.mediabox[2:])
        assert (width, height) == PAPER_POINTS[paper]
        text = flat(page.extract_text())
        title, lines = card_lines(card_id)
        assert title in text
        for line in lines:
            assert flat(line) in text, f"{name}: '{line}' is missing"
        for word in NAV_WORDS:
            assert word not in text
        assert f"Last reviewed {CONTENT.settings.last_reviewed}" in text
        assert "built" not in text


def test_pdfs_carry_the_build_date_in_their_metadata_only(built_site: Path) -> None:
    reader = PdfReader(built_site / "print/pdf/all-cards-a4.pdf")
    assert reader.metadata["/CreationDate"] == reader.metadata["/ModDate"]
    assert re.match(r"D:\d{14}", reader.metadata["/CreationDate"])


def test_every_page_has_a_print_line(built_site: Path) -> None:
    step = soup(built_site, "steps/own-it/index.html").select_one(".guide-print-line")
    # Built without a public address: no path that paper cannot follow, and the review date.
    assert flat(step.get_text()) == (
        f"Handling Mistakes at Work · Last reviewed {CONTENT.settings.last_reviewed}"
    )


def test_an_author_page_at_a_card_address_stops_the_build(tmp_path: Path) -> None:
    site = make_fixture_site(tmp_path)
    site.write("docs/print/own-it.md", "# My own card\n")
    result = site.build()
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "docs/print/own-it.md" in output
    assert "generated from data/checklists.yml" in output
