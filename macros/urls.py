"""Page addresses as the built site has them, and links between them that work under any sub-path.

Every internal link the components write is relative, so the site works at a host's root, under a
sub-path such as /hr/guide/ and opened from a folder.
"""

from __future__ import annotations

import posixpath
import re

HOME_PAGE = "index.md"
PAGE_LINK = re.compile(r"^(?![a-zA-Z][a-zA-Z0-9+.-]*:)[A-Za-z0-9_./-]+\.md(?:#[A-Za-z0-9_-]+)?$")


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


def is_page_link(target: str) -> bool:
    """True for a link to a page of this guide (`steps/own-it.md`, `about.md#contact`)."""
    return PAGE_LINK.match(target) is not None
