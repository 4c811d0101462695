"""Ticks across an edit of the guide: two builds served one after the other on the same origin.

Between the builds one item is reworded (same id), one removed and one added. Ticks hang on item
ids, so the reworded item keeps its tick, the removed one is forgotten once the page that shows
its checklist loads, and the new one starts unticked.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.browser.conftest import SiteServer, serve_folder
from tests.browser.ticks_support import (
    OVERVIEW,
    RIGHT_NOW,
    STEP_1,
    boxes,
    progress,
    progress_shows,
    step_status,
    stored_text,
    ticked,
    watch_errors,
)
from tests.support import make_fixture_site

CHECKLIST = "limit-the-damage"
NEW_ITEM = "ticks-fixture-new-item"


@dataclass
class EditedGuide:
    """Two builds of the guide, served in turn from one address (`show` swaps them)."""

    server: SiteServer
    current: Path
    builds: dict[str, Path]
    reworded: str
    removed: str

    def show(self, name: str) -> None:
        """Serve build `name` from now on, on the same origin (localStorage is per origin)."""
        swap = self.current.with_name("next")
        swap.symlink_to(self.builds[name], target_is_directory=True)
        os.replace(swap, self.current)


def _edit_checklist(path: Path) -> tuple[str, str]:
    """Reword the first item, drop the last, add a new one; return (reworded id, removed id)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = next(c for c in data["checklists"] if c["id"] == CHECKLIST)["items"]
    reworded, removed = items[0]["id"], items[-1]["id"]
    items[0]["text"] = "First, take a moment to see what went wrong and what it touches."
    items.pop()
    items.append({"id": NEW_ITEM, "text": "Check the fix worked before you move on."})
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return reworded, removed


@pytest.fixture
def edited_guide(tmp_path: Path) -> Iterator[EditedGuide]:
    """Build the guide as it is and with one checklist edited; serve the first build."""
    fixtures = {}
    for name in ("before", "after"):
        (tmp_path / name).mkdir()
        fixtures[name] = make_fixture_site(tmp_path / name)
    reworded, removed = _edit_checklist(fixtures["after"].data / "checklists.yml")
    builds = {name: tmp_path / f"{name}-site" for name in fixtures}
    with ThreadPoolExecutor(max_workers=2) as pool:  # two subprocess builds side by side
        results = pool.map(lambda name: fixtures[name].build(builds[name]), fixtures)
        for result in results:
            assert result.returncode == 0, result.stderr

    current = tmp_path / "current"
    current.symlink_to(builds["before"], target_is_directory=True)
    server, info = serve_folder(current)
    yield EditedGuide(info, current, builds, reworded, removed)
    server.shutdown()


def test_ticks_follow_item_ids_across_an_edit(context, edited_guide) -> None:
    errors: list[str] = []
    page = watch_errors(context.new_page(), errors)
    guide = edited_guide
    page.goto(guide.server.url(STEP_1))
    total = boxes(page, CHECKLIST).count()
    for box in boxes(page, CHECKLIST).all():
        box.check()
    progress_shows(page, f"{total} of {total} done", CHECKLIST)
    assert f'"{guide.removed}"' in stored_text(page)

    guide.show("after")
    page.goto(guide.server.url(OVERVIEW))
    assert page.locator(f"#box-{CHECKLIST}--{NEW_ITEM}").count() == 0
    assert step_status(page, "step-1") == "In progress", "the new item is not done yet"
    assert f'"{guide.removed}"' in stored_text(page), "only the checklist's own page forgets"

    page.goto(guide.server.url(STEP_1))
    assert page.locator(f"#box-{CHECKLIST}--{guide.removed}").count() == 0
    reworded = page.locator(f"#item-{CHECKLIST}--{guide.reworded}")
    assert "take a moment" in reworded.inner_text(), "the second build is served"
    assert reworded.locator("input").is_checked(), "a reworded item keeps its tick"
    assert not page.locator(f"#box-{CHECKLIST}--{NEW_ITEM}").is_checked(), "new starts unticked"
    assert ticked(page, CHECKLIST) == [True] * (total - 1) + [False]
    assert progress(page, CHECKLIST) == f"{total - 1} of {total} done"
    assert f'"{guide.removed}"' not in stored_text(page), "the removed item is forgotten"

    page.goto(guide.server.url(RIGHT_NOW))
    assert ticked(page, CHECKLIST) == [True] * (total - 1) + [False]
    assert errors == []
