"""Link previews in the built site: every page and go/ page describes itself, with Open Graph tags.

A link pasted into a chat, an email or a slide unfurls from these tags; a preview that repeats the
site-wide description, or a title without its context, tells the reader nothing.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.content import load_content
from tests.support import ROOT

CONTENT = load_content(ROOT / "data", ROOT / "docs")
SITE_NAME = "Handling Mistakes at Work"
OPEN_GRAPH = ("og:title", "og:description", "og:site_name", "og:type")
TWITTER = ("twitter:card", "twitter:title", "twitter:description")


def site_description() -> str:
    from mkdocs.config import load_config

    return " ".join(load_config(str(ROOT / "mkdocs.yml"))["site_description"].split())


def heads(site: Path) -> dict[str, BeautifulSoup]:
    """Every built page (the 404 page aside) by its path, parsed."""
    pages = {}
    for file in sorted(site.rglob("*.html")):
        path = file.relative_to(site).as_posix()
        if path != "404.html":
            pages[path] = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml").head
    return pages


@pytest.fixture(scope="module")
def pages(built_site: Path) -> dict[str, BeautifulSoup]:
    return heads(built_site)


def meta(head: BeautifulSoup, name: str) -> str | None:
    tag = head.find("meta", attrs={"property": name}) or head.find("meta", attrs={"name": name})
    return tag["content"] if tag else None


def test_every_page_and_go_page_has_its_own_description_and_the_tags(pages) -> None:
    assert any(path.startswith("go/") for path in pages)
    generic = site_description()
    problems = []
    for path, head in pages.items():
        description = meta(head, "description")
        if not description or description == generic:
            problems.append(f"{path}: description {description!r}")
        problems += [f"{path}: no {name}" for name in (*OPEN_GRAPH, *TWITTER) if not meta(head, name)]
        if meta(head, "og:description") != description:
            problems.append(f"{path}: og:description differs from the description")
        if meta(head, "og:site_name") != SITE_NAME:
            problems.append(f"{path}: og:site_name {meta(head, 'og:site_name')!r}")
    assert problems == []


def test_no_two_step_pages_or_go_pages_share_a_description(pages) -> None:
    steps = [meta(pages[f"{s.page.removesuffix('.md')}/index.html"], "description") for s in CONTENT.steps]
    assert len(set(steps)) == len(steps), steps
    for step, description in zip(CONTENT.steps, steps, strict=True):
        assert description.rstrip("…")[:40] in " ".join(step.summary.split())
    shorts = Counter(meta(head, "description") for path, head in pages.items() if path.startswith("go/"))
    assert [text for text, count in shorts.items() if count > 1] == []


def test_titles_carry_their_context(pages) -> None:
    checklist = next(iter(CONTENT.checklists.values()))
    title = pages[f"go/{checklist.id}/index.html"].title.get_text()
    assert title == f"Checklist: {checklist.title} · {SITE_NAME}"
    step = CONTENT.steps[1]
    page = pages[f"{step.page.removesuffix('.md')}/index.html"]
    assert page.title.get_text() == f"Step {step.number}: {step.title} · {SITE_NAME}"
    assert meta(page, "og:title") == f"Step {step.number}: {step.title}"
    example = next(iter(CONTENT.examples.values()))
    assert meta(pages[f"go/{example.id}/index.html"], "og:title") == f"Worked example: {example.title}"
    item = checklist.items[0]
    head = pages[f"go/{checklist.id}/{item.id}/index.html"]
    assert meta(head, "og:title") == f"Checklist item: {item.text}"
    assert checklist.title in meta(head, "description")
    assert pages["index.html"].title.get_text() == SITE_NAME


def test_without_a_public_address_there_is_no_image_and_no_absolute_address(pages) -> None:
    for path, head in pages.items():
        assert meta(head, "og:image") is None, path
        assert meta(head, "og:url") is None, path
        assert meta(head, "twitter:card") == "summary", path
