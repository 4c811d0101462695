"""Loading and validation: the fixture data loads, and each kind of bad data stops the build.

Every error names the data file, the line, the record id and the field, and says how to fix it.
"""

from __future__ import annotations

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


# ---- unknown, missing and mistyped fields ----------------------------------------------------


def test_unknown_field_is_refused_with_the_known_ones(data: Dataset) -> None:
    line = data.replace(
        "checklists.yml",
        "    title: Own what happened\n",
        "    colour: red\n    title: Own what happened\n",
    )
    error = data.error()
    assert_where(
        error,
        file="data/checklists.yml",
        line=line,
        record="own-it",
        field="colour",
        says="'colour' is not a field of a checklist",
    )
    assert "id, items, last_reviewed, owner, review_every_months, step, title, why" in error.fix


def test_misspelt_field_is_named_as_the_missing_one(data: Dataset) -> None:
    line = data.replace(
        "checklists.yml", "    title: Own what happened\n", "    titel: Own what happened\n"
    )
    error = data.error()
    assert_where(
        error,
        file="data/checklists.yml",
        line=line,
        record="own-it",
        field="titel",
        says="the checklist has no 'title'; 'titel' looks like a misspelling of it",
    )
    assert "rename 'titel' to 'title'" in error.fix


def test_missing_field_is_named(data: Dataset) -> None:
    data.replace("checklists.yml", "    why: Honesty keeps trust.\n", "")
    assert_where(
        data.error(),
        file="data/checklists.yml",
        line=data.line_of("checklists.yml", "- id: own-it"),
        record="own-it",
        field="why",
        says="the checklist has no 'why'",
    )


def test_blank_field_counts_as_missing(data: Dataset) -> None:
    line = data.replace("examples/duplicate-payment.yml", "lesson: Reporting", 'lesson: "  "\n#')
    assert_where(
        data.error(),
        file="data/examples/duplicate-payment.yml",
        line=line,
        record="duplicate-payment",
        field="lesson",
        says="has no 'lesson'",
    )


def test_list_where_text_belongs_is_refused(data: Dataset) -> None:
    line = data.replace(
        "steps.yml", "    title: Own what happened\n", "    title:\n      - Own\n      - it\n"
    )
    assert_where(
        data.error(),
        file="data/steps.yml",
        line=line,
        record="step-3",
        field="title",
        says="'title' must be text, not a list or a block",
    )


def test_text_where_a_list_belongs_is_refused(data: Dataset) -> None:
    data.replace(
        "checklists.yml",
        "    items:\n      - id: say-it-was-you\n        text: Say which part was yours.\n",
        "    items: Say which part was yours.\n",
    )
    assert_where(
        data.error(),
        file="data/checklists.yml",
        line=data.line_of("checklists.yml", "items: Say which"),
        record="own-it",
        field="items",
        says="'items' must be a list",
    )


def test_a_number_must_be_digits(data: Dataset) -> None:
    line = data.replace("steps.yml", "number: 2", "number: two")
    assert_where(
        data.error(),
        file="data/steps.yml",
        line=line,
        record="step-2",
        field="number",
        says="'number' must be a whole number, not 'two'",
    )


def test_severity_must_be_one_of_the_words(data: Dataset) -> None:
    line = data.replace("examples/duplicate-payment.yml", "severity: serious", "severity: huge")
    assert_where(
        data.error(),
        file="data/examples/duplicate-payment.yml",
        line=line,
        record="duplicate-payment",
        field="severity",
        says="'huge' is not one of minor, moderate, serious",
    )


def test_bad_id_is_refused(data: Dataset) -> None:
    line = data.replace("checklists.yml", "- id: own-it", "- id: Own It")
    assert_where(
        data.error(),
        file="data/checklists.yml",
        line=line,
        record="checklist 3",
        field="id",
        says="'Own It' is not a valid id",
    )


def test_missing_id_names_the_record_by_position(data: Dataset) -> None:
    line = data.replace(
        "checklists.yml", "      - id: find-the-trigger\n        text", "      - text"
    )
    assert_where(
        data.error(),
        file="data/checklists.yml",
        line=line,
        record="learn-from-it, item 1",
        field="id",
        says="the checklist item has no 'id'",
    )


# ---- duplicate ids, unknown steps, empty lists -----------------------------------------------


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


def test_duplicate_item_id_in_one_checklist(data: Dataset) -> None:
    line = data.replace("checklists.yml", "- id: say-it-plainly", "- id: tell-them-now")
    assert_where(
        data.error(),
        file="data/checklists.yml",
        line=line,
        record="tell-your-manager/tell-them-now",
        field="id",
        says="the item id 'tell-them-now' is used twice",
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


def test_duplicate_step_id(data: Dataset) -> None:
    line = data.replace("steps.yml", "- id: step-2", "- id: step-1")
    assert_where(
        data.error(),
        file="data/steps.yml",
        line=line,
        record="step-1",
        field="id",
        says="the step id 'step-1' is used twice (first on line 3)",
    )


def test_checklist_on_an_unknown_step(data: Dataset) -> None:
    line = data.replace("checklists.yml", "step: step-3", "step: step-9")
    assert_where(
        data.error(),
        file="data/checklists.yml",
        line=line,
        record="own-it",
        field="step",
        says="there is no step 'step-9'",
    )


def test_example_with_an_unknown_step(data: Dataset) -> None:
    line = data.replace("examples/duplicate-payment.yml", "  step-5:", "  step-6:")
    assert_where(
        data.error(),
        file="data/examples/duplicate-payment.yml",
        line=line,
        record="duplicate-payment",
        field="steps.step-6",
        says="there is no step 'step-6'",
    )


def test_example_missing_a_step(data: Dataset) -> None:
    data.replace("examples/duplicate-payment.yml", "  step-4: He wrote a two-line check", "#")
    assert_where(
        data.error(),
        file="data/examples/duplicate-payment.yml",
        line=data.line_of("examples/duplicate-payment.yml", "steps:"),
        record="duplicate-payment",
        field="steps.step-4",
        says="the example does not say what the person did at step-4",
    )


def test_empty_item_list(data: Dataset) -> None:
    line = data.replace(
        "checklists.yml",
        "    items:\n      - id: say-it-was-you\n        text: Say which part was yours.\n",
        "    items: []\n",
    )
    assert_where(
        data.error(),
        file="data/checklists.yml",
        line=line,
        record="own-it",
        field="items",
        says="'items' is empty",
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


# ---- steps ------------------------------------------------------------------------------------


def test_steps_must_be_in_order(data: Dataset) -> None:
    line = data.replace("steps.yml", "number: 3", "number: 4")
    assert_where(
        data.error(),
        file="data/steps.yml",
        line=line,
        record="step-3",
        field="number",
        says="step number 4 is out of order",
    )


def test_step_id_matches_its_number(data: Dataset) -> None:
    line = data.replace("steps.yml", "- id: step-3", "- id: own-it")
    assert_where(
        data.error(),
        file="data/steps.yml",
        line=line,
        record="own-it",
        field="id",
        says="step 3 must have the id 'step-3'",
    )


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


def test_step_page_must_exist(data: Dataset) -> None:
    line = data.replace("steps.yml", "page: steps/own-it.md", "page: steps/own.md")
    assert_where(
        data.error(),
        file="data/steps.yml",
        line=line,
        record="step-3",
        field="page",
        says="the page 'steps/own.md' does not exist in docs/",
    )


def test_two_steps_cannot_share_a_page(data: Dataset) -> None:
    line = data.replace("steps.yml", "page: steps/own-it.md", "page: steps/tell-your-manager.md")
    assert_where(
        data.error(),
        file="data/steps.yml",
        line=line,
        record="step-3",
        field="page",
        says="is already the page of step-2",
    )


# ---- raw HTML, scripts and links -------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "fix"),
    [
        ("<b>now</b>", "write **bold text**"),
        ("<em>now</em>", "write *italic text*"),
        ('<a href="https://example.org">here</a>', "[link text](https://example.org)"),
        ("line<br>break", "one sentence after another"),
        ("<script>alert(1)</script>", "use Markdown instead"),
        ("<https://example.org>", "[link text](https://example.org)"),
        ("<!-- note -->", "use Markdown instead"),
    ],
)
def test_raw_html_is_refused_showing_the_markdown_way(data: Dataset, html: str, fix: str) -> None:
    line = data.replace("checklists.yml", "text: Say which part was yours.", f"text: Say {html}")
    error = data.error()
    assert_where(
        error,
        file="data/checklists.yml",
        line=line,
        record="own-it/say-it-was-you",
        field="text",
        says="contains HTML",
    )
    assert fix in error.fix


def test_less_than_in_prose_is_not_html(data: Dataset) -> None:
    data.replace("checklists.yml", "text: Say which part was yours.", "text: Costs < 5 or > 2.")
    assert data.load().checklists["own-it"].items[0].text == "Costs < 5 or > 2."


def test_javascript_link_is_refused(data: Dataset) -> None:
    line = data.replace(
        "examples/duplicate-payment.yml",
        "lesson: Reporting fast",
        "lesson: Reporting [x](javascript:alert(1))",
    )
    assert_where(
        data.error(),
        file="data/examples/duplicate-payment.yml",
        line=line,
        record="duplicate-payment",
        field="lesson",
        says="contains a javascript: address",
    )


@pytest.mark.parametrize(
    ("target", "says"),
    [
        ("data:text/html,hi", "the link target 'data:text/html,hi' is not allowed here"),
        ("#what-to-do", "the link target '#what-to-do' is not allowed here"),
        ("steps/own-it/", "the link target 'steps/own-it/' is not allowed here"),
        ("/steps/own-it.md", "the link target '/steps/own-it.md' is not allowed here"),
        ("../outside.md", "the link target '../outside.md' is not allowed here"),
        ("steps/no-such-page.md", "points to a page that does not exist in docs/"),
        ("ftp://example.org/x", "is not allowed here"),
    ],
)
def test_links_in_markdown_fields_are_checked(data: Dataset, target: str, says: str) -> None:
    line = data.replace(
        "checklists.yml", "why: Honesty keeps trust.", f"why: See [this]({target})."
    )
    assert_where(
        data.error(),
        file="data/checklists.yml",
        line=line,
        record="own-it",
        field="why",
        says=says,
    )


def test_links_to_existing_pages_and_web_addresses_pass(data: Dataset) -> None:
    data.replace(
        "checklists.yml",
        "why: Honesty keeps trust.",
        "why: See [step 2](steps/tell-your-manager.md#what-to-do), [us](https://example.org/a?b=c),"
        " [mail](mailto:hr@example.org) or [call](tel:+15551234567).",
    )
    assert "steps/tell-your-manager.md" in data.load().checklists["own-it"].why


def test_a_link_in_a_plain_text_field_is_refused(data: Dataset) -> None:
    line = data.replace(
        "checklists.yml", "title: Own what happened", "title: Own [it](steps/own-it.md)"
    )
    error = data.error()
    assert_where(
        error,
        file="data/checklists.yml",
        line=line,
        record="own-it",
        field="title",
        says="'title' is shown as plain text",
    )


def test_an_image_is_refused(data: Dataset) -> None:
    line = data.replace(
        "checklists.yml", "why: Honesty keeps trust.", "why: 'See ![x](https://e.org/a.png)'"
    )
    assert_where(
        data.error(),
        file="data/checklists.yml",
        line=line,
        record="own-it",
        field="why",
        says="contains an image",
    )


# ---- organization settings -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "field", "says"),
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
        ('logo: ""', "logo: assets/logo.svg", "logo", "the logo 'assets/logo.svg' does not exist"),
        ('logo: ""', "logo: logo.exe", "logo", "'logo.exe' is not an image path"),
        (
            "guide_id: handling-mistakes",
            "guide_id: Handling Mistakes",
            "guide_id",
            "not a valid id",
        ),
        ("  name: the People Team", "  name: <b>People</b>", "hr_contact.name", "contains HTML"),
        ("  name: the People Team", "  nme: the People Team", "hr_contact.nme", "is not a field"),
    ],
)
def test_bad_settings_are_refused(data: Dataset, old: str, new: str, field: str, says: str) -> None:
    line = data.replace("site.yml", old, new)
    assert_where(
        data.error(), file="data/site.yml", line=line, record="site", field=field, says=says
    )


def test_last_reviewed_is_required(data: Dataset) -> None:
    data.replace("site.yml", "last_reviewed: 2026-11-25\n", "")
    assert_where(
        data.error(),
        file="data/site.yml",
        line=data.line_of("site.yml", "guide_id:"),
        record="site",
        field="last_reviewed",
        says="has no 'last_reviewed'",
    )
