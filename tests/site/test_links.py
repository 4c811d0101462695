"""Deep links in the real built site: links.json, go/ pages, the listing page, the contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.addresses import relative_url
from macros.catalogue import KINDS
from macros.content import load_content
from macros.linkcheck import scan_html
from macros.linkcontract import broken_promises, read_catalogue, read_lock, resolve
from tests.support import ROOT

CONTENT = load_content(ROOT / "data", ROOT / "docs")
LOCK = ROOT / "tests" / "links.lock.json"


@pytest.fixture(scope="module")
def links(built_site: Path) -> list[dict]:
    return json.loads((built_site / "links.json").read_text(encoding="utf-8"))["links"]


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "lxml")


def target_exists(site: Path, url: str) -> bool:
    path, _, fragment = url.partition("#")
    file = site / path / "index.html" if path.endswith("/") or not path else site / path
    if not file.is_file():
        return False
    return not fragment or fragment in scan_html(file.read_text(encoding="utf-8")).ids


def test_every_catalogue_entry_resolves_in_the_built_site(built_site: Path, links) -> None:
    assert links, "links.json is empty"
    missing = [entry["url"] for entry in links if not target_exists(built_site, entry["url"])]
    assert missing == []


def test_catalogue_entries_are_unique_and_well_formed(links) -> None:
    ids = [entry["id"] for entry in links]
    assert len(ids) == len(set(ids))
    for entry in links:
        assert set(entry) >= {"id", "kind", "title", "url", "short"}
        assert entry["kind"] in KINDS
        assert entry["title"].strip()
        assert not entry["url"].startswith(("/", "http:", "https:"))


def test_every_kind_is_listed(links) -> None:
    kinds = {entry["kind"] for entry in links}
    assert {"page", "step", "section", "checklist", "item", "example"} <= kinds
    if (ROOT / "macros" / "printing").is_dir():
        assert {"card", "pdf"} <= kinds


def test_every_h2_on_a_step_page_is_in_the_catalogue(built_site: Path, links) -> None:
    sections = {entry["url"] for entry in links if entry["kind"] == "section"}
    for step in CONTENT.steps:
        url = step.page.removesuffix(".md") + "/"
        page = soup(built_site, url + "index.html")
        assert page.h1["id"] == step.id
        for heading in page.select("article h2[id]"):
            assert f"{url}#{heading['id']}" in sections, heading


@pytest.mark.parametrize("kind", ["step", "checklist", "example", "section", "item"])
def test_short_links_lead_to_the_catalogue_url(built_site: Path, links, kind: str) -> None:
    entries = [entry for entry in links if entry["kind"] == kind]
    assert entries
    for entry in entries:
        assert entry["short"] == f"go/{entry['id']}/"
        page = soup(built_site, entry["short"] + "index.html")
        target = relative_url(entry["short"], entry["url"])
        assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={target}"
        assert page.find("link", rel="canonical")["href"] == target
        assert page.find("a", attrs={"data-guide-forward-link": True})["href"] == target
        assert resolve(built_site, entry["short"]) is None


def test_every_section_and_item_short_link_is_locked(built_site: Path, links) -> None:
    locked = {(promise.id, promise.short) for promise in read_lock(LOCK)}
    nested = [entry for entry in links if entry["kind"] in ("section", "item")]
    assert nested
    missing = [e["id"] for e in nested if (e["id"], e["short"]) not in locked]
    assert missing == [], "run make links-lock"


def test_the_listing_page_lists_every_target_in_links_json(built_site: Path, links):
    page = soup(built_site, "linking/index.html")
    rows = {row["data-link-id"]: row for row in page.select("[data-link-id]")}
    # Retired ids keep resolving but are not offered for new links.
    expected = [entry for entry in links if entry["kind"] != "retired"]
    assert sorted(rows) == sorted(entry["id"] for entry in expected)
    for entry in expected:
        address = rows[entry["id"]].select_one("a[data-link-copy]")
        assert address["href"] == relative_url("linking/", entry["short"] or entry["url"])
        assert address["data-link-copy"] == entry["title"]
        assert address.get_text().strip() == (entry["short"] or entry["url"] or "./")


def test_the_listing_page_puts_steps_checklists_examples_and_printables_first(
    built_site: Path, links
) -> None:
    page = soup(built_site, "linking/index.html")
    headings = [h.get("id") for h in page.select("article h2")]  # ids: any wording holds
    first = ["steps", "checklists", "examples", "printables"]
    assert headings[1:5] == first, headings
    # Every heading is in the page's contents list.
    contents = {a["href"].partition("#")[2] for a in page.select("nav.md-nav--secondary a")}
    assert len(contents) >= 7
    assert set(headings) <= contents, set(headings) - contents
    steps = [row["data-link-id"] for row in page.select("[data-link-part=steps] > [data-link-id]")]
    assert steps == [step.id for step in CONTENT.steps]
    # The precise links are folded, one box per step, closed.
    for entry in links:
        if entry["kind"] in ("section", "item"):
            row = page.select_one(f'[data-link-id="{entry["id"]}"]')
            fold = row.find_parent("details")
            assert fold is not None and not fold.has_attr("open"), entry["id"]
    folds = [d["id"] for d in page.select("details.guide-link-fold")]
    assert folds[:5] == [f"links-{step.id}" for step in CONTENT.steps]


def test_every_step_checklist_and_example_has_a_qr_code_box(built_site: Path, links) -> None:
    page = soup(built_site, "linking/index.html")
    for entry in links:
        if entry["kind"] in ("step", "checklist", "example"):
            box = page.select_one(f'[data-link-id="{entry["id"]}"] details.guide-qr')
            assert box is not None and box["data-qr-path"] == entry["short"], entry["id"]
            # Without a public address the build cannot know what to encode: it says how.
            assert "extra.public_url" in box.get_text()


def test_a_retired_item_lands_on_its_successor(built_site: Path, links) -> None:
    retired = [entry for entry in links if entry["kind"] == "retired"]
    assert retired, "the guide retires at least one published item"
    for entry in retired:
        page, _, anchor = entry["url"].partition("#")
        html = soup(built_site, f"{page}index.html")
        former = html.find(id=anchor)
        assert former is not None, f"{entry['id']}: #{anchor} is gone from {page}"
        successor = former.find_parent(["li", "section"])
        assert successor.get("data-item") or successor.get("data-checklist"), entry["id"]
        assert entry["title"].startswith("Now: ")


def test_the_link_contract_holds(built_site: Path) -> None:
    locked = read_lock(LOCK)
    assert locked, "tests/links.lock.json is empty: run make links-lock"
    published = read_catalogue(built_site / "links.json")
    assert broken_promises(locked, published, built_site) == []
