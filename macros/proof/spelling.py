"""Spelling: every built page's main text in US English, with the authors' own word list.

pyspellchecker's English dictionary already lacks most UK forms ("organisation", "colour"); the few
UK spellings it accepts are refused here by name. Authors add proper words (names, product words)
to data/words.txt in any order; the words of data/site.yml (the organization's name, its contacts)
are accepted without listing them.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

import yaml
from spellchecker import SpellChecker

from macros.errors import ContentError
from macros.proof.locate import locate

WORDS_FILE = "data/words.txt"
SETTINGS_FILE = "data/site.yml"
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
_PHRASE = re.compile(r"\b(" + "|".join(re.escape(p) for p in UK_PHRASES) + r")\b", re.IGNORECASE)
_US = re.compile(r" \(US: (?P<us>[^)]+)\)$")


def words_of(text: str) -> list[str]:
    """Lower-case words, with a possessive 's taken off ("Priya's" checks as "priya")."""
    words = (word.lower().replace("\u2019", "'") for word in WORD.findall(text))
    return [word.removesuffix("'s") for word in words]


@cache
def _checker() -> SpellChecker:
    """The dictionary, loaded once: loading it takes a quarter of a second."""
    return SpellChecker(language="en")


def misspelled(text: str, allowed: set[str]) -> list[str]:
    """Words in `text` that are neither in the dictionary nor allowed, plus any UK spelling."""
    checker = _checker()
    words = {word for word in words_of(text) if word not in allowed}
    unknown = checker.unknown(words)
    uk = {f"{word} (US: {UK_FORMS[word]})" for word in words if word in UK_FORMS}
    phrases = {m.lower() for m in _PHRASE.findall(text)}
    uk |= {f"{phrase} (US: {UK_PHRASES[phrase]})" for phrase in phrases}
    return sorted(unknown | uk)


def word_list(root: Path) -> tuple[set[str], list[ContentError]]:
    """The accepted words of data/words.txt (any order, any case) and any line that cannot count."""
    path = root / WORDS_FILE
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    words: set[str] = set()
    problems = []
    for number, line in enumerate(lines, start=1):
        word = line.strip()
        if not word or word.startswith("#"):
            continue
        if not WORD.fullmatch(word):
            problems.append(
                ContentError(
                    file=WORDS_FILE,
                    line=number,
                    message=f"'{word}' is not one word",
                    fix="write one word a line, letters only (for 'Northwind Ltd' add two lines)",
                )
            )
        elif word.lower() in UK_FORMS:
            problems.append(
                ContentError(
                    file=WORDS_FILE,
                    line=number,
                    message=f"'{word}' is a UK spelling, which the guide does not use",
                    fix=f"remove the line and write '{UK_FORMS[word.lower()]}' in the text",
                )
            )
        else:
            words.add(word.lower())
    return words, problems


def settings_words(root: Path) -> set[str]:
    """Every word written in data/site.yml: the organization's name, contacts, owner."""
    path = root / SETTINGS_FILE
    try:
        settings = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
    except yaml.YAMLError:
        return set()  # the build has already said what is wrong with it

    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [text for item in value.values() for text in strings(item)]
        return [text for item in value for text in strings(item)] if isinstance(value, list) else []

    return {word for text in strings(settings) for word in words_of(text)}


def spelling_problems(root: Path, texts: dict[str, str]) -> list[ContentError]:
    """One problem per misspelt word, at the first place it is written."""
    allowed, problems = word_list(root)
    allowed |= settings_words(root)
    found: dict[str, str] = {}
    for page, text in texts.items():
        for word in misspelled(text, allowed):
            found.setdefault(word, page)
    for word, page in sorted(found.items()):
        us = _US.search(word)
        plain = _US.sub("", word)
        file, line = locate(root, plain.split(), page)
        if us:
            message = f"'{plain}' is UK English"
            fix = f"write '{us['us']}'"
        else:
            message = f"'{plain}' is not in the dictionary (page {page})"
            fix = (
                "correct the spelling; if it is a name or your own term, add it on a line of "
                f"its own to {WORDS_FILE}"
            )
        problems.append(ContentError(file=file, line=line, message=message, fix=fix))
    return problems


def sorted_word_list(text: str) -> str:
    """The word list with its notes first, then one word a line, A to Z, each once.

    Any order is accepted; sorting is for the people who read the list, so a command does it.
    """
    notes, words = [], {}
    for line in text.splitlines():
        word = line.strip()
        if word.startswith("#"):
            notes.append(line.rstrip())
        elif word:
            words.setdefault(word.lower(), word)
    return "".join(f"{line}\n" for line in [*notes, *sorted(words.values(), key=str.lower)])


def main(arguments: list[str]) -> int:
    """`python -m macros.proof.spelling sort`: sort data/words.txt in place (`make words`)."""
    if arguments != ["sort"]:
        print("Usage: python -m macros.proof.spelling sort")
        return 2
    path = Path.cwd() / WORDS_FILE
    path.write_text(sorted_word_list(path.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"Sorted {WORDS_FILE}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
