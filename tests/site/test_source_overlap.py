"""No run of eight or more words may match the source article: the guide's sentences are its own.

Words are compared lower-case with punctuation removed and apostrophes dropped (straight or
curly, "you're" becomes "youre"), so a changed comma or capital letter does not hide a copy.
Checked over every built page's whole text and over every text field in data/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.site.page_text import html_pages, page_name
from tests.support import ROOT

# A copy of ../shared/source/handling-mistakes-at-work.md, kept with the tests so a clone checks
# itself; test_source_copy_matches_shared keeps it current wherever shared/ sits beside the repo.
SOURCE = ROOT / "tests" / "fixtures" / "source" / "handling-mistakes-at-work.md"
SHARED_SOURCE = ROOT.parent / "shared" / "source" / "handling-mistakes-at-work.md"
RUN = 8
_APOSTROPHES = re.compile("['`\u2018\u2019]")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def words(text: str) -> list[str]:
    """Lower-case words, apostrophes dropped, every other mark a word break."""
    return _NON_WORD.sub(" ", _APOSTROPHES.sub("", text.lower())).split()


def runs(text: str) -> set[tuple[str, ...]]:
    """Every run of RUN consecutive words in `text`."""
    found = words(text)
    return {tuple(found[i : i + RUN]) for i in range(len(found) - RUN + 1)}


def copied_runs(text: str, source_runs: set[tuple[str, ...]]) -> list[str]:
    """The runs of `text` that also appear in the source, as readable strings."""
    return sorted(" ".join(run) for run in runs(text) & source_runs)


def data_texts(data_dir: Path) -> Iterator[tuple[str, str]]:
    """(where, text) for every string in every YAML file under data/."""

    def walk(value: object, where: str) -> Iterator[tuple[str, str]]:
        if isinstance(value, str):
            yield where, value
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from walk(item, f"{where}.{key}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, f"{where}[{index}]")

    for path in sorted(data_dir.rglob("*.yml")):
        where = path.relative_to(ROOT).as_posix()
        yield from walk(yaml.safe_load(path.read_text(encoding="utf-8")), where)


@pytest.fixture(scope="module")
def source_runs() -> set[tuple[str, ...]]:
    assert SOURCE.is_file(), f"the source article is missing: {SOURCE}"
    found = runs(SOURCE.read_text(encoding="utf-8"))
    assert len(found) > 500, "the source article looks empty"
    return found


def test_no_built_page_copies_eight_words_of_the_source(
    built_site: Path, source_runs: set[tuple[str, ...]]
) -> None:
    pages = html_pages(built_site)
    assert len(pages) >= 16
    copies = {}
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for element in soup.select("script, style"):
            element.decompose()
        if found := copied_runs(soup.get_text(" "), source_runs):
            copies[page_name(built_site, path)] = found
    assert not copies, f"runs of {RUN}+ words copied from the source: {copies}. Fix: reword them."


def test_no_data_field_copies_eight_words_of_the_source(source_runs: set[tuple[str, ...]]) -> None:
    fields = list(data_texts(ROOT / "data"))
    assert len(fields) > 100
    copies = {where: found for where, text in fields if (found := copied_runs(text, source_runs))}
    assert not copies, f"runs of {RUN}+ words copied from the source: {copies}. Fix: reword them."


def test_the_check_sees_through_case_and_punctuation(source_runs: set[tuple[str, ...]]) -> None:
    copied = "DON'T step beyond your normal job-duties, permissions... or level!"
    assert copied_runs(copied, source_runs) == [
        "beyond your normal job duties permissions or level",
        "dont step beyond your normal job duties permissions",
        "step beyond your normal job duties permissions or",
    ]
    assert copied_runs("Do not go past your own duties or permissions.", source_runs) == []


def test_source_copy_matches_shared() -> None:
    """Where shared/ sits beside the repository, the test copy must match its source."""
    if SHARED_SOURCE.is_file():
        assert SOURCE.read_bytes() == SHARED_SOURCE.read_bytes(), "refresh tests/fixtures/source/"
    assert len(words(SOURCE.read_text(encoding="utf-8"))) > 400
