"""No page says the same sentence twice: a frightened reader skims, and repeats read as padding.

Short labels ("Step 2: Tell your manager.") may recur on a page; a sentence of six words or more
must not, except on pages that list things (cards, links).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from macros.proof.pagetext import page_main_texts

MIN_WORDS = 6
# Pages that list things rather than explain: the card sheets and scenario handouts (each stands
# alone on its own paper) and the link catalogue (a title per row).
LISTINGS = ("print/", "linking/", "trainers/")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def repeated(text: str) -> list[str]:
    """Sentences of MIN_WORDS words or more that occur more than once in `text`."""
    sentences = (" ".join(s.split()) for s in _SENTENCE.split(text))
    counts = Counter(s for s in sentences if len(s.split()) >= MIN_WORDS)
    return sorted(sentence for sentence, count in counts.items() if count > 1)


def test_no_page_repeats_a_sentence_word_for_word(built_site: Path) -> None:
    texts = page_main_texts(built_site).items()
    found = {
        name: r
        for name, text in texts
        if not name.startswith(LISTINGS) and (r := repeated(text))
    }
    assert not found, f"sentences said twice on one page: {found}; reword or remove one"


def test_the_check_finds_a_repeated_sentence() -> None:
    text = "Tell your manager as soon as you know. Yes. Tell your manager as soon as you know."
    assert repeated(text) == ["Tell your manager as soon as you know."]
    assert repeated("Step 2: Tell your manager. Step 2: Tell your manager.") == []
