"""Our stylesheets and scripts in the built site: joined, minified, under names that carry a hash
of their content, and every page names those files, so a caching server never serves a new page
with an old script."""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load

from macros import assets
from tests.support import ROOT

OVERRIDES = ROOT / "overrides"
HASHED = re.compile(r"\.(?P<hash>[0-9a-f]{8})\.min\.(css|js)$")


def _config() -> dict:
    return yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


def _ours() -> list[str]:
    return sorted(
        p.relative_to(OVERRIDES).as_posix()
        for p in (OVERRIDES / "assets").rglob("*.*")
        if assets.is_own(p.name)
    )


def _loaded(site: Path, page: str) -> list[str]:
    """Site paths of the stylesheets and scripts `page` loads from our assets/ folder."""
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "lxml")
    found = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    found += [script["src"] for script in soup.find_all("script", src=True)]
    folder = posixpath.dirname(page)
    return [posixpath.normpath(posixpath.join(folder, url)) for url in found if "://" not in url]


def test_no_plain_named_copy_of_our_files_is_published(built_site: Path) -> None:
    left = [path for path in _ours() if (built_site / path).exists()]
    assert left == [], f"published under their plain names (cacheable as stale): {left}"
    for source in _ours():
        if not any(source in members for members in [_listed_css(), _listed_js()]):
            assert assets.published_files(built_site, source), f"{source} was not published"


def _listed_css() -> list[str]:
    return [p for p in _config()["extra_css"] if assets.is_own(p)]


def _listed_js() -> list[str]:
    entries = _config()["extra_javascript"]
    return [e["path"] for e in entries if isinstance(e, dict) and e.get("defer")]


def test_every_page_loads_only_hashed_files_whose_name_matches_their_content(
    built_site: Path,
) -> None:
    for page in sorted(built_site.rglob("*.html")):
        name = page.relative_to(built_site).as_posix()
        for path in _loaded(built_site, name):
            if not path.startswith("assets/"):
                continue
            assert (built_site / path).is_file(), f"{name} loads {path}, which is not built"
            match = HASHED.search(path)
            assert match, f"{name} loads {path} under a name without a content hash"
            if any(path in assets.published_files(built_site, s) for s in _sources()):
                digest = hashlib.sha256((built_site / path).read_bytes()).hexdigest()
                assert digest.startswith(match["hash"]), f"{path}: the hash is not its content's"


def _sources() -> list[str]:
    return [*_ours(), assets.CSS_BUNDLE, assets.JS_BUNDLE]


def test_a_step_page_loads_one_bundle_of_our_styles_and_one_of_our_deferred_scripts(
    built_site: Path,
) -> None:
    loaded = _loaded(built_site, "steps/own-it/index.html")
    css = assets.published_files(built_site, assets.CSS_BUNDLE)
    js = assets.published_files(built_site, assets.JS_BUNDLE)
    assert len(css) == 1 and len(js) == 1
    ours = [p for p in loaded if p.endswith(".css") and p.startswith("assets/stylesheets/")]
    assert [p for p in ours if "guide" in p] == css
    assert js[0] in loaded
    for listed in _listed_js():
        assert not any(p.startswith(listed[:-3] + ".") for p in loaded), f"{listed} loaded alone"


def test_the_bundles_hold_every_listed_file_minified_in_order(built_site: Path) -> None:
    for bundle, listed in ((assets.CSS_BUNDLE, _listed_css()), (assets.JS_BUNDLE, _listed_js())):
        text = (built_site / assets.published_files(built_site, bundle)[0]).read_text("utf-8")
        positions = [
            text.index(assets.minify(path, (OVERRIDES / path).read_text("utf-8")))
            for path in listed
        ]
        assert positions == sorted(positions), f"{bundle} is not in mkdocs.yml's order"
        assert len(text) < sum(len((OVERRIDES / p).read_text("utf-8")) for p in listed)


def test_every_stylesheet_and_script_of_the_site_is_hashed(built_site: Path) -> None:
    """hosting/web.config caches these two folders for a year on that promise."""
    folders = [built_site / "assets/stylesheets", built_site / "assets/javascripts"]
    files = [p.relative_to(built_site).as_posix() for f in folders for p in f.rglob("*.*")]
    assert files
    assert [name for name in files if not HASHED.search(name)] == []


def test_scripts_loaded_on_first_use_are_named_by_their_hashed_files(built_site: Path) -> None:
    """guide-core.js loads ticks, checks and search from its tag's data-guide-<name>-src on first
    use; they are not in the deferred bundle every page loads."""
    bundle = assets.published_files(built_site, assets.JS_BUNDLE)[0]
    bundled = (built_site / bundle).read_text("utf-8")
    for page in ("index.html", "steps/own-it/index.html", "check/index.html"):
        soup = BeautifulSoup((built_site / page).read_text(encoding="utf-8"), "lxml")
        (core,) = soup.find_all("script", attrs={"data-md-scope": True})
        named = {
            attribute[len("data-guide-") : -len("-src")]: url
            for attribute, url in core.attrs.items()
            if attribute.startswith("data-guide-") and attribute.endswith("-src")
        }
        assert {"checks", "search", "ticks"} <= set(named), page
        for name, url in named.items():
            source = f"assets/javascripts/{name}.js"
            path = posixpath.normpath(posixpath.join(posixpath.dirname(page), url))
            assert assets.published_files(built_site, source) == [path], f"{page}: {name}"
            text = assets.minify(source, (OVERRIDES / source).read_text("utf-8"))
            assert text not in bundled, f"{source} is in the deferred bundle too"
