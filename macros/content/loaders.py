"""Reading data/ into the content model: every file checked, the first problem stops the build.

Errors name the file, line, record and field, and say how to fix it (macros/errors.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

from macros.addresses import WEB_ADDRESS, is_page_path
from macros.content.contrast import MIN_CONTRAST, contrast_with_white
from macros.content.model import (
    COMPLETION_RULES,
    CONTACTS,
    SEVERITIES,
    STEP_COUNT,
    Change,
    Checklist,
    ChecklistItem,
    Completion,
    Contact,
    Content,
    Example,
    FirstHour,
    Settings,
    Step,
    TriageLine,
)
from macros.datasource import DataSource, check_unique
from macros.errors import ContentError, did_you_mean
from macros.fields import Record
from macros.questions import CHECKS_FILE, load_questions
from macros.review import Review, read_date, read_review
from macros.yamlsource import load_yaml

HEX_COLOR = r"^#[0-9a-fA-F]{6}$"


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
    source = DataSource(data_dir, docs_dir)
    settings = _load_settings(source)
    steps = _load_steps(source)
    step_ids = tuple(step.id for step in steps)
    checklists, retired_links = _retire_items(
        source, _load_checklists(source, step_ids, settings.review)
    )
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
        retired_links=MappingProxyType(retired_links),
    )


def _load_steps(source: DataSource) -> tuple[Step, ...]:
    top, entries = source.top_list("steps.yml", "steps", "step")
    steps: list[Step] = []
    seen: dict[str, int] = {}
    pages: dict[str, str] = {}
    for position, entry in enumerate(entries, start=1):
        record = source.record(entry, "step", f"step {position}")
        record.record_id = record.identifier()
        check_unique(seen, record, record.record_id, "step")
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


def _check_step_page(source: DataSource, record: Record, step: Step, pages: dict[str, str]) -> None:
    if not is_page_path(step.page):
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
            name,
            f"there is no step '{value}'",
            f"{did_you_mean(value, step_ids)}use one of: {', '.join(step_ids)}",
        )
    return value


def _load_checklists(
    source: DataSource, step_ids: tuple[str, ...], default: Review
) -> dict[str, Checklist]:
    _, entries = source.top_list("checklists.yml", "checklists", "checklist")
    checklists: dict[str, Checklist] = {}
    seen: dict[str, int] = {}
    for position, entry in enumerate(entries, start=1):
        record = source.record(entry, "checklist", f"checklist {position}")
        _not_an_item(record, list(checklists))
        record.record_id = record.identifier()
        check_unique(seen, record, record.record_id, "checklist")
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


def _not_an_item(record: Record, before: list[str]) -> None:
    """Refuse an item written one level too far left, where it reads as a checklist of its own.

    Without this the author hears that the "checklist" has no step, and adds one.
    """
    if "text" in record.fields and "items" not in record.fields:
        written = record.fields.get("id")
        if written is not None and isinstance(written.value, str):
            record.record_id = written.value
        above = f"of the checklist '{before[-1]}' above it" if before else "of its checklist"
        raise record.error(
            None,
            "this looks like an item (it has 'text' and no 'items') written where a checklist "
            "starts",
            f"indent it under 'items:' {above}: its '- id:' lined up with the other items' "
            "'- id:', and its 'text:' under its 'id:'",
        )


def _load_items(source: DataSource, checklist: Record) -> tuple[ChecklistItem, ...]:
    items: list[ChecklistItem] = []
    seen: dict[str, int] = {}
    for position, entry in enumerate(checklist.records("items", "item"), start=1):
        record = source.record(entry, "checklist item", f"{checklist.record_id}, item {position}")
        item_id = record.identifier()
        record.record_id = f"{checklist.record_id}/{item_id}"
        check_unique(seen, record, item_id, "item")
        items.append(
            ChecklistItem(
                id=item_id,
                text=record.text("text"),
                detail=record.markdown("detail", required=False),
            )
        )
        record.finish()
    return tuple(items)


def _retire_items(
    source: DataSource, checklists: dict[str, Checklist]
) -> tuple[dict[str, Checklist], dict[str, tuple[str, int]]]:
    """Read `retired:` of data/redirects.yml: published ids and where their links now land.

    An item of a live checklist is written `checklist/item`; its successor is a live item of the
    same checklist (`checklist/other-item`) or the checklist itself (`checklist`), so the old
    anchor stays on the same page, right where the reader is sent. Every other retired id (a
    page, section, checklist or example) is returned as (target, line) for macros.retired.
    """
    path = source.data_dir / "redirects.yml"
    if not path.is_file():
        return checklists, {}
    top = source.record(load_yaml(path, source.name(path)), "redirects file")
    block = top.mapping("retired", "retired link list", required=False)
    if block is None:
        return checklists, {}
    retired: dict[str, dict[str, str]] = {}
    others: dict[str, tuple[str, int]] = {}
    for old in block.fields:
        checklist_id, _, item_id = old.partition("/")
        target = block.text(old)
        checklist = checklists.get(checklist_id)
        if checklist is None or not item_id:
            others[old] = (target, block.fields[old].line)
            continue
        live = {item.id for item in checklist.items}
        target_list, _, target_item = target.partition("/")
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
    kept = {
        key: replace(checklist, retired=MappingProxyType(retired.get(key, {})))
        for key, checklist in checklists.items()
    }
    return kept, others


def _load_examples(
    source: DataSource, step_ids: tuple[str, ...], default: Review
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


def _load_changes(source: DataSource) -> tuple[Change, ...]:
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


def _change_page(source: DataSource, record: Record, page: str, line: int) -> str:
    if not is_page_path(page):
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


def _load_first_hour(source: DataSource) -> FirstHour:
    top, entries = source.top_list("first_hour.yml", "lines", "triage line", also=("support",))
    lines: list[TriageLine] = []
    seen: dict[str, int] = {}
    for position, entry in enumerate(entries, start=1):
        record = source.record(entry, "triage line", f"line {position}")
        record.record_id = record.identifier()
        check_unique(seen, record, record.record_id, "triage line")
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
                f"{did_you_mean(key, TRIAGE_CONTACTS)}use one or more of: "
                f"{', '.join(TRIAGE_CONTACTS)}, separated by commas",
            )
    line = TriageLine(
        id=line_id, check=record.text("check"), action=record.markdown("action"), contacts=keys
    )
    record.finish()
    return line


def _load_settings(source: DataSource) -> Settings:
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
        completion=_completion(source, record),
        **contacts,
    )
    for nested in (hr, colors):
        if nested:
            nested.finish()
    record.finish()
    return settings


def _completion(source: DataSource, record: Record) -> Completion:
    """The `lms:` block: what an LMS counts as completed (steps when the block is left out)."""
    block = record.mapping("lms", "LMS setting", required=False)
    if block is None:
        return Completion()
    rule = block.choice("completion", COMPLETION_RULES)
    pass_mark = Completion.pass_mark
    if block.text("pass_mark", required=False):
        pass_mark = block.integer("pass_mark")
        if not 1 <= pass_mark <= 100:
            raise block.error(
                "pass_mark",
                f"'pass_mark' is a percent of best answers, so {pass_mark} is out of range",
                "write a whole number from 1 to 100, e.g. pass_mark: 80",
            )
    if rule == "check" and not (source.data_dir / CHECKS_FILE).is_file():
        raise block.error(
            "completion",
            f"'check' needs the questions of data/{CHECKS_FILE}, and there is no such file",
            "use 'steps' or 'checklists', or add data/checks.yml (see AUTHORING.md)",
        )
    block.finish()
    return Completion(rule, pass_mark)


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
    if value and not WEB_ADDRESS.match(value):
        raise record.error(
            name,
            f"'{value}' is not a full web address",
            "write a full address starting with https://, with no spaces or brackets",
        )
    return value


def _logo(source: DataSource, record: Record, name: str) -> str:
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
