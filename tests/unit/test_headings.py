"""Copy buttons the build adds to the headings Markdown writes (macros/headings.py)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.headings import add_copy_buttons
from tests.support import ROOT
from tests.unit import htmlcheck

PAGE = (
    '<h1 id="step-3">Step 3: Own it<a class="headerlink" href="#step-3" title="Link to this'
    ' section">&para;</a></h1>\n'
    '<h2 id="what-to-do">What <code>to</code> do<a class="headerlink" href="#what-to-do">&para;</a>'
    "</h2>\n"
    '<h2 class="wide" id="odd">Tom &amp; &quot;Jerry&quot; &lt;b&gt;'
    '<a class="headerlink" href="#odd">&para;</a></h2>\n'
    "<h2>No anchor</h2>\n"
    '<h1 id="about">About<a class="headerlink" href="#about">&para;</a></h1>\n'
)


def buttons(html: str) -> dict[str, dict[str, str]]:
    soup = BeautifulSoup(html, "html.parser")
    return {
        heading.get("id", ""): {
            "label": button["aria-label"],
            "path": button["data-copy-path"],
            "class": " ".join(heading.get("class", [])),
        }
        for heading in soup.select("h1, h2")
        for button in heading.select("button.guide-copy")
    }


def test_step_titles_and_sections_get_their_short_link_or_their_anchor() -> None:
    html = add_copy_buttons(PAGE, "steps/own-it/", {"what-to-do": "go/step-3/what-to-do/"})
    assert buttons(html) == {
        "step-3": {
            "label": "Copy link to Step 3: Own it",
            "path": "go/step-3/",
            "class": "guide-heading--copy",
        },
        "what-to-do": {
            "label": "Copy link to What to do",
            "path": "go/step-3/what-to-do/",
            "class": "guide-heading--copy",
        },
        "odd": {
            "label": 'Copy link to Tom & "Jerry" <b>',
            "path": "steps/own-it/#odd",
            "class": "wide guide-heading--copy",
        },
    }


def test_heading_text_stays_text_in_the_button() -> None:
    html = add_copy_buttons(PAGE, "steps/own-it/", {})
    assert "<b>" not in html
    assert htmlcheck.problems(html) == []


@pytest.mark.slow
def test_headings_with_buttons_pass_html_validate(tmp_path: Path) -> None:
    page = tmp_path / "headings.html"
    page.write_text(add_copy_buttons(PAGE, "steps/own-it/", {}), encoding="utf-8")
    result = subprocess.run(
        [str(ROOT / "node_modules/.bin/html-validate"), "--formatter", "text", str(page)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
