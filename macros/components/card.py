"""`card(id)` and `all_cards()`: a checklist as a one-sheet printable card, from the same data.

A card is made for paper: boxes drawn with borders (printers drop background colors), a line to
write on under each item, and the short address back to the step, as a QR code when the guide
knows its public address.
"""

from __future__ import annotations

from macros.addresses import (
    ALL_CARDS,
    ALL_CARDS_PAGE,
    FIRST_HOUR,
    FIRST_HOUR_PAGE,
    TWO_UP,
    card_page,
    page_url,
    pdf_path,
    short_path,
)
from macros.components._checks import check_flag, known_id
from macros.components.first_hour import shown_lines
from macros.content import Checklist, Content
from macros.errors import MacroArgumentError
from macros.pageref import PageRef
from macros.printing.options import PAPERS, PrintOptions
from macros.printing.qr import qr_svg
from macros.render import render
from macros.review import Review

EXAMPLES = {
    "default": {"checklist_id": "limit-the-damage"},
    "in-a-set": {"checklist_id": "own-it", "heading_level": 2},
}
NOTE_LINES = 4  # lines to write on under "Notes", fewer when a long checklist needs the room
ROOMY_LIST = 6  # items that fit on one sheet with every note line


def _footer_context(
    content: Content,
    page: PageRef,
    options: PrintOptions,
    path: str,
    for_pdf: bool,
    review: Review | None = None,
) -> dict[str, object]:
    """What every card's foot says: the contacts that are set, where the guide lives, the review.

    Paper has no "relative path": without a public address the card says in words how to find the
    guide, and the QR code appears only when it can scan to the real page.
    """
    settings = content.settings
    address = options.short_address(path) if options.public_url else ""
    return {
        "guide_title": options.site_name,
        "organization": settings.organization,
        "contacts": settings.contacts(),
        "address": address,
        "address_href": address if for_pdf else page.link_to(path),
        "path": path,  # where the card comes from: links.js prints it in full from a browser
        "qr": qr_svg(address, f"QR code: {address}") if address else None,
        "organization_name": settings.organization_name,
        "hr_team": settings.hr_team,
        "reviewed": (review or settings.review).last_reviewed,
        "for_pdf": for_pdf,
    }


def _card_context(
    content: Content,
    page: PageRef,
    data: Checklist,
    level: int,
    options: PrintOptions,
    for_pdf: bool = False,
) -> dict[str, object]:
    step = content.step(data.step)
    return {
        **_footer_context(content, page, options, short_path(step.id), for_pdf, data.review),
        "checklist": data,
        "step": step,
        "step_count": len(content.steps),
        "level": level,
        "step_href": page.link_to_page(step.page),
        "card_href": page.link_to_page(card_page(data.id)),
        "pdfs": [(paper, page.link_to(pdf_path(data.id, paper))) for paper in PAPERS],
        "note_lines": range(max(1, NOTE_LINES - max(0, len(data.items) - ROOMY_LIST))),
        "long": len(data.items) > ROOMY_LIST,
    }


def _check_card_level(heading_level: object) -> None:
    """A card's title is the page's h1, or an h2 where cards are listed under a heading."""
    if heading_level not in (1, 2):
        raise MacroArgumentError(
            f"heading_level must be 1 or 2, not {heading_level!r}",
            "write heading_level=1 on a card page, 2 where cards are listed under a heading",
        )


def card(
    content: Content,
    page: PageRef,
    checklist_id: str,
    heading_level: int = 1,
    *,
    options: PrintOptions,
    for_pdf: bool = False,
) -> str:
    """Render the printable card of checklist `checklist_id` (for its page, or for a PDF)."""
    data = content.checklists[known_id("checklist", checklist_id, content.checklists)]
    _check_card_level(heading_level)
    context = _card_context(content, page, data, heading_level, options, for_pdf)
    return render("card.html", page, card=context)


def _first_hour_context(
    content: Content, page: PageRef, level: int, options: PrintOptions, for_pdf: bool
) -> dict[str, object]:
    lines, support = shown_lines(content)
    return {
        **_footer_context(content, page, options, page_url(FIRST_HOUR_PAGE), for_pdf),
        "level": level,
        "lines": lines,
        "support": support,
        "page_href": page.link_to_page(FIRST_HOUR_PAGE),
        "pdfs": [(paper, page.link_to(pdf_path(FIRST_HOUR, paper))) for paper in PAPERS],
    }


def first_hour_card(
    content: Content,
    page: PageRef,
    heading_level: int = 1,
    *,
    options: PrintOptions,
    for_pdf: bool = False,
) -> str:
    """Render the one-sheet first-hour card: the triage lines and who to contact, to pin up."""
    _check_card_level(heading_level)
    context = _first_hour_context(content, page, heading_level, options, for_pdf)
    return render("first_hour_card.html", page, card=context)


def all_cards(
    content: Content, page: PageRef, two_up: bool = False, *, options: PrintOptions
) -> str:
    """Every card, the first-hour card first, one per sheet when printed, with the downloads.

    `two_up=true` prints two cards to a sheet, without the lines to write on: a workshop hands
    out a set per table, and half the paper is half the copying.
    """
    first = _first_hour_context(content, page, 2, options, for_pdf=False)
    cards = [_card_context(content, page, data, 2, options) for data in content.checklists.values()]
    pdfs = [(paper, page.link_to(pdf_path(ALL_CARDS, paper))) for paper in PAPERS]
    return render(
        "all_cards.html",
        page,
        first_hour=first,
        cards=cards,
        pdfs=pdfs,
        two_up=check_flag("two_up", two_up),
        other_href=page.link_to_page(ALL_CARDS_PAGE if two_up else card_page(TWO_UP)),
    )
