"""Our stylesheets are joined into one bundle in mkdocs.yml's order; remote ones are not."""

from __future__ import annotations

from pathlib import Path

from macros.bundle import BUNDLE, bundle_plan, write_bundle


def test_bundle_plan_takes_our_stylesheets_in_order() -> None:
    listed = [
        "assets/stylesheets/b.css",
        "https://example.org/x.css",
        "assets/stylesheets/a.css",
        "assets/other/c.css",
    ]
    joined, others = bundle_plan(listed)
    assert joined == ["assets/stylesheets/b.css", "assets/stylesheets/a.css"]
    assert others == ["https://example.org/x.css", "assets/other/c.css"]


def test_write_bundle_concatenates_in_order(tmp_path: Path) -> None:
    folder = tmp_path / "assets" / "stylesheets"
    folder.mkdir(parents=True)
    (folder / "b.css").write_text(".b { color: red; }\n", encoding="utf-8")
    (folder / "a.css").write_text(".a { color: blue; }", encoding="utf-8")
    write_bundle(tmp_path, ["assets/stylesheets/b.css", "assets/stylesheets/a.css"])
    text = (tmp_path / BUNDLE).read_text(encoding="utf-8")
    assert text.index(".b { color: red; }") < text.index(".a { color: blue; }")
