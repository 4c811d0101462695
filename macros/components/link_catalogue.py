"""`link_catalogue(part)`: every linkable target of the guide, in parts people can scan.

It lists the same catalogue the build writes to links.json, so the page can never promise an
address the site does not keep. The linking page calls one part under each of its own headings
(so they are in its contents list): the steps, checklists, worked examples and printables come
first, each with a QR code; the precise section, item and question links are folded per step.
Each address has its copy buttons (hidden without scripts); the filter and QR codes for an
unknown public address are added by links.js; without scripts the addresses stay visible and
selectable.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from macros.addresses import ALL_CARDS, qr_path
from macros.catalogue import QR_KINDS, Link, build_catalogue
from macros.components._checks import known_id
from macros.content import Content
from macros.pageref import PageRef
from macros.printing.options import PrintOptions
from macros.printing.qr import qr_svg
from macros.render import render

EXAMPLES = {"default": {"part": "steps"}, "folded": {"part": "sections"}}
KIND_LABELS = {
    "page": "Page",
    "step": "Step page",
    "section": "Section",
    "checklist": "Checklist",
    "item": "Checklist item",
    "example": "Worked example",
    "check": "Question",
    "card": "Printable card",
    "pdf": "PDF",
}
# The parts, in the order the linking page shows them.
PARTS = ("filter", "steps", "checklists", "examples", "printables", "sections", "pages")
_PART_KINDS = {"steps": "step", "checklists": "checklist", "examples": "example"}
_HEADLINE_KINDS = ("step", "checklist", "example", "card", "pdf", "page")


@dataclass(frozen=True)
class Fold:
    """A closed box of precise links: the sections, items and questions of one step or page."""

    id: str
    title: str
    links: tuple[Link, ...]

    @property
    def summary(self) -> str:
        """What the box holds, counted by kind ("4 sections, 6 checklist items")."""
        counts: dict[str, int] = {}
        for link in self.links:
            counts[link.kind] = counts.get(link.kind, 0) + 1
        names = {"section": "section", "item": "checklist item", "check": "question"}
        parts = [f"{n} {names.get(k, k)}{'s' if n != 1 else ''}" for k, n in counts.items()]
        return ", ".join(parts)


@dataclass(frozen=True)
class Printable:
    """A printable card and its PDF files."""

    card: Link
    pdfs: tuple[Link, ...]


@dataclass(frozen=True)
class QrCode:
    """A QR code made at build time: inline SVG, and the files the build writes to download."""

    svg: Markup
    svg_href: str
    png_href: str


def folds(content: Content, links: list[Link]) -> list[Fold]:
    """One fold per step, then one per other page with sections, then the other questions."""
    precise = [link for link in links if link.kind not in _HEADLINE_KINDS]
    result = [
        Fold(
            step.id,
            f"Step {step.number}: {step.title}",
            tuple(x for x in precise if x.step == step.id),
        )
        for step in content.steps
    ]
    pages = [link for link in links if link.kind == "page"]
    for owner in pages:
        inside = tuple(x for x in precise if x.step is None and x.id.startswith(owner.id + "/"))
        result.append(Fold(owner.id.replace("/", "-"), owner.title, inside))
    placed = {x.id for fold in result for x in fold.links}
    rest = tuple(x for x in precise if x.id not in placed)
    result.append(Fold("more", "More links", rest))
    return [fold for fold in result if fold.links]


def printables(links: list[Link]) -> list[Printable]:
    """Each card with its PDFs (`card/own-it` with `pdf/own-it-a4`, `card/all` with all-cards)."""
    pdfs = [link for link in links if link.kind == "pdf"]

    def name(card: Link) -> str:
        return ALL_CARDS if card.id == "card/all" else card.id.removeprefix("card/")

    return [
        Printable(
            card,
            tuple(
                pdf for pdf in pdfs if pdf.id.removeprefix("pdf/").rsplit("-", 1)[0] == name(card)
            ),
        )
        for card in links
        if card.kind == "card"
    ]


def in_content_order(content: Content, links: list[Link]) -> list[Link]:
    """Steps by number, checklists in file order, worked examples by title."""
    order = {step.id: n for n, step in enumerate(content.steps)}
    order.update({cid: n for n, cid in enumerate(content.checklists)})
    titles = sorted(content.examples, key=lambda eid: content.examples[eid].title.lower())
    order.update({eid: n for n, eid in enumerate(titles)})
    return sorted(links, key=lambda link: order.get(link.id, len(order)))


def qr_code(page: PageRef, link: Link, address: str) -> QrCode:
    """A build-time QR code for a full address, shown inline, with its files (postbuild.py)."""
    return QrCode(
        svg=qr_svg(address, f"QR code: {address}"),
        svg_href=page.link_to(qr_path(link.id, "svg")),
        png_href=page.link_to(qr_path(link.id, "png")),
    )


def file_name(link: Link) -> str:
    """The download's name: the short address as a file name (`go-step-2`)."""
    return (link.short or link.url).strip("/").replace("/", "-").removesuffix("-index.html")


def link_catalogue(
    content: Content, page: PageRef, docs_dir: Path, options: PrintOptions, part: str
) -> str:
    """Render one part of the catalogue."""
    part = known_id("link catalogue part", part, PARTS)
    # Retired ids keep resolving but are not offered for new links.
    links = [
        link
        for link in build_catalogue(content, docs_dir, directory_urls=page.directory_urls)
        if link.kind != "retired"
    ]
    codes: dict[str, QrCode] = {}
    if options.public_url and part in _PART_KINDS:
        for link in links:
            if link.kind in QR_KINDS and link.short:
                codes[link.id] = qr_code(page, link, options.short_address(link.short))
    return render(
        "link_catalogue.html",
        page,
        part=part,
        entries=in_content_order(content, [x for x in links if x.kind == _PART_KINDS.get(part)]),
        pages=[link for link in links if link.kind == "page"],
        printables=printables(links),
        folds=folds(content, links),
        kinds=KIND_LABELS,
        codes=codes,
        qr_kinds=QR_KINDS,
        file_name=file_name,
    )


def link_catalogue_for(
    docs_dir: Path, options: PrintOptions
) -> Callable[[Content, PageRef, str], str]:
    """The macro for one build: `{{ link_catalogue("steps") }}`; docs and options come from here."""

    def listing(content: Content, page: PageRef, part: str = "steps") -> str:
        return link_catalogue(content, page, docs_dir, options, part)

    return listing
