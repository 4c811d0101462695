"""The link page in real Chromium: a filter that announces its count, QR codes that scan to the
full short address, and cards printed from the browser that carry the address and its QR code."""

from __future__ import annotations

from io import BytesIO

from pypdf import PdfReader

from macros.content import load_content
from tests.qr_support import data_url_bytes, decode_png
from tests.support import ROOT

CONTENT = load_content(ROOT / "data", ROOT / "docs")
COUNT = "document.getElementById('guide-link-filter-count').textContent"


def test_the_filter_keeps_matching_links_opens_their_box_and_announces_the_count(
    page, site_server
) -> None:
    page.goto(site_server.sub_url("linking/"))
    box = page.locator("#guide-link-filter-input")
    assert box.is_visible()
    assert page.get_by_label("Find a link by its words or address").count() == 1
    item = CONTENT.checklists["own-it"].items[0]
    box.fill(item.text.split()[1] + " " + item.text.split()[2])
    count = page.locator("#guide-link-filter-count")
    count.wait_for(state="attached")
    page.wait_for_function(
        "() => /match/.test(document.getElementById('guide-link-filter-count').textContent)"
    )
    shown = page.locator("[data-link-part] [data-link-id]:visible")
    assert shown.count() >= 1
    number = count.inner_text().split()[0]
    assert number == str(page.locator("[data-link-part] [data-link-id]:not([hidden])").count())
    assert page.locator(f"[data-link-id='own-it/{item.id}']").is_visible()
    assert page.locator("#links-step-3").get_attribute("open") is not None
    assert page.locator("[data-link-id='step-1']").is_hidden()
    box.fill("")
    page.wait_for_function(
        "() => document.getElementById('guide-link-filter-count').textContent === ''"
    )
    assert page.locator("#links-step-3").get_attribute("open") is None
    assert page.locator("[data-link-id='step-1']").is_visible()
    box.fill("no such link anywhere")
    page.wait_for_function(
        "() => /No link/.test(document.getElementById('guide-link-filter-count').textContent)"
    )


def test_a_qr_code_made_in_the_browser_scans_to_the_full_short_address(page, site_server) -> None:
    page.goto(site_server.sub_url("linking/"))
    box = page.locator("[data-link-id='step-2'] details.guide-qr")
    box.locator("summary").click()
    code = box.locator(".guide-qr__code svg")
    code.wait_for()
    address = site_server.sub_url("go/step-2/")
    assert code.get_attribute("role") == "img"
    assert decode_png(code.screenshot()) == [address]
    png = box.get_by_role("link", name="PNG")
    assert png.get_attribute("download") == "go-step-2.png"
    assert decode_png(data_url_bytes(png.get_attribute("href"))) == [address]
    svg = box.get_by_role("link", name="SVG")
    assert svg.get_attribute("download") == "go-step-2.svg"
    # The SVG file as its own image, drawn by the browser, scans the same.
    page.set_content(f'<img src="{svg.get_attribute("href")}" width="400" height="400">')
    assert decode_png(page.locator("img").screenshot()) == [address]


def test_a_card_printed_from_the_browser_carries_the_full_address_and_a_qr_code(
    page, site_server
) -> None:
    page.goto(site_server.sub_url("print/own-it/"))
    address = site_server.sub_url(f"go/{CONTENT.checklists['own-it'].step}/")
    footer = page.locator(".guide-card__footer")
    assert footer.locator(".guide-card__address a").inner_text() == address
    assert decode_png(footer.locator(".guide-card__qr svg").screenshot()) == [address]
    page.emulate_media(media="print")
    pdf = PdfReader(BytesIO(page.pdf(format="A4", print_background=False)))
    assert len(pdf.pages) == 1
    assert address in "".join(pdf.pages[0].extract_text().split())
