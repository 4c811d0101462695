"""The guide's content model: steps, checklists, worked examples and organization settings.

Everything in `data/` is read once per build into these frozen dataclasses (loaders.py). Pages
and components only ever see validated objects, so a half-filled checklist or an unknown step
cannot reach HTML.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from macros.questions import Question
from macros.review import Review

SEVERITIES = ("minor", "moderate", "serious")
STEP_COUNT = 5
# What an LMS counts as completing the guide (data/site.yml `lms.completion`).
COMPLETION_RULES = ("steps", "checklists", "check")


@dataclass(frozen=True)
class Step:
    """One of the five steps; `page` is the docs-relative Markdown file that explains it."""

    id: str
    number: int
    title: str
    short_title: str
    summary: str
    page: str


@dataclass(frozen=True)
class ChecklistItem:
    """One tickable action. Its id is written by the author and keeps ticks across rewording."""

    id: str
    text: str
    detail: str = ""


@dataclass(frozen=True)
class Checklist:
    """The actions for one step: shown on the step page, the card, the quick view, the catalogue."""

    id: str
    step: str
    title: str
    why: str
    items: tuple[ChecklistItem, ...]
    # Item ids taken out of the checklist -> the live item (or "" for the checklist) their old
    # links now land on; from `retired:` in data/redirects.yml.
    retired: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    review: Review | None = field(compare=False, default=None)

    def former_ids(self, item_id: str) -> list[str]:
        """Retired item ids whose old anchor is kept at `item_id` ("" for the checklist itself)."""
        return [old for old, now in self.retired.items() if now == item_id]


@dataclass(frozen=True)
class Example:
    """A worked example following one person through all five steps."""

    id: str
    title: str
    job: str
    setting: str
    severity: str
    situation: str
    steps: Mapping[str, str]
    outcome: str
    lesson: str
    source: str = field(compare=False, default="")
    review: Review | None = field(compare=False, default=None)


@dataclass(frozen=True)
class Change:
    """One entry of data/changes.yml: what changed, when, and the pages and link ids it touched."""

    date: str
    summary: str
    pages: tuple[str, ...]
    ids: tuple[tuple[str, int], ...]  # link id and the line it is written on
    line: int


@dataclass(frozen=True)
class TriageLine:
    """One thing to check in the first hour and what to do; `contacts` are settings keys."""

    id: str
    check: str
    action: str
    contacts: tuple[str, ...] = ()


@dataclass(frozen=True)
class FirstHour:
    """The first-hour triage, in order, and the support line both the page and the card end with."""

    lines: tuple[TriageLine, ...]
    support: TriageLine


@dataclass(frozen=True)
class Contact:
    """Someone staff can turn to, as the organization names them; `how` is inline Markdown.

    Every contact is optional: unset, the guide uses `fallback`, a phrase true in any workplace.
    """

    name: str
    how: str
    fallback: str

    @property
    def is_set(self) -> bool:
        """Whether the organization named this contact (cards print only those)."""
        return bool(self.name)

    @property
    def markdown(self) -> str:
        """The contact as page text: "the People Team ([email](mailto:...))", or the fallback."""
        if not self.name:
            return self.fallback
        return f"{self.name} ({self.how})" if self.how else self.name


# Who to turn to, by settings key: the label cards print, and the phrase used when it is unset.
CONTACTS = {
    "support": (
        "Support",
        "an employee assistance program, if your organization has one, or your HR team",
    ),
    "speak_up": (
        "Speak up",
        "your organization's speak-up or whistleblowing route, if it has one",
    ),
    "out_of_hours": (
        "Manager away",
        "whoever covers for your manager, or your manager's own manager",
    ),
}


@dataclass(frozen=True)
class Completion:
    """When an LMS marks the guide completed: `rule` is one of COMPLETION_RULES.

    `pass_mark` is the percent of best answers the `check` rule needs; only that rule has one,
    so only it reports passed or failed besides completed.
    """

    rule: str = "steps"
    pass_mark: int = 80


@dataclass(frozen=True)
class Settings:
    """Organization settings, each with a default that reads naturally when unbranded."""

    guide_id: str
    organization: str
    hr_contact_name: str
    hr_contact_how: str
    incident_procedure_url: str
    owner: str
    last_reviewed: str
    suggest_change: str
    logo: str
    primary_color: str
    accent_color: str
    review: Review
    support: Contact
    speak_up: Contact
    out_of_hours: Contact
    completion: Completion = Completion()

    @property
    def organization_name(self) -> str:
        """The organization's name, or a phrase that reads naturally before any branding."""
        return self.organization or "your organization"

    @property
    def hr_team(self) -> str:
        """Who to contact in HR, defaulting to a generic phrase."""
        return self.hr_contact_name or "your HR team"

    @property
    def hr(self) -> Contact:
        """The HR contact in the same shape as the other contacts."""
        return Contact(self.hr_contact_name, self.hr_contact_how, "your HR team")

    def contacts(self) -> list[tuple[str, Contact]]:
        """Every contact the organization set, with the label a card prints beside it."""
        named = [("HR", self.hr), *((CONTACTS[key][0], getattr(self, key)) for key in CONTACTS)]
        return [(label, contact) for label, contact in named if contact.is_set]


@dataclass(frozen=True)
class Content:
    """All validated data of one build, with lookups by id."""

    settings: Settings
    steps: tuple[Step, ...]
    checklists: dict[str, Checklist]
    examples: dict[str, Example]
    first_hour: FirstHour
    changes: tuple[Change, ...] = ()
    questions: Mapping[str, Question] = field(default_factory=lambda: MappingProxyType({}))
    # Published ids other than items taken out of the guide (pages, sections, checklists,
    # examples): old id -> (the live id its links now lead to, its line in data/redirects.yml).
    retired_links: Mapping[str, tuple[str, int]] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def step(self, step_id: str) -> Step:
        """The step with this id; callers validate ids before asking."""
        return next(step for step in self.steps if step.id == step_id)

    def step_for_page(self, src_uri: str) -> Step | None:
        """The step a Markdown page explains, or None when the page is not a step page."""
        return next((step for step in self.steps if step.page == src_uri), None)

    def checklists_for_step(self, step_id: str) -> list[Checklist]:
        """Checklists belonging to a step, in file order."""
        return [c for c in self.checklists.values() if c.step == step_id]

    def questions_in(self, group: str) -> list[Question]:
        """Knowledge-check questions of one group (a step id or a topic), in file order."""
        return [q for q in self.questions.values() if q.group == group]
