"""data/site.yml `lms:`: what an LMS counts as completing the guide, checked like every setting."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.content import load_content
from tests.unit.datasets import FIXTURE, Dataset, assert_where, make_dataset


@pytest.fixture
def data(tmp_path: Path) -> Dataset:
    return make_dataset(tmp_path)


def add_lms(data: Dataset, block: str) -> int:
    """Append an `lms:` block to the fixture's site.yml; return the line of its first field."""
    data.replace("site.yml", 'logo: ""\n', f'logo: ""\nlms:\n{block}')
    return data.line_of("site.yml", "lms:") + 1


def test_without_the_block_the_rule_is_steps(data: Dataset) -> None:
    completion = data.load().settings.completion
    assert (completion.rule, completion.pass_mark) == ("steps", 80)


@pytest.mark.parametrize("rule", ["steps", "checklists", "check"])
def test_each_rule_loads(data: Dataset, rule: str) -> None:
    add_lms(data, f"  completion: {rule}\n  pass_mark: 70\n")
    completion = data.load().settings.completion
    assert (completion.rule, completion.pass_mark) == (rule, 70)


def test_the_real_guide_names_its_rule() -> None:
    root = FIXTURE.parent.parent.parent
    assert load_content(root / "data", root / "docs").settings.completion.rule == "steps"


@pytest.mark.parametrize(
    ("block", "offset", "field", "says"),
    [
        ("  completion: everything\n", 0, "lms.completion", "'everything' is not one of steps"),
        ("  completion: check\n  pass_mark: 0\n", 1, "lms.pass_mark", "out of range"),
        ("  completion: check\n  pass_mark: 101\n", 1, "lms.pass_mark", "out of range"),
        ("  completion: check\n  pass_mark: 80%\n", 1, "lms.pass_mark", "a whole number"),
        ("  completion: steps\n  passmark: 80\n", 1, "lms.passmark", "is not a field"),
        ("  pass_mark: 80\n", -1, "lms.completion", "has no 'completion'"),
    ],
)
def test_bad_lms_settings_are_refused(
    data: Dataset, block: str, offset: int, field: str, says: str
) -> None:
    line = add_lms(data, block) + offset
    error = data.error()
    assert_where(error, file="data/site.yml", line=line, record="site", field=field, says=says)


def test_the_check_rule_needs_questions(data: Dataset) -> None:
    line = add_lms(data, "  completion: check\n")
    (data.data / "checks.yml").unlink()
    assert_where(
        data.error(),
        file="data/site.yml",
        line=line,
        record="site",
        field="lms.completion",
        says="'check' needs the questions of data/checks.yml",
    )
