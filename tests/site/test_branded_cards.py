"""A fully branded guide: every contact set, a long organization name and a public address.

Cards must still print on one sheet each, list every contact, and carry the full address with its
QR code, so a trainer who fills in data/site.yml never finds a card spilling onto a second page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from macros import assets
from macros.content import CONTACTS
from tests.support import make_fixture_site

PUBLIC = "https://intranet.northwind-trading.example/people/guides/handling-mistakes/"
CONTACT = {
    "name": "the Northwind Employee Assistance Program",
    "how": "[eap.northwind.example](https://eap.northwind.example), any time, day or night",
}


def card_pages(site: Path) -> list[Path]:
    """One page per card: the first-hour card and each checklist's (not the two-per-sheet set)."""
    return sorted(p for p in (site / "print").glob("*/index.html") if p.parent.name != "two-up")


@pytest.fixture(scope="module")
def branded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = make_fixture_site(tmp_path_factory.mktemp("branded"))
    settings_path = site.data / "site.yml"
    settings = yaml.safe_load(settings_path.read_text(encoding="utf-8"))
    settings["organization"] = "Northwind Trading Company of the Pacific Northwest"
    settings["hr_contact"] = {"name": "the People Team", "how": "ext. 4100 or people@northwind"}
    settings.update({key: dict(CONTACT) for key in CONTACTS})
    settings["incident_procedure_url"] = "https://intranet.northwind.example/incidents"
    settings_path.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    config = (site.root / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"public_url: .*", f"public_url: {PUBLIC}", config)
    (site.root / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = site.build()
    assert result.returncode == 0, result.stderr[-3000:]
    return site.root / "site"


def test_every_branded_pdf_prints_one_sheet_per_card(branded: Path) -> None:
    pdfs = sorted((branded / "print/pdf").glob("*.pdf"))
    assert pdfs
    cards = len(card_pages(branded))  # first-hour and each checklist
    for pdf in pdfs:
        pages = len(PdfReader(pdf).pages)
        expected = cards if pdf.name.startswith("all-cards") else 1
        assert pages == expected, f"{pdf.name} prints {pages} pages"


def test_branded_cards_list_every_contact_and_the_full_address(branded: Path) -> None:
    for page in card_pages(branded):
        card = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml").select_one("article")
        labels = [dt.get_text() for dt in card.select(".guide-card__contact dt")]
        assert labels == ["HR", *(label for label, _ in CONTACTS.values())], page
        address = card.select_one(".guide-card__address a").get_text()
        assert address.startswith(PUBLIC), page
        assert card.select_one(".guide-card__qr svg") is not None, page


def test_with_a_public_address_previews_carry_an_image_and_absolute_addresses(
    branded: Path,
) -> None:
    from PIL import Image

    image = branded / "assets/images/guide-preview.png"
    with Image.open(image) as picture:
        assert (picture.format, picture.size) == ("PNG", (1200, 630))
    for path, address, canonical in (
        ("steps/own-it/index.html", "steps/own-it/", "steps/own-it/"),
        ("go/own-it/index.html", "go/own-it/", "steps/own-it/#checklist-own-it"),
    ):
        head = BeautifulSoup((branded / path).read_text(encoding="utf-8"), "lxml").head
        tags = {
            t.get("property") or t.get("name"): t["content"] for t in head.select("meta[content]")
        }
        assert tags["og:url"] == PUBLIC + address, path
        assert tags["og:image"] == PUBLIC + "assets/images/guide-preview.png", path
        assert tags["twitter:card"] == "summary_large_image", path
        assert [link["href"] for link in head.select("link[rel=canonical]")] == [PUBLIC + canonical]


def test_with_a_public_address_the_404_page_names_its_files_under_that_path(branded: Path) -> None:
    """Shown at any depth under /people/guides/handling-mistakes/, it still finds its files."""
    html = (branded / "404.html").read_text(encoding="utf-8")
    path = "/people/guides/handling-mistakes/"
    css = assets.published_files(branded, assets.CSS_BUNDLE)[0]
    assert f'href="{path}{css}"' in html
    assert 'href="/assets/' not in html and 'src="/assets/' not in html


def test_with_a_public_address_the_link_page_builds_qr_codes_that_scan(branded: Path) -> None:
    from tests.qr_support import decode_png

    page = BeautifulSoup((branded / "linking/index.html").read_text(encoding="utf-8"), "lxml")
    boxes = page.select("details.guide-qr")
    assert boxes
    for box in boxes:
        address = PUBLIC + box["data-qr-path"]
        assert box.select_one(".guide-qr__code svg") is not None, address
        assert not box.select("[data-qr-note]"), address
        png = box.select_one("a[download$='.png']")["href"]
        assert decode_png((branded / "linking" / png).read_bytes()) == [address]
        svg = box.select_one("a[download$='.svg']")["href"]
        assert (branded / "linking" / svg).read_text(encoding="utf-8").startswith("<?xml")


def test_with_a_public_address_links_json_names_its_base(branded: Path) -> None:
    import json

    catalogue = json.loads((branded / "links.json").read_text(encoding="utf-8"))
    assert catalogue["base"] == PUBLIC
