"""Every internal link and anchor in the built site must resolve, raw HTML and macros included.

MkDocs validates Markdown links only. This walks the built HTML, so links written by components,
templates and raw HTML are held to the same promise.
"""

from __future__ import annotations

import posixpath
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


def resolve(site_dir: Path, page: Path, target: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link points at, or None for external and special links."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith("//"):
        return None
    base = page.parent.relative_to(site_dir).as_posix()
    path = unquote(parts.path)
    joined = (
        posixpath.normpath(posixpath.join(base, path))
        if path
        else page.relative_to(site_dir).as_posix()
    )
    resolved = site_dir / joined
    if path.endswith("/") or resolved.is_dir():
        resolved = resolved / "index.html"
    return resolved, unquote(parts.fragment)


@dataclass(frozen=True)
class BrokenLink:
    """One internal link that points nowhere: the built page, its line there, the target and why."""

    page: str
    line: int
    target: str
    reason: str


def broken_links(site_dir: Path) -> list[BrokenLink]:
    """Every internal link in the built site that points at a missing file or anchor."""
    pages = {
        path: scan_html(path.read_text(encoding="utf-8"))
        for path in sorted(site_dir.rglob("*.html"))
    }
    problems: list[BrokenLink] = []
    # Pages share most targets (navigation, assets): ask the file system once per target file.
    root = site_dir.resolve()
    inside: dict[Path, bool] = {}
    present: dict[Path, bool] = {}
    for page, scan in pages.items():
        if page.relative_to(site_dir).as_posix() in UNCHECKED_PAGES:
            continue
        for target, line in scan.links:
            resolved = resolve(site_dir, page, target)
            if resolved is None:
                continue
            file, fragment = resolved
            name = page.relative_to(site_dir).as_posix()
            if file not in inside:
                inside[file] = file.resolve().is_relative_to(root)
                present[file] = inside[file] and file.is_file()
            if not inside[file]:
                problems.append(BrokenLink(name, line, target, "points outside the site"))
            elif not present[file]:
                problems.append(BrokenLink(name, line, target, "points to a missing page or file"))
            elif fragment and file.suffix == ".html" and fragment not in pages[file].ids:
                problems.append(
                    BrokenLink(name, line, target, f"points to a missing anchor '#{fragment}'")
                )
    return problems
