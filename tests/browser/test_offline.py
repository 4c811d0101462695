"""The offline copy (mkdocs.offline.yml, `make offline`): works from file://, search included.

The copy is built exactly as `make offline` builds it (the session fixture `offline_build` in
tests/conftest.py), opened from disk in Chromium (no server), and searched. No page may load
anything from another host: Material's offline plugin would fetch its iframe-worker search shim
from a CDN, so the site ships the pinned npm copy.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load
from playwright.sync_api import expect

from macros.content import load_content
from tests.support import ROOT

OFFLINE_CONFIG = ROOT / "mkdocs.offline.yml"
SHIM = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM_URI = "assets/javascripts/iframe-worker-shim.js"
RESOURCES = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src"}


def _raw_config(path: Path) -> dict:
    """A config file as written, INHERIT not applied (yaml_load merges only for open files)."""
    return yaml_load(path.read_text("utf-8"))


def test_offline_config_repeats_mkdocs_yml_lists_and_adds_only_offline_entries():
    """MkDocs replaces lists on INHERIT: plugins and hooks must follow mkdocs.yml by hand."""
    base, offline = _raw_config(ROOT / "mkdocs.yml"), _raw_config(OFFLINE_CONFIG)
    assert offline["INHERIT"] == "mkdocs.yml"
    assert offline["plugins"][:-1] == base["plugins"], (
        "mkdocs.offline.yml: copy mkdocs.yml's plugins list, then add '- offline' last"
    )
    assert offline["plugins"][-1] == "offline"
    assert offline["hooks"] == [*base["hooks"], "macros/glue/offline.py"], (
        "mkdocs.offline.yml: copy mkdocs.yml's hooks list, then add macros/glue/offline.py"
    )
    assert offline["extra"]["polyfills"] == [SHIM_URI]
    assert SHIM.is_file(), "node_modules/iframe-worker is missing: run 'npm ci'"


def test_offline_copy_ships_its_search_shim_and_loads_nothing_from_other_hosts(offline_build):
    site = offline_build.require()
    assert (site / SHIM_URI).read_bytes() == SHIM.read_bytes()
    assert (site / "search" / "search_index.js").is_file()
    pages = sorted(site.rglob("*.html"))
    external = []
    for path in pages:
        soup = BeautifulSoup(path.read_text("utf-8"), "lxml")
        for tag, attribute in RESOURCES.items():
            for element in soup.find_all(tag):
                value = element.get(attribute) or ""
                if value.startswith(("http://", "https://", "//")):
                    external.append(f"{path.relative_to(site)}: <{tag} {attribute}={value!r}>")
    assert not external, "\n".join(external)
    shim_pages = [p for p in pages if f'src="{SHIM_URI}"' in p.read_text("utf-8")]
    assert site / "index.html" in shim_pages


def test_offline_copy_opened_from_disk_finds_pages_with_search(page, offline_build):
    site = offline_build.require()
    page.goto((site / "steps" / "own-it.html").as_uri())
    page.keyboard.press("/")
    page.locator("input.md-search__input:focus").wait_for()
    page.keyboard.type("manager")
    result = page.locator(".md-search-result__item a").first
    result.wait_for()
    assert page.locator(".md-search-result__item").count() >= 3
    href = result.get_attribute("href") or ""
    assert href.startswith("file://") and ".html" in href, href
    result.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://")
    assert page.locator("h1").first.inner_text().strip()


def test_offline_copy_links_point_at_files_not_folders(offline_build):
    """From file:// a link to a folder opens a directory listing: every link must name a file."""
    site = offline_build.require()
    folders = []
    for path in sorted(p for p in site.rglob("*.html") if p.name != "404.html"):
        soup = BeautifulSoup(path.read_text("utf-8"), "lxml")
        for link in soup.find_all("a", href=True):
            href = link["href"].split("#")[0].split("?")[0]
            if not href or ":" in href or href.startswith("/"):
                continue
            if (path.parent / href).is_dir() or href.endswith("/"):
                folders.append(f"{path.relative_to(site)}: {link['href']}")
    assert not folders, f"{len(folders)} link(s) to folders:\n" + "\n".join(folders[:30])


def test_offline_copy_copies_short_links_that_open_from_disk(page, offline_build):
    """A copied go/ address must name the forwarding file: from file:// a folder is a listing."""
    site = offline_build.require()
    # What the copy put on the clipboard, from the page's copy event (the API or the copy command).
    no_api = "Object.defineProperty(navigator, 'clipboard', {value: undefined})"
    page.context.add_init_script(no_api)
    page.context.add_init_script(
        "window.__copied = []; window.addEventListener('copy',"
        " event => window.__copied.push(event.clipboardData.getData('text/plain')))"
    )
    page.goto((site / "steps" / "own-it.html").as_uri())
    page.locator("h1 .guide-copy").click()
    page.wait_for_function("() => window.__copied.length > 0")
    address = page.evaluate("window.__copied[0]")
    assert address == (site / "go" / "step-3" / "index.html").as_uri(), address
    page.goto(address)
    page.wait_for_url("**/steps/own-it.html")
    step = next(s for s in load_content(ROOT / "data", ROOT / "docs").steps if s.id == "step-3")
    assert page.locator("h1").first.inner_text().startswith(f"Step {step.number}: {step.title}")


def test_offline_search_corrects_typos_and_offers_help_from_disk(page, offline_build):
    """From file://, the word list loads (a script, not JSON) and the offers name files."""
    site = offline_build.require()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((site / "index.html").as_uri())
    page.keyboard.press("/")
    box = page.locator("input.md-search__input:focus")
    box.wait_for()
    status = page.locator(".md-search-result .guide-search-help__status")
    page.keyboard.type("manger")
    page.wait_for_function(
        "el => el.textContent === 'Showing results for “manager”.'", arg=status.element_handle()
    )
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item > a:first-child", "links => links.map(a => a.href)"
    )
    tell = (site / "steps" / "tell-your-manager.html").as_uri()
    assert tell in [href.split("?")[0] for href in hrefs[:3]], hrefs[:3]
    box.fill("")
    page.keyboard.type("xyzzy")
    offers = page.locator(".md-search-result [data-search-help-offers] a[href]")
    offers.first.wait_for()
    assert [offers.nth(i).evaluate("a => a.href") for i in range(offers.count())] == [
        (site / "right-now.html").as_uri(),
        (site / "steps" / "index.html").as_uri(),
    ]
    offers.first.click()
    page.wait_for_url((site / "right-now.html").as_uri())
    assert not errors, errors


def test_offline_ticks_load_on_the_first_tick_and_stay_from_disk(page, offline_build):
    """From file://, ticks.js loads on the first tick by its hashed name and keeps the tick."""
    site = offline_build.require()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    scripts: list[str] = []
    page.on("request", lambda request: scripts.append(request.url))
    page.goto((site / "steps" / "limit-the-damage.html").as_uri())
    box = page.locator("section#checklist-limit-the-damage input.guide-checklist__box").first
    count = page.locator("section#checklist-limit-the-damage .guide-ticks__count")
    total = page.locator("section#checklist-limit-the-damage input.guide-checklist__box").count()
    assert not [url for url in scripts if "/javascripts/ticks." in url]
    box.check()
    expect(count).to_have_text(f"1 of {total} done")
    loaded = [url for url in scripts if "/javascripts/ticks." in url]
    assert len(loaded) == 1 and loaded[0].startswith("file://"), loaded
    page.reload()
    assert box.is_checked()
    assert count.inner_text() == f"1 of {total} done"
    assert not errors, errors
