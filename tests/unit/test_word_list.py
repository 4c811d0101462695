"""`make words` sorts data/words.txt: notes first, then each word once, A to Z, any case."""

from __future__ import annotations

from pathlib import Path

from macros.proof.spelling import main, sorted_word_list, word_list


def test_sorting_keeps_notes_and_each_word_once() -> None:
    text = "# notes\n# more notes\nZephyrine\napp\n\nTomasz\n# a late note\nAPP\nbrandt  \n"
    assert sorted_word_list(text) == (
        "# notes\n# more notes\n# a late note\napp\nbrandt\nTomasz\nZephyrine\n"
    )
    assert sorted_word_list(sorted_word_list(text)) == sorted_word_list(text)


def test_the_command_sorts_the_file_in_place(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "data").mkdir()
    words = tmp_path / "data" / "words.txt"
    words.write_text("# accepted words\nzed\nAlpha\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["sort"]) == 0
    assert words.read_text(encoding="utf-8") == "# accepted words\nAlpha\nzed\n"
    assert word_list(tmp_path) == ({"alpha", "zed"}, [])
    assert main([]) == 2  # anything else: usage, no change
