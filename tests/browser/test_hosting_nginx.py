"""hosting/nginx.conf for real: Debian's nginx serves the built site under /hr/guide/ with it.

The file is used as an admin would use it: included in a `server { }` block, with its two EDIT
lines pointed at this build and the address. nginx runs unprivileged (as `nobody` when the tests
run as root) on a free port of 127.0.0.1 with its own pid, log and temp files. Checked: the
security headers on pages, files and the 404 page, a year of immutable caching for hashed files
and revalidation for the rest, gzip, types, the 404 page, the sub-path, and no policy violation
or script error in Chromium. Under CI=true a missing nginx fails the run (.ci/run installs it).
"""

from __future__ import annotations

import gzip
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros import assets
from tests.browser.conftest import STRICT_CSP
from tests.browser.test_csp import Watch, watched_page
from tests.browser.test_search import search
from tests.support import ROOT, free_port

NGINX = os.environ.get("GUIDE_NGINX", "/usr/sbin/nginx")
CONFIG = ROOT / "hosting" / "nginx.conf"
SUB_PATH = "/hr/guide/"
SITE_IN_FILE = "/srv/guide/site/"
NOBODY = 65534
YEAR = "public, max-age=31536000, immutable"

MAIN_CONFIG = """
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        include {work}/guide.conf;
    }}
}}
"""


def nginx_or_fail() -> str:
    """nginx's path; fail under CI (a skipped server test proves nothing), else skip."""
    if Path(NGINX).is_file():
        return NGINX
    message = (
        f"nginx is not installed at {NGINX}. Install Debian's package: "
        "'sudo apt-get install nginx' (.ci/run does this in CI)."
    )
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@dataclass
class Nginx:
    """The running server: `url(path)` is the address of a site path under the sub-path."""

    base: str
    site: Path

    def url(self, path: str = "") -> str:
        return f"{self.base}{SUB_PATH}{path.lstrip('/')}"


@pytest.fixture(scope="module")
def nginx(built_site: Path) -> Iterator[Nginx]:
    """nginx serving a copy of the built site with hosting/nginx.conf, for this module."""
    binary = nginx_or_fail()
    root = os.geteuid() == 0
    work = Path(tempfile.mkdtemp(prefix="guide-nginx-"))
    try:
        site = work / "site"
        shutil.copytree(built_site, site)
        text = CONFIG.read_text(encoding="utf-8")
        assert text.count(SITE_IN_FILE) == 1, f"{CONFIG} no longer names {SITE_IN_FILE} once"
        (work / "guide.conf").write_text(text.replace(SITE_IN_FILE, f"{site}/"), "utf-8")
        port = free_port()
        (work / "nginx.conf").write_text(MAIN_CONFIG.format(work=work, port=port), "utf-8")
        if root:  # run unprivileged: nobody reads the copy and writes only its own files
            for path in [work, *work.rglob("*")]:
                os.chown(path, NOBODY, NOBODY)
            work.chmod(0o755)
        process = subprocess.Popen(
            [binary, "-p", str(work), "-c", str(work / "nginx.conf"), "-g", "daemon off;"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            **({"user": NOBODY, "group": NOBODY, "extra_groups": []} if root else {}),
        )
        try:
            _wait_for(port, process)
            yield Nginx(f"http://127.0.0.1:{port}", site)
        finally:
            process.terminate()
            process.wait(timeout=10)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _wait_for(port: int, process: subprocess.Popen) -> None:
    for _ in range(100):
        if process.poll() is not None:
            raise AssertionError(f"nginx stopped: {process.stdout.read()}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError("nginx did not start listening within 5 s")


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes


def fetch(url: str, gzip_ok: bool = False) -> Reply:
    """GET `url` without following redirects; headers by lower-case name."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            return Reply(response.status, _headers(response), response.read())
    except urllib.error.HTTPError as error:
        return Reply(error.code, _headers(error), error.read())


def _headers(response: object) -> dict[str, str]:
    return {name.lower(): value for name, value in response.headers.items()}


def assert_secured(reply: Reply, what: str) -> None:
    assert reply.headers.get("content-security-policy") == STRICT_CSP, what
    assert reply.headers.get("x-content-type-options") == "nosniff", what
    assert reply.headers.get("referrer-policy") == "same-origin", what


def test_pages_are_secured_and_revalidated(nginx: Nginx) -> None:
    for path in ("", "steps/own-it/", "print/own-it/", "search/search_index.json"):
        reply = fetch(nginx.url(path))
        assert reply.status == 200, path
        assert_secured(reply, path)
        assert reply.headers["cache-control"] == "no-cache", path
    home = fetch(nginx.url())
    assert home.headers["content-type"] == "text/html; charset=utf-8"
    assert (
        fetch(nginx.url("search/search_index.json"))
        .headers["content-type"]
        .startswith("application/json")
    )


def test_the_address_without_its_slash_moves_to_the_guide(nginx: Nginx) -> None:
    reply = fetch(nginx.url().rstrip("/"))
    assert reply.status == 301
    assert reply.headers["location"].endswith(SUB_PATH)


def test_hashed_files_are_kept_a_year_gzipped_and_typed(nginx: Nginx) -> None:
    css = assets.published_files(nginx.site, assets.CSS_BUNDLE)[0]
    js = assets.published_files(nginx.site, assets.JS_BUNDLE)[0]
    for path, kind in ((css, "text/css"), (js, "application/javascript")):
        reply = fetch(nginx.url(path), gzip_ok=True)
        assert reply.status == 200, path
        assert reply.headers["cache-control"] == YEAR, path
        assert_secured(reply, path)
        assert reply.headers["content-type"].startswith(kind), path
        assert reply.headers.get("content-encoding") == "gzip", path
        assert gzip.decompress(reply.body) == (nginx.site / path).read_bytes()
    favicon = fetch(nginx.url("assets/images/favicon.svg"))
    assert favicon.headers["content-type"].startswith("image/svg+xml")
    assert favicon.headers["cache-control"] == "no-cache"


def test_a_missing_page_gets_the_guides_404_page(nginx: Nginx) -> None:
    reply = fetch(nginx.url("no-such-page/"))
    assert reply.status == 404
    assert_secured(reply, "404")
    assert reply.body == (nginx.site / "404.html").read_bytes()


def test_no_policy_violation_or_script_error_in_chromium(browser, nginx: Nginx) -> None:
    context = browser.new_context()
    watch = Watch()
    page = watched_page(context, watch)
    try:
        for path in ("", "steps/own-it/", "print/own-it/", "go/own-it/"):
            page.goto(nginx.url(path), wait_until="load")
            assert watch.take() == [], path
        assert "steps/tell-your-manager/" in search(page, nginx.url(), "manager")
        assert watch.take() == []
        # Built without a public address (GUIDE_PUBLIC_URL), the 404 page names its files from
        # the server's root, not from /hr/guide/ (HOSTING.md): only the policy is judged there.
        page.goto(nginx.url("no-such-page/"), wait_until="load")
        page.wait_for_timeout(200)
        assert [p for p in watch.take() if p.startswith("CSP")] == []
    finally:
        context.close()
