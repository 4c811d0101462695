"""Our stylesheets and scripts: joined in order, minified, published under hashed names."""

from __future__ import annotations

from pathlib import Path

from macros import assets


def test_bundle_plan_takes_our_files_in_that_folder_in_order() -> None:
    listed = [
        "assets/stylesheets/b.css",
        "https://example.org/x.css",
        "assets/stylesheets/a.css",
        "assets/other/c.css",
    ]
    joined, others = assets.bundle_plan(listed, assets.CSS_BUNDLE)
    assert joined == ["assets/stylesheets/b.css", "assets/stylesheets/a.css"]
    assert others == ["https://example.org/x.css", "assets/other/c.css"]


def test_a_hashed_name_changes_with_the_content_only() -> None:
    one = assets.hashed_path("assets/javascripts/ticks.js", b"a")
    assert one == assets.hashed_path("assets/javascripts/ticks.js", b"a")
    assert one != assets.hashed_path("assets/javascripts/ticks.js", b"b")
    assert one.startswith("assets/javascripts/ticks.") and one.endswith(".min.js")


def test_minified_by_the_maintained_minifiers() -> None:
    css = assets.minify("a.css", "/* note */\n.guide-a {\n  color: red;\n}\n")
    js = assets.minify("a.js", "// note\nvar answer = 1 + 2;\n")
    assert css == ".guide-a{color:red}\n"
    assert js == "var answer=1+2;\n"


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "assets/stylesheets").mkdir(parents=True)
    (site / "assets/javascripts").mkdir(parents=True)
    (site / "steps/own-it").mkdir(parents=True)
    (site / "assets/stylesheets/b.css").write_text(".b { color: red; }\n", encoding="utf-8")
    (site / "assets/stylesheets/a.css").write_text(".a { color: blue; }", encoding="utf-8")
    (site / "assets/javascripts/go.js").write_text("var go = 1;\n", encoding="utf-8")
    (site / "steps/own-it/index.html").write_text(
        '<link rel="stylesheet" href="../../assets/stylesheets/guide.bundle.css">\n'
        '<script src="../../assets/javascripts/go.js" data-x="1"></script>\n'
        '<script src="../../assets/javascripts/bundle.a5f9d56c.min.js"></script>\n'
        '<a href="https://example.org/assets/javascripts/go.js">elsewhere</a>\n',
        encoding="utf-8",
    )
    (site / "404.html").write_text(
        '<script src="/assets/javascripts/go.js"></script>', encoding="utf-8"
    )
    return site


def test_publish_joins_minifies_hashes_and_repoints_every_page(tmp_path: Path) -> None:
    site = _site(tmp_path)
    bundle = {assets.CSS_BUNDLE: ("assets/stylesheets/b.css", "assets/stylesheets/a.css")}
    names = assets.publish(site, assets.AssetPlan(bundle, ("assets/javascripts/go.js",)))

    css = names[assets.CSS_BUNDLE]
    assert (site / css).read_text(encoding="utf-8") == ".b{color:red}\n.a{color:blue}\n"
    go = names["assets/javascripts/go.js"]
    assert (site / go).read_text(encoding="utf-8") == "var go=1;\n"
    for plain in (
        "assets/stylesheets/a.css",
        "assets/stylesheets/b.css",
        "assets/javascripts/go.js",
    ):
        assert not (site / plain).exists(), f"{plain} left beside its hashed copy"

    page = (site / "steps/own-it/index.html").read_text(encoding="utf-8")
    assert f'href="../../{css}"' in page
    assert f'src="../../{go}" data-x="1"' in page
    assert 'src="../../assets/javascripts/bundle.a5f9d56c.min.js"' in page  # the theme's own
    assert 'href="https://example.org/assets/javascripts/go.js"' in page
    assert f'src="/{go}"' in (site / "404.html").read_text(encoding="utf-8")
    assert assets.published_files(site, "assets/javascripts/go.js") == [go]


def test_a_changed_file_gets_a_new_name_and_pages_follow(tmp_path: Path) -> None:
    plan = assets.AssetPlan({}, ("assets/javascripts/go.js",))
    first = assets.publish(_site(tmp_path / "one"), plan)
    site = _site(tmp_path / "two")
    (site / "assets/javascripts/go.js").write_text("var go = 2;\n", encoding="utf-8")
    second = assets.publish(site, plan)
    name = second["assets/javascripts/go.js"]
    assert name != first["assets/javascripts/go.js"]
    assert name in (site / "steps/own-it/index.html").read_text(encoding="utf-8")


def test_joined_scripts_cannot_run_into_each_other(tmp_path: Path) -> None:
    texts = {"assets/javascripts/a.js": "(function () {})()", "assets/javascripts/b.js": "(1)"}
    (bundle,) = assets.plan(texts, {assets.JS_BUNDLE: tuple(texts)})
    assert bundle.data == b"(function(){})()\n;(1)\n"


def test_a_script_loaded_on_first_use_is_named_by_its_hashed_file() -> None:
    names = {"assets/javascripts/search.js": "assets/javascripts/search.0123abcd.min.js"}
    html = '<script src="x.js" data-guide-search-src="../assets/javascripts/search.js">'
    rewritten = assets.rewrite_html(html, "steps/index.html", names)
    assert 'data-guide-search-src="../assets/javascripts/search.0123abcd.min.js"' in rewritten
    other = '<p data-other="../assets/javascripts/search.js">'
    assert assets.rewrite_html(other, "steps/index.html", names) == other


def test_a_stylesheet_a_script_loads_when_needed_is_named_by_its_hashed_file() -> None:
    names = {"assets/stylesheets/search.css": "assets/stylesheets/search.0123abcd.min.css"}
    html = '<template data-guide-stylesheet-href="../assets/stylesheets/search.css">'
    rewritten = assets.rewrite_html(html, "steps/index.html", names)
    assert 'data-guide-stylesheet-href="../assets/stylesheets/search.0123abcd.min.css"' in rewritten
