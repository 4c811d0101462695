"""Retiring published links in data: an editor takes out an example, a section or a checklist,
writes one line under `retired:` in data/redirects.yml, and every old address keeps resolving.

The edits are made in a copy of the project and found by id (tests/editing.py), so the tests hold
for any correct content. Without the line, `make check` names the id and both ways forward.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from macros.catalogue import build_catalogue
from macros.content import load_content
from macros.linkcontract import broken_promises, read_catalogue, read_lock, resolve
from tests import editing
from tests.support import ROOT, FixtureSite, make, make_project_copy

NEW_EXAMPLE = ROOT / "tests" / "fixtures" / "editor" / "new-example.yml"
CONTENT = load_content(ROOT / "data", ROOT / "docs")
CATALOGUE = build_catalogue(CONTENT, ROOT / "docs")
LOCKED = {promise.id: promise for promise in read_lock(ROOT / "tests" / "links.lock.json")}


def replaced_example() -> tuple[str, str]:
    """A published example and the step page that shows it."""
    for step in CONTENT.steps:
        text = (ROOT / "docs" / step.page).read_text(encoding="utf-8")
        for example in re.findall(r'worked_example\("([^"]+)"\)', text):
            if example in LOCKED:
                return example, step.page
    raise AssertionError("no published example is shown on a step page")


def retired_section() -> tuple[str, str, str]:
    """(page source, section id, first section id) of a page that is not a step, 2+ sections."""
    for page in (link for link in CATALOGUE if link.kind == "page"):
        sections = [link for link in CATALOGUE if link.id.startswith(f"{page.id}/")]
        if len(sections) >= 2 and sections[-1].id in LOCKED:
            source = next(p for p in (ROOT / "docs").rglob("*.md") if _heading(p, sections[-1]))
            return source.relative_to(ROOT / "docs").as_posix(), sections[-1].id, sections[0].id
    raise AssertionError("no page has two published sections")


def _heading(path: Path, section) -> bool:
    anchor = section.id.rsplit("/", 1)[1]
    return re.search(rf"^## .*\{{#{anchor}\}}", path.read_text("utf-8"), re.MULTILINE) is not None


def retired_item() -> tuple[str, str]:
    """(checklist/item id, the id of another item of that checklist) for a published item."""
    for checklist in CONTENT.checklists.values():
        *others, last = (f"{checklist.id}/{item.id}" for item in checklist.items)
        if others and last in LOCKED and LOCKED[last].short:
            return last, others[0]
    raise AssertionError("no checklist has two items, the last published with a short link")


def take_out(site: FixtureSite) -> tuple[str, str, str]:
    """Replace an example by a new one, drop a section heading and an item; their ids."""
    example, page = replaced_example()
    site.write("data/examples/cold-room-door.yml", NEW_EXAMPLE.read_text(encoding="utf-8"))
    (site.data / "examples" / f"{example}.yml").unlink()
    site.replace(f"docs/{page}", f'worked_example("{example}")', 'worked_example("cold-room-door")')
    words = site.data / "words.txt"
    words.write_text(words.read_text(encoding="utf-8") + "Tomasz\n", encoding="utf-8")
    changes = site.data / "changes.yml"  # the change log may name it: it now names the new one
    changes.write_text(changes.read_text("utf-8").replace(example, "cold-room-door"), "utf-8")
    source, section, _ = retired_section()
    anchor = section.rsplit("/", 1)[1]
    editing.set_line(site, f"docs/{source}", rf"^## .*\{{#{anchor}\}}", "")
    item = retired_item()[0]
    editing.remove_item(site, item.split("/")[1])
    return example, section, item


@pytest.fixture(scope="module")
def retired_site(tmp_path_factory: pytest.TempPathFactory) -> FixtureSite:
    site = make_project_copy(tmp_path_factory.mktemp("retire"))
    example, section, item = take_out(site)
    editing.retire(site, example, "cold-room-door")
    editing.retire(site, section, retired_section()[2])
    editing.retire(site, item, retired_item()[1])
    return site


def test_without_a_retirement_make_check_names_the_id_and_both_ways(tmp_path: Path) -> None:
    site = make_project_copy(tmp_path)
    example, section, item = take_out(site)
    result = make(site.root, "check")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    for old in (example, section, item):
        said = [row for row in output.splitlines() if f"'{old}'" in row and row.startswith("Error")]
        assert said, output
        assert all("put back" in row and f"'  {old}: <where it leads now>'" in row for row in said)
        assert len(said) == 1, said  # the gone id only, not each of its addresses after it
    assert "Traceback" not in output
    built = site.build()  # the build stops too (so does the preview), naming each
    assert built.returncode != 0
    for old in (example, section, item):
        assert f"Error: tests/links.lock.json (record '{old}')" in built.stdout + built.stderr


def test_retired_example_and_section_keep_resolving(retired_site: FixtureSite) -> None:
    result = make(retired_site.root, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    site = retired_site.root / "site"
    catalogue = read_catalogue(site / "links.json")
    assert broken_promises(list(LOCKED.values()), catalogue, site) == []
    example, section, item = replaced_example()[0], retired_section()[1], retired_item()[0]
    entries = {e["id"]: e for e in json.loads((site / "links.json").read_text("utf-8"))["links"]}
    for old in (example, section, item):
        assert entries[old]["kind"] == "retired" and entries[old]["title"].startswith("Now: ")
        assert resolve(site, LOCKED[old].url) is None
    assert resolve(site, LOCKED[example].short) is None
    assert resolve(site, LOCKED[item].short) is None  # go/<checklist>/<item>/ of a retired item
    forward = (site / LOCKED[example].short / "index.html").read_text("utf-8")
    assert "example-cold-room-door" in forward


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("no-such-thing: cold-room-door", "'no-such-thing' was never published"),
        ("EXAMPLE: no-such-example", "'no-such-example' is not a page, section"),
        ("EXAMPLE: page/for-managers", "still in the guide"),
    ],
)
def test_a_wrong_retirement_stops_the_build_at_its_line(
    tmp_path: Path, line: str, says: str
) -> None:
    site = make_project_copy(tmp_path)
    example, _, _ = take_out(site)
    if "still" in says:
        line = line.replace("EXAMPLE", "cold-room-door")
    old, _, now = line.replace("EXAMPLE", example).partition(": ")
    editing.retire(site, old, now)
    number = (site.data / "redirects.yml").read_text("utf-8").rstrip("\n").count("\n") + 1
    result = site.build()
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"data/redirects.yml:{number}" in output and says in output, output
    assert "Traceback" not in output
