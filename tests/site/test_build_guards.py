"""Each content fault MkDocs would let through stops a real build, naming the page, line and fix.

Every test breaks one thing in a copy of the real guide and runs a strict subprocess build, as
`make build` does.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.support import FixtureSite, make_fixture_site

PAGE = "docs/managers.md"


@pytest.fixture
def site(tmp_path) -> FixtureSite:
    return make_fixture_site(tmp_path)


def add_line(site: FixtureSite, text: str, page: str = PAGE) -> int:
    """Append `text` to a page and return the line number it landed on."""
    path = site.root / page
    lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    lines += ["", text, ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return len(lines) - 1


def assert_fails(site: FixtureSite, *needles: str) -> str:
    result = site.build()
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    for needle in needles:
        assert needle in output, f"{needle!r} not in build output:\n{output}"
    assert "Traceback" not in output, output
    return output


def test_the_unbroken_fixture_builds(site: FixtureSite) -> None:
    result = site.build()
    assert result.returncode == 0, result.stdout + result.stderr


def test_front_matter_that_is_not_yaml_stops_the_build(site: FixtureSite) -> None:
    path = site.root / PAGE
    path.write_text("---\ntitle: [unclosed\n---\n\n# Managers\n", encoding="utf-8")
    assert_fails(site, f"{PAGE}:2", "front matter", "Fix:")


def test_unclosed_front_matter_stops_the_build(site: FixtureSite) -> None:
    path = site.root / PAGE
    path.write_text("---\ntitle: Managers\n\n# Managers\n", encoding="utf-8")
    assert_fails(site, f"{PAGE}:1", "never closed")


def test_text_left_looking_like_a_macro_stops_the_build(site: FixtureSite) -> None:
    path = site.root / PAGE
    path.write_text(
        "---\nrender_macros: false\n---\n\n# Managers\n\nSee {{ checklist('own-it') }}.\n",
        encoding="utf-8",
    )
    assert_fails(site, f"{PAGE}:7", "macro that was not run")


# A line added at the end of a page, and what the failed build must say. "{at}" stands for the
# page and the line the text landed on; a needle without it is found anywhere in the output.
ADDED_LINES = {
    "stray-closing-braces": (
        "A typo left this behind: checklist('own-it') }}",
        ["{at}", "macro that was not run"],
    ),
    "undefined-variable": (
        "Ask {{ hr_contcat }} for help.",
        ["{at}", "'hr_contcat' is not defined"],
    ),
    "script-tag": ("<script>alert('hi')</script>", ["{at}", "<script>"]),
    "event-attribute": (
        '<img src="../assets/images/favicon.svg" alt="" onerror="alert(1)">',
        ["{at}", "event attributes"],
    ),
    "javascript-url": ("[Click me](javascript:alert(1))", ["{at}", "javascript:"]),
    "raw-html-link-to-nowhere": (
        '<p><a href="../no-such-page/">Nowhere</a></p>',
        ["{at}", "../no-such-page/", "missing page"],
    ),
    "raw-html-link-to-a-missing-anchor": (
        '<p><a href="../about/#no-such-anchor">Nowhere</a></p>',
        ["{at}", "missing anchor '#no-such-anchor'"],
    ),
    "markdown-link-to-a-missing-page": ("[Gone](no-such-page.md)", [PAGE, "no-such-page.md"]),
    "unknown-checklist-id": (
        '{{ checklist("no-such-checklist") }}',
        ["{at}", "no-such-checklist", "use one of:"],
    ),
    "macro-called-with-a-wrong-argument": (
        '{{ checklist(heading=2, checklist_id="own-it") }}',
        ["{at}", "checklist() was called with the wrong arguments", "heading_level=3"],
    ),
}


@pytest.mark.parametrize(("text", "needles"), ADDED_LINES.values(), ids=ADDED_LINES)
def test_a_bad_line_stops_the_build_naming_page_and_line(
    site: FixtureSite, text: str, needles: list[str]
) -> None:
    line = add_line(site, text)
    assert_fails(site, *(needle.replace("{at}", f"{PAGE}:{line}") for needle in needles))


def test_code_may_show_braces_scripts_and_attr_list_ids(site: FixtureSite) -> None:
    """Examples inside code are text, and `{#id}` / `${#x}` no longer open a Jinja comment."""
    add_line(
        site,
        "## A heading with its own id {#own-id}\n\n"
        "Inline code: `{% raw %}{{ checklist('x') }}{% endraw %}` and `<script>`.\n\n"
        '```bash\necho "${#items[@]}" <script>\n```',
    )
    result = site.build()
    assert result.returncode == 0, result.stdout + result.stderr
    html = (site.root / "site" / "managers" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "lxml")
    assert soup.find(id="own-id") is not None
    assert '"${#items[@]}"' in soup.get_text()


def test_a_synonym_for_words_the_guide_never_uses_stops_the_build(site: FixtureSite) -> None:
    """Readers' words pointing at words on no page would find nothing (data/synonyms.yml)."""
    path = site.data / "synonyms.yml"
    text = path.read_text(encoding="utf-8")
    line = text.count("\n") + 1
    path.write_text(text + "  axed: [lose my job]\n", encoding="utf-8")
    assert_fails(
        site,
        f"data/synonyms.yml:{line} (field 'axed'): the guide never uses 'lose my job'",
        "Fix:",
    )
