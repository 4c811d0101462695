"""Reading YAML: values stay the text that was written; risky YAML is refused at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.errors import ContentError
from macros.yamlsource import load_yaml


def load(tmp_path: Path, text: str | bytes) -> object:
    path = tmp_path / "some.yml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return load_yaml(path, "data/some.yml")


def refused(tmp_path: Path, text: str | bytes) -> ContentError:
    with pytest.raises(ContentError) as caught:
        load(tmp_path, text)
    return caught.value


def test_yaml_11_surprises_stay_text(tmp_path: Path) -> None:
    doc = load(tmp_path, "a: No\nb: 8:30\nc: 010\nd: 2026-01-01\ne: 1e3\nf: on\ng: .inf\nh: 0x1F\n")
    values = {key: located.value for key, located in doc.value.items()}
    assert values == {
        "a": "No",
        "b": "8:30",
        "c": "010",
        "d": "2026-01-01",
        "e": "1e3",
        "f": "on",
        "g": ".inf",
        "h": "0x1F",
    }


def test_every_value_knows_its_line(tmp_path: Path) -> None:
    doc = load(tmp_path, "# comment\nitems:\n  - id: one\n    text: First\n  - id: two\n")
    items = doc.value["items"]
    assert items.line == 2
    assert [item.line for item in items.value] == [3, 5]
    assert items.value[0].value["text"].line == 4


def test_empty_values_and_null_read_as_empty_text(tmp_path: Path) -> None:
    doc = load(tmp_path, 'a:\nb: ~\nc: ""\nd: null\n')
    assert {k: v.value for k, v in doc.value.items()} == {"a": "", "b": "", "c": "", "d": ""}


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        ("title: A\ntext: B\ntitle: C\n", 3, "the key 'title' appears twice in the same block"),
        ("base: &b x\ncopy: *b\n", 1, "YAML anchors (&b) are not used here"),
        ("list:\n  - a\n  - *nowhere\n", 3, "YAML aliases (*name) are not used here"),
        ("a: !!str 010\n", 1, "YAML tags such as '!!str' are not used here"),
        ("a: !!python/object:os.system x\n", 1, "YAML tags such as '!!python/object:os.system'"),
        ("a: !custom x\n", 1, "YAML tags such as '!custom' are not used here"),
        ("a:\n  <<: {b: 1}\n", 2, "YAML merge keys (<<) are not used here"),
        ("a: 1\n  b: 2\n", 2, "this is not valid YAML"),
        ("a: [1, 2\n", 2, "this is not valid YAML"),
        ("a: 1\n---\nb: 2\n", 2, "this is not valid YAML"),
        ("? [a, b]\n: c\n", 1, "a key must be a plain word"),
        ("# only a comment\n", 1, "the file is empty"),
    ],
)
def test_risky_yaml_is_refused_at_its_line(tmp_path: Path, text: str, line: int, says: str) -> None:
    error = refused(tmp_path, text)
    assert error.file == "data/some.yml"
    assert error.line == line, str(error)
    assert says in str(error)
    assert str(error).startswith(f"data/some.yml:{line}")


def test_duplicate_key_names_the_field_and_first_line(tmp_path: Path) -> None:
    error = refused(tmp_path, "id: a\ntitle: A\ntitle: B\n")
    assert (error.field, error.record, error.line) == ("title", "a", 3)
    assert "(first on line 2)" in str(error)


def test_a_file_not_saved_as_utf8_is_refused_at_its_line(tmp_path: Path) -> None:
    error = refused(tmp_path, "a: fine\nb: caf\xe9\n".encode("latin-1"))
    assert error.line == 2
    assert "not saved as UTF-8" in str(error)
