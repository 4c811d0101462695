"""Knowledge-check questions ("What would you do?") read from data/checks.yml.

Each question practises one judgment of the guide: a short scenario, three or four options with
author-written ids, one best option and, for every option, the feedback a reader sees. Readers'
answers are stored by question and option id; `rev` fingerprints what the reader answered, so a
changed question forgets an old answer instead of showing it against new wording.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from macros.datasource import DataSource, check_unique
from macros.fields import Record

CHECKS_FILE = "checks.yml"
# Questions drawn from a page that is not a step page; the check page groups them under it.
TOPICS = ("first-hour", "managers")
MIN_OPTIONS, MAX_OPTIONS = 3, 4


@dataclass(frozen=True)
class Option:
    """One answer a reader may pick, and why it is or is not the best move."""

    id: str
    text: str
    feedback: str


@dataclass(frozen=True)
class Question:
    """One scenario question; `topic` is set when it practises the first hour or managers' page."""

    id: str
    step: str
    scenario: str
    options: tuple[Option, ...]
    best: str
    topic: str = ""

    @property
    def group(self) -> str:
        """Where the check page lists it: its topic, or else its step."""
        return self.topic or self.step

    @property
    def best_option(self) -> Option:
        """The option the feedback calls the best move."""
        return next(option for option in self.options if option.id == self.best)

    @property
    def rev(self) -> str:
        """A fingerprint of what the reader answers (scenario, options, best): not of feedback.

        Rewording feedback keeps readers' answers; changing the question itself forgets them.
        """
        answered = [self.scenario, [[o.id, o.text] for o in self.options], self.best]
        text = json.dumps(answered, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def check_groups(step_ids: Iterable[str]) -> list[str]:
    """The check page's groups in order: the first hour, the steps, then managers."""
    return [TOPICS[0], *step_ids, *TOPICS[1:]]


def check_page_order(questions: Iterable[Question], step_ids: Iterable[str]) -> list[Question]:
    """Questions as the check page lists them, group by group (see check_groups).

    The numbers on the check page, its answer key and site/checks.json all follow this order.
    """
    groups = check_groups(step_ids)
    listed = list(questions)
    return [question for group in groups for question in listed if question.group == group]


def checks_json(questions: Iterable[Question], page: str) -> str:
    """site/checks.json: what a learning system needs to score the check page.

    `page` is the check page's address; `best` lets a score be worked out from the stored answers
    (macros/addresses.py storage_key) without reading any page.
    """
    entries = [{"id": q.id, "rev": q.rev, "best": q.best, "page": page} for q in questions]
    return json.dumps({"questions": entries}, indent=2, ensure_ascii=False) + "\n"


def write_checks_json(path: Path, questions: Iterable[Question], page: str) -> Path:
    """Write site/checks.json."""
    path.write_text(checks_json(questions, page), encoding="utf-8")
    return path


def load_questions(source: DataSource, step_ids: tuple[str, ...]) -> dict[str, Question]:
    """Read data/checks.yml; an absent file means no questions (a guide may have none)."""
    if not (source.data_dir / CHECKS_FILE).is_file():
        return {}
    _, entries = source.top_list(CHECKS_FILE, "questions", "question")
    questions: dict[str, Question] = {}
    seen: dict[str, int] = {}
    for position, entry in enumerate(entries, start=1):
        record = source.record(entry, "question", f"question {position}")
        question_id = record.record_id = record.identifier()
        check_unique(seen, record, question_id, "question")
        step = record.choice("step", step_ids)
        topic = record.text("topic", required=False)
        if topic and topic not in TOPICS:
            raise record.error(
                "topic",
                f"'{topic}' is not one of {', '.join(TOPICS)}",
                f"use one of: {', '.join(TOPICS)}, or leave 'topic' out for a step question",
            )
        scenario = record.markdown("scenario")
        options = _load_options(source, record)
        best = record.identifier("best")
        if best not in {option.id for option in options}:
            raise record.error(
                "best",
                f"there is no option '{best}' in this question",
                f"write the id of one of its options: {', '.join(o.id for o in options)}",
            )
        questions[record.record_id] = Question(
            id=record.record_id,
            step=step,
            scenario=scenario,
            options=options,
            best=best,
            topic=topic,
        )
        record.finish()
    return questions


def _load_options(source: DataSource, question: Record) -> tuple[Option, ...]:
    entries = question.records("options", "option")
    if not MIN_OPTIONS <= len(entries) <= MAX_OPTIONS:
        raise question.error(
            "options",
            f"a question has {MIN_OPTIONS} or {MAX_OPTIONS} options, and this one has "
            f"{len(entries)}",
            f"give it {MIN_OPTIONS} or {MAX_OPTIONS} options, each with an id, text and feedback",
        )
    options: list[Option] = []
    seen: dict[str, int] = {}
    for position, entry in enumerate(entries, start=1):
        record = source.record(entry, "option", f"{question.record_id}, option {position}")
        option_id = record.identifier()
        record.record_id = f"{question.record_id}/{option_id}"
        check_unique(seen, record, option_id, "option")
        options.append(
            Option(id=option_id, text=record.text("text"), feedback=record.markdown("feedback"))
        )
        record.finish()
    return tuple(options)
