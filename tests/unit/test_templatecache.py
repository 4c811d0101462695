"""Compiled templates kept between builds: the same output, and a fresh compile after an edit."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from macros.templatecache import bytecode_cache


def render_with_cache(templates: Path, root: Path) -> str:
    env = Environment(loader=FileSystemLoader(templates), bytecode_cache=bytecode_cache(root))
    return env.get_template("page.html").render(name="Ada")


def test_a_cached_template_renders_the_same_and_an_edit_is_seen(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text("<p>Hello {{ name }}</p>", encoding="utf-8")
    assert render_with_cache(templates, tmp_path) == "<p>Hello Ada</p>"
    assert list((tmp_path / ".cache" / "templates").iterdir()), "the compiled template is kept"
    assert render_with_cache(templates, tmp_path) == "<p>Hello Ada</p>"
    (templates / "page.html").write_text("<p>Bye {{ name }}</p>", encoding="utf-8")
    assert render_with_cache(templates, tmp_path) == "<p>Bye Ada</p>"


def test_no_cache_where_the_folder_cannot_be_made(tmp_path: Path) -> None:
    (tmp_path / ".cache").write_text("a file where the folder would go", encoding="utf-8")
    assert bytecode_cache(tmp_path) is None
