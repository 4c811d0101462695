"""The card component, its QR code and the print settings, without MkDocs."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest
import segno
from bs4 import BeautifulSoup

from macros.components.card import EXAMPLES, all_cards, card, first_hour_card
from macros.content import Contact, load_content
from macros.errors import ContentError, MacroArgumentError
from macros.pageref import PageRef
from macros.printing.options import PrintOptions, build_date, print_options
from macros.printing.pageline import print_line
from tests.support import ROOT

CONTENT = load_content(ROOT / "data", ROOT / "docs")
DATE = datetime(2026, 11, 25, tzinfo=UTC)
PUBLISHED = PrintOptions("Handling Mistakes at Work", "https://intranet.example/hr/guide/", DATE)
UNPUBLISHED = dataclasses.replace(PUBLISHED, public_url="")
CARD_PAGE = PageRef("print/own-it.md")


def render(options: PrintOptions, checklist_id: str = "own-it", content=CONTENT) -> BeautifulSoup:
    return BeautifulSoup(card(content, CARD_PAGE, checklist_id, options=options), "lxml")


@pytest.mark.parametrize("name", EXAMPLES)
def test_examples_render_one_card(name: str) -> None:
    html = card(CONTENT, CARD_PAGE, **EXAMPLES[name], options=PUBLISHED)
    assert html.count("<article") == 1
    assert "\n" not in html


def test_qr_code_encodes_the_absolute_short_address_of_the_step() -> None:
    page = render(PUBLISHED)
    svg = page.select_one(".guide-card__qr svg")
    address = "https://intranet.example/hr/guide/go/step-3/"
    assert page.select_one(".guide-card__address a").get_text() == address
    expected = BeautifulSoup(segno.make(address, error="m", micro=False).svg_inline(), "lxml")
    assert svg.select_one("path")["d"] == expected.select_one("path")["d"]
    assert svg["role"] == "img"
    assert svg.title.get_text() == f"QR code: {address}"


def test_without_a_public_address_the_card_says_in_words_where_the_guide_is() -> None:
    page = render(UNPUBLISHED)
    assert page.select("svg") == []
    words = " ".join(page.select_one(".guide-card__address").get_text().split())
    assert words == (
        "Read the full guide online: search for “Handling Mistakes at Work” on "
        "your organization's intranet, or ask your HR team."
    )
    assert "go/" not in page.select_one(".guide-card__footer").get_text()
    assert page.select_one(".guide-card__back")["href"] == "../../steps/own-it/"


def test_cards_print_the_review_date_and_never_the_build_date() -> None:
    text = render(PUBLISHED).select_one(".guide-card__date").get_text()
    assert f"Last reviewed {CONTENT.settings.last_reviewed}" in text
    assert "built" not in text


def test_cards_print_only_the_contacts_that_are_set() -> None:
    assert render(PUBLISHED).select(".guide-card__contact") == []
    support = Contact("the Care Line", "ext. 4100", "unused")
    settings = dataclasses.replace(CONTENT.settings, support=support, hr_contact_name="People")
    page = render(PUBLISHED, content=dataclasses.replace(CONTENT, settings=settings))
    shown = [" ".join(c.get_text(" ").split()) for c in page.select(".guide-card__contact")]
    assert shown == ["HR People", "Support the Care Line (ext. 4100)"]


def test_first_hour_card_holds_the_triage_in_order_and_the_support_line() -> None:
    html = first_hour_card(CONTENT, PageRef("print/first-hour.md"), options=PUBLISHED)
    page = BeautifulSoup(html, "lxml")
    shown = [li["data-triage"] for li in page.select(".guide-card__items > li")]
    assert shown == [line.id for line in CONTENT.first_hour.lines]
    assert page.select_one(".guide-card__support")["data-triage"] == "support"
    assert page.select_one(".guide-card__address a").get_text() == (
        "https://intranet.example/hr/guide/right-now/"
    )
    assert len(page.find_all("h1")) == 1


def test_data_is_escaped_in_the_card() -> None:
    checklist = dataclasses.replace(CONTENT.checklists["own-it"], title='<b onclick="x">Own</b>')
    content = dataclasses.replace(CONTENT, checklists={**CONTENT.checklists, "own-it": checklist})
    html = card(content, CARD_PAGE, "own-it", options=PUBLISHED)
    assert "<b onclick" not in html
    assert "&lt;b onclick=&#34;x&#34;&gt;Own&lt;/b&gt;" in html


def test_unknown_checklist_and_bad_heading_level_are_refused() -> None:
    with pytest.raises(MacroArgumentError, match="no checklist with the id 'nope'"):
        card(CONTENT, CARD_PAGE, "nope", options=PUBLISHED)
    with pytest.raises(MacroArgumentError, match="heading_level must be 1 or 2"):
        card(CONTENT, CARD_PAGE, "own-it", heading_level=3, options=PUBLISHED)


def test_all_cards_lists_the_first_hour_card_then_each_checklist_once_under_one_h1() -> None:
    page = BeautifulSoup(all_cards(CONTENT, PageRef("print/index.md"), options=PUBLISHED), "lxml")
    cards = [a["data-card"] for a in page.select("article")]
    assert cards == ["first-hour", *CONTENT.checklists]
    assert len(page.find_all("h1")) == 1
    assert page.select_one("article a.guide-card__pdf")["href"] == "pdf/first-hour-a4.pdf"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("", ""), ("https://intranet.example/hr/guide", "https://intranet.example/hr/guide/")],
)
def test_public_url_is_optional_and_normalized(value: str, expected: str) -> None:
    assert print_options("Guide", {"public_url": value}).public_url == expected


@pytest.mark.parametrize("value", ["intranet.example/guide", "ftp://x.example/", "https://a b/"])
def test_a_public_url_that_is_not_a_web_address_stops_the_build(value: str) -> None:
    with pytest.raises(ContentError) as error:
        print_options("Guide", {"public_url": value})
    assert "mkdocs.yml" in str(error.value)
    assert "extra.public_url" in str(error.value)


def test_build_date_comes_from_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")
    assert build_date() == datetime(2025, 11, 24, 16, 0, tzinfo=UTC)


def test_print_line_uses_the_short_link_of_step_pages() -> None:
    assert print_line("steps/own-it.md", CONTENT, PUBLISHED).address == (
        "https://intranet.example/hr/guide/go/step-3/"
    )
    assert print_line("templates/my-wins.md", CONTENT, PUBLISHED).address == (
        "https://intranet.example/hr/guide/templates/my-wins/"
    )
    # Paper cannot follow a relative path: without a public address none is printed.
    assert print_line("templates/my-wins.md", CONTENT, UNPUBLISHED).address == ""
    assert print_line("index.md", CONTENT, UNPUBLISHED).reviewed == CONTENT.settings.last_reviewed
