"""Every internal link and anchor in the built site must resolve, raw HTML and macros included.

MkDocs validates Markdown links only. This walks the built HTML, so links written by components,
templates and raw HTML are held to the same promise.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import posixpath
import sys
from collections.abc import Container
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRIBUTES = {
    ("a", "href"),
    ("link", "href"),
    ("img", "src"),
    ("script", "src"),
    ("source", "src"),
}
IGNORED_RELS = {"alternate", "canonical"}
# MkDocs writes 404.html with root-absolute links (it is served from any missing address).
UNCHECKED_PAGES = {"404.html"}


@dataclass
class PageScan:
    """The ids a built page defines and the internal links it makes."""

    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, int]] = field(default_factory=list)


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = PageScan()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.scan.ids.add(values[name] or "")
        for attribute in ("href", "src"):
            target = values.get(attribute)
            if (tag, attribute) in LINK_ATTRIBUTES and target:
                if tag == "link" and values.get("rel") in IGNORED_RELS:
                    continue
                self.scan.links.append((target, self.getpos()[0]))


def scan_html(html: str) -> PageScan:
    """Collect ids and link targets of one page."""
    scanner = _Scanner()
    scanner.feed(html)
    return scanner.scan


def resolve(page: str, target: str, folders: Container[str]) -> tuple[str, str] | None:
    """The site file (relative, posix) and fragment a link on `page` points at.

    None for links to other hosts and special schemes. A path that climbs out of the site starts
    with '..' or '/'. `folders` holds the site's folders, where a link means their index.html.
    """
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith("//"):
        return None
    path = unquote(parts.path)
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
    if path.endswith("/") or joined in folders:
        joined = "index.html" if joined == "." else f"{joined}/index.html"
    return joined, unquote(parts.fragment)


@dataclass(frozen=True)
class BrokenLink:
    """One internal link that points nowhere: the built page, its line there, the target and why."""

    page: str
    line: int
    target: str
    reason: str


class ScanCache:
    """Page scans kept between builds, keyed on each page's bytes.

    Parsing every built page is most of the post-build time in a large guide, and a rebuild
    writes most pages byte for byte as before. A scan depends only on the page's text, so one
    found under the same digest is the same scan. The file holds the last build's scans only;
    an unreadable file (another Python, a crash mid-write) is simply a cold start.
    """

    VERSION = 1

    def __init__(self, path: Path) -> None:
        self.path = path
        self.old: dict[str, tuple[tuple[str, ...], tuple[tuple[str, int], ...]]] = {}
        self.new: dict[str, tuple[tuple[str, ...], tuple[tuple[str, int], ...]]] = {}
        try:
            version, scans = marshal.loads(path.read_bytes())
            if version == (self.VERSION, sys.version_info[:2]):
                self.old = scans
        except (OSError, ValueError, EOFError, TypeError):
            pass

    def scan(self, data: bytes) -> PageScan:
        """The page's scan, from the last build when its bytes are the same."""
        digest = hashlib.blake2b(data, digest_size=16).hexdigest()
        kept = self.old.get(digest) or self.new.get(digest)
        if kept is None:
            found = scan_html(data.decode("utf-8"))
            kept = (tuple(sorted(found.ids)), tuple(found.links))
        self.new[digest] = kept
        return PageScan(set(kept[0]), list(kept[1]))

    def save(self) -> None:
        """Keep this build's scans for the next one (written aside, then moved into place)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_name(f".{self.path.name}.{os.getpid()}")
            payload = ((self.VERSION, sys.version_info[:2]), self.new)
            partial.write_bytes(marshal.dumps(payload))
            partial.replace(self.path)
        except OSError:
            pass


def broken_links(site_dir: Path, cache: Path | None = None) -> list[BrokenLink]:
    """Every internal link in the built site that points at a missing file or anchor.

    With `cache` (a file), scans of pages unchanged since the last build are reused.
    """
    scans = ScanCache(cache) if cache is not None else None
    pages = {
        path: scans.scan(path.read_bytes()) if scans else scan_html(path.read_text("utf-8"))
        for path in sorted(site_dir.rglob("*.html"))
    }
    if scans is not None:
        scans.save()
    problems: list[BrokenLink] = []
    # Paths as strings against one listing of the site: a large guide has 100,000 links.
    files, folders = set(), {"."}
    for current, dirs, names in os.walk(site_dir):
        here = os.path.relpath(current, site_dir).replace(os.sep, "/")
        prefix = "" if here == "." else f"{here}/"
        folders.update(f"{prefix}{d}" for d in dirs)
        files.update(f"{prefix}{n}" for n in names)
    ids = {path.relative_to(site_dir).as_posix(): scan.ids for path, scan in pages.items()}
    # A link resolves the same from every page of one folder (a bare #fragment: from its page).
    resolved_from: dict[tuple[str, str], tuple[str, str] | None] = {}
    for path, scan in pages.items():
        name = path.relative_to(site_dir).as_posix()
        if name in UNCHECKED_PAGES:
            continue
        for target, line in scan.links:
            key = (name if target.startswith(("#", "?")) else posixpath.dirname(name), target)
            if key not in resolved_from:
                resolved_from[key] = resolve(name, target, folders)
            resolved = resolved_from[key]
            if resolved is None:
                continue
            file, fragment = resolved
            if file == ".." or file.startswith(("../", "/")):
                problems.append(BrokenLink(name, line, target, "points outside the site"))
            elif file not in files:
                problems.append(BrokenLink(name, line, target, "points to a missing page or file"))
            elif fragment and file.endswith(".html") and fragment not in ids[file]:
                problems.append(
                    BrokenLink(name, line, target, f"points to a missing anchor '#{fragment}'")
                )
    return problems
