"""The guide's content model: steps, checklists, worked examples and organization settings.

Everything in `data/` is read once per build into these frozen dataclasses. Pages and components
only ever see validated objects, so a half-filled checklist or an unknown step cannot reach HTML.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType

from macros.errors import ContentError
from macros.fields import Record
from macros.questions import Question, load_questions
from macros.review import Review, read_date, read_review
from macros.yamlsource import Located, load_yaml

SEVERITIES = ("minor", "moderate", "serious")
STEP_COUNT = 5
HEX_COLOR = r"^#[0-9a-fA-F]{6}$"


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


def load_content(data_dir: Path, docs_dir: Path | None = None) -> Content:
    """Read and validate every data file once per change; the first problem found stops the build.

    The macros and the build hooks both ask for the content; files unchanged since the last call
    (same paths, sizes and modification times) are not read twice.
    """
    key = (data_dir, docs_dir, _signature(data_dir))
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = _read_content(data_dir, docs_dir)
    return _CACHE[key]


_CACHE: dict[tuple[Path, Path | None, tuple[tuple[str, int, int], ...]], Content] = {}


def _signature(data_dir: Path) -> tuple[tuple[str, int, int], ...]:
    return tuple(
        (str(path), path.stat().st_mtime_ns, path.stat().st_size)
        for path in sorted(data_dir.rglob("*.yml"))
    )


def _read_content(data_dir: Path, docs_dir: Path | None) -> Content:
    source = _Source(data_dir, docs_dir)
    settings = _load_settings(source)
    steps = _load_steps(source)
    step_ids = tuple(step.id for step in steps)
    checklists = _retire_items(source, _load_checklists(source, step_ids, settings.review))
    examples = _load_examples(source, step_ids, settings.review)
    first_hour = _load_first_hour(source)
    changes = _load_changes(source)
    questions = MappingProxyType(load_questions(source, step_ids))
    return Content(
        questions=questions,
        changes=changes,
        settings=settings,
        steps=steps,
        checklists=checklists,
        examples=examples,
        first_hour=first_hour,
    )


@dataclass(frozen=True)
class _Source:
    """Where the data files are, how errors name them, and where linked pages must exist."""

    data_dir: Path
    docs_dir: Path | None

    def name(self, path: Path) -> str:
        """The file's name in messages: data/checklists.yml, data/examples/wrong-refund.yml."""
        return f"{self.data_dir.name}/{path.relative_to(self.data_dir).as_posix()}"

    def record(self, located: Located, kind: str, label: str | None = None) -> Record:
        """A record whose links are checked against docs/."""
        return Record(located, kind, label=label, docs_dir=self.docs_dir)

    def top_list(
        self, file_name: str, key: str, kind: str, also: tuple[str, ...] = ()
    ) -> tuple[Record, list[Located]]:
        """The file's top-level list (`steps:`, `checklists:`), refusing any key but `also`.

        With `also`, the caller reads those keys from the returned record and finishes it.
        """
        path = self.data_dir / file_name
        if not path.is_file():
            raise ContentError(
                file=self.name(path),
                message="the file is missing",
                fix=f"create it with a '{key}:' list (see AUTHORING.md)",
            )
        top = self.record(load_yaml(path, self.name(path)), "file")
        entries = top.records(key, kind)
        if not also:
            top.finish()
        return top, entries


def _unique(seen: dict[str, int], record: Record, value: str, what: str) -> None:
    if value in seen:
        raise record.error(
            "id",
            f"the {what} id '{value}' is used twice (first on line {seen[value]})",
            f"give each {what} its own id; never reuse an id, even after deleting its {what}",
        )
    seen[value] = record.fields["id"].line


def _load_steps(source: _Source) -> tuple[Step, ...]:
    top, entries = source.top_list("steps.yml", "steps", "step")
    steps: list[Step] = []
    seen: dict[str, int] = {}
    pages: dict[str, str] = {}
    for position, entry in enumerate(entries, start=1):
        record = source.record(entry, "step", f"step {position}")
        record.record_id = record.identifier()
        _unique(seen, record, record.record_id, "step")
        step = Step(
            id=record.record_id,
            number=record.integer("number"),
            title=record.text("title"),
            short_title=record.text("short_title"),
            summary=record.text("summary"),
            page=record.text("page"),
        )
        if step.number != position:
            raise record.error(
                "number",
                f"step number {step.number} is out of order (this is step {position} in the list)",
                "number the steps 1, 2, 3, 4, 5 from the top",
            )
        if step.id != f"step-{step.number}":
            raise record.error(
                "id",
                f"step {step.number} must have the id 'step-{step.number}', not '{step.id}'",
                f"write 'id: step-{step.number}'; step ids are published in links",
            )
        _check_step_page(source, record, step, pages)
        record.finish()
        steps.append(step)
    if len(steps) != STEP_COUNT:
        raise top.error(
            "steps",
            f"the guide has {STEP_COUNT} steps but this file lists {len(steps)}",
            f"list exactly {STEP_COUNT} steps",
        )
    return tuple(steps)


def _check_step_page(source: _Source, record: Record, step: Step, pages: dict[str, str]) -> None:
    if not step.page.endswith(".md") or step.page.startswith("/") or ".." in step.page:
        raise record.error(
            "page",
            f"'{step.page}' is not a page path",
            "write the page's path from docs/, such as steps/limit-the-damage.md",
        )
    if step.page in pages:
        raise record.error(
            "page",
            f"the page '{step.page}' is already the page of {pages[step.page]}",
            "give each step its own page",
        )
    pages[step.page] = step.id
    if source.docs_dir is not None and not (source.docs_dir / step.page).is_file():
        raise record.error(
            "page",
            f"the page '{step.page}' does not exist in docs/",
            "fix the path, or add the page in docs/",
        )


def _step_ref(record: Record, name: str, step_ids: tuple[str, ...]) -> str:
    value = record.text(name)
    if value not in step_ids:
        raise record.error(
            name, f"there is no step '{value}'", f"use one of: {', '.join(step_ids)}"
        )
    return value


def _load_checklists(
    source: _Source, step_ids: tuple[str, ...], default: Review
) -> dict[str, Checklist]:
    _, entries = source.top_list("checklists.yml", "checklists", "checklist")
    checklists: dict[str, Checklist] = {}
    seen: dict[str, int] = {}
    for position, entry in enumerate(entries, start=1):
        record = source.record(entry, "checklist", f"checklist {position}")
        record.record_id = record.identifier()
        _unique(seen, record, record.record_id, "checklist")
        step = _step_ref(record, "step", step_ids)
        title = record.text("title")
        why = record.markdown("why")
        items = _load_items(source, record)
        review = read_review(record, default, f"{record.file} ({record.record_id})")
        checklists[record.record_id] = Checklist(
            id=record.record_id, step=step, title=title, why=why, items=items, review=review
        )
        record.finish()
    return checklists


def _load_items(source: _Source, checklist: Record) -> tuple[ChecklistItem, ...]:
    items: list[ChecklistItem] = []
    seen: dict[str, int] = {}
    for position, entry in enumerate(checklist.records("items", "item"), start=1):
        record = source.record(entry, "checklist item", f"{checklist.record_id}, item {position}")
        item_id = record.identifier()
        record.record_id = f"{checklist.record_id}/{item_id}"
        _unique(seen, record, item_id, "item")
        items.append(
            ChecklistItem(
                id=item_id,
                text=record.text("text"),
                detail=record.markdown("detail", required=False),
            )
        )
        record.finish()
    return tuple(items)


def _retire_items(source: _Source, checklists: dict[str, Checklist]) -> dict[str, Checklist]:
    """Read `retired:` of data/redirects.yml: published item ids and where their links now land.

    A retired id is written `checklist/item`; its successor is a live item of the same checklist
    (`checklist/other-item`) or the checklist itself (`checklist`), so the old anchor can stay on
    the same page, right where the reader is sent.
    """
    path = source.data_dir / "redirects.yml"
    if not path.is_file():
        return checklists
    top = source.record(load_yaml(path, source.name(path)), "redirects file")
    block = top.mapping("retired", "retired link list", required=False)
    if block is None:
        return checklists
    retired: dict[str, dict[str, str]] = {}
    for old in block.fields:
        checklist_id, _, item_id = old.partition("/")
        target = block.text(old)
        checklist = checklists.get(checklist_id)
        live = {item.id for item in checklist.items} if checklist else set()
        target_list, _, target_item = target.partition("/")
        if checklist is None or not item_id:
            raise block.error(
                old,
                f"'{old}' is not a checklist item id",
                "write a retired item as checklist-id/item-id, e.g. own-it/no-blame",
            )
        if item_id in live:
            raise block.error(
                old, f"the item '{old}' is still in the checklist", "remove this line or the item"
            )
        if target_list != checklist_id or (target_item and target_item not in live):
            raise block.error(
                old,
                f"'{target}' is not a live item of the checklist '{checklist_id}'",
                f"send it to an item of the same checklist, e.g. {checklist_id}/"
                f"{checklist.items[0].id}, or to the checklist itself: {checklist_id}",
            )
        retired.setdefault(checklist_id, {})[item_id] = target_item
    block.finish()
    return {
        key: replace(checklist, retired=MappingProxyType(retired.get(key, {})))
        for key, checklist in checklists.items()
    }


def _load_examples(
    source: _Source, step_ids: tuple[str, ...], default: Review
) -> dict[str, Example]:
    folder = source.data_dir / "examples"
    paths = sorted(folder.iterdir()) if folder.is_dir() else []
    for path in paths:
        if path.suffix != ".yml" and path.suffix.lower() in (".yml", ".yaml"):
            raise ContentError(
                file=source.name(path),
                message="worked examples are read from .yml files only, so this one is ignored",
                fix=f"rename it to {path.stem}.yml",
            )
    examples: dict[str, Example] = {}
    for path in (p for p in paths if p.suffix == ".yml"):
        name = source.name(path)
        record = source.record(load_yaml(path, name), "worked example", path.stem)
        record.record_id = record.identifier()
        if record.record_id in examples:
            raise record.error(
                "id",
                f"the example id '{record.record_id}' is also used in "
                f"{examples[record.record_id].source}",
                "give each example its own id",
            )
        examples[record.record_id] = Example(
            id=record.record_id,
            title=record.text("title"),
            job=record.text("job"),
            setting=record.text("setting"),
            severity=record.choice("severity", SEVERITIES),
            situation=record.markdown("situation"),
            steps=_example_steps(record, step_ids),
            outcome=record.markdown("outcome"),
            lesson=record.markdown("lesson"),
            source=name,
            review=read_review(record, default, name),
        )
        record.finish()
    if not examples:
        raise ContentError(
            file=f"{source.data_dir.name}/examples/",
            message="there are no worked examples",
            fix="add at least one file such as data/examples/wrong-refund.yml (see AUTHORING.md)",
        )
    return examples


def _example_steps(record: Record, step_ids: tuple[str, ...]) -> Mapping[str, str]:
    """What the person did at each step: one entry per step, no more, no less."""
    steps = record.mapping("steps", "steps block")
    assert steps is not None
    for key in steps.fields:
        if key not in step_ids:
            raise steps.error(
                key,
                f"there is no step '{key}'",
                f"write what the person did under each of: {', '.join(step_ids)}",
            )
    for step_id in step_ids:
        if step_id not in steps.fields:
            raise steps.error(
                step_id,
                f"the example does not say what the person did at {step_id}",
                f"add a line '{step_id}: what they did' under 'steps:'",
            )
    done = {step_id: steps.markdown(step_id) for step_id in step_ids}
    steps.finish()
    return MappingProxyType(done)


def _load_changes(source: _Source) -> tuple[Change, ...]:
    """data/changes.yml, newest first; pages must exist (ids are checked against the catalogue)."""
    path = source.data_dir / "changes.yml"
    if not path.is_file():
        return ()
    _, entries = source.top_list("changes.yml", "changes", "change")
    changes = []
    for position, entry in enumerate(entries, start=1):
        record = source.record(entry, "change", f"change {position}")
        changes.append(
            Change(
                date=read_date(record, "date", required=True),
                summary=record.markdown("summary"),
                pages=tuple(
                    _change_page(source, record, page, line) for page, line in record.words("pages")
                ),
                ids=tuple(record.words("ids")),
                line=entry.line,
            )
        )
        if not changes[-1].pages and not changes[-1].ids:
            raise record.error(
                "pages",
                "the change names no page and no id",
                "add 'pages: [page.md]' or 'ids: [id]'",
            )
        record.finish()
    return tuple(sorted(changes, key=lambda change: change.date, reverse=True))


def _change_page(source: _Source, record: Record, page: str, line: int) -> str:
    if not page.endswith(".md") or page.startswith("/") or ".." in page.split("/"):
        raise record.error(
            "pages",
            f"'{page}' is not a page path",
            "write the page's path from docs/, e.g. steps/own-it.md",
            line,
        )
    if source.docs_dir is not None and not (source.docs_dir / page).is_file():
        raise record.error(
            "pages", f"the page '{page}' does not exist in docs/", "check the path from docs/", line
        )
    return page


# Who a triage line may send the reader to: the incident procedure or a contact of data/site.yml.
TRIAGE_CONTACTS = ("incident", "hr", *CONTACTS)


def _load_first_hour(source: _Source) -> FirstHour:
    top, entries = source.top_list("first_hour.yml", "lines", "triage line", also=("support",))
    lines: list[TriageLine] = []
    seen: dict[str, int] = {}
    for position, entry in enumerate(entries, start=1):
        record = source.record(entry, "triage line", f"line {position}")
        record.record_id = record.identifier()
        _unique(seen, record, record.record_id, "triage line")
        lines.append(_triage_line(record, record.record_id))
    support = top.mapping("support", "support line")
    assert support is not None
    line = _triage_line(support, "support")
    top.finish()
    return FirstHour(lines=tuple(lines), support=line)


def _triage_line(record: Record, line_id: str) -> TriageLine:
    keys = tuple(key.strip() for key in record.text("contacts", required=False).split(",") if key)
    for key in keys:
        if key not in TRIAGE_CONTACTS:
            raise record.error(
                "contacts",
                f"there is no contact '{key}'",
                f"use one or more of: {', '.join(TRIAGE_CONTACTS)}, separated by commas",
            )
    line = TriageLine(
        id=line_id, check=record.text("check"), action=record.markdown("action"), contacts=keys
    )
    record.finish()
    return line


def _load_settings(source: _Source) -> Settings:
    path = source.data_dir / "site.yml"
    name = source.name(path)
    if not path.is_file():
        raise ContentError(
            file=name, message="the file is missing", fix="create data/site.yml (see AUTHORING.md)"
        )
    record = source.record(load_yaml(path, name), "settings block", "site")
    hr = record.mapping("hr_contact", "HR contact", required=False)
    contacts = {key: _contact(record, key) for key in CONTACTS}
    colors = record.mapping("colors", "color setting", required=False)
    review = read_review(record, None, name)
    settings = Settings(
        guide_id=record.identifier("guide_id"),
        organization=record.text("organization", required=False),
        hr_contact_name=hr.text("name", required=False) if hr else "",
        hr_contact_how=hr.markdown("how", required=False) if hr else "",
        incident_procedure_url=_web_address(record, "incident_procedure_url"),
        owner=review.owner,
        last_reviewed=review.last_reviewed,
        review=review,
        suggest_change=record.markdown("suggest_change", required=False),
        logo=_logo(source, record, "logo"),
        primary_color=_color(colors, "primary"),
        accent_color=_color(colors, "accent"),
        **contacts,
    )
    for nested in (hr, colors):
        if nested:
            nested.finish()
    record.finish()
    return settings


def _contact(record: Record, key: str) -> Contact:
    """An optional contact block (`name`, `how`): a way to reach it needs a name to go with."""
    block = record.mapping(key, "contact", required=False)
    fallback = CONTACTS[key][1]
    if block is None:
        return Contact("", "", fallback)
    name = block.text("name", required=False)
    how = block.markdown("how", required=False)
    if how and not name:
        raise block.error(
            "name",
            f"'{key}' says how to reach it but not who it is",
            f"add a line 'name: ...' under '{key}:', e.g. name: the Employee Assistance Program",
        )
    block.finish()
    return Contact(name, how, fallback)


def _web_address(record: Record, name: str) -> str:
    value = record.text(name, required=False)
    if value and not re.match(r"^https?://[^\s<>\"'`()]+$", value):
        raise record.error(
            name,
            f"'{value}' is not a full web address",
            "write a full address starting with https://, with no spaces or brackets",
        )
    return value


def _logo(source: _Source, record: Record, name: str) -> str:
    value = record.text(name, required=False)
    if not value:
        return ""
    if not re.match(r"^[A-Za-z0-9_./-]+\.(?:svg|png|jpg|jpeg|webp)$", value) or ".." in value:
        raise record.error(
            name,
            f"'{value}' is not an image path",
            "write the path of an .svg, .png or .jpg file under docs/, e.g. assets/images/logo.svg",
        )
    if source.docs_dir is not None and not (source.docs_dir / value).is_file():
        raise record.error(
            name,
            f"the logo '{value}' does not exist in docs/",
            "put the image under docs/ (e.g. docs/assets/images/logo.svg) and write its path "
            "from docs/",
        )
    return value


def _color(colors: Record | None, name: str) -> str:
    if colors is None:
        return ""
    value = colors.text(name, required=False)
    if value and not re.match(HEX_COLOR, value):
        raise colors.error(
            name, f"'{value}' is not a color", "write a color as #rrggbb, e.g. #1d4f91"
        )
    # The header writes white text on the primary color, and links and focus rings use the accent
    # on white: both must keep the 4.5:1 contrast of WCAG 2.2 AA.
    if value and contrast_with_white(value) < MIN_CONTRAST:
        raise colors.error(
            name,
            f"'{value}' is too light: white on it has a contrast of "
            f"{contrast_with_white(value):.2f}:1, and the guide needs {MIN_CONTRAST}:1",
            "choose a darker shade of the color, e.g. #1d4f91",
        )
    return value


MIN_CONTRAST = 4.5


def contrast_with_white(hex_color: str) -> float:
    """WCAG contrast ratio between white and `hex_color` (#rrggbb)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)
