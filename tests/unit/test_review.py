"""Review data: owners, review dates and cycles, overrides, changes, and the review report.

Dates are written by people; a date that is not a date, or has not happened yet, stops the build
with the file, line and field. The report lists overdue reviews first and exits 1 for them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from macros import review_report
from macros.changes import resolve
from macros.errors import ContentError
from macros.review import Review, add_months, overdue_first, page_review
from tests.unit.datasets import Dataset, assert_where, make_dataset

DEFAULT = Review("HR", "2026-01-31", 12, "data/site.yml")


@pytest.fixture
def data(tmp_path: Path) -> Dataset:
    return make_dataset(tmp_path)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2026, 11, 25), 12, date(2027, 11, 25)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2026, 12, 1), 1, date(2027, 1, 1)),
    ],
)
def test_next_review_moves_on_by_whole_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


def test_the_guide_needs_an_owner(data: Dataset) -> None:
    data.replace("site.yml", "owner: the Learning and HR team\n", "")
    assert_where(
        data.error(),
        file="data/site.yml",
        line=2,
        record="site",
        field="owner",
        says="the settings block has no 'owner'",
    )


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ('"2026-13-01"', "'2026-13-01' is not a date"),
        ('"25/11/2026"', "'25/11/2026' is not a date"),
        ('"2999-01-01"', "the date 2999-01-01 has not happened yet"),
    ],
)
def test_a_bad_review_date_is_refused_where_it_is_written(data: Dataset, value, says) -> None:
    line = data.line_of("site.yml", "last_reviewed:")
    data.replace("site.yml", "last_reviewed: 2026-11-25", f"last_reviewed: {value}")
    assert_where(
        data.error(),
        file="data/site.yml",
        line=line,
        record="site",
        field="last_reviewed",
        says=says,
    )


@pytest.mark.parametrize("value", ["0", "37", "yearly"])
def test_a_review_cycle_must_be_months(data: Dataset, value: str) -> None:
    data.replace("site.yml", "owner:", f"review_every_months: {value}\nowner:")
    error = data.error()
    assert error.field == "review_every_months" and "months from 1 to 36" in str(error)


def test_a_checklist_and_an_example_may_have_their_own_owner_and_date(data: Dataset) -> None:
    data.replace(
        "checklists.yml",
        "    title: Own what happened\n",
        "    title: Own what happened\n    owner: Legal\n    last_reviewed: '2026-06-01'\n",
    )
    data.replace("examples/wrong-delivery-date.yml", "title:", "review_every_months: 6\ntitle:")
    content = data.load()
    own_it = content.checklists["own-it"].review
    assert (own_it.owner, own_it.last_reviewed, own_it.every_months) == ("Legal", "2026-06-01", 12)
    example = content.examples["wrong-delivery-date"].review
    assert example.owner == content.settings.owner and example.every_months == 6
    assert example.next_due == "2027-05-25"
    assert content.checklists["tell-your-manager"].review == content.settings.review.__class__(
        content.settings.owner,
        content.settings.last_reviewed,
        12,
        "data/checklists.yml (tell-your-manager)",
    )


def test_a_page_without_review_fields_uses_the_default() -> None:
    review = page_review("---\ntitle: T\n---\n# T\n", "docs/t.md", DEFAULT)
    assert (review.owner, review.last_reviewed, review.where) == ("HR", "2026-01-31", "docs/t.md")
    assert page_review("# No front matter\n", "docs/n.md", DEFAULT).owner == "HR"


def test_a_page_overrides_the_default_in_its_front_matter() -> None:
    source = "---\ntitle: T\nowner: Legal team\nreview_every_months: 6\n---\n# T\n"
    review = page_review(source, "docs/t.md", DEFAULT)
    assert (review.owner, review.every_months, review.next_due) == ("Legal team", 6, "2026-07-31")


def test_a_bad_date_in_front_matter_names_the_page_and_line() -> None:
    source = "---\ntitle: T\nlast_reviewed: next week\n---\n# T\n"
    with pytest.raises(ContentError) as caught:
        page_review(source, "docs/t.md", DEFAULT)
    error = caught.value
    assert (error.file, error.line, error.field) == ("docs/t.md", 3, "last_reviewed")


def test_overdue_reviews_come_first() -> None:
    fresh = Review("A", "2026-11-01", 12, "fresh")
    late = Review("B", "2025-01-01", 6, "late")
    later = Review("C", "2024-01-01", 6, "later")
    on = date(2026, 12, 1)
    assert [r.where for r in overdue_first([fresh, late, later], on)] == ["later", "late", "fresh"]


def test_changes_load_newest_first_and_check_their_pages(data: Dataset) -> None:
    data.write(
        "changes.yml",
        "changes:\n"
        "  - {date: '2026-01-02', summary: Old, pages: [steps/own-it.md]}\n"
        "  - {date: '2026-11-02', summary: New, ids: [own-it]}\n",
    )
    assert [c.summary for c in data.load().changes] == ["New", "Old"]
    data.write("changes.yml", "changes:\n  - {date: '2026-01-02', summary: X, pages: [nope.md]}\n")
    error = data.error()
    assert (error.file, error.line, error.field) == ("data/changes.yml", 2, "pages")
    assert "does not exist in docs/" in str(error)
    data.write("changes.yml", "changes:\n  - {date: '2026-01-02', summary: Nothing named}\n")
    assert "names no page and no id" in str(data.error())


def test_a_change_naming_an_unknown_id_suggests_the_closest(data: Dataset) -> None:
    data.write(
        "changes.yml", "changes:\n  - date: '2026-01-02'\n    summary: X\n    ids: [own-itt]\n"
    )
    content = data.load()
    from macros.catalogue import build_catalogue, source_pages

    links = build_catalogue(content, data.docs)
    with pytest.raises(ContentError) as caught:
        resolve(content, links, source_pages(data.docs))
    error = caught.value
    assert (error.file, error.line, error.field) == ("data/changes.yml", 4, "ids")
    assert "did you mean 'own-it'" in str(error)


def test_the_review_report_lists_overdue_first_and_exits_1(tmp_path: Path, capsys) -> None:
    data = make_dataset(tmp_path)
    (data.docs / "steps/own-it.md").write_text(
        "---\nlast_reviewed: '2025-01-01'\nreview_every_months: 3\n---\n# Step\n", encoding="utf-8"
    )
    code = review_report.main([str(tmp_path), "--today", "2026-11-30"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1
    assert (
        lines[1].startswith("OVERDUE  next due 2025-04-01") and "docs/steps/own-it.md" in lines[1]
    )
    assert all(line.startswith("ok") for line in lines[2:-1])
    assert lines[-1].startswith("1 overdue of ")
    assert review_report.main([str(tmp_path), "--today", "2025-03-01"]) == 0
