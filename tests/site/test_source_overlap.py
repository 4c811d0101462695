"""No run of eight or more words matches the source article (macros.proof.overlap)."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.proof.overlap import SOURCE, copied_runs, data_texts, overlap_problems, runs, words
from tests.support import ROOT

SHARED_SOURCE = ROOT.parent / "shared" / "source" / "handling-mistakes-at-work.md"


@pytest.fixture(scope="module")
def source_runs() -> set[tuple[str, ...]]:
    assert (ROOT / SOURCE).is_file(), f"the source article is missing: {SOURCE}"
    found = runs((ROOT / SOURCE).read_text(encoding="utf-8"))
    assert len(found) > 500, "the source article looks empty"
    return found


def test_no_page_or_data_field_copies_eight_words_of_the_source(built_site: Path) -> None:
    assert len(list(data_texts(ROOT / "data"))) > 100
    problems = [str(problem) for problem in overlap_problems(ROOT, built_site)]
    assert problems == [], "\n".join(problems)


def test_the_check_sees_through_case_and_punctuation(source_runs: set[tuple[str, ...]]) -> None:
    copied = "DON'T step beyond your normal job-duties, permissions... or level!"
    assert copied_runs(copied, source_runs) == [
        "beyond your normal job duties permissions or level",
        "dont step beyond your normal job duties permissions",
        "step beyond your normal job duties permissions or",
    ]
    assert copied_runs("Do not go past your own duties or permissions.", source_runs) == []


def test_source_copy_matches_shared() -> None:
    """Where shared/ sits beside the repository, the project's copy must match its source."""
    if SHARED_SOURCE.is_file():
        assert (ROOT / SOURCE).read_bytes() == SHARED_SOURCE.read_bytes(), "refresh the copy"
    assert len(words((ROOT / SOURCE).read_text(encoding="utf-8"))) > 400
