"""Link previews from data: plain text from Markdown fields, cut descriptions, titles in context."""

from __future__ import annotations

from macros.catalogue import build_catalogue
from macros.content import load_content
from macros.previews import link_preview, page_preview, plain, shorten, tags
from tests.support import ROOT

CONTENT = load_content(ROOT / "data", ROOT / "docs")
LINKS = {link.id: link for link in build_catalogue(CONTENT, ROOT / "docs")}


def test_markdown_fields_become_plain_text() -> None:
    assert plain("Tell [your manager](managers.md) *now*.") == "Tell your manager now."


def test_long_descriptions_are_cut_at_a_word() -> None:
    cut = shorten("word " * 100, 30)
    assert len(cut) <= 30 and cut.endswith("word…")
    assert shorten("short") == "short"


def test_a_step_page_speaks_from_its_summary_and_has_no_address_without_a_public_one() -> None:
    step = CONTENT.steps[0]
    preview = page_preview(CONTENT, step.page, "ignored", "Guide", "")
    assert preview.title == f"Step 1: {step.title}"
    assert preview.description == shorten(plain(step.summary))
    assert (preview.url, preview.image, preview.canonical) == ("", "", "")
    public = page_preview(CONTENT, step.page, "ignored", "Guide", "https://x.example/g/")
    assert public.url == public.canonical == f"https://x.example/g/{step.page[:-3]}/"


def test_go_pages_name_their_kind() -> None:
    checklist = next(iter(CONTENT.checklists.values()))
    preview = link_preview(CONTENT, LINKS, LINKS[checklist.id], "Guide", "")
    assert preview.full_title == f"Checklist: {checklist.title} · Guide"
    assert preview.description == shorten(plain(checklist.why))
    example = next(iter(CONTENT.examples.values()))
    preview = link_preview(CONTENT, LINKS, LINKS[example.id], "Guide", "")
    assert preview.title == f"Worked example: {example.title}"
    section = link_preview(CONTENT, LINKS, LINKS["step-2/what-to-do"], "Guide", "")
    assert section.title.startswith("What to do · Step 2: ")


def test_tags_are_escaped() -> None:
    step = CONTENT.steps[0]
    preview = page_preview(CONTENT, step.page, "", 'A "quoted" <guide>', "")
    html = tags(preview)
    assert 'content="A &#34;quoted&#34; &lt;guide&gt;"' in html
