"""Page addresses in both URL styles: the site (directory URLs) and the offline copy (file URLs).

Every address the macros write must be the one the site generator gives the page, or the link
check (and a reader opening the offline copy from file://) finds nothing there; tests/seams/
holds page_url to MkDocs's own answer.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.addresses import folder_url, page_url, relative_url
from macros.catalogue import build_catalogue
from macros.components.card import card
from macros.components.checklist import checklist
from macros.components.step_nav import step_pager, step_progress
from macros.components.steps_overview import steps_overview
from macros.content import load_content
from macros.pageref import PageRef
from macros.printing.options import PrintOptions
from macros.render import _inline_markdown
from macros.shortlinks import load_redirects, short_links
from tests.support import ROOT

CONTENT = load_content(ROOT / "data", ROOT / "docs")


@pytest.mark.parametrize(
    ("src_uri", "directory", "file"),
    [
        ("index.md", "", "index.html"),
        ("a/index.md", "a/", "a/index.html"),
        ("a/b.md", "a/b/", "a/b.html"),
    ],
)
def test_page_url_in_both_modes(src_uri: str, directory: str, file: str) -> None:
    assert page_url(src_uri) == directory
    assert page_url(src_uri, directory_urls=True) == directory
    assert page_url(src_uri, directory_urls=False) == file


def test_a_generated_folder_is_named_by_its_index_file_without_directory_urls() -> None:
    assert folder_url("go/step-1/") == "go/step-1/"
    assert folder_url("go/step-1/", directory_urls=False) == "go/step-1/index.html"


@pytest.mark.parametrize(
    ("from_url", "to_url", "expected"),
    [
        ("steps/own-it.html", "index.html", "../index.html"),
        ("steps/own-it.html", "steps/own-it.html#x", "own-it.html#x"),
        ("steps/own-it.html", "steps/move-forward.html", "move-forward.html"),
        ("steps/own-it.html", "go/step-1/index.html", "../go/step-1/index.html"),
        ("index.html", "steps/own-it.html#checklist-own-it", "steps/own-it.html#checklist-own-it"),
        ("index.html", "index.html", "index.html"),
        ("go/step-3/index.html", "steps/own-it.html", "../../steps/own-it.html"),
        ("print/own-it.html", "print/pdf/own-it-a4.pdf", "pdf/own-it-a4.pdf"),
        # directory URLs, unchanged
        ("steps/own-it/", "", "../../"),
        ("steps/own-it/", "steps/own-it/#x", "./#x"),
        ("", "steps/own-it/", "steps/own-it/"),
        ("go/step-3/", "steps/own-it/", "../../steps/own-it/"),
    ],
)
def test_relative_url_from_either_style_of_page(from_url: str, to_url: str, expected: str) -> None:
    assert relative_url(from_url, to_url) == expected


@pytest.mark.parametrize(
    ("directory_urls", "home", "next_step", "anchor"),
    [
        (True, "../../", "../move-forward/", "../own-it/#checklist-own-it"),
        (False, "../index.html", "move-forward.html", "own-it.html#checklist-own-it"),
    ],
)
def test_page_ref_links_to_pages_in_the_build_style(
    directory_urls: bool, home: str, next_step: str, anchor: str
) -> None:
    page = PageRef("steps/learn-from-it.md", directory_urls)
    assert page.link_to_page("index.md") == home
    assert page.link_to_page("steps/move-forward.md") == next_step
    assert page.link_to_page("steps/own-it.md", "checklist-own-it") == anchor


def test_inline_markdown_page_links_follow_the_build_style() -> None:
    text = "See [the overview](index.md) and [owning it](steps/own-it.md#what-to-say)."
    hrefs = {
        mode: [a["href"] for a in BeautifulSoup(_inline_markdown(text, page), "lxml").find_all("a")]
        for mode, page in {
            "dir": PageRef("print/own-it.md"),
            "file": PageRef("print/own-it.md", directory_urls=False),
        }.items()
    }
    assert hrefs["dir"] == ["../../", "../../steps/own-it/#what-to-say"]
    assert hrefs["file"] == ["../index.html", "../steps/own-it.html#what-to-say"]


def _hrefs(html: str) -> list[str]:
    return [a["href"] for a in BeautifulSoup(html, "lxml").find_all("a", href=True)]


def test_components_on_a_file_style_page_link_to_files_only() -> None:
    """Every internal link a component writes offline names a file, never a folder."""
    step_page = PageRef("steps/own-it.md", directory_urls=False)
    card_page = PageRef("print/own-it.md", directory_urls=False)
    html = "".join(
        [
            steps_overview(CONTENT, PageRef("index.md", directory_urls=False)),
            step_progress(CONTENT, step_page),
            step_pager(CONTENT, step_page),
            checklist(CONTENT, step_page, "own-it"),
        ]
    )
    hrefs = [h for h in _hrefs(html) if not h.startswith(("#", "http"))]
    assert "steps/own-it.html" in hrefs
    assert "../index.html" in hrefs and "../print/own-it.html" in hrefs
    assert {"tell-your-manager.html", "learn-from-it.html"} <= set(hrefs)
    options = PrintOptions("Guide", public_url="", build_date=datetime(2025, 11, 24, tzinfo=UTC))
    card_hrefs = _hrefs(card(CONTENT, card_page, "own-it", options=options))
    assert "../steps/own-it.html" in card_hrefs
    assert "pdf/own-it-a4.pdf" in card_hrefs
    for href in hrefs + card_hrefs:
        if not href.startswith(("#", "http")):
            assert href.partition("#")[0].endswith((".html", ".pdf")), href


def test_short_links_offline_are_index_files_that_forward_to_files() -> None:
    offline = build_catalogue(CONTENT, ROOT / "docs", directory_urls=False)
    forwards = {f.path: f for f in short_links(offline) if f.path.count("/") == 2}
    step = forwards["go/step-3/index.html"]
    assert step.file == "go/step-3/index.html"
    assert step.target == "steps/own-it.html"
    assert forwards["go/own-it/index.html"].target == "steps/own-it.html#checklist-own-it"
    assert (
        forwards["go/duplicate-payment/index.html"].target
        == "examples/index.html#example-duplicate-payment"
    )
    assert all(f.path.endswith("/index.html") for f in forwards.values())
    online = {f.path: f for f in short_links(build_catalogue(CONTENT, ROOT / "docs"))}
    assert online["go/step-3/"].file == "go/step-3/index.html"


def test_a_moved_page_forwards_from_its_old_file_offline(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "redirects.yml").write_text(
        "redirects:\n  steps/old-name.md: steps/own-it.md#what-to-say\n", encoding="utf-8"
    )
    [offline] = load_redirects(data, ROOT / "docs", directory_urls=False)
    assert (offline.path, offline.file) == ("steps/old-name.html", "steps/old-name.html")
    assert offline.target == "steps/own-it.html#what-to-say"
    [online] = load_redirects(data, ROOT / "docs")
    assert (online.path, online.file) == ("steps/old-name/", "steps/old-name/index.html")
    assert online.target == "steps/own-it/#what-to-say"


def test_the_offline_catalogue_keeps_the_ids_and_names_files() -> None:
    online = build_catalogue(CONTENT, ROOT / "docs")
    offline = build_catalogue(CONTENT, ROOT / "docs", directory_urls=False)
    assert [link.id for link in offline] == [link.id for link in online]
    by_id = {link.id: link for link in offline}
    assert by_id["step-3"].url == "steps/own-it.html"
    assert by_id["step-3"].short == "go/step-3/index.html"
    assert by_id["card/own-it"].url == "print/own-it.html"
    assert by_id["card/all"].url == "print/index.html"
    for link in offline:
        path = link.url.partition("#")[0]
        assert path.endswith((".html", ".pdf")), link
        assert link.short is None or link.short.endswith("/index.html"), link
