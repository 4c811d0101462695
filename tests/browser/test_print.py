"""Printing in real Chromium: every card on one A4 and one Letter sheet, print-all, visible boxes.

PDFs are made with `page.pdf` and background graphics off, as a default browser print dialog does;
text is read back with pypdf and one card is rasterized in grayscale with pdftoppm.
"""

from __future__ import annotations

import itertools
import shutil
import subprocess
import unicodedata
from collections import deque
from io import BytesIO
from pathlib import Path

import markdown
import pytest
from PIL import Image
from playwright.sync_api import expect
from pypdf import PdfReader

from macros.content import load_content
from tests.browser.conftest import guard_requests
from tests.support import ROOT, page_title

CONTENT = load_content(ROOT / "data", ROOT / "docs")
CHECKLISTS = list(CONTENT.checklists.values())
PAPERS = ("A4", "Letter")
NAV_WORDS = (
    "Skip to content",
    "Search",
    page_title("right-now.md"),
    page_title("about.md"),
    "Back to step",
    "PDF,",
)
PDFTOPPM = shutil.which("pdftoppm") or "/usr/bin/pdftoppm"
DPI = 100


def flat(text: str) -> str:
    """Text as read, with ligatures a font draws (ﬁ, ﬀ) read as their letters."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def printed(page: object, paper: str) -> PdfReader:
    """The open page printed by Chromium on `paper` with background graphics off."""
    return PdfReader(BytesIO(page.pdf(format=paper, print_background=False)))


def page_texts(reader: PdfReader) -> list[str]:
    return [flat(p.extract_text()) for p in reader.pages]


def assert_card_text(text: str, checklist: object) -> None:
    assert checklist.title in text
    for item in checklist.items:
        assert flat(item.text) in text, f"'{item.text}' is missing from the printed card"
    for word in NAV_WORDS:
        assert word not in text, f"'{word}' was printed"


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("checklist", CHECKLISTS, ids=lambda c: c.id)
def test_every_card_prints_on_exactly_one_sheet(page, site_server, checklist, paper) -> None:
    page.goto(site_server.sub_url(f"print/{checklist.id}/"))
    texts = page_texts(printed(page, paper))
    assert len(texts) == 1, f"{checklist.id} on {paper} prints {len(texts)} pages"
    assert_card_text(texts[0], checklist)


def assert_first_hour_text(text: str) -> None:
    for line in (*CONTENT.first_hour.lines, CONTENT.first_hour.support):
        assert flat(line.check) in text, f"'{line.check}' is missing from the first-hour card"
    for word in NAV_WORDS:
        assert word not in text, f"'{word}' was printed"


@pytest.mark.parametrize("paper", PAPERS)
def test_the_first_hour_card_prints_on_exactly_one_sheet(page, site_server, paper) -> None:
    page.goto(site_server.sub_url("print/first-hour/"))
    texts = page_texts(printed(page, paper))
    assert len(texts) == 1, f"the first-hour card on {paper} prints {len(texts)} pages"
    assert_first_hour_text(texts[0])


@pytest.mark.parametrize("paper", PAPERS)
def test_print_all_gives_one_sheet_per_card(page, site_server, paper) -> None:
    page.goto(site_server.url("print/"))
    texts = page_texts(printed(page, paper))
    assert len(texts) == 1 + len(CHECKLISTS)
    assert_first_hour_text(texts[0])
    for text, checklist in zip(texts[1:], CHECKLISTS, strict=True):
        assert_card_text(text, checklist)
    assert "Checklist cards" not in texts[0], "the screen heading stays off paper"


def dark_components(image: Image.Image) -> list[tuple[int, int, int, int]]:
    """Bounding boxes (x0, y0, x1, y1) of 8-connected groups of dark pixels."""
    width, height = image.size
    pixels = image.load()
    dark = {(x, y) for y in range(height) for x in range(width) if pixels[x, y] < 128}
    boxes = []
    while dark:
        queue = deque([dark.pop()])
        xs, ys = [], []
        while queue:
            x, y = queue.popleft()
            xs.append(x)
            ys.append(y)
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    neighbour = (x + dx, y + dy)
                    if neighbour in dark:
                        dark.remove(neighbour)
                        queue.append(neighbour)
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    return boxes


def is_empty_square(image: Image.Image, box: tuple[int, int, int, int]) -> bool:
    """A square outline: about 5.5 mm wide, four unbroken dark sides, a light inside."""
    x0, y0, x1, y1 = box
    side = DPI * 5.5 / 25.4
    if not (0.8 * side <= x1 - x0 <= 1.3 * side and abs((x1 - x0) - (y1 - y0)) <= 2):
        return False
    pixels = image.load()

    def dark_band(points: list[list[tuple[int, int]]]) -> bool:
        return sum(min(pixels[p] for p in band) < 128 for band in points) >= 0.9 * len(points)

    xs, ys = range(x0 + 2, x1 - 1), range(y0 + 2, y1 - 1)
    sides = [
        [[(x, y0), (x, y0 + 1)] for x in xs],
        [[(x, y1), (x, y1 - 1)] for x in xs],
        [[(x0, y), (x0 + 1, y)] for y in ys],
        [[(x1, y), (x1 - 1, y)] for y in ys],
    ]
    inside = [pixels[x, y] for x in range(x0 + 4, x1 - 3) for y in range(y0 + 4, y1 - 3)]
    return all(dark_band(points) for points in sides) and min(inside) > 200


def test_printed_boxes_are_visible_outlines_in_grayscale(page, site_server, tmp_path: Path) -> None:
    checklist = CONTENT.checklists["limit-the-damage"]
    page.goto(site_server.url(f"print/{checklist.id}/"))
    pdf = tmp_path / "card.pdf"
    pdf.write_bytes(page.pdf(format="A4", print_background=False))
    subprocess.run(
        [
            PDFTOPPM,
            "-gray",
            "-r",
            str(DPI),
            "-png",
            "-singlefile",
            str(pdf),
            str(tmp_path / "card"),
        ],
        check=True,
    )
    image = Image.open(tmp_path / "card.png").convert("L")
    squares = sorted(
        (b for b in dark_components(image) if is_empty_square(image, b)), key=lambda b: b[1]
    )
    assert len(squares) == len(checklist.items), f"found {len(squares)} empty boxes: {squares}"
    # One box per item, in a column down the left side, one below the other.
    assert max(b[0] for b in squares) - min(b[0] for b in squares) <= 2
    assert all(a[3] < b[1] for a, b in itertools.pairwise(squares))
    assert max(b[2] for b in squares) < image.size[0] / 4


def test_a_ticked_box_prints_ticked_and_the_others_empty(page, site_server) -> None:
    page.goto(site_server.url("steps/limit-the-damage/"))
    section = page.locator('[data-checklist="limit-the-damage"]')
    section.locator("input[type=checkbox]").first.check()
    text = " ".join(page_texts(printed(page, "A4")))
    assert text.count("✓") == 1


def test_step_pages_print_without_chrome_with_examples_open_and_a_print_line(
    page, site_server
) -> None:
    page.goto(site_server.url("steps/limit-the-damage/"))
    example = page.locator("details.guide-example").first
    assert example.get_attribute("open") is None
    lesson = flat(example.locator(".guide-example__lesson").text_content())
    text = " ".join(page_texts(printed(page, "Letter")))
    assert lesson in text, "collapsed worked examples print open"
    assert f"Handling Mistakes at Work · Last reviewed {CONTENT.settings.last_reviewed}" in text
    for word in ("Skip to content", "Print this checklist"):
        assert word not in text


def test_print_js_opens_collapsed_blocks_while_printing_and_restores_them(
    page, site_server
) -> None:
    page.goto(site_server.url("steps/limit-the-damage/"))
    closed = "() => document.querySelectorAll('details:not([open])').length"
    before = page.evaluate(closed)
    assert before > 0
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate(closed) == 0
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate(closed) == before


PRINT_RECORDER = "window.print = () => { window.printCalls = (window.printCalls || 0) + 1; };"


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("templates/telling-my-manager/", "Print this template"),
        ("print/own-it/", "Print this card"),
        ("print/", "Print all cards"),
    ],
)
def test_print_buttons_print_and_stay_off_paper(page, site_server, path: str, name: str) -> None:
    page.add_init_script(PRINT_RECORDER)
    page.goto(site_server.sub_url(path))
    button = page.get_by_role("button", name=name)
    button.click()
    assert page.evaluate("() => window.printCalls") == 1
    button.focus()
    assert button.evaluate("el => el === document.activeElement")
    assert name not in " ".join(page_texts(printed(page, "A4")))


def test_no_print_button_on_ordinary_pages(page, site_server) -> None:
    page.goto(site_server.url("steps/own-it/"))
    assert page.locator(".guide-print-button").count() == 0


def test_templates_print_with_lines_to_write_on(page, site_server) -> None:
    page.goto(site_server.url("templates/telling-my-manager/"))
    prompts = page.locator(".guide-form li")
    assert prompts.count() >= 3
    page.emulate_media(media="print")
    for index in range(prompts.count()):
        line = prompts.nth(index).evaluate(
            "el => [getComputedStyle(el, '::after').borderBottomStyle,"
            " getComputedStyle(el).borderBottomStyle]"
        )
        assert line == ["solid", "solid"]
    text = " ".join(page_texts(printed(page, "A4")))
    first = flat(prompts.first.inner_text())
    assert first in text
    assert "Skip to content" not in text


def test_print_this_checklist_opens_its_card_under_a_sub_path(page, site_server) -> None:
    page.goto(site_server.sub_url("steps/tell-your-manager/"))
    section = page.locator('[data-checklist="tell-your-manager"]')
    with page.expect_navigation():
        section.get_by_role("link", name="Print this checklist").click()
    assert page.url == site_server.sub_url("print/tell-your-manager/")
    expect(page.locator('article.guide-card[data-card="tell-your-manager"]')).to_be_visible()


def test_with_scripts_off_cards_still_print_on_one_sheet(browser, off_host, site_server) -> None:
    context = browser.new_context(java_script_enabled=False)
    guard_requests(context, off_host)
    try:
        page = context.new_page()
        page.goto(site_server.url("print/move-forward/"))
        assert page.locator(".guide-print-button").count() == 0
        texts = page_texts(printed(page, "Letter"))
        assert len(texts) == 1
        assert_card_text(texts[0], CONTENT.checklists["move-forward"])
    finally:
        context.close()


TABS = '=== "By email"\n\n    Send it by email.\n\n=== "By phone"\n\n    Call them first.\n'


def test_tabs_print_every_panel_with_its_label(page, site_server) -> None:
    html = markdown.markdown(
        TABS,
        extensions=["pymdownx.tabbed", "pymdownx.superfences"],
        extension_configs={"pymdownx.tabbed": {"alternate_style": True}},
    )
    assert 'class="tabbed-set' in html
    page.goto(site_server.url("steps/tell-your-manager/"))
    page.evaluate(
        "html => document.querySelector('article').insertAdjacentHTML('beforeend', html)", html
    )
    assert not page.get_by_text("Call them first.").is_visible(), "the second tab starts hidden"
    text = " ".join(page_texts(printed(page, "A4")))
    for words in ("By email", "Send it by email.", "By phone", "Call them first."):
        assert words in text
    assert text.index("By email") < text.index("Send it by email.") < text.index("By phone")


@pytest.mark.parametrize("checklist", CHECKLISTS, ids=lambda c: c.id)
def test_checklists_on_step_pages_print_on_one_sheet(page, site_server, checklist) -> None:
    page.goto(site_server.url(CONTENT.step(checklist.step).page.removesuffix(".md") + "/"))
    pages = page_texts(printed(page, "Letter"))
    items = [flat(item.text) for item in checklist.items]
    assert any(all(item in text for item in items) for text in pages), "the checklist was split"


def test_scenario_handouts_print_one_per_sheet(page, site_server) -> None:
    page.goto(site_server.sub_url("trainers/"))
    texts = page_texts(printed(page, "Letter"))
    starts = [text for text in texts if text.startswith("Scenario: ")]
    assert len(starts) == len(CONTENT.examples), "each handout starts its own sheet"
    for example in CONTENT.examples.values():
        assert sum(flat(f"Scenario: {example.title}") in text for text in texts) == 1


@pytest.mark.parametrize("paper", PAPERS)
def test_the_two_up_layout_prints_two_cards_on_each_sheet(page, site_server, paper) -> None:
    page.goto(site_server.sub_url("print/two-up/"))
    cards = page.locator("article.guide-card").count()
    assert cards == 1 + len(CHECKLISTS)
    texts = page_texts(printed(page, paper))
    assert len(texts) == (cards + 1) // 2
    # Two cards to a sheet: each sheet after the first-hour one holds two checklists' titles.
    assert flat(CHECKLISTS[0].title) in flat(texts[0])
    assert flat(CHECKLISTS[1].title) in flat(texts[1]) and flat(CHECKLISTS[2].title) in flat(
        texts[1]
    )
