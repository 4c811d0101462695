"""data/synonyms.yml: readers' words added to the search index, checked like the rest of the data.

A malformed file stops the build at its line; a synonym that points at a word the guide never
uses stops it too (it would find nothing); the index gains the readers' words in a field of its
own, the page text stays as written, and the word list holds every word search can match.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from macros.errors import ContentError
from macros.search import (
    FIELD,
    add_synonyms,
    load_synonyms,
    vocabulary,
    words_script,
)
from tests.support import ROOT

SEPARATOR = r'[\s\-,:!=\[\]()"/?;]+|\.(?!\d)'


def index(*texts: str) -> dict:
    """A search index as Material writes it: one section per text."""
    docs = [
        {"location": f"page/#s{i}", "title": f"Section {i}", "text": text}
        for i, text in enumerate(texts)
    ]
    fields = {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}
    return {"config": {"separator": SEPARATOR, "fields": fields}, "docs": docs}


def write(tmp_path: Path, body: str) -> Path:
    (tmp_path / "synonyms.yml").write_text(body, encoding="utf-8")
    return tmp_path


def error_of(tmp_path: Path, body: str) -> ContentError:
    with pytest.raises(ContentError) as caught:
        load_synonyms(write(tmp_path, body))
    return caught.value


def test_the_guides_synonyms_load_and_each_points_at_words_the_guide_uses() -> None:
    synonyms = load_synonyms(ROOT / "data")
    readers = {synonym.reader for synonym in synonyms}
    assert {"boss", "apologize", "fired", "screwed up", "hurt"} <= readers
    boss = next(synonym for synonym in synonyms if synonym.reader == "boss")
    assert [word for word, _ in boss.guide] == ["manager", "supervisor"]


def test_no_file_means_no_synonyms(tmp_path: Path) -> None:
    assert load_synonyms(tmp_path) == ()


@pytest.mark.parametrize(
    ("body", "line", "says"),
    [
        ("synonyms:\n  boss: [manager]\n  Boss: [manager]\n", 3, "not a word or phrase"),
        ("synonyms:\n  boss: [manager]\n  fired:\n    - lose <b>it</b>\n", 4, "not a word"),
        ("synonyms:\n  boss: [manager, boss]\n", 2, "synonym of itself"),
        ("synonyms:\n  boss:\n    - manager\n    - manager\n", 4, "listed twice"),
        ("synonyms:\n  boss: manager\n  boss: supervisor\n", 3, "appears twice"),
        ("synonyms:\n  boss: []\n", 2, "has no guide words"),
        ("synonyms:\n  boss:\n    nested: manager\n", 2, "not a word or phrase"),
        ("synonym:\n  boss: [manager]\n", 1, "looks like a misspelling"),
        ("synonyms:\n  boss: [manager]\nwords: [x]\n", 3, "'words' is not a field"),
        ("synonyms: {}\n", 1, "is empty"),
        ("synonyms:\n  boss: [manager\n", 3, "not valid YAML"),
    ],
    ids=[
        "capital letters",
        "html in a guide word",
        "a word as its own synonym",
        "a guide word twice",
        "a reader word twice",
        "no guide words",
        "a block instead of a list",
        "a misspelt top-level key",
        "an unknown top-level key",
        "an empty list",
        "broken yaml",
    ],
)
def test_a_malformed_synonym_names_the_file_and_line(
    tmp_path: Path, body: str, line: int, says: str
) -> None:
    error = error_of(tmp_path, body)
    assert error.file == "data/synonyms.yml"
    assert error.line == line, str(error)
    assert says in str(error)
    assert error.fix


def test_a_reader_word_is_named_as_the_field(tmp_path: Path) -> None:
    error = error_of(tmp_path, "synonyms:\n  boss: [manager]\n  sacked: [Fired]\n")
    assert str(error).startswith("data/synonyms.yml:3 (field 'synonyms.sacked'): 'Fired'")


def test_a_guide_word_the_guide_never_uses_stops_the_build_at_its_line(tmp_path: Path) -> None:
    data = write(tmp_path, "synonyms:\n  boss: [manager]\n  fired:\n    - lose my job\n")
    with pytest.raises(ContentError) as caught:
        add_synonyms(
            index("Tell your manager.", "Afraid you will lose your job?"), load_synonyms(data)
        )
    message = str(caught.value)
    assert message.startswith("data/synonyms.yml:4 (field 'fired'): the guide never uses")
    assert "'lose my job'" in message


def test_sections_that_use_a_guide_word_get_the_readers_words(tmp_path: Path) -> None:
    data = write(
        tmp_path,
        "synonyms:\n  boss: [manager]\n  screwed up: [mistake]\n  sacked: [lose your job]\n",
    )
    built = add_synonyms(
        index(
            "<p>Tell your <strong>Manager</strong> about the mistake.</p>",
            "<p>Afraid you will lose your job?</p>",
            "<p>Managers: thank them.</p>",
            "Nothing here.",
        ),
        load_synonyms(data),
    )
    fields = [entry.get(FIELD) for entry in built["docs"]]
    # Whole words only ("managers" is not "manager"); a phrase is one token, so "up" alone
    # never matches the sections it was added to.
    assert fields == ["boss screwedup", "sacked", None, None]
    assert built["config"]["fields"][FIELD] == {"boost": 1.0}
    assert "Manager" in built["docs"][0]["text"], "the page text is left as written"


def test_adding_synonyms_twice_gives_the_same_index(tmp_path: Path) -> None:
    synonyms = load_synonyms(write(tmp_path, "synonyms:\n  boss: [manager]\n"))
    once = add_synonyms(index("Tell your manager."), synonyms)
    twice = add_synonyms(json.loads(json.dumps(once)), synonyms)
    assert twice == once


def test_the_word_list_holds_every_word_search_can_match_most_used_first(tmp_path: Path) -> None:
    synonyms = load_synonyms(write(tmp_path, "synonyms:\n  screwed up: [mistake]\n"))
    built = add_synonyms(
        index("A mistake, a mistake. Mistakes: mistake.", "Don't panic: call 555 0100 at 9.30."),
        synonyms,
    )
    words = vocabulary(built, synonyms)
    assert words[:2] == ["mistake", "a"]
    assert {"don't", "panic", "call", "at", "screwed", "up", "section"} <= set(words)
    assert not [word for word in words if re.search(r"\d", word)], words


def test_the_word_list_is_a_script_that_sets_one_global(tmp_path: Path) -> None:
    built = add_synonyms(index("Tell your manager."), ())
    script = words_script(built)
    prefix = "window.guideSearchWords="
    assert script.startswith(prefix) and script.endswith(";\n")
    data = json.loads(script[len(prefix) : -2])
    assert data["separator"] == SEPARATOR
    assert "manager" in data["words"]
