"""Data and pages agree: every checklist and example is used by a page, every id a page uses exists.

The first tests read docs/ and data/ directly (no build), so a renamed id is caught with the page
that uses it. The last ones break a copy of the guide and run a real strict build.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.content import Content, load_content
from tests import editing
from tests.support import ROOT, FixtureSite, make_fixture_site

DOCS = ROOT / "docs"
# {{ checklist("id") }}, {{ worked_example(example_id="id", open=true) }}, {{ step_link('step-2') }}
CALL = re.compile(
    r"\b(checklist|worked_example|step_link|card)\s*\(\s*(?:[a-z_]+\s*=\s*)?[\"']([^\"']+)[\"']"
)


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(ROOT / "data", DOCS)


@pytest.fixture(scope="module")
def uses() -> dict[str, dict[str, list[str]]]:
    """macro -> id -> pages (with line) that call it with that id."""
    found: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for page in sorted(DOCS.rglob("*.md")):
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            for macro, used_id in CALL.findall(line):
                found[macro][used_id].append(f"{page.relative_to(ROOT)}:{number}")
    return found


def test_pages_use_the_macros_at_all(uses: dict[str, dict[str, list[str]]]) -> None:
    assert uses["checklist"] and uses["worked_example"] and uses["step_link"]


def test_every_checklist_is_on_a_page(content: Content, uses: dict) -> None:
    unused = sorted(set(content.checklists) - set(uses["checklist"]))
    assert unused == [], f"checklists in data/checklists.yml that no page shows: {unused}"


def test_every_worked_example_is_on_a_page(content: Content, uses: dict) -> None:
    unused = sorted(set(content.examples) - set(uses["worked_example"]))
    assert unused == [], f"worked examples in data/examples/ that no page shows: {unused}"


def test_every_id_a_page_uses_exists(content: Content, uses: dict) -> None:
    known = {
        "checklist": set(content.checklists),
        "card": set(content.checklists),
        "worked_example": set(content.examples),
        "step_link": {step.id for step in content.steps},
    }
    unknown = {
        f"{macro}({used_id!r})": pages
        for macro, ids in uses.items()
        for used_id, pages in ids.items()
        if used_id not in known[macro]
    }
    assert unknown == {}, f"pages use ids that data/ does not define: {unknown}"


def test_every_step_page_shows_its_checklists_and_navigation(content: Content) -> None:
    for step in content.steps:
        text = (DOCS / step.page).read_text(encoding="utf-8")
        for expected in ("step_progress()", "step_pager()"):
            assert expected in text, f"docs/{step.page} does not call {expected}"
        for listed in content.checklists_for_step(step.id):
            assert re.search(rf"checklist\(\s*[\"']{listed.id}[\"']", text), (
                f"docs/{step.page} does not show its checklist '{listed.id}'"
            )


def test_the_home_page_shows_the_steps_overview() -> None:
    assert "steps_overview(" in (DOCS / "index.md").read_text(encoding="utf-8")


def test_step_pages_exist_once(content: Content) -> None:
    pages = [step.page for step in content.steps]
    assert len(set(pages)) == len(pages)
    assert all(Path(DOCS / page).is_file() for page in pages)


# ---- real builds of a broken copy -------------------------------------------------------------


def build_output(site: FixtureSite) -> tuple[int, str]:
    result = site.build()
    return result.returncode, result.stdout + result.stderr


def test_bad_data_stops_the_build_naming_file_line_record_and_field(tmp_path: Path) -> None:
    site = make_fixture_site(tmp_path)
    checklist = editing.first_checklist(site)
    twice = f"{checklist.title}\n    title: A second title"  # found by id, whatever its title
    line = editing.checklist_field(site, checklist.id, "title", twice) + 1
    code, output = build_output(site)
    assert code != 0
    assert (
        f"data/checklists.yml:{line} (record '{checklist.id}', field 'title'): the key 'title' "
        "appears twice in the same block" in output
    ), output
    assert "Traceback" not in output


def test_a_data_link_to_a_missing_anchor_stops_the_build(tmp_path: Path) -> None:
    site = make_fixture_site(tmp_path)
    checklist = editing.first_checklist(site)
    page = load_content(site.data, site.docs).steps[1].page
    editing.checklist_field(site, checklist.id, "why", f"See [step 2]({page}#no-such-section).")
    code, output = build_output(site)
    assert code != 0
    assert "no-such-section" in output and "missing anchor" in output, output


def test_a_broken_page_link_is_one_line_with_its_page_line_and_fix(tmp_path: Path) -> None:
    site = make_fixture_site(tmp_path)
    page = load_content(site.data, site.docs).steps[2].page
    editing.add_paragraph(
        site, "about.md", f"See [this](no-such-page.md) and [that]({page}#nowhere)."
    )
    line = (site.docs / "about.md").read_text(encoding="utf-8").rstrip("\n").count("\n") + 1
    code, output = build_output(site)
    assert code != 0
    errors = [row for row in output.splitlines() if row.startswith("Error: ")]
    assert [row for row in errors if "no-such-page.md" in row] == [
        f"Error: docs/about.md:{line}: the link 'no-such-page.md' points to a missing page or file."
        " Fix: correct the address or anchor where it is written; link to pages as "
        "'page.md#anchor' so the build can check them."
    ], output
    [anchor] = [row for row in errors if "#nowhere" in row]
    assert anchor.startswith(f"Error: docs/about.md:{line}: ") and "missing anchor" in anchor
    assert "Doc file" not in output and "WARNING" not in output and "INFO" not in output


def test_components_stay_blocks_inside_admonitions_and_tabs(tmp_path: Path) -> None:
    site = make_fixture_site(tmp_path)
    site.write(
        "docs/managers.md",
        "# For managers\n\n"
        '!!! note "Before you talk"\n\n    {{ checklist("own-it") }}\n\n'
        '=== "A story"\n\n    {{ worked_example("duplicate-payment") }}\n\n'
        '=== "The steps"\n\n    {{ steps_overview(compact=true) }}\n',
    )
    code, output = build_output(site)
    assert code == 0, output
    html = (site.root / "site/managers/index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "lxml")
    assert soup.select_one(".admonition > section.guide-checklist[data-checklist=own-it]")
    assert soup.select_one(".tabbed-block > details.guide-example[data-example]")
    assert soup.select_one(".tabbed-block > nav.guide-steps")
    assert "<p><section" not in html and "<p><details" not in html and "<p><nav" not in html
