"""Correct edits an HR editor makes keep `make check` green; each mistake gets one line to act on.

Every edit is made in a copy of the project, found by id and field (tests/editing.py), so these
tests hold for any correct content, not only today's wording.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros import assets
from macros.content import load_content
from tests import editing
from tests.support import ROOT, FixtureSite, make, make_project_copy

NEW_EXAMPLE = ROOT / "tests" / "fixtures" / "editor" / "new-example.yml"
ORGANIZATION = "Zephyrine Logistics"  # not a dictionary word: the spell check must accept it
CONTENT = load_content(ROOT / "data", ROOT / "docs")


def legitimate_edits(site: FixtureSite) -> None:
    """Brand it, reword a heading and a checklist, add an item and an example, name the employer."""
    editing.set_setting(site, "organization", ORGANIZATION)
    editing.set_setting(site, "primary", '"#8a1538"', block="colors")
    editing.set_setting(site, "accent", '"#1d4f91"', block="colors")
    first = CONTENT.steps[0]
    editing.reword_heading(site, first.page, "what-to-avoid", "Traps to steer clear of")
    checklist = CONTENT.checklists_for_step(first.id)[0]
    editing.checklist_field(site, checklist.id, "title", "Stop it growing")
    editing.item_text(site, checklist.items[0].id, "Get help at once if anyone is hurt.")
    editing.add_item(site, checklist.items[-1].id, "ask-who-else", "Ask who else needs to know.")
    site.write("data/examples/cold-room-door.yml", NEW_EXAMPLE.read_text(encoding="utf-8"))
    editing.show_example(site, first.page, "cold-room-door")
    words = site.data / "words.txt"  # the example's person: a name, added at the end, unsorted
    words.write_text(words.read_text(encoding="utf-8") + "Tomasz\n", encoding="utf-8")
    editing.add_paragraph(site, "about.md", f"At {ORGANIZATION}, we want you to speak up.")


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> FixtureSite:
    site = make_project_copy(tmp_path_factory.mktemp("editor"))
    legitimate_edits(site)
    return site


def test_legitimate_edits_pass_make_check(edited: FixtureSite) -> None:
    result = make(edited.root, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All good" in result.stdout
    built = edited.root / "site"
    css = built / assets.published_files(built, assets.CSS_BUNDLE)[0]
    assert "--md-primary-fg-color:#8a1538" in css.read_text("utf-8")
    assert "Traps to steer clear of" in (built / CONTENT.steps[0].page.removesuffix(".md") / "index.html").read_text("utf-8")
    assert "cold-room-door" in (built / "links.json").read_text("utf-8")


def test_make_check_names_each_problem_file_line_and_fix(tmp_path: Path) -> None:
    site = make_project_copy(tmp_path)
    first = CONTENT.steps[0]
    editing.add_paragraph(site, "about.md", "You will recieve help straight away.")
    words = (ROOT / "tests/fixtures/source/handling-mistakes-at-work.md").read_text("utf-8")
    longest = max(words.splitlines(), key=len)  # any ten words in a row of the source
    copied = " ".join(re.findall(r"[A-Za-z'\u2019]+", longest)[:10])
    editing.add_paragraph(site, "index.md", f"{copied}.")
    editing.set_line(site, f"docs/{first.page}", r"^## .*\{#what-to-avoid\}", "## What to avoid")
    words_file = site.data / "words.txt"
    words_file.write_text(words_file.read_text("utf-8") + "Northwind Ltd\n", "utf-8")
    bad_word_line = len(words_file.read_text("utf-8").splitlines())
    result = make(site.root, "check")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    lines = [row for row in output.splitlines() if row.startswith("Error: ")]
    assert any(
        row.startswith("Error: docs/about.md:") and "'recieve' is not in the dictionary" in row
        and "data/words.txt" in row for row in lines
    ), output
    assert any("'straight away' is UK English" in row and "right away" in row for row in lines)
    assert any(row.startswith("Error: docs/index.md:") and "copied word for word" in row for row in lines)
    assert any(
        row.startswith(f"Error: docs/{first.page}") and "'what-to-avoid'" in row
        and "{#what-to-avoid}" in row for row in lines
    ), output
    assert any(row.startswith(f"Error: data/words.txt:{bad_word_line}") and "not one word" in row for row in lines)
    assert any(f"'{first.id}/what-to-avoid'" in row and "retired:" in row for row in lines), output
    assert len(lines) == 6, output
    assert "Traceback" not in output
