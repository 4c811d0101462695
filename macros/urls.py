"""Page addresses as the built site has them, and links between them that work under any sub-path.

Every internal link the components write is relative, so the site works at a host's root, under a
sub-path such as /hr/guide/ and opened from a folder.
"""

from __future__ import annotations

import posixpath


def page_url(src_uri: str) -> str:
    """The directory-style URL MkDocs gives a Markdown page (use_directory_urls), relative to the root."""
    stem = src_uri[: -len(".md")] if src_uri.endswith(".md") else src_uri
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url` (both root-relative, fragment allowed)."""
    path, _, fragment = to_url.partition("#")
    base = "/" + from_url if from_url.endswith("/") or not from_url else "/" + posixpath.dirname(from_url)
    target = posixpath.relpath("/" + path, base.rstrip("/") or "/")
    if path.endswith("/") or not path:
        target = target.rstrip("/") + "/" if target != "." else "./"
    return target + (f"#{fragment}" if fragment else "")


def relative_source(from_src: str, to_src: str) -> str:
    """A Markdown link from one source page to another, so MkDocs itself validates it."""
    path, _, fragment = to_src.partition("#")
    target = posixpath.relpath(path, posixpath.dirname(from_src) or ".")
    return target + (f"#{fragment}" if fragment else "")
