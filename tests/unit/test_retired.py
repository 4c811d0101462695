"""macros.retired: what keeps a retired page, section, checklist or example resolving."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.catalogue import Link
from macros.errors import ContentError
from macros.linkcontract import Promise
from macros.retired import Anchor, plan
from tools.links_lock import write_lock

LIVE = [
    Link("page/home", "page", "Home", ""),
    Link("page/about", "page", "About", "about/"),
    Link("page/about/owner", "section", "Who looks after it", "about/#owner"),
    Link("step-3", "step", "Step 3: Own it", "steps/own-it/", "go/step-3/", "step-3"),
    Link("own-it", "checklist", "Own it", "steps/own-it/#checklist-own-it", "go/own-it/", "step-3"),
    Link("card/own-it", "card", "Card", "print/own-it/", None, "step-3"),
    Link("card/all", "card", "All cards", "print/"),
    Link("pdf/own-it-a4", "pdf", "PDF", "print/pdf/own-it-a4.pdf"),
    Link("pdf/all-cards-a4", "pdf", "PDF", "print/pdf/all-cards-a4.pdf"),
]
LOCK = [
    Promise("page/contact", "contact/"),
    Promise("page/about/privacy", "about/#privacy"),
    Promise("own-it-old", "steps/own-it/#checklist-own-it-old", "go/own-it-old/"),
    Promise("card/own-it-old", "print/own-it-old/"),
    Promise("pdf/own-it-old-a4", "print/pdf/own-it-old-a4.pdf"),
]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "tests").mkdir()
    write_lock(tmp_path / "tests" / "links.lock.json", LOCK)
    return tmp_path


def test_a_gone_page_forwards_and_a_gone_section_becomes_an_anchor(root: Path) -> None:
    retirements = {"page/contact": ("page/about/owner", 3), "page/about/privacy": ("page/about", 4)}
    result = plan(retirements, LIVE, LIVE, root)
    assert result.forwards == [("contact/", "about/#owner")]
    assert result.anchors == [Anchor("about/", "privacy", "")]
    assert [(r.id, r.url, r.target.id) for r in result.retired] == [
        ("page/contact", "contact/", "page/about/owner"),
        ("page/about/privacy", "about/#privacy", "page/about"),
    ]


def test_a_retired_checklist_takes_its_short_link_card_and_pdfs_along(root: Path) -> None:
    result = plan({"own-it-old": ("own-it", 3)}, LIVE, LIVE, root)
    assert result.anchors == [Anchor("steps/own-it/", "checklist-own-it-old", "checklist-own-it")]
    assert ("go/own-it-old/", "steps/own-it/#checklist-own-it") in result.forwards
    assert ("print/own-it-old/", "print/own-it/") in result.forwards
    assert result.copies == [("print/pdf/own-it-old-a4.pdf", "print/pdf/own-it-a4.pdf")]
    assert {r.id for r in result.retired} == {"own-it-old", "card/own-it-old", "pdf/own-it-old-a4"}


def test_offline_addresses_name_files(root: Path) -> None:
    offline = [
        Link(link.id, link.kind, link.title, link.url.replace("own-it/", "own-it.html"))
        for link in LIVE
    ]
    result = plan({"page/contact": ("page/home", 3)}, offline, LIVE, root, directory_urls=False)
    assert result.forwards == [("contact.html", "")]


@pytest.mark.parametrize(
    ("retirements", "says"),
    [
        ({"page/contct": ("page/about", 7)}, "'page/contct' was never published"),
        ({"page/about/privacy": ("step-3", 7)}, "can only lead to something on that page"),
        ({"page/contact": ("card/all", 7)}, "'card/all' is not a page, section"),
        ({"page/contact": ("page/abot", 7)}, "did you mean 'page/about'"),
        ({"page/about": ("page/home", 7)}, "'page/about' is still in the guide"),
    ],
)
def test_a_wrong_line_is_refused_at_its_line(root: Path, retirements, says: str) -> None:
    with pytest.raises(ContentError) as raised:
        plan(retirements, LIVE, LIVE, root)
    assert raised.value.line == 7 and raised.value.file == "data/redirects.yml"
    assert says in str(raised.value)
    assert "did you mean 'page/contact'" in str(raised.value) or "contct" not in str(raised.value)
