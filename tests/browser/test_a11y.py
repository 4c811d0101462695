"""Accessibility: axe-core finds no WCAG 2.2 A/AA violation on any page, chrome included.

Every built page (go/ redirects aside) is checked in both color schemes the site offers (Material's
"default" and "slate", picked from the reader's system setting) at 360 px and 1280 px wide; pages
without Material's color toggle (printable cards) offer one scheme and are checked in it. axe-core
is the pinned npm copy in node_modules, injected from disk: no CDN. Material's chrome failures are
fixed in overrides/ (theme-fixes.css, theme-fixes.js), never waived here.
"""

from __future__ import annotations

import pytest

from tests.browser.pages import content_pages
from tests.support import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = (360, 1280)
# (prefers-color-scheme, the Material scheme mkdocs.yml pairs with it)
SCHEMES = [("light", "default"), ("dark", "slate")]
# Rules switched off, with the reason for each. Keep it empty: fix the page or the theme instead.
WAIVED_RULES: dict[str, str] = {}

_RUN_AXE = """async ([tags, waived]) => {
  const rules = Object.fromEntries(waived.map((id) => [id, { enabled: false }]));
  const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, rules });
  return result.violations.map((v) => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${(n.failureSummary || "").split("\\n")[1]}`),
  }));
}"""
# Color transitions would let axe measure a color half-way through a scheme switch.
_NO_TRANSITIONS = "*, ::before, ::after { transition: none !important; animation: none !important }"


def prepare(page) -> None:
    """Make the loaded page measurable: axe injected, transitions off."""
    page.add_style_tag(content=_NO_TRANSITIONS)
    page.add_script_tag(path=str(AXE))


def axe_violations(page) -> list[str]:
    """Run axe once on the page as it is now; one line per failing rule."""
    found = page.evaluate(_RUN_AXE, [WCAG_TAGS, list(WAIVED_RULES)])
    return [
        f"{v['id']} ({v['help']}, {len(v['nodes'])}x): {'; '.join(v['nodes'][:3])}" for v in found
    ]


def open_search(page) -> None:
    """Open Material's search with its keyboard shortcut, at any width."""
    page.keyboard.press("/")
    page.locator("input.md-search__input:focus").wait_for()


def offers_scheme_choice(page) -> bool:
    """True when the page has Material's color toggle (printable cards have none: light only)."""
    return page.locator("[data-md-component=palette]").count() > 0


def show_scheme(page, media: str) -> None:
    """Ask for a color scheme the way a reader's system does; Material follows it on first load."""
    page.emulate_media(color_scheme=media)


def check_widths(page, where: str, scheme: str) -> list[str]:
    """axe once at each width, after checking Material really shows the expected scheme."""
    shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert shown == scheme, f"{where}: Material shows scheme {shown!r}, expected {scheme!r}"
    failures = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        failures += [f"{where} [{scheme}, {width}px] {v}" for v in axe_violations(page)]
    return failures


@pytest.mark.parametrize(("media", "scheme"), SCHEMES)
def test_every_page_passes_axe_at_360_and_1280(page, built_site, site_server, media, scheme):
    show_scheme(page, media)
    pages = content_pages(built_site)
    failures: list[str] = []
    for built in pages:
        page.goto(site_server.url(built.url_path))
        if scheme != "default" and not offers_scheme_choice(page):
            continue  # one scheme only: checked in the "default" run
        prepare(page)
        failures += check_widths(page, str(built), scheme)
    assert not failures, f"{len(failures)} axe violation(s):\n" + "\n".join(failures)
    assert len(pages) >= 10, f"only {len(pages)} pages found: is the build complete?"


@pytest.mark.parametrize(("media", "scheme"), SCHEMES)
def test_open_search_and_open_drawer_pass_axe(page, site_server, media, scheme):
    show_scheme(page, media)
    page.goto(site_server.url("steps/own-it/"))
    prepare(page)
    open_search(page)
    page.keyboard.type("manager")
    page.locator(".md-search-result__item").first.wait_for()
    failures = check_widths(page, "search open", scheme)
    page.keyboard.press("Escape")
    page.set_viewport_size({"width": 360, "height": 900})
    page.get_by_role("button", name="Menu").click()
    page.locator(".md-sidebar--primary .md-nav__link").first.wait_for()
    shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    failures += [f"drawer open [{shown}, 360px] {v}" for v in axe_violations(page)]
    assert not failures, f"{len(failures)} axe violation(s):\n" + "\n".join(failures)


def test_search_dialog_has_an_accessible_name(page, site_server):
    page.goto(site_server.url())
    open_search(page)
    assert page.get_by_role("dialog", name="Search").count() == 1
