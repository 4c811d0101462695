"""The link catalogue, without MkDocs: explicit ids only, unique ids, print files as they exist."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from macros.addresses import checklist_anchor, example_anchor, item_anchor, short_path
from macros.catalogue import (
    KINDS,
    Link,
    build_catalogue,
    page_id,
    print_links,
    read_source_page,
    to_json,
)
from macros.components.link_catalogue import folds
from macros.content import load_content
from macros.errors import ContentError
from tests.support import ROOT

CONTENT = load_content(ROOT / "data", ROOT / "docs")
PRINTED = ("card", "pdf")

PAGE = """# Step 9: *Example* page {#step-9}

## What to do {#what-to-do}

## A heading without an id

## Classes too { .wide #with-class }

```markdown
## Not a heading {#in-code}
```

### A smaller heading {#deeper}
"""


def test_only_h2_with_an_explicit_id_become_sections() -> None:
    page = read_source_page("steps/example.md", PAGE)
    assert (page.title, page.anchor) == ("Step 9: Example page", "step-9")
    assert [(s.id, s.title) for s in page.sections] == [
        ("what-to-do", "What to do"),
        ("with-class", "Classes too"),
    ]


def test_a_renamed_heading_keeps_its_id() -> None:
    renamed = read_source_page("x.md", PAGE.replace("## What to do", "## Things to do now"))
    assert renamed.sections[0].id == "what-to-do"
    assert renamed.sections[0].title == "Things to do now"


def test_page_ids_come_from_the_h1_id_so_a_moved_page_keeps_them() -> None:
    page = read_source_page("managers.md", "# For managers {#for-managers}\n")
    moved = read_source_page("people/for-managers.md", "# For managers {#for-managers}\n")
    assert page_id(page) == page_id(moved) == "page/for-managers"


def test_without_an_h1_id_the_page_id_follows_the_address() -> None:
    assert page_id(read_source_page("index.md", "# Home\n")) == "page/home"
    assert page_id(read_source_page("examples/index.md", "# Examples\n")) == "page/examples"


def test_the_real_catalogue_covers_every_step_checklist_item_and_example() -> None:
    links = {link.id: link for link in build_catalogue(CONTENT, ROOT / "docs")}
    for step in CONTENT.steps:
        assert links[step.id].kind == "step"
        assert links[step.id].short == short_path(step.id)
    for checklist in CONTENT.checklists.values():
        page = links[checklist.step].url
        assert links[checklist.id].url == f"{page}#{checklist_anchor(checklist.id)}"
        for item in checklist.items:
            entry = links[f"{checklist.id}/{item.id}"]
            anchor = item_anchor(checklist.id, item.id)
            assert (entry.kind, entry.url) == ("item", f"{page}#{anchor}")
            assert entry.short == short_path(f"{checklist.id}/{item.id}")
    for example in CONTENT.examples.values():
        assert links[example.id].url == f"examples/#{example_anchor(example.id)}"
    assert links["step-2/what-to-do"].url == "steps/tell-your-manager/#what-to-do"
    assert links["step-2/what-to-do"].short == "go/step-2/what-to-do/"
    assert {link.kind for link in links.values()} <= set(KINDS)


def test_two_targets_with_one_id_stop_the_build(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("# A\n\n## One {#same}\n\n## Two {#same}\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"share the id 'page/a/same' \(a/#same, a/#same\)"):
        build_catalogue(CONTENT, docs)


def test_print_targets_are_named_by_the_print_part() -> None:
    links = {link.id: link for link in print_links(CONTENT)}
    assert links["card/own-it"] == Link(
        "card/own-it", "card", "Printable card: Own what happened", "print/own-it/", None, "step-3"
    )
    assert links["card/all"].url == "print/"
    assert links["pdf/own-it-a4"].title == "PDF (A4): Own what happened"
    assert links["pdf/own-it-a4"].url == "print/pdf/own-it-a4.pdf"
    assert links["pdf/all-cards-letter"].title == "PDF (Letter): All cards"


def test_links_json_lists_print_targets_only_once_their_files_exist(tmp_path: Path) -> None:
    def kinds(site: Path) -> set[str]:
        return {x.id for x in build_catalogue(CONTENT, ROOT / "docs", site) if x.kind in PRINTED}

    assert kinds(tmp_path) == set()
    (tmp_path / "print" / "own-it").mkdir(parents=True)
    (tmp_path / "print" / "own-it" / "index.html").write_text("<h1>card</h1>", encoding="utf-8")
    (tmp_path / "print" / "pdf").mkdir()
    (tmp_path / "print" / "pdf" / "own-it-a4.pdf").write_bytes(b"%PDF-1.7")
    assert kinds(tmp_path) == {"card/own-it", "pdf/own-it-a4"}
    before_build = {x.id for x in build_catalogue(CONTENT, ROOT / "docs") if x.kind in PRINTED}
    # A card and two PDFs per checklist, the first-hour card and the all-cards set, and the
    # all-cards page two per sheet (no PDF of its own).
    assert len(before_build) == 3 * (len(CONTENT.checklists) + 2) + 1


def test_links_json_has_the_published_fields() -> None:
    links = build_catalogue(CONTENT, ROOT / "docs")
    data = json.loads(to_json(links))
    assert len(data["links"]) == len(links)
    assert set(data["links"][0]) == {"id", "kind", "title", "url", "short", "step"}
    assert "base" not in data
    assert json.loads(to_json(links, base="https://x.example/g/"))["base"] == "https://x.example/g/"


def test_the_listing_folds_precise_links_per_step_then_per_page() -> None:
    links = build_catalogue(CONTENT, ROOT / "docs")
    boxes = folds(CONTENT, links)
    assert [box.id for box in boxes[:5]] == [step.id for step in CONTENT.steps]
    folded = [link for box in boxes for link in box.links]
    precise = [x for x in links if x.kind in ("section", "item", "check", "retired")]
    assert sorted(x.id for x in folded) == sorted(x.id for x in precise)
    assert all(link.step == "step-2" for link in boxes[1].links)
    assert "checklist item" in boxes[1].summary


def test_every_question_has_a_check_link_at_its_anchor_on_the_check_page() -> None:
    links = [link for link in build_catalogue(CONTENT, ROOT / "docs") if link.kind == "check"]
    assert len(links) == len(CONTENT.questions)
    first = links[0]
    question = CONTENT.questions[first.id.removeprefix("check/")]
    assert first.url == f"check/#check-{question.id}" and first.step == question.step
    assert first.title == question.scenario.replace("*", "")
    assert {link.id for link in links} == {f"check/{q}" for q in CONTENT.questions}
    offline = build_catalogue(CONTENT, ROOT / "docs", directory_urls=False)
    assert f"check.html#check-{question.id}" in {link.url for link in offline}
