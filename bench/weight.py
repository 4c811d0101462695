"""Page weight: the bytes a browser fetches for one page, raw and gzip, by kind of file.

A page's files are found the way the browser finds them: stylesheets, scripts, icons and images in
the HTML, fonts and images in those stylesheets, and the search worker named in Material's config.
The search index is counted on its own.
"""

from __future__ import annotations

import gzip
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import html as lxml_html

from macros import assets

SEARCH_INDEX = "search/search_index.json"
GZIP_LEVEL = 6  # what common web servers use
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
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
    ".json": "search index",
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


def _local(site: Path, base: str, target: str) -> str | None:
    """The site-relative path of a relative link, or None when no such file was built."""
    path = posixpath.normpath(posixpath.join(base, unquote(urlsplit(target).path)))
    return path if (site / path).is_file() else None


def page_files(site: Path, page: str) -> tuple[list[str], list[str]]:
    """Site-relative files a browser loads for `page`, and any addresses on other hosts."""
    base = posixpath.dirname(page)
    tree = lxml_html.fromstring((site / page).read_bytes())
    targets = [
        *tree.xpath("//link[contains(@rel, 'stylesheet') or contains(@rel, 'icon')]/@href"),
        *tree.xpath("//script/@src"),
        *tree.xpath("//img/@src"),
    ]
    for config in tree.xpath("//script[@id='__config']/text()"):
        worker = json.loads(config).get("search")  # already relative to the page
        if worker:
            targets.append(worker)
    files, external = [page], []
    found = [(base, target) for target in targets]
    for css in [f for f in [_local(site, base, t) for t in targets] if f and f.endswith(".css")]:
        text = (site / css).read_text(encoding="utf-8")
        found += [(posixpath.dirname(css), target) for target in CSS_URL.findall(text)]
    for folder, target in found:
        if target.startswith("data:"):
            continue
        if urlsplit(target).scheme or urlsplit(target).netloc:
            external.append(target)
            continue
        local = _local(site, folder, target)
        if local is None:
            raise SystemExit(f"bench: {page} loads '{target}', which is not in the built site")
        if local not in files:
            files.append(local)
    return files, external


def page_weight(site: Path, page: str, own: set[str]) -> dict[str, object]:
    """Raw and gzip bytes by kind for one page; `own` names our own CSS and JS files."""
    files, external = page_files(site, page)
    kinds: dict[str, dict[str, int]] = {}
    own_total = {"raw": 0, "gzip": 0}
    total = {"raw": 0, "gzip": 0}
    for name in files:
        data = (site / name).read_bytes()
        size = {"raw": len(data), "gzip": gzip_size(data)}
        kind = kinds.setdefault(KINDS.get(Path(name).suffix, "other"), {"raw": 0, "gzip": 0})
        for key in size:
            kind[key] += size[key]
            total[key] += size[key]
            if name in own:
                own_total[key] += size[key]
    index = (site / SEARCH_INDEX).read_bytes() if (site / SEARCH_INDEX).is_file() else b""
    return {
        "page": page,
        "files": len(files),
        "by_kind": kinds,
        "total": total,
        "own_css_js": own_total,
        "search_index": {"raw": len(index), "gzip": gzip_size(index)},
        "other_hosts": sorted(set(external)),
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
