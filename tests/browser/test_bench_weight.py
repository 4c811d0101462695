"""`make bench` weighs what Chromium really fetches: a tiny site of known files, then the guide."""

from __future__ import annotations

import posixpath
import shutil
from pathlib import Path

import pytest
from lxml import html as lxml_html

from bench import weight
from bench.__main__ import weight_pages
from tests.support import ROOT

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tiny</title>
<link rel="stylesheet" href="assets/site.css">
<script src="assets/guide-core.js" data-guide-extra-src="assets/extra.js"></script>
</head><body><p class="fancy">Own it</p>
<img src="https://images.example.org/x.png" alt="">
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">
<a href="other/">Another page</a></body></html>
"""


def _tiny_site(folder: Path, page: str = PAGE) -> Path:
    files = {
        "index.html": page,
        "assets/site.css": "@font-face{font-family:G;src:url(g.woff2)}.fancy{font-family:G}",
        "assets/g.woff2": "not fetched unless the stylesheet's font is used",
        "assets/extra.js": 'fetch(new URL("../data.json", document.currentScript.src));',
        "data.json": "{}",
        "other/index.html": "<p>Never opened</p>",
        "assets/unused.js": "",
    }
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    core = ROOT / "overrides/assets/javascripts/guide-core.js"
    shutil.copy(core, folder / "assets/guide-core.js")
    return folder


def test_a_first_visit_and_every_feature_are_what_the_browser_fetched(
    tmp_path: Path, browser: object
) -> None:
    site = _tiny_site(tmp_path)
    visit = weight.visit_pages(site, {"home": ""}, browser)["home"]
    assert visit.first[0] == "index.html"
    assert set(visit.first) == {
        "index.html",
        "assets/site.css",
        "assets/guide-core.js",
        "assets/g.woff2",
    }
    assert set(visit.features) == {"assets/extra.js", "data.json"}
    assert visit.other_hosts == ("https://images.example.org/x.png",)


def test_a_file_the_site_lacks_or_a_feature_that_cannot_load_stops_the_bench(
    tmp_path: Path, browser: object
) -> None:
    missing = _tiny_site(tmp_path / "a", PAGE.replace("assets/site.css", "assets/gone.css"))
    with pytest.raises(SystemExit, match=r"fetches \['assets/gone.css'\]"):
        weight.visit_pages(missing, {"home": ""}, browser)
    no_feature = _tiny_site(tmp_path / "b", PAGE.replace("assets/extra.js", "assets/gone.js"))
    with pytest.raises(SystemExit, match=r"could not load its features \['extra'\]"):
        weight.visit_pages(no_feature, {"home": ""}, browser)


def test_the_guide_pages_fetch_only_its_own_files_and_every_feature_is_counted(
    built_site: Path, browser: object
) -> None:
    pages = weight_pages()
    visits = weight.visit_pages(built_site, pages, browser)
    for name, visit in visits.items():
        page = pages[name] + "index.html"
        assert visit.first[0] == page
        assert visit.other_hosts == ()
        tree = lxml_html.fromstring((built_site / page).read_bytes())
        named = {
            posixpath.normpath(posixpath.join(posixpath.dirname(page), value))
            for element in tree.iter()
            for attribute, value in element.attrib.items()
            if attribute.startswith("data-guide-") and attribute.endswith("-src")
        }
        assert named, f"{page} names no feature script"
        assert named <= set(visit.first + visit.features), name
        assert all((built_site / file).is_file() for file in visit.first + visit.features)
