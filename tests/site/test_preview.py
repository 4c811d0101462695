"""`make serve` keeps running when a page or data file is wrong and shows the error in the browser.

The real preview (macros.glue.preview, MkDocs' live-reload server) runs in a subprocess on a free
port, on a copy of the guide broken the way an author breaks it: at start, then while it runs.
"""

from __future__ import annotations

import re
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from macros.addresses import checklist_anchor
from macros.content import load_content
from tests.support import PYTHON, ROOT, FixtureSite, build_env, free_port, make_fixture_site

CONTENT = load_content(ROOT / "data", ROOT / "docs")
STEP = CONTENT.steps[0]
CHECKLIST = CONTENT.checklists_for_step(STEP.id)[0]
CALL = f'checklist("{CHECKLIST.id}")'


def fetch(url: str) -> tuple[int, str]:
    """Status and text of a page; a preview that hangs fails the test instead of waiting."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_for(condition, what: str, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.5)


class Preview:
    """The preview running on a fixture site; its console output read from a file."""

    def __init__(self, site: FixtureSite, log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = log
        self.process = subprocess.Popen(
            [PYTHON, "-m", "macros.glue.preview", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=site.root,
            env=build_env(),
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def page(self, path: str) -> tuple[int, str]:
        return fetch(self.url + path)


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FixtureSite, Preview, int]]:
    """A copy whose first step page has a macro with no closing bracket, previewed from the start."""
    site = make_fixture_site(tmp_path_factory.mktemp("preview"))
    page = f"docs/{STEP.page}"
    lines = (site.root / page).read_text(encoding="utf-8").splitlines()
    line = next(n for n, row in enumerate(lines, start=1) if CALL in row)
    site.replace(page, CALL, CALL.removesuffix(")"))
    preview = Preview(site, site.root.parent / "preview.log")
    try:
        wait_for(lambda: "Serving on" in preview.output(), "the preview to start")
        yield site, preview, line
    finally:
        preview.process.send_signal(signal.SIGINT)
        try:
            preview.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            preview.process.kill()


def test_a_mistake_at_start_keeps_the_preview_running_and_says_where(broken) -> None:
    site, preview, line = broken
    output = preview.output()
    assert preview.process.poll() is None, output
    page = f"docs/{STEP.page}"
    errors = [row for row in output.splitlines() if row.startswith("Error: ")]
    assert errors, output
    assert errors[0].startswith(f"Error: {page}:{line}: "), errors  # the file's line, front matter in
    assert "Fix: " in errors[0]
    assert not any("broken internal link" in row for row in errors), "root cause only, no cascade"
    assert "Ctrl+C" in output  # how to stop it
    assert "[macros]" not in output and "Cleaning site directory" not in output  # no plumbing
    assert not any(row.startswith(("WARNING", "ERROR", "INFO")) for row in output.splitlines())


@pytest.mark.parametrize("path", [STEP.page.removesuffix(".md") + "/", "", "about/"])
def test_every_page_shows_the_error_with_its_line_and_fix(broken, path: str) -> None:
    _, preview, line = broken
    status, html = preview.page(path)
    assert status == 500
    assert "The guide did not build" in html
    assert f"docs/{STEP.page}, line {line}" in html
    assert re.search(rf"<span class=\"guide-preview-error__mark\">\s*{line}\s", html)  # the line
    assert "Fix:" in html and "Ctrl+C" in html
    assert "/livereload/" in html  # it reloads by itself once fixed


def test_the_fix_brings_the_page_back_and_a_later_mistake_shows_too(broken) -> None:
    site, preview, _ = broken
    page = f"docs/{STEP.page}"
    site.replace(page, CALL.removesuffix(")") + " }}", CALL + " }}")
    step_url = STEP.page.removesuffix(".md") + "/"
    wait_for(lambda: preview.page(step_url)[0] == 200, "the fixed page")
    assert f'id="{checklist_anchor(CHECKLIST.id)}"' in preview.page(step_url)[1]
    assert "Preview ready" in preview.output()

    # A data file broken while it runs: the browser gets the error, not an endless wait.
    site.replace("data/checklists.yml", f"  - id: {CHECKLIST.id}\n", f"  - idd: {CHECKLIST.id}\n")
    wait_for(lambda: preview.page(step_url)[0] == 500, "the data error")
    status, html = preview.page(step_url)
    assert "data/checklists.yml, line" in html and "Fix:" in html
    assert preview.process.poll() is None

    site.replace("data/checklists.yml", f"  - idd: {CHECKLIST.id}\n", f"  - id: {CHECKLIST.id}\n")
    wait_for(lambda: preview.page(step_url)[0] == 200, "the fixed data")


def test_ctrl_c_stops_the_preview(tmp_path: Path, broken) -> None:
    _, preview, _ = broken
    preview.process.send_signal(signal.SIGINT)
    assert preview.process.wait(timeout=30) == 0
    assert "Preview stopped." in preview.output()
