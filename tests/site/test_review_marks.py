"""Trust marks in the built guide: every page's owner and review dates, and what changed.

Any reader can see who owns a page and when it was last checked (the NHS pattern); the "What
changed" page lists the changes newest first; an overdue review warns and never stops a build.
"""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

from macros.content import load_content
from macros.review import long_date
from macros.proof.pagetext import html_pages, main_article, page_name
from tests.support import ROOT, make_fixture_site

CONTENT = load_content(ROOT / "data", ROOT / "docs")


def test_every_page_shows_its_owner_and_review_dates(built_site: Path) -> None:
    checked = 0
    for path in html_pages(built_site):
        name = page_name(built_site, path)
        # The 404 page is the theme's; a card prints its own "Last reviewed" (test_print_pages).
        if main_article(path) is None or name == "404.html" or name.startswith("print/"):
            continue
        line = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").select_one(".guide-review")
        assert line is not None, f"{name} has no review line"
        text = " ".join(line.get_text(" ").split())
        assert text.startswith("Owned by "), name
        assert "Last reviewed " in text and "Next review due " in text, name
        times = [t["datetime"] for t in line.select(".guide-review__line time")]
        assert len(times) == 2 and times[0] < times[1], name
        link = line.select_one("a.guide-review__changes")
        assert (path.parent / link["href"] / "index.html").resolve().is_file(), name
        checked += 1
    assert checked >= 15


def test_the_changes_page_lists_newest_first_and_is_in_links_json(built_site: Path) -> None:
    page = BeautifulSoup((built_site / "changes/index.html").read_text("utf-8"), "lxml")
    dates = [li["data-change-date"] for li in page.select(".guide-changes__entry")]
    assert dates == sorted(dates, reverse=True) and len(dates) == len(CONTENT.changes)
    shown = page.select_one(".guide-changes__date").get_text(strip=True)
    assert shown == long_date(CONTENT.changes[0].date)
    for link in page.select(".guide-changes__where a"):
        target, _, fragment = link["href"].partition("#")
        built = (built_site / "changes" / target / "index.html").resolve()
        assert built.is_file(), link["href"]
        if fragment:
            assert BeautifulSoup(built.read_text("utf-8"), "lxml").find(id=fragment), link["href"]
    catalogue = json.loads((built_site / "links.json").read_text("utf-8"))
    assert "page/what-changed" in {entry["id"] for entry in catalogue["links"]}
    assert catalogue["built"], "the build date belongs in links.json"


def test_a_step_page_lists_its_own_recent_changes(built_site: Path) -> None:
    touched = {p for change in CONTENT.changes for p in change.pages}
    for step in CONTENT.steps:
        if step.page not in touched:
            continue
        html = (built_site / step.page.removesuffix(".md") / "index.html").read_text("utf-8")
        recent = BeautifulSoup(html, "lxml").select(".guide-review__recent li")
        assert recent, f"{step.page} names no recent change"


def test_an_overdue_review_warns_and_the_build_still_succeeds(tmp_path: Path) -> None:
    site = make_fixture_site(tmp_path)
    about = site.docs / "about.md"
    about.write_text(
        "---\nowner: the Legal team\nlast_reviewed: '2020-01-01'\nreview_every_months: 1\n---\n"
        + about.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    result = site.build()
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Review overdue: docs/about.md (owner: the Legal team) was due on 2020-02-01" in (
        result.stderr
    )
    page = (site.root / "site/about/index.html").read_text(encoding="utf-8")
    assert "Owned by the Legal team" in page and "January 1, 2020" in page
