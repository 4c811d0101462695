"""Our own stylesheets and scripts, published lean and cache-safe on any built folder.

A caching server that keeps `ticks.js` for a day would pair new pages with yesterday's script:
so every file of ours is minified (rcssmin, rjsmin) and published under a name that carries a
hash of its content (`guide-core.cf42b804.min.js`), as the theme does for its own files, and
every page that names it is pointed at the new name. The stylesheets and the deferred scripts the
config lists are joined into one file each first, so a page waits on one request for each. The
plain names are removed, so a page that still names one fails the build's link check instead of
loading a stale copy.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import rcssmin
import rjsmin

CSS_BUNDLE = "assets/stylesheets/guide.bundle.css"
JS_BUNDLE = "assets/javascripts/guide.bundle.js"
MINIFIERS: dict[str, Callable[[str], str]] = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}
HASH_LENGTH = 8
HASHED_NAME = re.compile(rf"\.[0-9a-f]{{{HASH_LENGTH}}}\.min\.(?:css|js)$")
# src="..." and href="..." in HTML: the places a page names a stylesheet or a script, and
# data-guide-<name>-src="...", a script guide-core.js loads on first use, and
# data-guide-<name>-href="...", a stylesheet one of our scripts loads when needed.
_REFERENCE = re.compile(
    r"""(?P<lead>\s(?:src|href|data-guide-[a-z]+-(?:src|href))=)(?P<quote>["'])(?P<url>[^"'<>]*)(?P=quote)"""
)


@dataclass(frozen=True)
class Script:
    """A script the config lists: a plain deferred one may join the bundle of deferred scripts."""

    path: str
    deferred: bool = False


@dataclass(frozen=True)
class AssetPlan:
    """Which files of ours are joined into which bundle, and which are published alone."""

    bundles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    own: tuple[str, ...] = ()


def asset_plan(
    extra_css: Sequence[str], scripts: Sequence[Script], custom_dir: Path | None
) -> AssetPlan:
    """Our stylesheets join one bundle, our deferred scripts another, in the config's order.

    Ours: the local files the config lists, and every stylesheet and script in the theme's
    custom folder (overrides/assets/), which templates load by name.
    """
    css, _ = bundle_plan(extra_css, CSS_BUNDLE)
    js, _ = bundle_plan([script.path for script in scripts if script.deferred], JS_BUNDLE)
    bundles = {name: tuple(files) for name, files in ((CSS_BUNDLE, css), (JS_BUNDLE, js)) if files}
    themed = []
    if custom_dir is not None and (custom_dir / "assets").is_dir():
        themed = [
            path.relative_to(custom_dir).as_posix()
            for path in sorted((custom_dir / "assets").rglob("*.*"))
            if path.is_file()
        ]
    listed = [*extra_css, *(script.path for script in scripts), *themed]
    joined = {*css, *js}
    own = tuple(p for p in dict.fromkeys(listed) if is_own(p) and p not in joined)
    return AssetPlan(bundles, own)


@dataclass(frozen=True)
class Published:
    """One published file: the site path it replaces (or the joined name) and its new name."""

    source: str
    path: str
    data: bytes


def is_own(path: str) -> bool:
    """True for a site-relative stylesheet or script (not an address on another host)."""
    return (
        "://" not in path and not path.startswith("//") and posixpath.splitext(path)[1] in MINIFIERS
    )


def bundle_plan(paths: Sequence[str], bundle: str) -> tuple[list[str], list[str]]:
    """Split listed files into those to join into `bundle` (ours, in its folder) and the rest.

    One folder, so relative url()s in joined stylesheets stay valid.
    """
    folder = posixpath.dirname(bundle)
    joined = [path for path in paths if is_own(path) and posixpath.dirname(path) == folder]
    return joined, [path for path in paths if path not in joined]


def minify(path: str, text: str) -> str:
    """The file's text minified by the maintained minifier for its type."""
    return MINIFIERS[posixpath.splitext(path)[1]](text).strip() + "\n"


def hashed_path(path: str, data: bytes) -> str:
    """`dir/name.ext` as `dir/name.<hash>.min.ext`: a new name whenever the content changes."""
    stem, suffix = posixpath.splitext(path)
    digest = hashlib.sha256(data).hexdigest()[:HASH_LENGTH]
    return f"{stem}.{digest}.min{suffix}"


def published_files(site_dir: Path, source: str) -> list[str]:
    """The files of `site_dir` published from `source` (any hash): for measuring what we ship."""
    stem, suffix = posixpath.splitext(source)
    pattern = re.compile(rf"{re.escape(stem)}\.[0-9a-f]{{{HASH_LENGTH}}}\.min{re.escape(suffix)}")
    folder = site_dir / posixpath.dirname(source)
    found = sorted(folder.glob(f"{posixpath.basename(stem)}.*{suffix}")) if folder.is_dir() else []
    return [
        path.relative_to(site_dir).as_posix()
        for path in found
        if pattern.fullmatch(path.relative_to(site_dir).as_posix())
    ]


def plan(texts: Mapping[str, str], bundles: Mapping[str, Sequence[str]]) -> list[Published]:
    """Minify and name every file: each bundle joins its members in order, the rest stand alone.

    `texts` maps site paths to their text. A bundle's members are published only inside it.
    """
    published = []
    members = {member for names in bundles.values() for member in names}
    for bundle, names in bundles.items():
        # A script that ends without `;` must not run into the next one: `})()` then `(...)`.
        separator = ";" if bundle.endswith(".js") else ""
        joined = separator.join(minify(name, texts[name]) for name in names).encode("utf-8")
        published.append(Published(bundle, hashed_path(bundle, joined), joined))
    for path, text in texts.items():
        if path not in members:
            data = minify(path, text).encode("utf-8")
            published.append(Published(path, hashed_path(path, data), data))
    return published


def rewrite_html(html: str, page: str, names: Mapping[str, str], root: str = "/") -> str:
    """Point each src/href in the page at `page` (site-relative) naming a source at its file.

    `root` is the site's path on its server: the 404 page names files from there (/hr/guide/).
    """
    folder = posixpath.dirname(page)

    def replace(match: re.Match[str]) -> str:
        url = match["url"]
        if "://" in url or url.startswith(("//", "#", "data:")):
            return match[0]
        path, _, rest = url.partition("?")
        rooted = path.startswith(root)
        if path.startswith("/") and not rooted:
            return match[0]
        base = "" if rooted else folder
        target = names.get(posixpath.normpath(posixpath.join(base, path.removeprefix(root))))
        if target is None:
            return match[0]
        new = root + target if rooted else posixpath.relpath(target, folder or ".")
        new += f"?{rest}" if rest else ""
        return f"{match['lead']}{match['quote']}{new}{match['quote']}"

    return _REFERENCE.sub(replace, html)


# The name the appended stylesheet goes by in a plan; no such file is read or written.
_APPENDED = posixpath.join(posixpath.dirname(CSS_BUNDLE), "guide-appended.css")
# A tag that loads a file, with the whitespace after it.
_TAG = re.compile(
    r"""<(?:script\b[^>]*\bsrc|link\b[^>]*\bhref)=["']([^"']+)["'][^>]*>(?:</script>)?\s*"""
)


def drop_repeats(html: str) -> str:
    """Keep the first tag that loads each file: members of one bundle all name the bundle."""
    seen: set[str] = set()

    def once(match: re.Match[str]) -> str:
        url = match[1]
        if url in seen and HASHED_NAME.search(url):
            return ""
        seen.add(url)
        return match[0]

    return _TAG.sub(once, html)


def publish(
    site_dir: Path, assets: AssetPlan, appended_css: str = "", root: str = "/"
) -> dict[str, str]:
    """Publish our files in the built folder as `assets` plans them, and repoint every page.

    `appended_css` (the organization's colors) ends the stylesheet bundle, so it wins over ours.
    `root` is the site's path on its server (/hr/guide/), from which the 404 page names files.
    Returns the map from each source or bundle name to its published name. Run again on a folder
    already published, it points new pages (go/ pages written since) at the files there.
    """
    bundles = assets.bundles
    wanted = [*assets.own, *(m for names in bundles.values() for m in names)]
    texts = {
        path: (site_dir / path).read_text(encoding="utf-8")
        for path in dict.fromkeys(wanted)
        if (site_dir / path).is_file()
    }
    live = {name: [m for m in members if m in texts] for name, members in bundles.items()}
    if appended_css and live.get(CSS_BUNDLE):
        texts[_APPENDED] = appended_css
        live[CSS_BUNDLE].append(_APPENDED)
    files = plan(texts, {name: members for name, members in live.items() if members})
    for item in files:
        (site_dir / item.path).write_bytes(item.data)
    names = {item.source: item.path for item in files}
    for source in [*assets.own, *bundles]:
        earlier = published_files(site_dir, source)
        if source not in names and len(earlier) == 1:
            names[source] = earlier[0]
    for bundle, members in bundles.items():
        names.update({member: names[bundle] for member in members if bundle in names})
    for page in sorted(site_dir.rglob("*.html")):
        relative = page.relative_to(site_dir).as_posix()
        html = page.read_text(encoding="utf-8")
        changed = drop_repeats(rewrite_html(html, relative, names, root))
        if changed != html:
            page.write_text(changed, encoding="utf-8")
    for path in texts:
        if path != _APPENDED:
            (site_dir / path).unlink()
    return names
