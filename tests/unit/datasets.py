"""A copy of the fixture data set that a test may break, and checks on the errors it must give."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.content import Content, load_content
from macros.errors import ContentError
from tests.support import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "content"
STEP_PAGES = (
    "steps/limit-the-damage.md",
    "steps/tell-your-manager.md",
    "steps/own-it.md",
    "steps/learn-from-it.md",
    "steps/move-forward.md",
)


@dataclass
class Dataset:
    """`data/` and `docs/` folders in tmp_path, copied from tests/fixtures/content."""

    root: Path

    @property
    def data(self) -> Path:
        """The data folder, named data/ as in the real guide."""
        return self.root / "data"

    @property
    def docs(self) -> Path:
        """A docs folder holding the five step pages."""
        return self.root / "docs"

    def write(self, relative: str, text: str) -> None:
        """Create or replace a data file."""
        path = self.data / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def replace(self, relative: str, old: str, new: str) -> int:
        """Edit a data file once and return the 1-based line where the edit starts."""
        path = self.data / relative
        text = path.read_text(encoding="utf-8")
        assert text.count(old) >= 1, f"{old!r} not found in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return text[: text.index(old)].count("\n") + 1

    def line_of(self, relative: str, snippet: str) -> int:
        """The 1-based line of the first occurrence of `snippet` in a data file."""
        text = (self.data / relative).read_text(encoding="utf-8")
        assert snippet in text, f"{snippet!r} not found in {relative}"
        return text[: text.index(snippet)].count("\n") + 1

    def load(self) -> Content:
        """Load and validate, with links checked against docs/."""
        return load_content(self.data, self.docs)

    def error(self) -> ContentError:
        """Load, expecting the data to be refused."""
        with pytest.raises(ContentError) as caught:
            self.load()
        return caught.value


def make_dataset(tmp_path: Path) -> Dataset:
    """A fresh valid copy of the fixture data set, with the step pages it links to."""
    dataset = Dataset(tmp_path)
    shutil.copytree(FIXTURE, dataset.data)
    for page in STEP_PAGES:
        (dataset.docs / page).parent.mkdir(parents=True, exist_ok=True)
        (dataset.docs / page).write_text("# Step\n", encoding="utf-8")
    return dataset


def assert_where(
    error: ContentError,
    *,
    file: str,
    line: int | None,
    record: str | None,
    field: str | None,
    says: str,
) -> None:
    """The error names file, line, record and field, both as attributes and in its message."""
    message = str(error)
    assert (error.file, error.line, error.record, error.field) == (file, line, record, field), (
        message
    )
    assert message.startswith(f"{file}:{line}" if line else file), message
    if record:
        assert f"record '{record}'" in message, message
    if field:
        assert f"field '{field}'" in message, message
    assert says in message, message
    assert "Fix: " in message, message
