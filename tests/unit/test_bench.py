"""The bench's own arithmetic: which files count as what, and the table's targets and misses."""

from __future__ import annotations

import gzip
from pathlib import Path

from bench import weight
from bench.__main__ import _weight_rows, weight_pages
from bench.report import Row, markdown, table

KIB = 1024


def _write(folder: Path, files: dict[str, bytes | str]) -> Path:
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
    return folder


def test_gzip_size_is_what_a_server_sends_at_level_6() -> None:
    data = b"guide-checklist " * 400 + bytes(range(256))
    assert weight.gzip_size(data) == len(gzip.compress(data, compresslevel=6, mtime=0))
    assert weight.gzip_size(data) < len(gzip.compress(data, compresslevel=1, mtime=0))


def test_an_address_on_the_server_is_a_file_of_the_site() -> None:
    root = "http://127.0.0.1:8123/"
    assert weight.site_file(root, root) == "index.html"
    assert weight.site_file(root, root + "steps/own-it/") == "steps/own-it/index.html"
    assert weight.site_file(root, root + "assets/a.min.css?v=2#x") == "assets/a.min.css"
    assert weight.site_file(root, root + "pdf/Own%20it.pdf") == "pdf/Own it.pdf"
    assert weight.site_file("http://127.0.0.1:8123/hr/guide/", root + "hr/guide/a.js") == "a.js"
    assert weight.site_file(root, "http://127.0.0.1:9999/a.js") is None
    assert weight.site_file(root, "https://fonts.example.org/a.woff2") is None


def test_weigh_sums_each_kind_and_our_own_files_apart(tmp_path: Path) -> None:
    site = _write(
        tmp_path,
        {
            "index.html": "<p>Own it</p>" * 50,
            "assets/main.css": "body{color:red}" * 30,
            "assets/ours.css": ".guide-a{color:red}",
            "assets/ours.js": "var a = 1;",
            "assets/font.woff2": bytes(range(200)),
            "links.json": '{"links": []}',
            "manifest.webmanifest": "{}",
        },
    )
    files = list(_files(site))
    result = weight.weigh(site, files, {"assets/ours.css", "assets/ours.js"})
    sizes = {name: (site / name).read_bytes() for name in files}
    assert result["files"] == len(files)
    assert set(result["by_kind"]) == {"html", "css", "js", "font", "data", "other"}
    css = result["by_kind"]["css"]
    assert css["raw"] == len(sizes["assets/main.css"]) + len(sizes["assets/ours.css"])
    assert css["gzip"] == weight.gzip_size(sizes["assets/main.css"]) + weight.gzip_size(
        sizes["assets/ours.css"]
    )
    assert result["total"]["raw"] == sum(len(data) for data in sizes.values())
    assert result["total"]["gzip"] == sum(kind["gzip"] for kind in result["by_kind"].values())
    ours = [sizes["assets/ours.css"], sizes["assets/ours.js"]]
    assert result["own_css_js"] == {
        "raw": sum(map(len, ours)),
        "gzip": sum(map(weight.gzip_size, ours)),
    }


def _files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def test_a_page_weight_keeps_the_search_index_apart_and_adds_the_features(tmp_path: Path) -> None:
    site = _write(
        tmp_path,
        {
            "index.html": "<p>home</p>",
            "a.js": "var a;",
            "feature.js": "var feature = 1;" * 20,
            weight.SEARCH_INDEX: '{"docs": []}' * 40,
        },
    )
    visit = weight.Visit(
        "", ("index.html", "a.js", weight.SEARCH_INDEX), ("feature.js",), ("https://x.example/",)
    )
    result = weight.page_weight(site, visit, {"a.js", "feature.js"})
    first, every = result["first_visit"], result["every_feature"]
    assert first["files_fetched"] == ["index.html", "a.js"]
    assert every["files_fetched"] == ["index.html", "a.js", "feature.js"]
    feature = (site / "feature.js").read_bytes()
    assert every["total"]["gzip"] - first["total"]["gzip"] == weight.gzip_size(feature)
    assert every["own_css_js"]["raw"] - first["own_css_js"]["raw"] == len(feature)
    index = (site / weight.SEARCH_INDEX).read_bytes()
    assert result["search_index"] == {
        "raw": len(index),
        "gzip": weight.gzip_size(index),
        "fetched_at_start": True,
    }
    assert result["other_hosts"] == ["https://x.example/"]


def test_own_assets_are_our_published_files_not_the_themes(tmp_path: Path) -> None:
    overrides = _write(
        tmp_path / "overrides",
        {"assets/javascripts/ticks.js": "", "assets/stylesheets/guide.css": "", "main.html": ""},
    )
    site = _write(
        tmp_path / "site",
        {
            "assets/javascripts/ticks.0123abcd.min.js": "",
            "assets/javascripts/guide.bundle.89abcdef.min.js": "",
            "assets/javascripts/bundle.a5f9d56c.min.js": "",  # Material's
            "assets/stylesheets/guide.bundle.76543210.min.css": "",
            "assets/stylesheets/main.57a0d79d.min.css": "",  # Material's
        },
    )
    assert weight.own_assets(site, overrides) == {
        "assets/javascripts/ticks.0123abcd.min.js",
        "assets/javascripts/guide.bundle.89abcdef.min.js",
        "assets/stylesheets/guide.bundle.76543210.min.css",
    }


def test_theme_pages_leave_out_forwarders_and_the_404_page(tmp_path: Path) -> None:
    page = '<meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.0">'
    nav = (
        '<nav class="md-nav md-nav--primary"><a href="./">Home</a><a href="steps/">Steps</a>'
        '<a href="steps/#a">Steps again</a><a href="about/index.html">About</a></nav>'
    )
    site = _write(
        tmp_path,
        {
            "index.html": page + nav + "<article>Say what happened</article>",
            "steps/index.html": page + "<article>Tell your manager</article><p>not counted</p>",
            "404.html": page,
            "go/step-1/index.html": '<meta http-equiv="refresh" content="0; url=../../steps/">',
        },
    )
    assert weight.theme_pages(site) == [site / "index.html", site / "steps/index.html"]
    assert weight.nav_pages(site) == 3
    assert weight.page_words(site) == 6


def test_the_weighed_pages_are_the_home_step_check_and_link_pages() -> None:
    pages = weight_pages()
    assert list(pages) == ["home", "step", "check", "link"]
    assert pages["home"] == ""
    assert pages["check"] == "check/"
    assert pages["link"] == "linking/"
    assert pages["step"].startswith("steps/")


def _page(total: int, own: int, other: tuple[str, ...] = ()) -> dict:
    size = {"raw": 3 * total, "gzip": total}
    weighed = {
        "files": 3,
        "by_kind": {"html": size},
        "total": size,
        "own_css_js": {"raw": 3 * own, "gzip": own},
    }
    return {"first_visit": weighed, "every_feature": weighed, "other_hosts": list(other)}


def _weights(step: dict, home: dict) -> dict:
    return {
        "pages_weighed": {"home": home, "step": step},
        "pages": 10,
        "search_index_gzip": 15 * KIB,
        "search_index_gzip_per_page": 1536,
    }


def test_the_step_page_is_held_to_its_targets_on_a_first_visit() -> None:
    rows = _weight_rows(_weights(_page(80 * KIB, 5 * KIB), _page(200 * KIB, 50 * KIB)))
    met = {row.figure.split(" (")[0]: row.met for row in rows}
    assert met["step page, first visit gzip, search index aside"] is True
    assert met["home page, first visit gzip, search index aside"] is None  # reported only
    assert met["step page, first visit, our own CSS + JS gzip"] is True
    assert met["requests to other hosts"] is True
    assert met["search index gzip per page"] is True
    rows = _weight_rows(_weights(_page(86 * KIB, 7 * KIB), _page(1, 1, ("https://cdn.example/",))))
    met = {row.figure.split(" (")[0]: row for row in rows}
    assert met["step page, first visit gzip, search index aside"].met is False
    assert met["step page, first visit, our own CSS + JS gzip"].met is False
    assert met["requests to other hosts"].met is False
    assert met["requests to other hosts"].value == "https://cdn.example/"


def test_the_table_marks_misses_in_text_and_markdown() -> None:
    rows = [Row("Weight", "step page", "5.0 KiB", None, "<= 6 KiB", True)]
    rows.append(Row("Build", "guide", "2 s", 2.05, "<= 1.25x plain", False))
    lines = table(rows).splitlines()
    assert lines[2].startswith("Weight ") and lines[2].endswith("<= 6 KiB        pass")
    assert lines[3].startswith("Build ") and lines[3].endswith("2.05x  <= 1.25x plain  MISS")
    assert markdown([row.as_dict() for row in rows]).splitlines()[-1] == (
        "| Build: guide | 2 s | 2.05x | <= 1.25x plain | **miss** |"
    )
