"""Traps an editor falls into, each named in the one line the build prints, with its fix.

An unquoted `#` color (a YAML note, so silently empty), a tab, curly quotes pasted from Word, an
item written one level too far left, and a mistyped id (the closest ids are offered first).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.components._checks import known_id
from macros.errors import ContentError, MacroArgumentError, did_you_mean
from macros.yamlsource import load_yaml
from tests.unit.datasets import Dataset, assert_where, make_dataset


@pytest.fixture
def data(tmp_path: Path) -> Dataset:
    return make_dataset(tmp_path)


def refused(tmp_path: Path, text: str) -> ContentError:
    path = tmp_path / "some.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_yaml(path, "data/some.yml")
    return caught.value


def test_an_unquoted_color_is_refused_not_ignored(data: Dataset) -> None:
    line = data.replace("site.yml", '  primary: "#1d4f91"', "  primary: #1d4f91")
    error = data.error()
    assert (error.file, error.line, error.field) == ("data/site.yml", line, "primary")
    assert "'#1d4f91' is read as a note" in str(error)
    assert 'Fix: put the value in quotes: primary: "#1d4f91".' in str(error)


def test_an_empty_value_with_a_note_is_still_fine(tmp_path: Path) -> None:
    path = tmp_path / "some.yml"
    path.write_text('logo:   # an image under docs/\ncolors:\n  primary: ""  # "#1d4f91"\n')
    located = load_yaml(path, "data/some.yml")
    assert located.value["logo"].value == ""
    assert located.value["colors"].value["primary"].value == ""


def test_a_tab_is_named(tmp_path: Path) -> None:
    error = refused(tmp_path, 'items:\n  - id: a\n\ttext: "Tell them."\n')
    assert error.line == 3
    assert "indented with a tab; YAML needs spaces" in str(error)
    assert "Fix: replace the tab with spaces" in str(error)
    error = refused(tmp_path, "id: a\ntext:\tTell them.\n")  # a tab after the colon
    assert (error.line, error.message) == (2, "this line has a tab; YAML needs spaces")


def test_curly_quotes_from_word_are_named(tmp_path: Path) -> None:
    error = refused(tmp_path, "id: a\ntext: \u201cPlan: what to say\u201d\n")
    assert error.line == 2
    assert "curly quote (\u201c), as Word types them" in str(error)
    assert 'straight double quotes around the value, as in text: "Plan: what to say"' in str(error)


def test_an_item_one_level_too_far_left_is_told_to_indent(data: Dataset) -> None:
    line = data.replace(
        "checklists.yml",
        "      - id: say-it-was-you\n        text: Say which part was yours.\n",
        "      - id: say-it-was-you\n        text: Say which part was yours.\n"
        "  - id: offer-to-help\n    text: Offer to help with the fix.\n",
    )
    assert_where(
        data.error(),
        file="data/checklists.yml",
        line=line + 2,
        record="offer-to-help",
        field=None,
        says="this looks like an item",
    )
    assert "indent it under 'items:' of the checklist 'own-it' above it" in str(data.error())


def test_a_misspelt_id_gets_the_closest_first() -> None:
    assert did_you_mean("own-itt", ["learn-from-it", "own-it"]) == "did you mean 'own-it'? "
    assert did_you_mean("zzz", ["own-it"]) == ""
    with pytest.raises(MacroArgumentError) as caught:
        known_id("checklist", "tell-your-manger", ["own-it", "tell-your-manager"])
    assert caught.value.fix.startswith("did you mean 'tell-your-manager'? use one of: ")


def test_a_misspelt_step_gets_the_closest_first(data: Dataset) -> None:
    line = data.replace("checklists.yml", "    step: step-3\n", "    step: stepp-3\n")
    error = data.error()
    assert (error.line, error.field) == (line, "step")
    assert "Fix: did you mean 'step-3'? use one of: step-1" in str(error)
