"""A spell check of every built page's main text, in US English, with a project word list.

pyspellchecker's English dictionary already lacks most UK forms ("organisation", "colour"); the few
UK spellings it accepts are refused here by name. Proper words (names, product words) go in
tests/wordlist.txt, one a line, lower case, sorted.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spellchecker import SpellChecker

from tests.site.page_text import page_main_texts
from tests.support import ROOT

WORDLIST = ROOT / "tests" / "wordlist.txt"
WORD = re.compile("[A-Za-z]+(?:['\u2019][A-Za-z]+)*")
# UK spellings the dictionary knows, with the US form to use instead. Not listed: "catalogue",
# a US variant too, and the project's own word for its link catalogue (links.json).
UK_FORMS = {
    "amongst": "among",
    "cancelled": "canceled",
    "cancelling": "canceling",
    "cheque": "check",
    "defence": "defense",
    "enrol": "enroll",
    "fulfil": "fulfill",
    "judgement": "judgment",
    "labelled": "labeled",
    "learnt": "learned",
    "licence": "license",
    "offence": "offense",
    "practise": "practice",
    "programme": "program",
    "spelt": "spelled",
    "travelled": "traveled",
    "travelling": "traveling",
    "whilst": "while",
    "diary": "calendar",
    "fortnight": "two weeks",
    "rota": "schedule",
}
# UK words and phrases the dictionary cannot see as one word.
UK_PHRASES = {
    "straight away": "right away",
    "knock-on": "ripple effect or follow-on",
    "e-mail": "email",
    "e-mails": "emails",
}
_PHRASE = re.compile(
    r"\b(" + "|".join(re.escape(p) for p in UK_PHRASES) + r")\b", re.IGNORECASE
)


def project_words() -> list[str]:
    return [line.strip() for line in WORDLIST.read_text(encoding="utf-8").splitlines()]


def words_of(text: str) -> list[str]:
    """Lower-case words, with a possessive 's taken off ("Priya's" checks as "priya")."""
    words = (word.lower().replace("\u2019", "'") for word in WORD.findall(text))
    return [word.removesuffix("'s") for word in words]


def misspelled(text: str, allowed: set[str]) -> list[str]:
    """Words in `text` that are neither in the dictionary nor allowed, plus any UK spelling."""
    checker = SpellChecker(language="en")
    words = {word for word in words_of(text) if word not in allowed}
    unknown = checker.unknown(words)
    uk = {f"{word} (US: {UK_FORMS[word]})" for word in words if word in UK_FORMS}
    phrases = {m.lower() for m in _PHRASE.findall(text)}
    uk |= {f"{phrase} (US: {UK_PHRASES[phrase]})" for phrase in phrases}
    return sorted(unknown | uk)


@pytest.fixture(scope="module")
def texts(built_site: Path) -> dict[str, str]:
    return page_main_texts(built_site)


def test_every_page_is_spelled_in_us_english(texts: dict[str, str]) -> None:
    allowed = set(project_words())
    problems = {name: found for name, text in texts.items() if (found := misspelled(text, allowed))}
    assert not problems, (
        f"spelling: {problems}. Fix the word, use the US form, or add a proper word "
        "(a name, a product) to tests/wordlist.txt."
    )


def test_the_word_list_is_tidy_and_used(texts: dict[str, str]) -> None:
    words = project_words()
    assert words == sorted(set(words)), "keep tests/wordlist.txt sorted, one word a line, unique"
    assert all(word == word.lower() and WORD.fullmatch(word) for word in words)
    assert not set(words) & set(UK_FORMS), "the word list must not let UK spellings through"
    used = {word for text in texts.values() for word in words_of(text)}
    unused = sorted(set(words) - used)
    assert not unused, f"tests/wordlist.txt lists words no page uses: {unused}; remove them"


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
