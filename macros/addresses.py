"""Every address and anchor the guide publishes, and the one check for page paths and web addresses.

A published address is a promise (tests/links.lock.json): onboarding decks, e-mails and printed
cards keep it for years. So each format is written here once, and the catalogue, the short links,
the cards, the PDFs, the templates (which receive addresses, never format them) and the browser
scripts (through the page config) all take it from here. A new kind of address is added here.

Addresses are root-relative and work under any sub-path: every link the components write is made
relative to the page it is on, so the site works at a host's root, under /hr/guide/ and from a
folder.
"""

from __future__ import annotations

import posixpath
import re

# Pages the guide's own components link to (source paths under docs/).
HOME_PAGE = "index.md"
FIRST_HOUR_PAGE = "right-now.md"
STEPS_PAGE = "steps/index.md"
EXAMPLES_PAGE = "examples/index.md"
CHANGES_PAGE = "changes.md"
# The "Check your understanding" page: every knowledge-check question, and the answer key.
CHECK_PAGE = "check.md"

# Short links: `go/<id>/` for every step, checklist and worked example, in one namespace, and
# `go/<owner>/<id>/` for the sections and checklist items inside them (their ids hold the "/").
GO = "go"
RESERVED_IDS = frozenset({"", "index"})
FORWARD_SCRIPT = "assets/javascripts/go.js"

# Printable cards: `print/<checklist-id>/`, `print/first-hour/`, `print/` (all of them) and the
# PDFs `print/pdf/<name>-<paper>.pdf`.
PRINT = "print"
PDF_FOLDER = f"{PRINT}/pdf"
FIRST_HOUR = "first-hour"
ALL_CARDS = "all-cards"
ALL_CARDS_PAGE = f"{PRINT}/index.md"
# Every card again, two to a sheet, for workshops: `print/two-up/`.
TWO_UP = "two-up"

# QR codes of the short links, as files to download: `print/qr/<id>.svg` and `.png` (written by
# the build when the public address is known; the browser makes them otherwise).
QR_FOLDER = f"{PRINT}/qr"

# The picture a link preview shows (written by the build when the public address is known).
PREVIEW_IMAGE = "assets/images/guide-preview.png"

# The site's catalogue of every address above (site/links.json).
CATALOGUE_FILE = "links.json"
# The questions of the check page with their fingerprints and best options (site/checks.json).
CHECKS_FILE = "checks.json"

# The words search can match, for the script that corrects misspelt queries (macros/search.py).
SEARCH_WORDS = "search/words.js"

# Where the browser keeps a guide's state: one localStorage key per guide and kind ("ticks",
# "answers"). Stored ticks and answers live under these exact strings, so the format never
# changes; a new data format takes a new version and so a new key.
STORAGE_KEY = "guide:{guide}:{kind}:v1"
STORAGE_KINDS = ("ticks", "answers")

_SEGMENT = r"[A-Za-z0-9_-][A-Za-z0-9_.-]*"
_PAGE_PATH = rf"{_SEGMENT}(?:/{_SEGMENT})*\.md"  # a segment never starts with a dot
_FRAGMENT = r"[A-Za-z0-9_-]+"
PAGE_LINK = re.compile(rf"^(?P<page>{_PAGE_PATH})(?:#(?P<fragment>{_FRAGMENT}))?$")
_WEB = r"https?://[^\s/?#<>\"'`()]+(?:[/?#][^\s<>\"'`()]*)?"
# A full web address: http(s), a host, no spaces, quotes or brackets.
WEB_ADDRESS = re.compile(rf"^{_WEB}$")
# Where a link in data may point outside the guide: a web address, an e-mail or a phone number.
WEB_LINK = re.compile(rf"^(?:{_WEB}|mailto:[^\s<>\"'`]+@[^\s<>\"'`]+|tel:\+?[0-9-]+)$")


def is_public_url(value: str) -> bool:
    """True for where the guide is published: a web address without a query or fragment."""
    return WEB_ADDRESS.match(value) is not None and not {"?", "#"} & set(value)


def checklist_anchor(checklist_id: str) -> str:
    """The anchor of a checklist on its step page: `checklist-<id>`."""
    return f"checklist-{checklist_id}"


def item_anchor(checklist_id: str, item_id: str) -> str:
    """The anchor of one checklist item (or a retired item's old id): `item-<checklist>--<item>`."""
    return f"item-{checklist_id}--{item_id}"


def example_anchor(example_id: str) -> str:
    """The anchor of a worked example on the examples page: `example-<id>`."""
    return f"example-{example_id}"


def check_anchor(question_id: str) -> str:
    """The anchor of a knowledge-check question, on the check page and on its step page."""
    return f"check-{question_id}"


def short_path(link_id: str) -> str:
    """The short address as published: `go/<id>/`, `go/<step>/<section>/`, `go/<list>/<item>/`."""
    return f"{GO}/{link_id}/"


def short_url(link_id: str, directory_urls: bool = True) -> str:
    """The short address as this build's links name it (`go/<id>/index.html` offline)."""
    return folder_url(short_path(link_id), directory_urls)


def card_page(name: str) -> str:
    """The source path of a generated card page: `print/<name>.md`, built to `print/<name>/`."""
    return f"{PRINT}/{name}.md"


def pdf_path(name: str, paper: str) -> str:
    """Root-relative path of a PDF download: `print/pdf/<name>-<paper>.pdf`."""
    return f"{PDF_FOLDER}/{name}-{paper}.pdf"


def qr_path(link_id: str, extension: str) -> str:
    """Root-relative path of a short link's QR code file: `print/qr/<id>.svg` or `.png`."""
    return f"{QR_FOLDER}/{link_id}.{extension}"


def storage_key(guide_id: str, kind: str) -> str:
    """The localStorage key of one kind of a guide's state: `guide:<guide-id>:<kind>:v1`."""
    return STORAGE_KEY.format(guide=guide_id, kind=kind)


def script_config() -> dict[str, str]:
    """The formats the browser scripts need, given to them through the page config.

    `{guide}` and `{kind}` stand for the ids; the scripts fill them in rather than spelling the
    format again. (Copy buttons carry their addresses: macros/templates/copy_button.html.)
    """
    return {"searchWords": SEARCH_WORDS, "storage": STORAGE_KEY}


def is_page_path(path: str) -> bool:
    """True for a page path written from docs/ (`steps/own-it.md`): relative, no `.` or `..`."""
    match = PAGE_LINK.match(path)
    return match is not None and match["fragment"] is None


def is_page_link(target: str) -> bool:
    """True for a link to a page of this guide (`steps/own-it.md`, `about.md#contact`)."""
    return PAGE_LINK.match(target) is not None


def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """Give the URL MkDocs makes for a Markdown page, relative to the root.

    With `use_directory_urls` (the site) `a/b.md` is `a/b/` and the home page is ``; without it
    (the offline copy, opened from file:// where a folder is not a page) `a/b.md` is `a/b.html`.
    """
    stem = src_uri[: -len(".md")] if src_uri.endswith(".md") else src_uri
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def folder_url(path: str, directory_urls: bool = True) -> str:
    """A folder of generated files (`go/step-1/`) as a link names it: `go/step-1/index.html` off."""
    return path if directory_urls else f"{path}index.html"


def relative_url(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url` (both root-relative, fragment allowed)."""
    path, _, fragment = to_url.partition("#")
    base = (
        "/" + from_url
        if from_url.endswith("/") or not from_url
        else "/" + posixpath.dirname(from_url)
    )
    target = posixpath.relpath("/" + path, base.rstrip("/") or "/")
    if path.endswith("/") or not path:
        target = target.rstrip("/") + "/" if target != "." else "./"
    return target + (f"#{fragment}" if fragment else "")


def relative_source(from_src: str, to_src: str) -> str:
    """A Markdown link from one source page to another, so MkDocs itself validates it."""
    path, _, fragment = to_src.partition("#")
    target = posixpath.relpath(path, posixpath.dirname(from_src) or ".")
    return target + (f"#{fragment}" if fragment else "")


_MARKDOWN_LINK = re.compile(r"\]\(\s*([^)\s]+)")


def rewrite_markdown_links(text: str, from_src: str) -> str:
    """Make a data field's `.md` links (written from docs/) relative to the page `from_src`."""

    def rewrite(match: re.Match[str]) -> str:
        target = match.group(1)
        if not is_page_link(target):
            return match.group(0)
        return "](" + relative_source(from_src, target)

    return _MARKDOWN_LINK.sub(rewrite, text)
