"""Page weight: the bytes a real browser fetches for a page, raw and gzip, by kind of file.

Debian's Chromium opens each page fresh (new profile, nothing stored, no #fragment, no
interaction) from a local server over the built site and waits until the network is quiet: what
it requested is what a first visit costs. Then every feature script the page names
(guide-core's data-guide-<name>-src) is loaded through guide.load, and what that fetches too is
the page's weight when every feature is in use. Each file is weighed as its gzip size from the
built folder, so the figures compare with earlier runs. The search index, which Material's search
worker fetches at start, is counted on its own.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import html as lxml_html

from bench.lighthouse import CHROMIUM, serve
from macros import assets

SEARCH_INDEX = "search/search_index.json"
GZIP_LEVEL = 6  # what common web servers use
QUIET_MS = 500  # as Playwright's "networkidle": no request for this long
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The feature names on the page's data-guide-<name>-src attributes, then each loaded through
# guide.load; the names of those that could not load come back.
LOAD_FEATURES = """async () => {
  const names = new Set();
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      const match = /^data-guide-(.+)-src$/.exec(attribute.name);
      if (match) names.add(match[1]);
    }
  }
  const loaded = await Promise.all([...names].map((name) => window.guide.load(name)));
  return [...names].filter((name, index) => !loaded[index]);
}"""
KINDS = {
    ".html": "html",
    ".css": "css",
    ".js": "js",
    ".woff2": "font",
    ".woff": "font",
    ".ttf": "font",
    ".svg": "image",
    ".png": "image",
    ".jpg": "image",
    ".ico": "image",
    ".webp": "image",
    ".json": "data",
}


def gzip_size(data: bytes) -> int:
    """Bytes after gzip at a web server's usual level."""
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def is_theme_page(path: Path) -> bool:
    """A page MkDocs rendered with the theme, not a short-link forwarder written by a hook."""
    return 'name="generator" content="mkdocs-' in path.read_text(encoding="utf-8")


def theme_pages(site: Path) -> list[Path]:
    """Every page of the site as a reader meets it."""
    return [p for p in sorted(site.rglob("*.html")) if p != site / "404.html" and is_theme_page(p)]


def nav_pages(site: Path) -> int:
    """The pages the navigation lists: distinct page links in the home page's primary nav."""
    tree = lxml_html.fromstring((site / "index.html").read_bytes())
    hrefs = tree.xpath("//nav[contains(@class, 'md-nav--primary')]//a[@href]/@href")
    pages = {href.split("#")[0].removeprefix("./").removesuffix("index.html") for href in hrefs}
    return len({"" if page == "." else page for page in pages})


def page_words(site: Path) -> int:
    """Words in the main content of every page: what a plain site of the same size must carry."""
    total = 0
    for page in theme_pages(site):
        tree = lxml_html.fromstring(page.read_bytes())
        for article in tree.xpath("//article"):
            total += len(article.text_content().split())
    return total


@dataclass(frozen=True)
class Visit:
    """What a fresh browser fetched for one page, in the order it asked."""

    page: str  # the page's address, relative to the site's root
    first: tuple[str, ...]  # site files a first visit fetches
    features: tuple[str, ...]  # further site files once every feature script has loaded
    other_hosts: tuple[str, ...]  # addresses elsewhere it tried (refused, and there must be none)


def site_file(root: str, url: str) -> str | None:
    """The site-relative file behind `url` on the server at `root`, or None for another host."""
    if not url.startswith(root):
        return None
    path = unquote(urlsplit(url).path).removeprefix(urlsplit(root).path)
    return path + "index.html" if path == "" or path.endswith("/") else path


def visit_pages(
    site: Path, pages: Mapping[str, str], browser: object | None = None
) -> dict[str, Visit]:
    """Open each named page (an address relative to the root) in a fresh Chromium profile.

    `browser`: one already running (the tests' own, whose event loop a second one would clash
    with), else the bench starts Debian's Chromium for the visits.
    """
    from playwright.sync_api import sync_playwright

    with serve(site) as root:
        if browser is not None:
            return {name: _visit(site, browser, root, page) for name, page in pages.items()}
        with sync_playwright() as playwright:
            own = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            try:
                return {name: _visit(site, own, root, page) for name, page in pages.items()}
            finally:
                own.close()


def _visit(site: Path, browser: object, root: str, page: str) -> Visit:
    """One first visit, then every feature loaded; a file the site lacks stops the bench."""
    context = browser.new_context()
    files: list[str] = []
    other: list[str] = []
    missing: list[str] = []

    def record(route: object) -> None:
        url = route.request.url
        if urlsplit(url).scheme in ("data", "blob"):
            route.continue_()
            return
        name = site_file(root, url)
        if name is None:
            other.append(url)
            route.abort()
            return
        if not (site / name).is_file():
            missing.append(name)
        elif name not in files:
            files.append(name)
        route.continue_()

    context.route("**/*", record)
    tab = context.new_page()
    tab.goto(root + page, wait_until="networkidle")
    first = len(files)
    failed = tab.evaluate(LOAD_FEATURES)
    if failed:
        raise SystemExit(f"bench: {page or '/'} could not load its features {failed}")
    seen = -1
    while seen != len(files):  # until a quiet spell after the features' own requests
        seen = len(files)
        tab.wait_for_timeout(QUIET_MS)
    context.close()
    if missing:
        raise SystemExit(f"bench: {page or '/'} fetches {missing}, which the site does not have")
    return Visit(page, tuple(files[:first]), tuple(files[first:]), tuple(other))


def weigh(site: Path, files: Iterable[str], own: set[str]) -> dict[str, object]:
    """Raw and gzip bytes of `files` by kind, in all and of our own CSS and JS (`own`)."""
    kinds: dict[str, dict[str, int]] = {}
    own_total = {"raw": 0, "gzip": 0}
    total = {"raw": 0, "gzip": 0}
    count = 0
    for name in files:
        count += 1
        data = (site / name).read_bytes()
        size = {"raw": len(data), "gzip": gzip_size(data)}
        kind = kinds.setdefault(KINDS.get(Path(name).suffix, "other"), {"raw": 0, "gzip": 0})
        for key in size:
            kind[key] += size[key]
            total[key] += size[key]
            if name in own:
                own_total[key] += size[key]
    return {"files": count, "by_kind": kinds, "total": total, "own_css_js": own_total}


def page_weight(site: Path, visit: Visit, own: set[str]) -> dict[str, object]:
    """A page's first visit and its weight with every feature in use, the search index aside."""
    first = [name for name in visit.first if name != SEARCH_INDEX]
    every = first + [name for name in visit.features if name != SEARCH_INDEX]
    index = (site / SEARCH_INDEX).read_bytes() if (site / SEARCH_INDEX).is_file() else b""
    return {
        "page": visit.page,
        "first_visit": {**weigh(site, first, own), "files_fetched": first},
        "every_feature": {**weigh(site, every, own), "files_fetched": every},
        "search_index": {
            "raw": len(index),
            "gzip": gzip_size(index),
            "fetched_at_start": SEARCH_INDEX in visit.first,
        },
        "other_hosts": list(visit.other_hosts),
    }


def own_assets(site: Path, overrides: Path) -> set[str]:
    """Our own stylesheets and scripts as published: minified, hashed, joined into bundles."""
    sources = [
        path.relative_to(overrides).as_posix()
        for path in overrides.rglob("*")
        if path.is_file() and assets.is_own(path.name)
    ]
    return {
        name
        for source in [*sources, assets.CSS_BUNDLE, assets.JS_BUNDLE]
        for name in assets.published_files(site, source)
    }


def site_weight(site: Path) -> dict[str, int]:
    """Every file of the built site: count, raw bytes and the sum of each file's gzip bytes."""
    files = [p for p in site.rglob("*") if p.is_file()]
    raw = sum(p.stat().st_size for p in files)
    return {"files": len(files), "raw": raw, "gzip": sum(gzip_size(p.read_bytes()) for p in files)}
