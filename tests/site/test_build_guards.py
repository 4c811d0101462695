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


def test_a_stray_closing_brace_pair_stops_the_build(site: FixtureSite) -> None:
    line = add_line(site, "A typo left this behind: checklist('own-it') }}")
    assert_fails(site, f"{PAGE}:{line}", "macro that was not run")


def test_an_undefined_variable_stops_the_build(site: FixtureSite) -> None:
    line = add_line(site, "Ask {{ hr_contcat }} for help.")
    assert_fails(site, f"{PAGE}:{line}", "'hr_contcat' is not defined")


def test_a_script_tag_stops_the_build(site: FixtureSite) -> None:
    line = add_line(site, "<script>alert('hi')</script>")
    assert_fails(site, f"{PAGE}:{line}", "<script>")


def test_an_event_attribute_stops_the_build(site: FixtureSite) -> None:
    line = add_line(site, '<img src="../assets/images/favicon.svg" alt="" onerror="alert(1)">')
    assert_fails(site, f"{PAGE}:{line}", "event attributes")


def test_a_javascript_url_stops_the_build(site: FixtureSite) -> None:
    line = add_line(site, "[Click me](javascript:alert(1))")
    assert_fails(site, f"{PAGE}:{line}", "javascript:")


def test_a_raw_html_link_to_nowhere_stops_the_build(site: FixtureSite) -> None:
    line = add_line(site, '<p><a href="../no-such-page/">Nowhere</a></p>')
    assert_fails(site, f"{PAGE}:{line}", "../no-such-page/", "missing page")


def test_a_raw_html_link_to_a_missing_anchor_stops_the_build(site: FixtureSite) -> None:
    line = add_line(site, '<p><a href="../about/#no-such-anchor">Nowhere</a></p>')
    assert_fails(site, f"{PAGE}:{line}", "missing anchor '#no-such-anchor'")


def test_a_markdown_link_to_a_missing_page_stops_the_build(site: FixtureSite) -> None:
    add_line(site, "[Gone](no-such-page.md)")
    assert_fails(site, PAGE, "no-such-page.md")


def test_an_unknown_checklist_id_names_the_page_and_line(site: FixtureSite) -> None:
    line = add_line(site, '{{ checklist("no-such-checklist") }}')
    assert_fails(site, f"{PAGE}:{line}", "no-such-checklist", "use one of:")


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
