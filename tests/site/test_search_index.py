"""The built search index holds the guide's words once each, the readers' words, and nothing else.

Material's search plugin indexes every page as it is rendered. Left alone, that includes step
navigation, the steps overview on two pages, each checklist on its step page, the quick view and
its card, and each worked example on the examples page and its step pages. These tests keep the
index to the guide's own text, each piece in one place, and small enough to load on a phone.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from macros.addresses import SEARCH_WORDS, page_url
from macros.content import Content, load_content
from macros.search import FIELD, load_synonyms
from tests.support import ROOT

MAX_GZIP_BYTES_PER_PAGE = 2048
# Pages a reader must be able to find; chrome-only pages must not be in the index at all.
MUST_BE_INDEXED = (
    "",
    "right-now/",
    "steps/limit-the-damage/",
    "steps/tell-your-manager/",
    "steps/own-it/",
    "steps/learn-from-it/",
    "steps/move-forward/",
    "examples/",
    "managers/",
)
NEVER_INDEXED = ("print/", "go/", "404")
# Words our own navigation writes on pages: none of it belongs in search results.
NAVIGATION_TEXT = (
    re.compile(r"\bStep \d of \d\b"),
    re.compile(r"See all five steps"),
    re.compile(r"(?:Previous|Next): step \d"),
    re.compile(r"Back to the overview"),
    re.compile(r"You have done all five steps"),
    re.compile(r"Print this checklist"),
)
_TAG = re.compile(r"<[^>]+>")


@pytest.fixture(scope="module")
def index(built_site: Path) -> dict:
    """The search index exactly as the browser downloads it."""
    return json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def content() -> Content:
    """The guide's data, to know which texts each component writes."""
    return load_content(ROOT / "data", ROOT / "docs")


def _page(location: str) -> str:
    return location.partition("#")[0]


def _plain(text: str) -> str:
    return " ".join(_TAG.sub(" ", text).split())


def _texts_by_page(index: dict) -> dict[str, str]:
    pages: dict[str, list[str]] = defaultdict(list)
    for entry in index["docs"]:
        pages[_page(entry["location"])].append(_plain(entry["text"]))
    return {page: " ".join(texts) for page, texts in pages.items()}


def _nav_pages() -> set[str]:
    """Built URLs of every page listed in mkdocs.yml's nav."""

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    _Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)

    def walk(node: object) -> list[str]:
        if isinstance(node, str):
            return [node] if node.endswith(".md") else []
        if isinstance(node, list):
            return [src for child in node for src in walk(child)]
        if isinstance(node, dict):
            return [src for child in node.values() for src in walk(child)]
        return []

    return {page_url(src) for src in walk(config["nav"])}


def test_only_guide_pages_are_indexed(index: dict) -> None:
    """Cards, short links, the link catalogue and the 404 page stay out; every core page is in."""
    indexed = {_page(entry["location"]) for entry in index["docs"]}
    outside_nav = sorted(indexed - _nav_pages())
    assert not outside_nav, f"pages outside the nav are in the search index: {outside_nav}"
    chrome = sorted(p for p in indexed if p.startswith(NEVER_INDEXED))
    assert not chrome, f"card, short-link or catalogue pages are in the search index: {chrome}"
    missing = sorted(set(MUST_BE_INDEXED) - indexed)
    assert not missing, f"pages readers search for are missing from the index: {missing}"


def test_every_indexed_page_has_words_of_its_own(index: dict) -> None:
    """A page indexed with only a title or a line of chrome is noise in the results."""
    thin = {page: text for page, text in _texts_by_page(index).items() if len(text.split()) < 15}
    assert not thin, f"pages with almost no text of their own in the index: {thin}"


def test_no_navigation_text_in_the_index(index: dict) -> None:
    """Step progress, pagers, the steps overview and print links are left out of every entry."""
    found = [
        f"{entry['location']}: {pattern.pattern!r}"
        for entry in index["docs"]
        for pattern in NAVIGATION_TEXT
        if pattern.search(_plain(entry["title"] + " " + entry["text"]))
    ]
    assert not found, "navigation text in the search index:\n  " + "\n  ".join(found)


def test_steps_overview_is_not_indexed(index: dict, content: Content) -> None:
    """The overview repeats each step's summary on the home page and the steps page."""
    texts = _texts_by_page(index)
    for step in content.steps:
        pages = sorted(page for page, text in texts.items() if step.summary in text)
        assert not pages, f"{step.id}'s overview summary is indexed on {pages}"


def test_each_checklist_is_indexed_once_on_its_step_page(index: dict, content: Content) -> None:
    """The quick view and the cards repeat the checklists; search should lead to the step."""
    texts = _texts_by_page(index)
    for checklist in content.checklists.values():
        home = page_url(content.step(checklist.step).page)
        for item in checklist.items:
            pages = sorted(page for page, text in texts.items() if item.text in text)
            where = f"{checklist.id}/{item.id} is indexed on {pages}"
            assert pages == [home], f"{where}, not only on {home!r}"


def test_each_worked_example_is_indexed_once_on_the_examples_page(
    index: dict, content: Content
) -> None:
    """Step pages and the managers' page repeat examples; the examples page has the indexed copy."""
    texts = _texts_by_page(index)
    for example in content.examples.values():
        needle = _plain(example.steps["step-1"].split(". ")[0])
        pages = sorted(page for page, text in texts.items() if needle in text)
        assert pages == ["examples/"], f"{example.id} is indexed on {pages}, not ['examples/']"


def test_each_question_is_indexed_once_on_the_check_page_and_no_feedback_is(
    index: dict, content: Content
) -> None:
    """Search leads to the question on the check page; its answers stay for the reader to find."""
    texts = _texts_by_page(index)
    for question in content.questions.values():
        needle = _plain(question.scenario.replace("*", "")).split("?")[0]
        pages = sorted(page for page, text in texts.items() if needle in text)
        assert pages == ["check/"], f"{question.id} is indexed on {pages}, not ['check/']"
        for option in question.options:
            said = option.feedback.replace("*", "")
            assert said not in texts["check/"], f"feedback of {question.id}/{option.id} indexed"
    # Step pages show questions too, never indexed: no verdict is anywhere in the index.
    assert not [page for page, text in texts.items() if "Best answer" in text]
    titles = [entry["title"] for entry in index["docs"] if entry["location"].startswith("check/")]
    assert "Answer key" not in titles, "the key is for paper, not a search result"


def test_index_stays_small(built_site: Path, index: dict, capsys: pytest.CaptureFixture) -> None:
    """At most 2 KiB gzip per indexed page, so search loads fast on a phone over a slow link."""
    raw = (built_site / "search" / "search_index.json").read_bytes()
    packed = len(gzip.compress(raw, compresslevel=6, mtime=0))
    pages = len({_page(entry["location"]) for entry in index["docs"]})
    per_page = packed / pages
    with capsys.disabled():
        print(
            f"\nsearch index: {len(raw)} bytes, {packed} bytes gzip, {pages} pages, "
            f"{per_page:.0f} bytes gzip per page (limit {MAX_GZIP_BYTES_PER_PAGE})"
        )
    assert per_page <= MAX_GZIP_BYTES_PER_PAGE, (
        f"the search index is {per_page:.0f} bytes gzip per page; "
        f"keep it at most {MAX_GZIP_BYTES_PER_PAGE}"
    )


def test_readers_words_are_in_the_index_and_never_on_the_pages(
    built_site: Path, index: dict
) -> None:
    """data/synonyms.yml reaches the index in a field of its own; no page shows those words."""
    synonyms = load_synonyms(ROOT / "data")
    assert index["config"]["fields"][FIELD] == {"boost": 1.0}
    added = {token for entry in index["docs"] for token in entry.get(FIELD, "").split()}
    missing = sorted(s.reader for s in synonyms if s.token not in added)
    assert not missing, f"synonyms that reached no section of the index: {missing}"
    right_now = next(e for e in index["docs"] if e["location"] == "right-now/#first")
    assert "boss" in right_now[FIELD].split()
    stuffed = [
        path.relative_to(built_site).as_posix()
        for path in built_site.rglob("*.html")
        if "screwedup" in path.read_text(encoding="utf-8")
    ]
    assert not stuffed, f"readers' words written into pages: {stuffed}"


def test_the_word_list_is_published_where_the_pages_say(built_site: Path, index: dict) -> None:
    """search/words.js holds the index's words and separator; pages name it in guide:addresses."""
    script = (built_site / SEARCH_WORDS).read_text(encoding="utf-8")
    prefix = "window.guideSearchWords="
    assert script.startswith(prefix), script[:80]
    data = json.loads(script[len(prefix) :].rstrip().removesuffix(";"))
    assert data["separator"] == index["config"]["separator"]
    assert {"manager", "mistake", "apology", "boss", "screwed"} <= set(data["words"])
    html = (built_site / "index.html").read_text(encoding="utf-8")
    meta = BeautifulSoup(html, "lxml").find("meta", attrs={"name": "guide:addresses"})
    assert json.loads(meta["content"])["searchWords"] == SEARCH_WORDS


def test_every_page_with_search_carries_its_no_result_offers(built_site: Path) -> None:
    """The first-hour page, the five steps and HR, linked from where each page is.

    The 404 page is left out: a server shows it at any address, where no relative link holds.
    """
    checked = 0
    for path in sorted(built_site.rglob("*.html")):
        if path.name == "404.html":
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        if soup.find(attrs={"data-md-component": "search"}) is None:
            continue
        template = soup.find("template", id="guide-search-help")
        where = path.relative_to(built_site).as_posix()
        assert template is not None, f"{where}: search without its no-result offers"
        links = [a["href"] for a in template.select("[data-search-help-offers] a[href]")]
        targets = {(path.parent / href).resolve() for href in links}
        assert targets == {(built_site / "right-now").resolve(), (built_site / "steps").resolve()}
        assert "your HR team" in template.get_text(), where
        assert template.find(attrs={"role": "status"}) is not None, where
        checked += 1
    assert checked >= 15, f"only {checked} pages have search"
