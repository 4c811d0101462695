"""The published address formats, written out once: the promise macros/addresses.py keeps.

Every other test builds addresses with macros/addresses.py; this one pins what those functions
give, because onboarding decks, e-mails and printed cards hold these exact strings for years.
Changing a line here breaks published links (tests/links.lock.json says which).
"""

from __future__ import annotations

import pytest

from macros import addresses

PUBLISHED = [
    (addresses.checklist_anchor("own-it"), "checklist-own-it"),
    (addresses.item_anchor("own-it", "say-it"), "item-own-it--say-it"),
    (addresses.example_anchor("wrong-refund"), "example-wrong-refund"),
    (addresses.short_path("step-2"), "go/step-2/"),
    (addresses.short_path("own-it/say-it"), "go/own-it/say-it/"),
    (addresses.short_url("step-2", directory_urls=False), "go/step-2/index.html"),
    (addresses.page_url(addresses.card_page("own-it")), "print/own-it/"),
    (addresses.page_url(addresses.card_page(addresses.FIRST_HOUR)), "print/first-hour/"),
    (addresses.page_url(addresses.ALL_CARDS_PAGE), "print/"),
    (addresses.pdf_path("own-it", "a4"), "print/pdf/own-it-a4.pdf"),
    (addresses.pdf_path(addresses.ALL_CARDS, "letter"), "print/pdf/all-cards-letter.pdf"),
    (addresses.CATALOGUE_FILE, "links.json"),
    # Stored ticks and answers live under these keys: a changed format would lose them.
    (addresses.storage_key("handling-mistakes", "ticks"), "guide:handling-mistakes:ticks:v1"),
    (addresses.storage_key("handling-mistakes", "answers"), "guide:handling-mistakes:answers:v1"),
    (addresses.script_config()["storage"], "guide:{guide}:{kind}:v1"),
]


@pytest.mark.parametrize(("made", "published"), PUBLISHED, ids=[p for _, p in PUBLISHED])
def test_each_published_format_is_unchanged(made: str, published: str) -> None:
    assert made == published
