"""Deep links in real Chromium: go/ pages land with their fragment, hidden targets open, copy works,
and the site served under /hr/guide/ has no broken internal link."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from macros.content import load_content
from macros.linkcheck import scan_html
from tests.browser.conftest import SUB_PATH, serve_folder
from tests.links_support import built_edited_guide
from tests.support import ROOT, make_fixture_site

# Titles read from the data, so the tests hold when an editor rewords them.
CONTENT = load_content(ROOT / "data", ROOT / "docs")
OWN_IT = CONTENT.checklists["own-it"]
OWN_IT_STEP = next(step for step in CONTENT.steps if step.id == OWN_IT.step)

HEADER = "header.md-header"


def catalogue(site: Path) -> list[dict]:
    return json.loads((site / "links.json").read_text(encoding="utf-8"))["links"]


def landed_below_header(page, element_id: str) -> dict:
    return page.evaluate(
        """([id, header]) => {
            const target = document.getElementById(id);
            const bar = document.querySelector(header).getBoundingClientRect();
            const box = target.getBoundingClientRect();
            return {top: box.top, header: bar.bottom, height: window.innerHeight,
                    visible: target.checkVisibility()};
        }""",
        [element_id, HEADER],
    )


def assert_in_view(page, element_id: str) -> None:
    page.wait_for_function("() => window.scrollY > 0 || document.readyState === 'complete'")
    page.wait_for_timeout(150)
    box = landed_below_header(page, element_id)
    assert box["visible"], f"#{element_id} is not visible"
    assert box["header"] <= box["top"] < box["height"], (
        f"#{element_id} is not below the header: {box}"
    )


def test_every_go_page_lands_on_its_target_with_the_fragment(page, site_server, built_site) -> None:
    entries = [entry for entry in catalogue(built_site) if entry["short"]]
    assert len(entries) >= 15
    for entry in entries:
        page.goto(site_server.sub_url(entry["short"]))
        expected = site_server.sub_url(entry["url"])
        page.wait_for_url(expected)
        assert page.url == expected
        fragment = urlsplit(expected).fragment
        if fragment:
            assert_in_view(page, fragment)


def test_a_go_page_keeps_the_fragment_the_reader_brought(page, site_server) -> None:
    page.goto(site_server.sub_url("go/step-2/#what-to-say"))
    page.wait_for_url(site_server.sub_url("steps/tell-your-manager/#what-to-say"))
    assert_in_view(page, "what-to-say")


def test_without_scripts_a_go_page_still_forwards_with_its_fragment(browser, site_server) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_server.sub_url("go/own-it/"))
        page.wait_for_url(site_server.sub_url("steps/own-it/#checklist-own-it"))
        assert page.locator("#checklist-own-it").is_visible()
    finally:
        context.close()


def test_without_scripts_every_section_and_item_short_link_lands_on_it(
    browser, site_server, built_site
) -> None:
    nested = [e for e in catalogue(built_site) if e["kind"] in ("section", "item") and e["short"]]
    kinds = {entry["kind"] for entry in nested}
    assert kinds == {"section", "item"}, kinds
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        for entry in nested:
            page.goto(site_server.sub_url(entry["short"]))
            expected = site_server.sub_url(entry["url"])
            page.wait_for_url(expected)
            target = page.locator(f"#{urlsplit(expected).fragment}")
            assert target.count() == 1, entry["id"]
            # The browser's own fragment scroll: the target is on screen, no script needed.
            box = target.bounding_box()
            assert box is not None and 0 <= box["y"] < page.viewport_size["height"], entry["id"]
    finally:
        context.close()


@pytest.fixture(scope="module")
def edited_server(tmp_path_factory: pytest.TempPathFactory):
    server, info = serve_folder(built_edited_guide(tmp_path_factory)[1])
    yield info
    server.shutdown()


def test_a_deep_link_into_a_closed_box_opens_it_below_the_header(page, edited_server) -> None:
    page.goto(edited_server.sub_url("hidden/"))
    details = page.locator("details:has(#checklist-learn-from-it)")
    assert details.get_attribute("open") is None
    item = page.locator("#checklist-learn-from-it [data-item]").first.get_attribute("id")
    page.goto(edited_server.sub_url(f"hidden/#{item}"))
    page.reload()
    assert details.get_attribute("open") is not None
    assert_in_view(page, item)


def test_a_link_on_the_page_into_a_closed_box_opens_it(page, edited_server) -> None:
    """A page opened without a fragment has not loaded links.js: the hash change loads it."""
    page.goto(edited_server.sub_url("hidden/"))
    details = page.locator("details:has(#checklist-learn-from-it)")
    assert details.get_attribute("open") is None
    item = page.locator("#checklist-learn-from-it [data-item]").first.get_attribute("id")
    page.evaluate("id => { location.hash = '#' + id; }", item)
    page.locator("details[open]:has(#checklist-learn-from-it)").wait_for()
    assert_in_view(page, item)


def test_a_deep_link_into_an_inactive_tab_selects_it(page, edited_server) -> None:
    page.goto(edited_server.sub_url("hidden/#checklist-move-forward"))
    assert_in_view(page, "checklist-move-forward")
    page.goto(edited_server.sub_url("hidden/#hidden-targets"))
    page.evaluate("location.hash = '#checklist-move-forward'")
    assert_in_view(page, "checklist-move-forward")


def test_a_landed_target_is_marked_briefly(page, site_server) -> None:
    page.goto(site_server.sub_url("steps/own-it/#checklist-own-it"))
    marked = page.locator("#checklist-own-it.guide-landed")
    marked.wait_for()
    marked.wait_for(state="detached", timeout=5000)


@pytest.fixture
def clipboard_page(context, site_server):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_server.base)
    return context.new_page()


def copy_with_keyboard(page, button, status: str = "Link copied") -> str:
    """Press the button; return the plain text it put on the clipboard."""
    return copy_both(page, button, status)[0]


def copy_both(page, button, status: str = "Link copied") -> tuple[str, str]:
    """Press the button; return the plain text and the HTML it put on the clipboard."""
    page.evaluate("navigator.clipboard.writeText('')")
    # The live region comes with links.js, which the first press loads.
    page.evaluate("document.querySelector('.guide-copy-status')?.replaceChildren()")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('.guide-copy-status')?.textContent")
    assert page.locator(".guide-copy-status").text_content() == status
    return tuple(
        page.evaluate(
            """async () => {
                const [item] = await navigator.clipboard.read();
                const read = async type => item.types.includes(type)
                    ? await (await item.getType(type)).text() : "";
                return [await read("text/plain"), await read("text/html")];
            }"""
        )
    )


def titled_link(html: str) -> tuple[str, str]:
    """The href and text of the one link in clipboard HTML."""
    match = re.search(r'<a href="([^"]+)">([^<]+)</a>', html)
    assert match, f"no titled link in {html!r}"
    return match.group(1), match.group(2)


def test_copy_buttons_put_the_full_address_on_the_clipboard(clipboard_page, site_server) -> None:
    page = clipboard_page
    page.goto(site_server.sub_url("steps/own-it/"))
    example = page.locator("details.guide-example").first
    example_id = example.get_attribute("data-example")
    example_title = example.locator(".guide-example__title").inner_text().strip()
    cases = [
        ("h1 .guide-copy", f"Step {OWN_IT_STEP.number}: {OWN_IT_STEP.title}", "go/step-3/"),
        (".guide-checklist__title .guide-copy", OWN_IT.title, "go/own-it/"),
        ("h2#what-to-do .guide-copy", "What to do", "go/step-3/what-to-do/"),
        (
            f".guide-copy-row:has(+ [data-example='{example_id}']) .guide-copy",
            example_title,
            f"go/{example_id}/",
        ),
        (
            "#item-own-it--say-it-was-you .guide-copy",
            load_content(ROOT / "data", ROOT / "docs").checklists["own-it"].items[0].text,
            "go/own-it/say-it-was-you/",
        ),
    ]
    for selector, title, address in cases:
        button = page.locator(selector)
        assert button.count() == 1, selector
        assert button.get_attribute("aria-label") == f"Copy link to {title}"
        assert button.evaluate("b => b.tagName") == "BUTTON"
        text, html = copy_both(page, button)
        assert text == site_server.sub_url(address)
        assert titled_link(html) == (site_server.sub_url(address), title)


def links_scripts(requests: list[str]) -> list[str]:
    return [url for url in requests if re.search(r"/links\.[0-9a-f]{8}\.min\.js$", url)]


def test_a_first_visit_fetches_no_links_script_and_the_first_press_copies(
    clipboard_page, site_server
) -> None:
    """The buttons come with the page; links.js loads on the first press, which still copies."""
    page = clipboard_page
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_server.sub_url("steps/own-it/"))
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert links_scripts(requests) == []
    assert page.locator(".guide-copy-status").count() == 0
    button = page.locator(".guide-checklist__title .guide-copy")
    assert button.is_visible()
    text, html = copy_both(page, button)
    full = site_server.sub_url("go/own-it/")
    assert text == full and titled_link(html) == (full, OWN_IT.title)
    assert len(links_scripts(requests)) == 1
    assert page.locator(".guide-copy-status").get_attribute("aria-live") == "polite"


def test_without_scripts_the_copy_buttons_are_hidden_and_the_permalinks_shown(
    browser, site_server
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        for path in ("steps/own-it/", "linking/"):
            page.goto(site_server.sub_url(path))
            assert page.locator(".guide-copy").count() > 0, path
            assert page.locator(".guide-copy:visible").count() == 0, path
        page.goto(site_server.sub_url("steps/own-it/"))
        assert page.locator("h2#what-to-do .headerlink").is_visible()
    finally:
        context.close()


def test_each_heading_shows_one_link_icon(page, site_server) -> None:
    page.goto(site_server.sub_url("steps/own-it/"))
    headings = page.locator(".md-content h1[id], .md-content h2[id]")
    for index in range(headings.count()):
        heading = headings.nth(index)
        visible = heading.locator(".headerlink:visible, .guide-copy:visible").count()
        assert visible == 1, heading.get_attribute("id")
    assert page.locator(".md-content h2[id] .guide-copy").count() >= 6


def test_the_listing_page_copies_short_links(clipboard_page, site_server) -> None:
    page = clipboard_page
    page.goto(site_server.sub_url("linking/"))
    row = page.locator("[data-link-id='step-2']")
    step = load_content(ROOT / "data", ROOT / "docs").steps[1]
    title = f"Step 2: {step.title}"
    full = site_server.sub_url("go/step-2/")
    assert row.locator("a[data-link-copy] code").inner_text() == full
    button = row.locator(".guide-copy--link")
    assert button.get_attribute("aria-label") == f"Copy link to {title}"
    text, html = copy_both(page, button)
    assert text == full and titled_link(html) == (full, title)
    message = row.locator(".guide-copy--message")
    text, html = copy_both(page, message, "Link copied for an email or a chat")
    assert text == f"{title}: {full}" and titled_link(html) == (full, title)
    markdown = row.locator(".guide-copy--markdown")
    assert copy_with_keyboard(page, markdown, "Link copied as Markdown") == f"[{title}]({full})"
    page.locator("#links-step-3 > summary").click()  # the precise links are folded per step
    item = page.locator("[data-link-id='own-it/say-it-was-you'] .guide-copy--link")
    expected = site_server.sub_url("go/own-it/say-it-was-you/")
    assert copy_with_keyboard(page, item) == expected


@pytest.fixture(scope="module")
def instant_server(tmp_path_factory: pytest.TempPathFactory):
    """The guide with Material's instant navigation on, served where its site_url says."""
    tmp = tmp_path_factory.mktemp("instant")
    server, info = serve_folder(tmp / "site")
    fixture = make_fixture_site(tmp)
    fixture.replace("mkdocs.yml", "# - navigation.instant", "- navigation.instant")
    fixture.replace("mkdocs.yml", "\n# No site_url", f"\nsite_url: {info.base}/\n# No site_url")
    result = fixture.build(tmp / "site")
    assert result.returncode == 0, result.stderr
    yield info
    server.shutdown()


def test_instant_navigation_to_a_fragment_lands_and_the_buttons_copy(context, instant_server):
    """A page change without a reload loads links.js for the fragment; addresses are whole."""
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=instant_server.base)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # Material takes over links once it has the sitemap: a quiet network says it has.
    page.goto(instant_server.url(""), wait_until="networkidle")
    page.evaluate("window.guideSamePage = true")
    # The landing mark lasts a moment: every element marked is noted as it happens.
    page.evaluate(
        """() => {
            window.guideLanded = [];
            new MutationObserver(changes => changes.forEach(change => {
                if (change.target.classList.contains("guide-landed")) {
                    window.guideLanded.push(change.target.id);
                }
            })).observe(document.documentElement,
                        {subtree: true, attributes: true, attributeFilter: ["class"]});
        }"""
    )
    page.evaluate(
        """href => {
            const link = document.createElement("a");
            link.href = href;
            link.textContent = "Own what happened";
            document.querySelector(".md-content").append(link);
            link.click();
        }""",
        "steps/own-it/#checklist-own-it",
    )
    page.wait_for_function("() => window.guideLanded.includes('checklist-own-it')")
    assert page.evaluate("window.guideSamePage === true"), "the page changed without a reload"
    full = instant_server.url("go/own-it/")
    assert copy_with_keyboard(page, page.locator(".guide-checklist__title .guide-copy")) == full
    assert errors == []


# Records what a copy command put on the clipboard, from the page's own copy event.
RECORD_COPY = """
    window.__copied = [];
    window.addEventListener("copy", event => window.__copied.push({
        text: event.clipboardData.getData("text/plain"),
        html: event.clipboardData.getData("text/html"),
    }));
"""


def test_where_the_clipboard_api_is_blocked_the_copy_command_copies_both(
    context, site_server
) -> None:
    context.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    context.add_init_script(RECORD_COPY)
    page = context.new_page()
    page.goto(site_server.sub_url("steps/own-it/"))
    page.locator(".guide-checklist__title .guide-copy").click()
    page.wait_for_function("() => document.querySelector('.guide-copy-status')?.textContent")
    assert page.locator(".guide-copy-status").inner_text() == "Link copied"
    [copied] = page.evaluate("window.__copied")
    full = site_server.sub_url("go/own-it/")
    assert copied["text"] == full
    assert titled_link(copied["html"]) == (full, OWN_IT.title)
    assert page.locator(".guide-copy-field").count() == 0


def test_where_copying_is_refused_the_address_is_shown_selected(context, site_server) -> None:
    context.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    context.add_init_script("document.execCommand = () => false")
    page = context.new_page()
    page.goto(site_server.sub_url("steps/own-it/"))
    page.locator(".guide-checklist__title .guide-copy").click()
    field = page.locator(".guide-checklist .guide-copy-field")
    assert field.input_value() == site_server.sub_url("go/own-it/")
    assert field.evaluate("f => document.activeElement === f && f.selectionEnd === f.value.length")
    assert field.get_attribute("aria-label") == "Link to Own what happened"
    page.wait_for_function("() => document.querySelector('.guide-copy-status')?.textContent")
    status = page.locator(".guide-copy-status").inner_text()
    assert status == "Link selected: press Control+C (or Command+C) to copy it"


def test_the_site_under_a_sub_path_has_no_broken_internal_link(page, site_server, built_site):
    sources = sorted(
        p.relative_to(built_site).as_posix()
        for p in built_site.rglob("*.html")
        if p.name != "404.html" and not p.relative_to(built_site).as_posix().startswith("go/")
    )
    root = site_server.sub_url()
    targets: dict[str, set[str]] = {}
    for source in sources:
        address = source.removesuffix("index.html")
        page.goto(site_server.sub_url(address), wait_until="domcontentloaded")
        hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        for href in hrefs:
            if urlsplit(href).netloc != urlsplit(root).netloc:
                continue
            assert href.startswith(root), f"{address}: {href} leaves {SUB_PATH}"
            base, _, fragment = href.partition("#")
            targets.setdefault(base, set()).add(fragment)
    assert len(targets) > 20
    ids: dict[str, set[str]] = {}
    for base, fragments in sorted(targets.items()):
        response = page.request.get(base)
        assert response.status == 200, base
        wanted = {f for f in fragments if f}
        if wanted and re.search(r"text/html", response.headers.get("content-type", "")):
            ids[base] = scan_html(response.text()).ids
            assert wanted <= ids[base], f"{base}: missing {sorted(wanted - ids[base])}"
