"""Browser harness: Debian's Chromium driven by Playwright, against the built site on 127.0.0.1.

The site is served twice by one local server: at the root and under the sub-path /hr/guide/, as an
intranet portal would host it. Every page a test opens refuses requests to any other host and the
test fails if one was attempted. Under CI=true a missing Chromium fails the run instead of skipping.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = os.environ.get("GUIDE_CHROMIUM", "/usr/bin/chromium")
SUB_PATH = "/hr/guide/"
# The policy a strict intranet portal sends (hosting/ sends the same): no inline script or style,
# nothing from another host, framed only by the guide's own host.
STRICT_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; frame-ancestors 'self'"
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder as a browser test."""
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.browser)


def chromium_or_fail() -> str:
    """Return Chromium's path; fail under CI (a skipped browser test proves nothing), else skip."""
    if Path(CHROMIUM).is_file() or shutil.which(CHROMIUM):
        return CHROMIUM
    message = (
        f"Chromium is not installed at {CHROMIUM}. Install Debian's package: "
        "'sudo apt-get install chromium' (.ci/run does this in CI)."
    )
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


class _MountedHandler(SimpleHTTPRequestHandler):
    """Serve one folder at the root and again under SUB_PATH, quietly, with any extra headers."""

    def __init__(
        self, *args: object, site: Path, headers: dict[str, str] | None = None, **kwargs: object
    ) -> None:
        self.site = site
        self.extra_headers = headers or {}
        super().__init__(*args, directory=str(site), **kwargs)

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def translate_path(self, path: str) -> str:
        clean = urlsplit(path).path
        if clean.startswith(SUB_PATH):
            clean = "/" + clean[len(SUB_PATH) :]
        return super().translate_path(clean)

    def log_message(self, format: str, *args: object) -> None:
        return


@dataclass
class SiteServer:
    """Where the built site is served: `url(path)` at the root, `sub_url(path)` under /hr/guide/."""

    base: str
    site: Path

    def url(self, path: str = "") -> str:
        """Address of `path` (root-relative) on the root mount."""
        return f"{self.base}/{path.lstrip('/')}"

    def sub_url(self, path: str = "") -> str:
        """Address of `path` (root-relative) under the sub-path mount."""
        return f"{self.base}{SUB_PATH}{path.lstrip('/')}"


def serve_folder(
    site: Path, headers: dict[str, str] | None = None
) -> tuple[ThreadingHTTPServer, SiteServer]:
    """Start a local server for `site` on a free port of 127.0.0.1, sending `headers` too."""
    handler = functools.partial(_MountedHandler, site=site, headers=headers)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, SiteServer(f"http://127.0.0.1:{server.server_address[1]}", site)


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[SiteServer]:
    """The real built site, served on 127.0.0.1 for the whole session."""
    server, info = serve_folder(built_site)
    yield info
    server.shutdown()


@pytest.fixture(scope="session")
def strict_server(built_site: Path) -> Iterator[SiteServer]:
    """The real built site served with the strict Content-Security-Policy (STRICT_CSP)."""
    server, info = serve_folder(built_site, {"Content-Security-Policy": STRICT_CSP})
    yield info
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Chromium for the session."""
    path = chromium_or_fail()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=path, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@dataclass
class OffHostLog:
    """Requests a page tried to send anywhere but 127.0.0.1 (blocked, and failed at teardown)."""

    urls: list[str] = field(default_factory=list)


def guard_requests(context: object, log: OffHostLog) -> None:
    """Abort and record every request to a host other than 127.0.0.1 (file:// and data: allowed)."""

    def handle(route: object) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("file", "data", "blob") or parts.hostname == "127.0.0.1":
            route.continue_()
        else:
            log.urls.append(url)
            route.abort()

    context.route("**/*", handle)


@pytest.fixture
def off_host() -> OffHostLog:
    """The log of blocked off-host requests for one test."""
    return OffHostLog()


@pytest.fixture
def context(browser: object, off_host: OffHostLog) -> Iterator[object]:
    """A fresh browser profile (empty storage) per test, guarded against off-host requests."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    guard_requests(ctx, off_host)
    yield ctx
    ctx.close()
    assert not off_host.urls, f"the page tried to reach other hosts: {off_host.urls}"


@pytest.fixture
def page(context: object) -> object:
    """A page in the guarded per-test context."""
    return context.new_page()
