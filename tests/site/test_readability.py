"""Every page reads at US grade 8 or lower (macros.proof.grade), and the measure itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.proof.grade import MAX_GRADE, MIN_WORDS, grade, grade_problems, measured
from macros.proof.pagetext import main_text, page_main_texts
from tests.support import ROOT


@pytest.fixture(scope="module")
def texts(built_site: Path) -> dict[str, str]:
    return page_main_texts(built_site)


def test_every_page_reads_at_grade_8_or_lower(texts: dict[str, str]) -> None:
    assert len(measured(texts)) >= 16, f"expected the guide's pages, got {sorted(texts)}"
    problems = [str(problem) for problem in grade_problems(ROOT, texts)]
    assert problems == [], "\n".join(problems)


def test_the_key_pages_are_measured(texts: dict[str, str]) -> None:
    expected = {"/", "right-now/", "managers/", "about/", "templates/", "examples/"}
    expected |= {f"steps/{slug}/" for slug in ("limit-the-damage", "tell-your-manager", "own-it")}
    expected |= {f"steps/{slug}/" for slug in ("learn-from-it", "move-forward")}
    short = {name for name in expected if len(texts.get(name, "").split()) < MIN_WORDS}
    assert not short, f"pages missing or nearly empty: {sorted(short)}"


def test_the_measure_catches_hard_text() -> None:
    from bs4 import BeautifulSoup

    hard = (
        "<article class='md-content__inner'><p>Notwithstanding organizational considerations, "
        "employees experiencing occupational difficulties should communicate comprehensive "
        "particulars expeditiously to supervisory personnel responsible for operational "
        "continuity and institutional accountability.</p></article>"
    )
    article = BeautifulSoup(hard, "lxml").select_one("article")
    assert grade(main_text(article)) > MAX_GRADE


def test_headings_and_list_items_count_as_sentences() -> None:
    from bs4 import BeautifulSoup

    html = "<article class='md-content__inner'><h2>Key points</h2>"
    html += "<ul><li>One</li><li>Two.</li></ul><pre><code>skip me</code></pre></article>"
    article = BeautifulSoup(html, "lxml")
    assert main_text(article.select_one("article")) == "Key points. One. Two."
