"""Loading and validation: the fixture data loads, and each kind of bad data stops the build.

Every error names the data file, the line, the record id and the field, and says how to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.content import Example, load_content
from tests.unit.datasets import FIXTURE, Dataset, assert_where, make_dataset


@pytest.fixture
def data(tmp_path: Path) -> Dataset:
    return make_dataset(tmp_path)


def test_fixture_data_loads_into_typed_objects(data: Dataset) -> None:
    content = data.load()
    assert [step.id for step in content.steps] == [f"step-{n}" for n in range(1, 6)]
    assert content.steps[1].number == 2
    assert content.step_for_page("steps/own-it.md").id == "step-3"
    assert content.step_for_page("about.md") is None
    checklist = content.checklists["tell-your-manager"]
    assert checklist.step == "step-2"
    assert [item.id for item in checklist.items] == ["tell-them-now", "say-it-plainly"]
    assert checklist.items[1].detail == 'Use **plain words**, like `8:30` or "No".'
    example = content.examples["wrong-delivery-date"]
    assert isinstance(example, Example)
    assert list(example.steps) == [f"step-{n}" for n in range(1, 6)]
    assert example.source == "data/examples/wrong-delivery-date.yml"
    with pytest.raises(TypeError):
        example.steps["step-1"] = "changed"  # type: ignore[index]


def test_settings_default_to_natural_phrases(data: Dataset) -> None:
    data.write(
        "site.yml",
        'guide_id: handling-mistakes\norganization: ""\nowner: HR\nlast_reviewed: "2026-11-25"\n',
    )
    settings = data.load().settings
    assert settings.organization_name == "your organization"
    assert settings.hr_team == "your HR team"
    assert settings.incident_procedure_url == ""


def test_loading_is_cached_until_a_file_changes(data: Dataset) -> None:
    first = data.load()
    assert data.load() is first
    data.replace("checklists.yml", "title: Own what happened", "title: Own it")
    assert data.load().checklists["own-it"].title == "Own it"


def test_the_real_data_loads() -> None:
    root = FIXTURE.parent.parent.parent
    content = load_content(root / "data", root / "docs")
    assert len(content.steps) == 5
    assert content.checklists and content.examples


# ---- one edit, one refusal: each row breaks the fixture data once ----------------------------


@dataclass(frozen=True)
class Refusal:
    """An edit to one data file and the error it must give: where, which record and field, what.

    The error's line is where the edit starts, or the line of `at` after the edit when the
    loader points at the record rather than the edited text. `fix` must appear in the fix.
    """

    name: str
    file: str
    old: str
    new: str
    record: str | None
    field: str | None
    says: str
    at: str | None = None
    fix: str = ""


OWN_IT_ITEMS = "    items:\n      - id: say-it-was-you\n        text: Say which part was yours.\n"
PAYMENT = "examples/duplicate-payment.yml"
KNOWN_FIELDS = "id, items, last_reviewed, owner, review_every_months, step, title, why"

FIELDS = [
    Refusal(
        "unknown-field",
        "checklists.yml",
        "    title: Own what happened\n",
        "    colour: red\n    title: Own what happened\n",
        "own-it",
        "colour",
        "'colour' is not a field of a checklist",
        fix=KNOWN_FIELDS,
    ),
    Refusal(
        "misspelt-field",
        "checklists.yml",
        "    title: Own what happened\n",
        "    titel: Own what happened\n",
        "own-it",
        "titel",
        "the checklist has no 'title'; 'titel' looks like a misspelling of it",
        fix="rename 'titel' to 'title'",
    ),
    Refusal(
        "missing-field",
        "checklists.yml",
        "    why: Honesty keeps trust.\n",
        "",
        "own-it",
        "why",
        "the checklist has no 'why'",
        at="- id: own-it",
    ),
    Refusal(
        "blank-field",
        PAYMENT,
        "lesson: Reporting",
        'lesson: "  "\n#',
        "duplicate-payment",
        "lesson",
        "has no 'lesson'",
    ),
    Refusal(
        "list-for-text",
        "steps.yml",
        "    title: Own what happened\n",
        "    title:\n      - Own\n      - it\n",
        "step-3",
        "title",
        "'title' must be text, not a list or a block",
    ),
    Refusal(
        "text-for-list",
        "checklists.yml",
        OWN_IT_ITEMS,
        "    items: Say which part was yours.\n",
        "own-it",
        "items",
        "'items' must be a list",
        at="items: Say which",
    ),
    Refusal(
        "number-not-digits",
        "steps.yml",
        "number: 2",
        "number: two",
        "step-2",
        "number",
        "'number' must be a whole number, not 'two'",
    ),
    Refusal(
        "unknown-severity",
        PAYMENT,
        "severity: serious",
        "severity: huge",
        "duplicate-payment",
        "severity",
        "'huge' is not one of minor, moderate, serious",
    ),
    Refusal(
        "bad-id",
        "checklists.yml",
        "- id: own-it",
        "- id: Own It",
        "checklist 3",
        "id",
        "'Own It' is not a valid id",
    ),
    Refusal(
        "missing-id-named-by-position",
        "checklists.yml",
        "      - id: find-the-trigger\n        text",
        "      - text",
        "learn-from-it, item 1",
        "id",
        "the checklist item has no 'id'",
    ),
]

REFERENCES = [
    Refusal(
        "duplicate-item-id",
        "checklists.yml",
        "- id: say-it-plainly",
        "- id: tell-them-now",
        "tell-your-manager/tell-them-now",
        "id",
        "the item id 'tell-them-now' is used twice",
    ),
    Refusal(
        "duplicate-step-id",
        "steps.yml",
        "- id: step-2",
        "- id: step-1",
        "step-1",
        "id",
        "the step id 'step-1' is used twice (first on line 3)",
    ),
    Refusal(
        "checklist-on-unknown-step",
        "checklists.yml",
        "step: step-3",
        "step: step-9",
        "own-it",
        "step",
        "there is no step 'step-9'",
    ),
    Refusal(
        "example-on-unknown-step",
        PAYMENT,
        "  step-5:",
        "  step-6:",
        "duplicate-payment",
        "steps.step-6",
        "there is no step 'step-6'",
    ),
    Refusal(
        "example-missing-a-step",
        PAYMENT,
        "  step-4: He wrote a two-line check",
        "#",
        "duplicate-payment",
        "steps.step-4",
        "the example does not say what the person did at step-4",
        at="steps:",
    ),
    Refusal(
        "empty-item-list",
        "checklists.yml",
        OWN_IT_ITEMS,
        "    items: []\n",
        "own-it",
        "items",
        "'items' is empty",
    ),
]

STEPS = [
    Refusal(
        "steps-out-of-order",
        "steps.yml",
        "number: 3",
        "number: 4",
        "step-3",
        "number",
        "step number 4 is out of order",
    ),
    Refusal(
        "step-id-not-its-number",
        "steps.yml",
        "- id: step-3",
        "- id: own-it",
        "own-it",
        "id",
        "step 3 must have the id 'step-3'",
    ),
    Refusal(
        "step-page-missing",
        "steps.yml",
        "page: steps/own-it.md",
        "page: steps/own.md",
        "step-3",
        "page",
        "the page 'steps/own.md' does not exist in docs/",
    ),
    Refusal(
        "two-steps-one-page",
        "steps.yml",
        "page: steps/own-it.md",
        "page: steps/tell-your-manager.md",
        "step-3",
        "page",
        "is already the page of step-2",
    ),
]

RAW_HTML = [
    ("<b>now</b>", "write **bold text**"),
    ("<em>now</em>", "write *italic text*"),
    ('<a href="https://example.org">here</a>', "[link text](https://example.org)"),
    ("line<br>break", "one sentence after another"),
    ("<script>alert(1)</script>", "use Markdown instead"),
    ("<https://example.org>", "[link text](https://example.org)"),
    ("<!-- note -->", "use Markdown instead"),
]
BAD_LINKS = [
    ("data:text/html,hi", "the link target 'data:text/html,hi' is not allowed here"),
    ("#what-to-do", "the link target '#what-to-do' is not allowed here"),
    ("steps/own-it/", "the link target 'steps/own-it/' is not allowed here"),
    ("/steps/own-it.md", "the link target '/steps/own-it.md' is not allowed here"),
    ("../outside.md", "the link target '../outside.md' is not allowed here"),
    ("steps/no-such-page.md", "points to a page that does not exist in docs/"),
    ("ftp://example.org/x", "is not allowed here"),
]
MARKUP = [
    *(
        Refusal(
            f"raw-html-{number}",
            "checklists.yml",
            "text: Say which part was yours.",
            f"text: Say {html}",
            "own-it/say-it-was-you",
            "text",
            "contains HTML",
            fix=fix,
        )
        for number, (html, fix) in enumerate(RAW_HTML)
    ),
    *(
        Refusal(
            f"link-{number}",
            "checklists.yml",
            "why: Honesty keeps trust.",
            f"why: See [this]({target}).",
            "own-it",
            "why",
            says,
        )
        for number, (target, says) in enumerate(BAD_LINKS)
    ),
    Refusal(
        "javascript-link",
        PAYMENT,
        "lesson: Reporting fast",
        "lesson: Reporting [x](javascript:alert(1))",
        "duplicate-payment",
        "lesson",
        "contains a javascript: address",
    ),
    Refusal(
        "link-in-plain-text-field",
        "checklists.yml",
        "title: Own what happened",
        "title: Own [it](steps/own-it.md)",
        "own-it",
        "title",
        "'title' is shown as plain text",
    ),
    Refusal(
        "image",
        "checklists.yml",
        "why: Honesty keeps trust.",
        "why: 'See ![x](https://e.org/a.png)'",
        "own-it",
        "why",
        "contains an image",
    ),
]

SETTINGS = [
    Refusal(f"site-{field}-{number}", "site.yml", old, new, "site", field, says)
    for number, (old, new, field, says) in enumerate(
        [
            ('primary: "#1d4f91"', "primary: blue", "colors.primary", "'blue' is not a color"),
            (
                "last_reviewed: 2026-11-25",
                "last_reviewed: 2026-13-01",
                "last_reviewed",
                "is not a date",
            ),
            (
                "last_reviewed: 2026-11-25",
                "last_reviewed: 25/11/2026",
                "last_reviewed",
                "is not a date",
            ),
            (
                "incident_procedure_url: https://intranet.northwind.example/incidents",
                "incident_procedure_url: intranet/incidents",
                "incident_procedure_url",
                "is not a full web address",
            ),
            (
                'logo: ""',
                "logo: assets/logo.svg",
                "logo",
                "the logo 'assets/logo.svg' does not exist",
            ),
            ('logo: ""', "logo: logo.exe", "logo", "'logo.exe' is not an image path"),
            (
                "guide_id: handling-mistakes",
                "guide_id: Handling Mistakes",
                "guide_id",
                "not a valid id",
            ),
            (
                "  name: the People Team",
                "  name: <b>People</b>",
                "hr_contact.name",
                "contains HTML",
            ),
            (
                "  name: the People Team",
                "  nme: the People Team",
                "hr_contact.nme",
                "is not a field",
            ),
        ]
    )
] + [
    Refusal(
        "last-reviewed-required",
        "site.yml",
        "last_reviewed: 2026-11-25\n",
        "",
        "site",
        "last_reviewed",
        "has no 'last_reviewed'",
        at="guide_id:",
    )
]

REFUSALS = [*FIELDS, *REFERENCES, *STEPS, *MARKUP, *SETTINGS]


@pytest.mark.parametrize("case", REFUSALS, ids=[case.name for case in REFUSALS])
def test_bad_data_is_refused_naming_file_line_record_and_field(
    data: Dataset, case: Refusal
) -> None:
    line = data.replace(case.file, case.old, case.new)
    error = data.error()
    assert_where(
        error,
        file=f"data/{case.file}",
        line=data.line_of(case.file, case.at) if case.at else line,
        record=case.record,
        field=case.field,
        says=case.says,
    )
    assert case.fix in error.fix


def test_the_table_names_are_unique() -> None:
    assert len({case.name for case in REFUSALS}) == len(REFUSALS)


# ---- refusals that need more than one edit, and edits that must pass -------------------------


def test_duplicate_checklist_id(data: Dataset) -> None:
    first = data.line_of("checklists.yml", "- id: own-it")
    line = data.replace("checklists.yml", "- id: learn-from-it", "- id: own-it")
    assert_where(
        data.error(),
        file="data/checklists.yml",
        line=line,
        record="own-it",
        field="id",
        says=f"the checklist id 'own-it' is used twice (first on line {first})",
    )


def test_same_item_id_in_two_checklists_is_fine(data: Dataset) -> None:
    data.replace("checklists.yml", "- id: list-your-wins", "- id: say-it-was-you")
    assert data.load().checklists["move-forward"].items[0].id == "say-it-was-you"


def test_duplicate_example_id_across_files(data: Dataset) -> None:
    text = (data.data / "examples/duplicate-payment.yml").read_text(encoding="utf-8")
    data.write("examples/zz-copy.yml", text)
    assert_where(
        data.error(),
        file="data/examples/zz-copy.yml",
        line=1,
        record="duplicate-payment",
        field="id",
        says="is also used in data/examples/duplicate-payment.yml",
    )


def test_empty_checklist_file(data: Dataset) -> None:
    data.write("checklists.yml", "checklists: []\n")
    assert_where(
        data.error(),
        file="data/checklists.yml",
        line=1,
        record=None,
        field="checklists",
        says="'checklists' is empty",
    )


def test_no_examples(data: Dataset) -> None:
    for path in (data.data / "examples").glob("*.yml"):
        path.unlink()
    error = data.error()
    assert error.file == "data/examples/"
    assert "there are no worked examples" in str(error)


def test_yaml_extension_is_not_silently_ignored(data: Dataset) -> None:
    data.write("examples/new-one.yaml", "id: new-one\n")
    error = data.error()
    assert error.file == "data/examples/new-one.yaml"
    assert "rename it to new-one.yml" in str(error)


def test_exactly_five_steps(data: Dataset) -> None:
    text = (data.data / "steps.yml").read_text(encoding="utf-8")
    data.write("steps.yml", text[: text.index("  - id: step-5")])
    assert_where(
        data.error(),
        file="data/steps.yml",
        line=2,
        record=None,
        field="steps",
        says="the guide has 5 steps but this file lists 4",
    )


def test_less_than_in_prose_is_not_html(data: Dataset) -> None:
    data.replace("checklists.yml", "text: Say which part was yours.", "text: Costs < 5 or > 2.")
    assert data.load().checklists["own-it"].items[0].text == "Costs < 5 or > 2."


def test_links_to_existing_pages_and_web_addresses_pass(data: Dataset) -> None:
    data.replace(
        "checklists.yml",
        "why: Honesty keeps trust.",
        "why: See [step 2](steps/tell-your-manager.md#what-to-do), [us](https://example.org/a?b=c),"
        " [mail](mailto:hr@example.org) or [call](tel:+15551234567).",
    )
    assert "steps/tell-your-manager.md" in data.load().checklists["own-it"].why
