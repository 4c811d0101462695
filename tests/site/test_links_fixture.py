"""Edits that must not break a published link: reworded headings, moved pages, removed ids."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.linkcontract import broken_promises, read_catalogue, read_lock
from tests.links_support import REMOVED_ITEM, built_edited_guide
from tests.support import ROOT


@pytest.fixture(scope="session")
def edited(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_edited_guide(tmp_path_factory)[1]


def test_a_renamed_heading_keeps_its_id_and_catalogue_entry(edited: Path) -> None:
    page = BeautifulSoup((edited / "steps/own-it/index.html").read_text("utf-8"), "lxml")
    heading = page.find("h2", id="what-to-avoid")
    assert heading is not None and "Traps to steer clear of" in heading.get_text()
    links = {e["id"]: e for e in json.loads((edited / "links.json").read_text("utf-8"))["links"]}
    entry = links["step-3/what-to-avoid"]
    assert entry["title"] == "Traps to steer clear of"
    assert entry["url"] == "steps/own-it/#what-to-avoid"


def test_a_moved_page_leaves_a_forward_at_its_old_address(edited: Path) -> None:
    old = BeautifulSoup((edited / "managers/index.html").read_text("utf-8"), "lxml")
    assert old.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=../for-managers/"
    assert old.find("link", rel="canonical")["href"] == "../for-managers/"
    assert (edited / "for-managers/index.html").is_file()


def test_the_contract_fails_only_for_the_removed_item(edited: Path) -> None:
    locked = read_lock(ROOT / "tests" / "links.lock.json")
    moved = [p for p in locked if p.url.startswith("managers/")]
    assert moved and all(p.id.startswith("page/for-managers") for p in moved)
    problems = broken_promises(locked, read_catalogue(edited / "links.json"), edited)
    checklist, item = REMOVED_ITEM
    removed = f"{checklist}/{item}"
    assert problems, "removing a locked item must break the contract"
    assert all(problem.record == removed for problem in problems), problems
    assert any("is gone" in problem.message for problem in problems)
    assert any(f"#item-{checklist}--{item}" in problem.message for problem in problems)
