"""PDF downloads of the cards, made during the build by WeasyPrint (no browser, no network).

The cards are rendered by the same component and printed with the site's own cards.css and
print.css, once per paper size; the all-cards PDF reuses those rendered pages. Dates come from
SOURCE_DATE_EPOCH and the file identifier from the content, so two builds of the same sources give
identical bytes.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import CSS, HTML
from weasyprint.urls import FatalURLFetchingError, URLFetcher

from macros.addresses import ALL_CARDS, FIRST_HOUR, card_page, page_url, pdf_path
from macros.components.card import card, first_hour_card
from macros.content import Content
from macros.errors import ContentError
from macros.pageref import PageRef
from macros.printing.options import PAPERS, PrintOptions
from macros.render import ENVIRONMENT

PAGE_SIZES = {"a4": "A4", "letter": "letter"}
# The site's stylesheets for cards, in the order its card pages load them.
PRINT_STYLESHEETS = ("cards.css", "print.css")


class SiteOnlyFetcher(URLFetcher):
    """Fetch files inside the built site only; anything else stops the build (fail closed)."""

    def __init__(self, site_dir: Path) -> None:
        super().__init__(fail_on_errors=True, allowed_protocols={"file"})
        self.site_dir = site_dir.resolve()

    def fetch(self, url: str, headers: dict[str, str] | None = None):
        """Refuse every address that is not a file below the site folder."""
        parts = urlsplit(url)
        path = Path(unquote(parts.path)).resolve()
        if parts.scheme != "file" or not path.is_relative_to(self.site_dir):
            raise PermissionError(f"the PDF tried to load {url}, which is outside the built site")
        return super().fetch(url, headers)


def _document_html(cards: list[str], title: str, options: PrintOptions) -> str:
    stamp = options.printed.build_date.strftime("%Y-%m-%dT%H:%M:%SZ")  # the day, as on paper
    return ENVIRONMENT.get_template("card_document.html").render(
        title=title, cards=cards, created=stamp, author=options.site_name
    )


def write_card_pdfs(site_dir: Path, content: Content, options: PrintOptions) -> list[str]:
    """Write print/pdf/<checklist>-<paper>.pdf and all-cards-<paper>.pdf into the built site."""
    fetcher = SiteOnlyFetcher(site_dir)
    styles = [
        CSS(filename=str(site_dir / f"assets/stylesheets/{name}"), url_fetcher=fetcher)
        for name in PRINT_STYLESHEETS
    ]
    written: list[str] = []
    for paper in PAPERS:
        page_css = CSS(string=f"@page {{ size: {PAGE_SIZES[paper]}; }}")
        rendered, sources = [], []
        subjects = [(FIRST_HOUR, "Your first hour", None)] + [
            (checklist.id, f"Checklist card: {checklist.title}", checklist.id)
            for checklist in content.checklists.values()
        ]
        for name, title, checklist_id in subjects:
            # Rendered as on its card page of the published site (directory URLs, also when the
            # offline copy is built), so relative links resolve against the public address.
            page = PageRef(card_page(name), directory_urls=True)
            if checklist_id is None:
                html = first_hour_card(content, page, options=options, for_pdf=True)
            else:
                html = card(content, page, checklist_id, options=options, for_pdf=True)
            source = _document_html([html], title, options)
            # Links in the text resolve against the public address, never a path of the build host.
            base = options.short_address(page_url(card_page(name))) if options.public_url else None
            document = HTML(string=source, base_url=base, url_fetcher=fetcher).render(
                stylesheets=[*styles, page_css]
            )
            rendered.append(document)
            sources.append(source)
            written.append(_write(site_dir, pdf_path(name, paper), document, source))
        everything = rendered[0].copy([page for doc in rendered for page in doc.pages])
        everything.metadata.title = "Checklist cards"
        written.append(_write(site_dir, pdf_path(ALL_CARDS, paper), everything, "".join(sources)))
    return written


def _write(site_dir: Path, relative: str, document: object, seed: str) -> str:
    target = site_dir / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    identifier = hashlib.sha256(f"{relative}\n{seed}".encode()).hexdigest()[:32].encode()
    document.write_pdf(target, pdf_identifier=identifier)
    return relative


def card_pdfs(site_dir: Path, content: Content, options: PrintOptions) -> list[str]:
    """Write the PDFs (their root-relative paths returned); a fetch outside the site stops it."""
    # print.css also holds browser-only rules (::details-content, mask-image) that WeasyPrint
    # reports one by one; they do not touch the cards, so only errors are shown.
    weasy_log = logging.getLogger("weasyprint")
    level = weasy_log.level
    weasy_log.setLevel(logging.ERROR)
    try:
        written = write_card_pdfs(site_dir, content, options)
    except FatalURLFetchingError as error:
        raise ContentError(
            file="macros/templates/_card.html or overrides/assets/stylesheets/cards.css",
            message=f"a card PDF could not be made: {error.__cause__ or error}",
            fix="cards may only use files of the built site; remove the outside address",
        ) from None
    finally:
        weasy_log.setLevel(level)
    return written
