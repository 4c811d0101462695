"""The guide inside a frame, as an LMS course page or a portal shows it: a deep link scrolls the
guide's own window and leaves the host page where its reader left it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import SiteServer, serve_folder

TARGET = "checklist-own-it"
HOST_SCROLL = 400


def host_page(guide: str) -> str:
    """A tall course page with instructions above and below a framed guide."""
    filler = "".join(f"<p>Course instruction {n}.</p>" for n in range(80))
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title></head>'
        f"<body><h1>New starters</h1>{filler}"
        f'<iframe title="Handling Mistakes at Work" src="{guide}" width="900" height="500"'
        ' allow="clipboard-write"></iframe>'
        f"{filler}</body></html>"
    )


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory, built_site: Path) -> Iterator[SiteServer]:
    """A host folder with the built guide linked in at guide/ (same origin as its course pages)."""
    folder = tmp_path_factory.mktemp("host")
    (folder / "guide").symlink_to(built_site, target_is_directory=True)
    server, info = serve_folder(folder)
    yield info
    server.shutdown()


def open_host(page, host: SiteServer, guide: str) -> object:
    """Open a course page framing `guide`, scrolled to HOST_SCROLL before the frame loads."""
    folder = Path(host.site)
    name = f"course-{abs(hash(guide))}.html"
    (folder / name).write_text(host_page(guide), encoding="utf-8")
    page.goto(host.url(name), wait_until="domcontentloaded")
    page.evaluate(f"window.scrollTo(0, {HOST_SCROLL})")
    frame = page.frame_locator("iframe")
    frame.locator(f"#{TARGET}").wait_for()
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    return page.frames[1]


def assert_landed_in_frame(frame, element_id: str) -> None:
    box = frame.evaluate(
        """id => {
            const top = document.getElementById(id).getBoundingClientRect().top;
            return {top, scrolled: window.scrollY, height: window.innerHeight};
        }""",
        element_id,
    )
    assert box["scrolled"] > 0, f"the guide did not scroll to #{element_id}: {box}"
    assert 0 <= box["top"] < box["height"], f"#{element_id} is not in the frame's view: {box}"


@pytest.mark.parametrize("origin", ["same-origin", "cross-origin"])
def test_a_deep_link_in_a_frame_leaves_the_host_page_where_it_was(
    page, host: SiteServer, site_server: SiteServer, origin: str
) -> None:
    path = f"steps/own-it/#{TARGET}"
    guide = f"guide/{path}" if origin == "same-origin" else site_server.sub_url(path)
    frame = open_host(page, host, guide)
    assert page.evaluate("window.scrollY") == HOST_SCROLL
    assert_landed_in_frame(frame, TARGET)
    # A link to a place on the same page, as the contents list and cross-references write it.
    frame.evaluate(
        """() => {
            const link = document.querySelector("a.headerlink[href='#what-to-say']");
            link.closest("h2").classList.remove("guide-heading--copy");
            link.click();
        }"""
    )
    frame.wait_for_function("() => location.hash === '#what-to-say'")
    page.wait_for_timeout(300)
    assert page.evaluate("window.scrollY") == HOST_SCROLL
    assert_landed_in_frame(frame, "what-to-say")
    # A link to a place on another page of the guide.
    frame.evaluate("location.href = '../tell-your-manager/#what-to-say'")
    frame.wait_for_url("**/steps/tell-your-manager/#what-to-say")
    page.wait_for_timeout(300)
    assert page.evaluate("window.scrollY") == HOST_SCROLL
    assert_landed_in_frame(frame, "what-to-say")


def test_outside_a_frame_the_address_keeps_its_fragment(page, site_server: SiteServer) -> None:
    page.goto(site_server.sub_url(f"steps/own-it/#{TARGET}"))
    page.wait_for_timeout(300)
    assert page.url.endswith(f"#{TARGET}")
    assert page.evaluate("document.documentElement.hasAttribute('data-guide-landing')") is False
