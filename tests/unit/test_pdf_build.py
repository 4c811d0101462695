"""Card PDFs from WeasyPrint: reproducible bytes, and no fetching outside the built site."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from weasyprint import HTML

from macros.content import load_content
from macros.errors import ContentError
from macros.printing import pdfcache, pdfs
from macros.printing.options import PrintOptions
from tests.support import ROOT

CONTENT = load_content(ROOT / "data", ROOT / "docs")
OPTIONS = PrintOptions(
    "Handling Mistakes at Work",
    "https://intranet.example/hr/guide/",
    datetime(2026, 11, 25, 9, 0, 1, tzinfo=UTC),
)
EVENING = dataclasses.replace(OPTIONS, build_date=datetime(2026, 11, 25, 17, 30, tzinfo=UTC))


def fake_site(root: Path) -> Path:
    """The part of a built site the PDFs read: the card and print stylesheets."""
    folder = root / "assets/stylesheets"
    folder.mkdir(parents=True)
    for name in pdfs.PRINT_STYLESHEETS:
        shutil.copy(ROOT / "overrides/assets/stylesheets" / name, folder / name)
    return root


@pytest.mark.slow
def test_two_runs_write_identical_pdfs(tmp_path: Path) -> None:
    """Made the same day at different times (no SOURCE_DATE_EPOCH): paper shows only the day."""
    first = fake_site(tmp_path / "one")
    second = fake_site(tmp_path / "two")
    written = pdfs.write_card_pdfs(first, CONTENT, OPTIONS)
    pdfs.write_card_pdfs(second, CONTENT, EVENING)
    assert len(written) == 2 * (len(CONTENT.checklists) + 2)  # + first-hour and all-cards
    for pdf in written:
        assert (first / pdf).read_bytes() == (second / pdf).read_bytes(), pdf
    info = PdfReader(first / "print/pdf/own-it-a4.pdf").metadata
    assert info["/CreationDate"].startswith("D:20261125")
    assert info["/Title"] == "Checklist card: Own what happened"


@pytest.mark.slow
def test_a_second_build_the_same_day_copies_the_pdfs_instead_of_rendering(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without SOURCE_DATE_EPOCH (`mkdocs build`, `mkdocs serve`) the build time is the clock's."""
    monkeypatch.setenv("GUIDE_PDF_CACHE", str(tmp_path / "cache"))
    first, second = fake_site(tmp_path / "one"), fake_site(tmp_path / "two")
    count, _, cached = pdfcache.card_pdfs(ROOT, first, CONTENT, OPTIONS)
    assert (count, cached) == (2 * (len(CONTENT.checklists) + 2), False)
    count, _, cached = pdfcache.card_pdfs(ROOT, second, CONTENT, EVENING)
    assert cached, "the second build of the day rendered the PDFs again"
    # The copy is what rendering would give (the test above: the time of day changes no byte).
    for pdf in sorted((first / "print/pdf").iterdir()):
        assert (second / "print/pdf" / pdf.name).read_bytes() == pdf.read_bytes(), pdf.name


def test_the_fetcher_refuses_other_hosts_and_files_outside_the_site(tmp_path: Path) -> None:
    site = fake_site(tmp_path / "site")
    (tmp_path / "secret.txt").write_text("no", encoding="utf-8")
    fetcher = pdfs.SiteOnlyFetcher(site)
    response = fetcher.fetch((site / "assets/stylesheets/cards.css").as_uri())
    assert b"guide-card" in response.read()
    response.close()
    for url in ("https://example.com/logo.png", (tmp_path / "secret.txt").as_uri()):
        with pytest.raises((PermissionError, ValueError)):
            fetcher.fetch(url)


def test_a_card_asking_for_a_remote_file_stops_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = fake_site(tmp_path / "site")
    original = pdfs.card

    def card_with_remote_image(*args: object, **kwargs: object) -> str:
        return original(*args, **kwargs) + '<img src="https://example.com/track.png" alt="">'

    monkeypatch.setattr(pdfs, "card", card_with_remote_image)
    with pytest.raises(ContentError, match="outside the built site"):
        pdfs.card_pdfs(site, CONTENT, OPTIONS)


def test_weasyprint_itself_cannot_reach_out_through_our_fetcher(tmp_path: Path) -> None:
    site = fake_site(tmp_path / "site")
    html = HTML(
        string='<link rel="stylesheet" href="https://example.com/x.css"><p>x</p>',
        base_url=(site / "index.html").as_uri(),
        url_fetcher=pdfs.SiteOnlyFetcher(site),
    )
    with pytest.raises(BaseException, match="Error fetching"):
        html.render()
