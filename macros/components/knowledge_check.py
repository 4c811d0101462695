"""`knowledge_check(id)`: one "What would you do?" question, and the check page's parts.

Markup contract (checks.js, print and tests rely on it): the question carries `data-check` (its
id), `data-check-rev` (the fingerprint that makes a changed question forget old answers) and
`data-check-best`; each native radio carries `data-option`; the feedback area `data-check-feedback`
is there, empty, before any answer, so screen readers announce what checks.js puts in it.

Without scripts the question still reads and every option's feedback is in a closed details
below it. The checks are for practice: the page holds the answers. Where scripts run, checks.css
shows "Check my answer" instead of those details, so nothing changes when checks.js loads (on the
first check, guide-core.js).
"""

from __future__ import annotations

import string

from macros.addresses import CHECK_PAGE, check_anchor
from macros.components._checks import known_id
from macros.content import Content
from macros.errors import MacroArgumentError
from macros.questions import MAX_OPTIONS, Question, check_groups, check_page_order
from macros.render import PageRef, render

# Options are lettered on screen and on paper, so a trainer can say "the answer is B".
LETTERS = string.ascii_uppercase[:MAX_OPTIONS]
EXAMPLES = {
    "default": {"question_id": "wrong-date"},
    "four-options": {"question_id": "manager-away"},
    "numbered": {"question_id": "thank-them", "number": 3},
    "group": {"group": "step-1"},
}


def check_page_questions(content: Content) -> list[Question]:
    """Every question in the check page's order (numbers and the answer key follow it)."""
    return check_page_order(content.questions.values(), (step.id for step in content.steps))


def _number(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise MacroArgumentError(
            f"number must be a whole number, not {value!r}", "write number=3, without quotes"
        )
    return value


def _render_question(content: Content, page: PageRef, question: Question, number: int) -> str:
    return render(
        "knowledge_check.html",
        page,
        question=question,
        anchor=check_anchor(question.id),
        number=number,
        letters=LETTERS,
        guide_id=content.settings.guide_id,
        # The check page's copy goes into search (once per question); feedback never does.
        searchable=page.src_uri == CHECK_PAGE,
    )


def knowledge_check(content: Content, page: PageRef, question_id: str, number: int = 0) -> str:
    """Render the question `question_id`; `number` (from 1) labels it "Question 3" on a list."""
    question = content.questions[known_id("question", question_id, content.questions)]
    return _render_question(content, page, question, _number(number))


def knowledge_checks(content: Content, page: PageRef, group: str) -> str:
    """Every question of one group (a step id, first-hour or managers), numbered in page order."""
    known_id("question group", group, check_groups(step.id for step in content.steps))
    numbered = enumerate(check_page_questions(content), start=1)
    return " ".join(
        _render_question(content, page, question, number)
        for number, question in numbered
        if question.group == group
    )


def check_summary(content: Content, page: PageRef) -> str:
    """The running "N of M answered" line and the Start again button, both filled by checks.js."""
    return render("check_summary.html", page, guide_id=content.settings.guide_id)


def check_answer_key(content: Content, page: PageRef) -> str:
    """The answer key, printed on its own sheet at the end of the check page (never on screen)."""
    return render(
        "check_answer_key.html",
        page,
        questions=list(enumerate(check_page_questions(content), start=1)),
        letters=LETTERS,
    )
