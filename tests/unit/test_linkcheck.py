"""The built-site link check: missing files and anchors are caught; other hosts are not."""

from __future__ import annotations

from pathlib import Path

from macros.linkcheck import broken_links
from macros.sitefiles import prune_unused_assets


def write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_broken_links_finds_missing_pages_and_anchors(tmp_path: Path) -> None:
    write(
        tmp_path,
        "index.html",
        '<a href="a/">a</a>\n<a href="a/#here">ok</a>\n<a href="a/#gone">x</a>',
    )
    write(tmp_path, "a/index.html", '<h2 id="here">H</h2><a href="../b/">b</a><img src="../i.png">')
    write(tmp_path, "404.html", '<a href="/anything/">root-absolute, by design</a>')
    write(tmp_path, "c/index.html", '<a href="https://example.org/x">fine</a><a href="#top">x</a>')
    problems = {(p.page, p.target, p.reason) for p in broken_links(tmp_path)}
    assert problems == {
        ("index.html", "a/#gone", "points to a missing anchor '#gone'"),
        ("a/index.html", "../b/", "points to a missing page or file"),
        ("a/index.html", "../i.png", "points to a missing page or file"),
        ("c/index.html", "#top", "points to a missing anchor '#top'"),
    }


def test_links_may_not_climb_out_of_the_site(tmp_path: Path) -> None:
    write(tmp_path, "index.html", '<a href="../../etc/passwd">x</a>')
    assert [p.reason for p in broken_links(tmp_path)] == ["points outside the site"]


def test_prune_removes_source_maps_and_unused_search_languages(tmp_path: Path) -> None:
    for name in (
        "assets/javascripts/bundle.js",
        "assets/javascripts/bundle.js.map",
        "assets/javascripts/lunr/min/lunr.de.min.js",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
        "assets/javascripts/lunr/tinyseg.js",
    ):
        write(tmp_path, name, "x")
    prune_unused_assets(tmp_path, {"en"})
    left = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert left == ["assets/javascripts/bundle.js"]
    assert not (tmp_path / "assets/javascripts/lunr").exists()


def test_scans_kept_between_builds_give_the_same_answer_and_see_edits(tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache" / "scans.marshal"
    write(site, "index.html", '<a href="a/#here">ok</a>\n<a href="a/#gone">x</a>')
    write(site, "a/index.html", '<h2 id="here">H</h2>')
    cold = broken_links(site)
    assert broken_links(site, cache) == cold
    assert cache.is_file()
    assert broken_links(site, cache) == cold  # every page from the kept scans
    write(site, "a/index.html", '<h2 id="gone">H</h2>')  # an edited page is scanned again
    assert [p.target for p in broken_links(site, cache)] == ["a/#here"]
    cache.write_bytes(b"not a cache")  # a damaged file is a cold start, not a failure
    assert [p.target for p in broken_links(site, cache)] == ["a/#here"]
