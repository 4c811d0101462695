"""The guide's content model: steps, checklists, worked examples and organization settings.

Everything in `data/` is read once per build into these frozen dataclasses. Pages and components
only ever see validated objects, so a half-filled checklist or an unknown step cannot reach HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from macros.errors import ContentError
from macros.fields import Record
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
    """The actions for one step, shown on the step page, the card, the quick view and the catalogue."""

    id: str
    step: str
    title: str
    why: str
    items: tuple[ChecklistItem, ...]


@dataclass(frozen=True)
class Example:
    """A worked example following one person through all five steps."""

    id: str
    title: str
    job: str
    setting: str
    severity: str
    situation: str
    steps: dict[str, str]
    outcome: str
    lesson: str
    source: str = field(compare=False, default="")


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

    @property
    def organization_name(self) -> str:
        """The organization's name, or a phrase that reads naturally before anyone brands the guide."""
        return self.organization or "your organization"

    @property
    def hr_team(self) -> str:
        """Who to contact in HR, defaulting to a generic phrase."""
        return self.hr_contact_name or "your HR team"


@dataclass(frozen=True)
class Content:
    """All validated data of one build, with lookups by id."""

    settings: Settings
    steps: tuple[Step, ...]
    checklists: dict[str, Checklist]
    examples: dict[str, Example]

    def step(self, step_id: str) -> Step:
        """The step with this id; callers validate ids before asking."""
        return next(step for step in self.steps if step.id == step_id)

    def step_for_page(self, src_uri: str) -> Step | None:
        """The step a Markdown page explains, or None when the page is not a step page."""
        return next((step for step in self.steps if step.page == src_uri), None)

    def checklists_for_step(self, step_id: str) -> list[Checklist]:
        """Checklists belonging to a step, in file order."""
        return [c for c in self.checklists.values() if c.step == step_id]


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
    steps = _load_steps(data_dir / "steps.yml", docs_dir)
    step_ids = {step.id for step in steps}
    checklists = _load_checklists(data_dir / "checklists.yml", step_ids)
    examples = _load_examples(sorted((data_dir / "examples").glob("*.yml")), step_ids, data_dir)
    settings = _load_settings(data_dir / "site.yml")
    return Content(settings=settings, steps=steps, checklists=checklists, examples=examples)


def _display(path: Path) -> str:
    parts = path.parts
    return "/".join(parts[parts.index("data") :]) if "data" in parts else path.name


def _top_list(path: Path, key: str, kind: str) -> tuple[str, list[Located]]:
    name = _display(path)
    if not path.exists():
        raise ContentError(file=name, message="the file is missing", fix=f"create it with a '{key}:' list")
    top = Record(load_yaml(path, name), "file")
    entries = top.records(key, kind)
    top.finish()
    return name, entries


def _unique(seen: dict[str, int], record: Record, value: str, what: str) -> None:
    if value in seen:
        raise record.error(
            "id",
            f"the {what} id '{value}' is used twice (first on line {seen[value]})",
            f"give each {what} its own id",
        )
    seen[value] = record.fields["id"].line


def _load_steps(path: Path, docs_dir: Path | None) -> tuple[Step, ...]:
    name, entries = _top_list(path, "steps", "step")
    steps: list[Step] = []
    seen: dict[str, int] = {}
    for entry in entries:
        record = Record(entry, "step")
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
        if step.number != len(steps) + 1:
            raise record.error(
                "number", f"step number {step.number} is out of order", "number the steps 1, 2, 3, ..."
            )
        if docs_dir is not None and not (docs_dir / step.page).is_file():
            raise record.error(
                "page", f"the page '{step.page}' does not exist in docs/", "fix the path or add the page"
            )
        record.finish()
        steps.append(step)
    if len(steps) != STEP_COUNT:
        raise ContentError(
            file=name,
            message=f"the guide has {STEP_COUNT} steps but this file lists {len(steps)}",
            fix=f"list exactly {STEP_COUNT} steps",
        )
    return tuple(steps)


def _step_ref(record: Record, name: str, step_ids: set[str]) -> str:
    value = record.text(name)
    if value not in step_ids:
        raise record.error(
            name, f"there is no step '{value}'", f"use one of: {', '.join(sorted(step_ids))}"
        )
    return value


def _load_checklists(path: Path, step_ids: set[str]) -> dict[str, Checklist]:
    _, entries = _top_list(path, "checklists", "checklist")
    checklists: dict[str, Checklist] = {}
    seen: dict[str, int] = {}
    for entry in entries:
        record = Record(entry, "checklist")
        record.record_id = record.identifier()
        _unique(seen, record, record.record_id, "checklist")
        items: list[ChecklistItem] = []
        item_seen: dict[str, int] = {}
        for item_entry in record.records("items", "item"):
            item = Record(item_entry, "checklist item", record.record_id)
            item_id = item.identifier()
            _unique(item_seen, item, item_id, "item")
            items.append(
                ChecklistItem(id=item_id, text=item.text("text"), detail=item.markdown("detail", required=False))
            )
            item.finish()
        checklists[record.record_id] = Checklist(
            id=record.record_id,
            step=_step_ref(record, "step", step_ids),
            title=record.text("title"),
            why=record.markdown("why"),
            items=tuple(items),
        )
        record.finish()
    return checklists


def _load_examples(paths: Iterable[Path], step_ids: set[str], data_dir: Path) -> dict[str, Example]:
    examples: dict[str, Example] = {}
    for path in paths:
        name = _display(path)
        record = Record(load_yaml(path, name), "worked example")
        record.record_id = record.identifier()
        if record.record_id in examples:
            raise record.error(
                "id",
                f"the example id '{record.record_id}' is also used in {examples[record.record_id].source}",
                "give each example its own id",
            )
        steps_record = record.mapping("steps", "set of steps")
        assert steps_record is not None
        steps = {step_id: steps_record.markdown(step_id) for step_id in sorted(step_ids)}
        steps_record.finish()
        examples[record.record_id] = Example(
            id=record.record_id,
            title=record.text("title"),
            job=record.text("job"),
            setting=record.text("setting"),
            severity=record.choice("severity", SEVERITIES),
            situation=record.markdown("situation"),
            steps=steps,
            outcome=record.markdown("outcome"),
            lesson=record.markdown("lesson"),
            source=name,
        )
        record.finish()
    if not examples:
        raise ContentError(
            file=_display(data_dir / "examples"),
            message="there are no worked examples",
            fix="add at least one file such as data/examples/wrong-refund.yml",
        )
    return examples


def _load_settings(path: Path) -> Settings:
    name = _display(path)
    if not path.exists():
        raise ContentError(file=name, message="the file is missing", fix="create data/site.yml")
    record = Record(load_yaml(path, name), "settings block", "site")
    hr = record.mapping("hr_contact", "HR contact", required=False)
    colors = record.mapping("colors", "color setting", required=False)
    settings = Settings(
        guide_id=record.identifier("guide_id"),
        organization=record.text("organization", required=False),
        hr_contact_name=hr.text("name", required=False) if hr else "",
        hr_contact_how=hr.markdown("how", required=False) if hr else "",
        incident_procedure_url=_url(record, "incident_procedure_url"),
        owner=record.text("owner", required=False),
        last_reviewed=record.text("last_reviewed"),
        suggest_change=record.markdown("suggest_change", required=False),
        logo=record.text("logo", required=False),
        primary_color=_color(colors, "primary"),
        accent_color=_color(colors, "accent"),
    )
    for nested in (hr, colors):
        if nested:
            nested.finish()
    record.finish()
    return settings


def _url(record: Record, name: str) -> str:
    value = record.text(name, required=False)
    if value and not value.startswith(("https://", "http://", "mailto:")):
        raise record.error(name, f"'{value}' is not a web address", "write a full https:// address")
    return value


def _color(colors: Record | None, name: str) -> str:
    if colors is None:
        return ""
    value = colors.text(name, required=False)
    if value and not re.match(HEX_COLOR, value):
        raise colors.error(name, f"'{value}' is not a color", "write a color as #rrggbb, e.g. #1d4f91")
    return value
