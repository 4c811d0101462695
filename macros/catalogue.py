"""The link catalogue: every address of the guide that onboarding material may link to, in one list.

Ids come from data/ and from the explicit `{#id}` authors write on headings, never from heading text
or position, so an entry keeps its id when wording changes. The same list feeds `site/links.json`,
the "Linking to this guide" page and the link contract test.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from macros import guards, retired
from macros.addresses import (
    ALL_CARDS,
    ALL_CARDS_PAGE,
    CATALOGUE_FILE,
    CHECK_PAGE,
    EXAMPLES_PAGE,
    FIRST_HOUR,
    TWO_UP,
    card_page,
    check_anchor,
    checklist_anchor,
    example_anchor,
    item_anchor,
    page_url,
    pdf_path,
    short_url,
)
from macros.content import Checklist, Content, Example, Step
from macros.errors import ContentError
from macros.printing.options import PAPERS
from macros.questions import check_page_order

KINDS = (
    "page",
    "step",
    "section",
    "checklist",
    "item",
    "retired",
    "example",
    "check",
    "card",
    "pdf",
)
_HEADING = re.compile(r"^(?P<level>#{1,2})\s+(?P<text>.+?)\s*(?:\{(?P<attrs>[^}]*)\})?\s*#*\s*$")
_ATTR_ID = re.compile(r"(?:^|\s)#(?P<id>[A-Za-z][\w-]*)")
_INLINE_MARKUP = re.compile(r"[*_`]+")


@dataclass(frozen=True)
class Section:
    """An h2 an author gave an explicit id."""

    id: str
    title: str


@dataclass(frozen=True)
class SourcePage:
    """A Markdown page of docs/: its source path, its h1 (text and explicit id) and its sections."""

    src_uri: str
    title: str
    sections: tuple[Section, ...]
    anchor: str = ""


@dataclass(frozen=True)
class Link:
    """One linkable target. `url` and `short` are relative to the site root; `step` groups it."""

    id: str
    kind: str
    title: str
    url: str
    short: str | None = None
    step: str | None = None


def _plain(text: str) -> str:
    return " ".join(_INLINE_MARKUP.sub("", text).split())


def read_source_page(src_uri: str, text: str) -> SourcePage:
    """The title (first h1) and the h2 headings with an explicit `{#id}` of one Markdown page."""
    title, anchor = "", ""
    sections: list[Section] = []
    for line in guards.blank_fenced_code(guards.blank_front_matter(text)):
        match = _HEADING.match(line)
        if match is None:
            continue
        explicit = _ATTR_ID.search(match["attrs"] or "")
        if match["level"] == "#" and not title:
            title = _plain(match["text"])
            anchor = explicit["id"] if explicit else ""
        elif match["level"] == "##" and explicit:
            sections.append(Section(id=explicit["id"], title=_plain(match["text"])))
    return SourcePage(src_uri, title or src_uri, tuple(sections), anchor)


def source_pages(docs_dir: Path) -> list[SourcePage]:
    """Every published Markdown page (dot-folders are never published), in path order."""
    pages = []
    for path in sorted(docs_dir.rglob("*.md")):
        relative = path.relative_to(docs_dir)
        if any(part.startswith(".") for part in relative.parts):
            continue
        pages.append(read_source_page(relative.as_posix(), path.read_text(encoding="utf-8")))
    return pages


def page_id(page: SourcePage) -> str:
    """The id of a page that is not a step: 'page/' and its h1's explicit id, so it survives a move.

    A page whose h1 has no explicit id falls back to its address ('page/home' at the root), as
    directory URLs name it in every build, so the offline copy's ids are the site's.
    """
    return "page/" + (page.anchor or page_url(page.src_uri).rstrip("/") or "home")


def _step_link(step: Step, directory_urls: bool) -> Link:
    title = f"Step {step.number}: {step.title}"
    url = page_url(step.page, directory_urls)
    return Link(step.id, "step", title, url, short_url(step.id, directory_urls), step.id)


def _checklist_link(content: Content, checklist: Checklist, directory_urls: bool) -> Link:
    url = page_url(content.step(checklist.step).page, directory_urls)
    return Link(
        checklist.id,
        "checklist",
        checklist.title,
        f"{url}#{checklist_anchor(checklist.id)}",
        short_url(checklist.id, directory_urls),
        checklist.step,
    )


def _example_link(example: Example, directory_urls: bool) -> Link:
    return Link(
        example.id,
        "example",
        example.title,
        f"{page_url(EXAMPLES_PAGE, directory_urls)}#{example_anchor(example.id)}",
        short_url(example.id, directory_urls),
    )


def content_links(
    content: Content, pages: list[SourcePage], directory_urls: bool = True
) -> list[Link]:
    """Pages, steps, sections, checklists, items and examples: everything known before the build.

    Addresses are written as the build names them: `steps/own-it/` or, offline, `steps/own-it.html`.
    """
    steps = {step.page: step for step in content.steps}
    links: list[Link] = []
    for page in pages:
        step = steps.get(page.src_uri)
        url = page_url(page.src_uri, directory_urls)
        owner = step.id if step else page_id(page)
        if step:
            links.append(_step_link(step, directory_urls))
        else:
            links.append(Link(owner, "page", page.title, url))
        for section in page.sections:
            if step and section.id == step.id:
                continue
            links.append(
                Link(
                    f"{owner}/{section.id}",
                    "section",
                    section.title,
                    f"{url}#{section.id}",
                    short_url(f"{owner}/{section.id}", directory_urls),
                    step and step.id,
                )
            )
        if step:
            links.extend(_checklist_links(content, step.id, url, directory_urls))
    links.extend(_example_link(example, directory_urls) for example in content.examples.values())
    if any(page.src_uri == CHECK_PAGE for page in pages):
        links.extend(check_links(content, directory_urls))
    return links


def check_links(content: Content, directory_urls: bool = True) -> list[Link]:
    """One entry per knowledge-check question, at its anchor on the check page, in page order."""
    url = page_url(CHECK_PAGE, directory_urls)
    steps = [step.id for step in content.steps]
    return [
        Link(
            f"check/{question.id}",
            "check",
            _plain(question.scenario),
            f"{url}#{check_anchor(question.id)}",
            None,
            question.step,
        )
        for question in check_page_order(content.questions.values(), steps)
    ]


def _checklist_links(content: Content, step_id: str, url: str, directory_urls: bool) -> list[Link]:
    links = []
    for checklist in content.checklists_for_step(step_id):
        links.append(_checklist_link(content, checklist, directory_urls))
        links.extend(
            Link(
                f"{checklist.id}/{item.id}",
                "item",
                item.text,
                f"{url}#{item_anchor(checklist.id, item.id)}",
                short_url(f"{checklist.id}/{item.id}", directory_urls),
                step_id,
            )
            for item in checklist.items
        )
        # A retired item keeps its old anchor, now on its successor (or on the checklist), and
        # its short link, which leads to that anchor.
        titles = {item.id: item.text for item in checklist.items}
        links.extend(
            Link(
                f"{checklist.id}/{old}",
                "retired",
                f"Now: {titles.get(now, checklist.title)}",
                f"{url}#{item_anchor(checklist.id, old)}",
                short_url(f"{checklist.id}/{old}", directory_urls),
                step_id,
            )
            for old, now in checklist.retired.items()
        )
    return links


def print_links(content: Content, directory_urls: bool = True) -> list[Link]:
    """The printable cards and PDFs the print part publishes, named by its own path functions."""
    links = [
        Link(
            f"card/{checklist.id}",
            "card",
            f"Printable card: {checklist.title}",
            page_url(card_page(checklist.id), directory_urls),
            None,
            checklist.step,
        )
        for checklist in content.checklists.values()
    ]
    first_hour = page_url(card_page(FIRST_HOUR), directory_urls)
    links.append(Link(f"card/{FIRST_HOUR}", "card", "Printable card: Your first hour", first_hour))
    everything = page_url(ALL_CARDS_PAGE, directory_urls)
    links.append(Link("card/all", "card", "All printable cards", everything))
    two_up = page_url(card_page(TWO_UP), directory_urls)
    links.append(Link(f"card/{TWO_UP}", "card", "All printable cards, two per sheet", two_up))
    subjects = [(FIRST_HOUR, "Your first hour", None)]
    subjects += [(c.id, c.title, c.step) for c in content.checklists.values()]
    for name, title, step in [*subjects, (ALL_CARDS, "All cards", None)]:
        for paper in PAPERS:
            label = paper.upper() if len(paper) <= 2 else paper.capitalize()
            url = pdf_path(name, paper)
            pdf_id = f"pdf/{Path(url).stem}"
            links.append(Link(pdf_id, "pdf", f"PDF ({label}): {title}", url, None, step))
    return links


# Kinds whose short link sits under its owner's (`go/<step>/<section>/`, `go/<checklist>/<item>/`):
# their ids hold a "/", so they never clash with the top-level short links.
NESTED_SHORT_KINDS = ("section", "item")
# What gets a QR code on the link page: what a slide or a handout points at.
QR_KINDS = ("step", "checklist", "example")


def short_links_on_pages(links: list[Link]) -> dict[str, dict[str, str]]:
    """Page URL -> {anchor: short link} for every target with a short link and an anchor.

    The build gives each section heading on a page the copy button for its short link
    (macros/headings.py), so it hands out the address the build keeps, never one made up.
    """
    shorts: dict[str, dict[str, str]] = {}
    for link in links:
        page, _, anchor = link.url.partition("#")
        if link.short and anchor and link.kind != "retired":
            shorts.setdefault(page, {})[anchor] = link.short
    return shorts


def _exists(site_dir: Path, url: str) -> bool:
    return (site_dir / url / "index.html" if url.endswith("/") else site_dir / url).is_file()


def _live_links(
    content: Content, docs_dir: Path, site_dir: Path | None, directory_urls: bool
) -> list[Link]:
    links = content_links(content, source_pages(docs_dir), directory_urls)
    known = {link.url for link in links}
    printed = [link for link in print_links(content, directory_urls) if link.url not in known]
    if site_dir is not None:
        printed = [link for link in printed if _exists(site_dir, link.url)]
    return links + printed


def retirement_plan(
    content: Content, docs_dir: Path, live: list[Link], directory_urls: bool = True
) -> retired.Plan:
    """What keeps each retired page, section, checklist or example resolving (macros.retired)."""
    published = live if directory_urls else _live_links(content, docs_dir, None, True)
    root = docs_dir.parent
    return retired.plan(dict(content.retired_links), live, published, root, directory_urls)


def build_catalogue(
    content: Content, docs_dir: Path, site_dir: Path | None = None, directory_urls: bool = True
) -> list[Link]:
    """The whole catalogue; ids must be unique, so a clash stops the build.

    Before the build (site_dir None) print targets are listed as the print part names them; after
    it, only those whose files the build wrote, so links.json never lists a missing file.
    """
    links = _live_links(content, docs_dir, site_dir, directory_urls)
    links += [
        Link(old.id, "retired", f"Now: {old.target.title}", old.url, old.short, old.target.step)
        for old in retirement_plan(content, docs_dir, links, directory_urls).retired
    ]
    seen: dict[str, Link] = {}
    for link in links:
        if link.id in seen:
            raise ContentError(
                file="docs/ and data/",
                record=link.id,
                message=f"two targets share the id '{link.id}' ({seen[link.id].url}, {link.url})",
                fix="give the heading, page or record another explicit id",
            )
        seen[link.id] = link
    return links


def to_json(links: list[Link], built: str = "", base: str = "") -> str:
    """The catalogue as published in site/links.json: stable order, one entry per target.

    `built` is the build date (from SOURCE_DATE_EPOCH): it belongs here and in the zip, for
    whoever manages the files, not on pages or paper, which show when the content was reviewed.
    """
    entries = [{key: value for key, value in asdict(link).items()} for link in links]
    # `base`: the public address every url and short link is relative to, when the build knows it.
    document = {
        "version": 1,
        **({"built": built} if built else {}),
        **({"base": base} if base else {}),
        "links": entries,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write_catalogue(site_dir: Path, links: list[Link], built: str = "", base: str = "") -> Path:
    """Write site/links.json."""
    path = site_dir / CATALOGUE_FILE
    path.write_text(to_json(links, built, base), encoding="utf-8")
    return path
