"""The spell check (macros.proof.spelling) on every built page, and on text made to fail it."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.proof.pagetext import page_main_texts
from macros.proof.spelling import UK_FORMS, misspelled, spelling_problems, word_list
from tests.support import ROOT


@pytest.fixture(scope="module")
def texts(built_site: Path) -> dict[str, str]:
    return page_main_texts(built_site)


def test_every_page_is_spelled_in_us_english(texts: dict[str, str]) -> None:
    problems = [str(problem) for problem in spelling_problems(ROOT, texts)]
    assert problems == [], "\n".join(problems)


def test_the_word_list_lets_no_uk_spelling_through() -> None:
    words, problems = word_list(ROOT)
    assert problems == []
    assert not words & set(UK_FORMS)


def test_the_check_finds_typos_and_uk_spellings() -> None:
    text = "Your organisation should recieve the colour judgement whilst Priya waits."
    assert misspelled(text, set()) == [
        "colour",
        "judgement (US: judgment)",
        "organisation",
        "priya",
        "recieve",
        "whilst (US: while)",
    ]
    assert misspelled("Priya's team didn't wait.", {"priya"}) == []


def test_the_check_finds_uk_phrases() -> None:
    text = "Tell them straight away by e-mail; note the knock-on costs in your diary."
    assert misspelled(text, set()) == [
        "diary (US: calendar)",
        "e-mail (US: email)",
        "knock-on (US: ripple effect or follow-on)",
        "straight away (US: right away)",
    ]
