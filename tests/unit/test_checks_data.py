"""data/checks.yml: the questions load, and every kind of bad question stops the build.

Each error names the file, the line, the question (or option) id and the field, and says the fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.content import load_content
from macros.questions import Question
from tests.support import ROOT
from tests.unit.datasets import Dataset, assert_where, make_dataset

FILE = "checks.yml"
WHERE = f"data/{FILE}"


@pytest.fixture
def data(tmp_path: Path) -> Dataset:
    return make_dataset(tmp_path)


def test_fixture_questions_load_in_file_order(data: Dataset) -> None:
    content = data.load()
    assert list(content.questions) == ["wrong-date", "manager-away", "thank-them"]
    question = content.questions["wrong-date"]
    assert isinstance(question, Question)
    assert (question.step, question.topic, question.group) == ("step-1", "", "step-1")
    assert [option.id for option in question.options] == ["wait", "correct-it", "fix-quietly"]
    assert question.best_option.text == "Correct it now, then tell your manager."
    assert content.questions["manager-away"].group == "first-hour"
    assert [q.id for q in content.questions_in("managers")] == ["thank-them"]


def test_a_guide_without_a_checks_file_has_no_questions(data: Dataset) -> None:
    (data.data / FILE).unlink()
    assert dict(data.load().questions) == {}


def test_the_real_questions_cover_every_step_the_first_hour_and_managers() -> None:
    content = load_content(ROOT / "data", ROOT / "docs")
    groups = {question.group for question in content.questions.values()}
    assert groups == {"first-hour", "managers", *(step.id for step in content.steps)}
    assert len(content.questions) >= 10


# ---- the fingerprint ---------------------------------------------------------------------------


def test_rewording_feedback_keeps_the_fingerprint(data: Dataset) -> None:
    before = data.load().questions["wrong-date"].rev
    data.replace(FILE, "The customer may plan around", "Your customer may plan around")
    assert data.load().questions["wrong-date"].rev == before


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("the *wrong* date", "the wrong date"),  # scenario
        ("text: Wait until they ask.", "text: Wait for them to ask."),  # an option's words
        ("- id: fix-quietly", "- id: say-nothing"),  # an option's id
        ("best: correct-it", "best: wait"),  # the best option
    ],
)
def test_changing_the_question_changes_the_fingerprint(data: Dataset, old: str, new: str) -> None:
    before = data.load().questions["wrong-date"].rev
    data.replace(FILE, old, new)
    assert data.load().questions["wrong-date"].rev != before


# ---- every validation error -------------------------------------------------------------------


def test_an_unknown_field_is_refused(data: Dataset) -> None:
    line = data.replace(FILE, "    best: tell-cover\n", "    best: tell-cover\n    hint: no\n")
    error = data.error()
    assert_where(
        error,
        file=WHERE,
        line=line + 1,
        record="manager-away",
        field="hint",
        says="'hint' is not a field of a question",
    )
    assert "best, id, options, scenario, step, topic" in error.fix


def test_a_misspelt_field_is_named(data: Dataset) -> None:
    line = data.replace(FILE, "    scenario: Your manager", "    senario: Your manager")
    error = data.error()
    assert_where(
        error,
        file=WHERE,
        line=line,
        record="manager-away",
        field="senario",
        says="the question has no 'scenario'; 'senario' looks like a misspelling of it",
    )
    assert "rename 'senario' to 'scenario'" in error.fix


@pytest.mark.parametrize(
    ("old", "field", "record"),
    [
        ("    scenario: Someone on your team tells you about a mistake. What do you say first?\n",
         "scenario", "thank-them"),
        ("    best: thanks\n", "best", "thank-them"),
        ("    step: step-2\n    topic: managers\n", "step", "thank-them"),
    ],
)  # fmt: skip
def test_a_missing_field_is_named(data: Dataset, old: str, field: str, record: str) -> None:
    new = "    topic: managers\n" if field == "step" else ""
    data.replace(FILE, old, new)
    assert_where(
        data.error(),
        file=WHERE,
        line=data.line_of(FILE, "- id: thank-them"),
        record=record,
        field=field,
        says=f"the question has no '{field}'",
    )


# One line changed, one error: (old, new, record, field, what it says, what the fix says). In
# "says", {first} is the line of the first use of a repeated id ("first" names that line's text).
# fmt: off
ONE_LINE_ERRORS = [
    ("  - id: manager-away\n    step", "  - step", "question 2", "id",
     "the question has no 'id'", "", ""),
    ("- id: manager-away", "- id: Manager Away", "question 2", "id",
     "'Manager Away' is not a valid id", "", ""),
    ("- id: manager-away", "- id: wrong-date", "wrong-date", "id",
     "the question id 'wrong-date' is used twice (first on line {first})", "", "- id: wrong-date"),
    ("    step: step-1", "    step: step-9", "wrong-date", "step",
     "'step-9' is not one of step-1, step-2, step-3, step-4, step-5", "", ""),
    ("topic: managers", "topic: bosses", "thank-them", "topic",
     "'bosses' is not one of first-hour, managers", "leave 'topic' out", ""),
    ("best: thanks", "best: thank-you", "thank-them", "best",
     "there is no option 'thank-you' in this question", "why, thanks, fine", ""),
    ("- id: tell-a-friend", "- id: tell-cover", "manager-away/tell-cover", "id",
     "the option id 'tell-cover' is used twice (first on line {first})", "", "- id: tell-cover"),
    ("      - id: tell-a-friend\n        text", "      - text", "manager-away, option 3", "id",
     "the option has no 'id'", "", ""),
]
# fmt: on


@pytest.mark.parametrize(("old", "new", "record", "field", "says", "fix", "first"), ONE_LINE_ERRORS)
def test_one_wrong_line_is_named(
    data: Dataset, old: str, new: str, record: str, field: str, says: str, fix: str, first: str
) -> None:
    first_line = data.line_of(FILE, first) if first else None
    line = data.replace(FILE, old, new)
    error = data.error()
    assert_where(
        error,
        file=WHERE,
        line=line,
        record=record,
        field=field,
        says=says.format(first=first_line),
    )
    assert fix in error.fix


@pytest.mark.parametrize("count", [2, 5])
def test_a_question_needs_three_or_four_options(data: Dataset, count: int) -> None:
    options = "".join(
        f"      - id: o{n}\n        text: Option {n}.\n        feedback: Why {n}.\n"
        for n in range(1, count + 1)
    )
    text = (data.data / FILE).read_text(encoding="utf-8")
    start = text.index("    options:", text.index("- id: thank-them"))
    (data.data / FILE).write_text(
        text[:start] + "    options:\n" + options + "    best: o1\n", encoding="utf-8"
    )
    error = data.error()
    assert_where(
        error,
        file=WHERE,
        line=data.line_of(FILE, "    options:\n      - id: o1"),
        record="thank-them",
        field="options",
        says=f"a question has 3 or 4 options, and this one has {count}",
    )


def test_options_must_be_a_list(data: Dataset) -> None:
    text = (data.data / FILE).read_text(encoding="utf-8")
    start = text.index("    options:", text.index("- id: thank-them"))
    (data.data / FILE).write_text(
        text[:start] + "    options: thanks, why, fine\n    best: thanks\n", encoding="utf-8"
    )
    assert_where(
        data.error(),
        file=WHERE,
        line=data.line_of(FILE, "options: thanks, why"),
        record="thank-them",
        field="options",
        says="'options' must be a list",
    )


def test_the_same_option_id_in_two_questions_is_fine(data: Dataset) -> None:
    content = data.load()
    assert content.questions["wrong-date"].options[0].id == "wait"
    assert content.questions["manager-away"].options[0].id == "wait"


@pytest.mark.parametrize("field", ["text", "feedback"])
def test_an_option_needs_text_and_feedback(data: Dataset, field: str) -> None:
    old = {"text": "        text: Tell a friend.\n", "feedback": "        feedback: A friend can"}
    new = {"text": "", "feedback": "        other: A friend can"}
    data.replace(FILE, old[field], new[field])
    error = data.error()
    assert error.record == "manager-away/tell-a-friend", error
    assert error.file == WHERE and error.line is not None, error
    assert f"'{field}'" in str(error) and "Fix: " in str(error), error


def test_an_unknown_option_field(data: Dataset) -> None:
    line = data.replace(FILE, "        feedback: Start with thanks.\n", "        feedback: Yes.\n")
    data.replace(FILE, "        feedback: Yes.\n", "        feedback: Yes.\n        score: 1\n")
    assert_where(
        data.error(),
        file=WHERE,
        line=line + 1,
        record="thank-them/thanks",
        field="score",
        says="'score' is not a field of an option",
    )


@pytest.mark.parametrize(
    ("old", "new", "field", "record", "says"),
    [
        ("scenario: Your manager is away", "scenario: Your <b>manager</b> is away", "scenario",
         "manager-away", "contains HTML"),
        ("text: Tell a friend.", "text: Tell a <em>friend</em>.", "text",
         "manager-away/tell-a-friend", "contains HTML"),
        ("feedback: They can help now.", "feedback: They <script>x</script>", "feedback",
         "manager-away/tell-cover", "contains HTML"),
        ("feedback: They can help now.", "feedback: '[x](javascript:alert(1))'", "feedback",
         "manager-away/tell-cover", "contains a javascript: address"),
        ("text: Tell a friend.", "text: Tell [a friend](steps/own-it.md).", "text",
         "manager-away/tell-a-friend", "'text' is shown as plain text"),
        ("feedback: They can help now.", "feedback: See [this](steps/nowhere.md).", "feedback",
         "manager-away/tell-cover", "points to a page that does not exist in docs/"),
        ("scenario: Your manager is away", "scenario: Your ![x](https://e.org/a.png) manager",
         "scenario", "manager-away", "contains an image"),
    ],
)  # fmt: skip
def test_no_html_and_only_the_markdown_subset(
    data: Dataset, old: str, new: str, field: str, record: str, says: str
) -> None:
    line = data.replace(FILE, old, new)
    assert_where(data.error(), file=WHERE, line=line, record=record, field=field, says=says)


def test_an_empty_question_list(data: Dataset) -> None:
    data.write(FILE, "questions: []\n")
    assert_where(
        data.error(),
        file=WHERE,
        line=1,
        record=None,
        field="questions",
        says="'questions' is empty",
    )


def test_a_file_with_another_top_level_key(data: Dataset) -> None:
    data.write(FILE, "question:\n  - id: x\n")
    error = data.error()
    assert error.file == WHERE and error.line == 1, error
    assert "'questions'" in str(error), error
