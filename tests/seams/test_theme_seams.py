"""What overrides/ takes from Material for MkDocs is still there, or a theme upgrade fails here.

Our templates fill Material's blocks, replace some of its partials and include others; our CSS
and scripts lean on its classes, custom properties and script globals. An upgrade that drops one
would not stop the build: the override would silently do nothing. Each test names what is gone.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import material
import pytest
from mkdocs.config import load_config

from tests.support import ROOT

THEME = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"
OURS = "guide-"  # our own partials, scripts and styles are named guide-...

_BLOCK = re.compile(r"{%-?\s*block\s+(\w+)")
_INCLUDE = re.compile(r"""{%-?\s*include\s+["']([^"']+)["']""")
_FILTER = re.compile(r"\|\s*(\w+)")
_CLASS = re.compile(r"\.(md-[a-z0-9_-]+)")
_PROPERTY = re.compile(r"var\((--md-[a-z0-9-]+)")


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def our_templates() -> list[Path]:
    return sorted(OVERRIDES.rglob("*.html"))


@cache
def theme_text(*suffixes: str) -> str:
    """All of Material's shipped files with these suffixes, as one text to search."""
    return "\n".join(read(p) for s in suffixes for p in sorted(THEME.rglob(f"*{s}")))


def where(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_every_block_we_fill_is_still_a_block_of_materials_base() -> None:
    defined = set(_BLOCK.findall(read(THEME / "base.html")))
    missing = [
        f"{where(path)}: block '{name}'"
        for path in our_templates()
        if re.search(r"{%-?\s*extends\s", read(path))
        for name in _BLOCK.findall(read(path))
        if name not in defined
    ]
    assert not missing, (
        "Material's base.html no longer defines these blocks, so what we put in them is never "
        "shown:\n  " + "\n  ".join(missing) + "\nFix: move the content to the block or partial "
        "that replaced it (see the theme's changelog), or drop the override."
    )


def test_every_partial_we_replace_is_still_one_material_includes() -> None:
    replaced = [
        p for p in sorted((OVERRIDES / "partials").rglob("*.html")) if not p.name.startswith(OURS)
    ]
    assert replaced, "the seam check must see the partials we replace"
    included = set(_INCLUDE.findall(theme_text(".html")))
    missing = [
        where(p)
        for p in replaced
        if not (THEME / p.relative_to(OVERRIDES)).is_file()
        or p.relative_to(OVERRIDES).as_posix() not in included
    ]
    assert not missing, (
        "These overrides replace Material partials that the theme no longer has or no longer "
        "includes, so they are dead:\n  " + "\n  ".join(missing) + "\nFix: find where the theme "
        "now writes that markup and override that instead."
    )


def test_every_partial_we_include_exists() -> None:
    missing = [
        f"{where(path)}: {name}"
        for path in our_templates()
        for name in _INCLUDE.findall(read(path))
        if not (OVERRIDES / name).is_file() and not (THEME / name).is_file()
    ]
    assert not missing, "Included partials that neither overrides/ nor Material has:\n  " + (
        "\n  ".join(missing)
    )


def test_every_filter_our_templates_use_is_registered() -> None:
    env = load_config(str(ROOT / "mkdocs.yml")).theme.get_env()
    missing = [
        f"{where(path)}: | {name}"
        for path in our_templates()
        for block in re.findall(r"{{.*?}}|{%.*?%}", read(path), re.DOTALL)
        for name in _FILTER.findall(block)
        if name not in env.filters
    ]
    assert not missing, "Template filters the theme's environment no longer has:\n  " + (
        "\n  ".join(missing)
    )


@pytest.mark.parametrize(
    ("pattern", "what", "suffixes"),
    [
        (_CLASS, "class", (".html", ".css", ".js")),
        (_PROPERTY, "custom property", (".css", ".js")),
    ],
    ids=["classes", "custom-properties"],
)
def test_every_theme_class_and_property_our_assets_use_is_still_in_material(
    pattern: re.Pattern[str], what: str, suffixes: tuple[str, ...]
) -> None:
    shipped = theme_text(*suffixes)
    assets = sorted((OVERRIDES / "assets").rglob("*.css")) + sorted(
        (OVERRIDES / "assets").rglob("*.js")
    )
    used = {(where(path), name) for path in assets for name in pattern.findall(read(path))}
    assert used, f"the seam check must see the theme {what}s we use"
    missing = sorted(
        f"{path}: {name}"
        for path, name in used
        if not re.search(re.escape(name) + r"(?![a-z0-9_-])", shipped)
    )
    assert not missing, (
        f"Material no longer ships these {what}s that our styles or scripts rely on:\n  "
        + "\n  ".join(missing)
        + "\nFix: use what replaced them (the theme's changelog names it) or drop the rule."
    )


def test_our_start_up_still_gives_the_theme_every_global_its_inline_helpers_did() -> None:
    """partials/javascripts/base.html replaces Material's inline helpers with guide-core.js."""
    original = read(THEME / "partials" / "javascripts" / "base.html")
    expected = set(re.findall(r"(__md_[a-z]+)\s*=", original))
    assert expected, "Material's helper partial no longer defines __md_ globals: recheck the seam"
    ours = read(OVERRIDES / "assets" / "javascripts" / "guide-core.js")
    missing = sorted(name for name in expected if not re.search(rf"\b{name}\s*=", ours))
    assert not missing, (
        f"Material's inline helpers now also define {missing}; its bundle expects them, and our "
        "replacement (overrides/assets/javascripts/guide-core.js) does not set them. Fix: add "
        "them there."
    )
