"""The first-hour data, the organization contacts and retired item ids: load or stop the build.

Contacts are optional and fall back to a phrase true in any workplace; a malformed one names
data/site.yml, the line and the field. Triage lines keep their order; retired items must point
at a live item of their own checklist, so their old anchors can stay on the same page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.components.first_hour import first_hour
from macros.content import CONTACTS
from macros.pageref import PageRef
from tests.unit.datasets import Dataset, assert_where, make_dataset

PAGE = PageRef("right-now.md")


@pytest.fixture
def data(tmp_path: Path) -> Dataset:
    return make_dataset(tmp_path)


def set_contact(data: Dataset, key: str, block: str) -> int:
    return data.replace("site.yml", "guide_id:", f"{key}:\n{block}guide_id:")


@pytest.mark.parametrize("key", list(CONTACTS))
def test_an_unset_contact_falls_back_to_a_phrase_that_fits_anywhere(data: Dataset, key) -> None:
    contact = getattr(data.load().settings, key)
    assert not contact.is_set
    assert contact.markdown == CONTACTS[key][1]
    assert key not in [label for label, _ in data.load().settings.contacts()]


@pytest.mark.parametrize("key", list(CONTACTS))
def test_a_set_contact_is_shown_with_how_to_reach_it(data: Dataset, key) -> None:
    set_contact(data, key, '  name: "The Care Line"\n  how: "[Intranet](https://care.example)"\n')
    settings = data.load().settings
    contact = getattr(settings, key)
    assert contact.markdown == "The Care Line ([Intranet](https://care.example))"
    assert (CONTACTS[key][0], contact) in settings.contacts()


def test_contacts_appear_on_the_first_hour_lines_that_name_them(data: Dataset) -> None:
    set_contact(data, "speak_up", '  name: "the Speak Up line"\n')
    html = first_hour(data.load(), PAGE)
    assert "the Speak Up line" in html
    assert "whoever covers for your manager" in html


def test_a_contact_with_a_way_to_reach_it_but_no_name_is_refused(data: Dataset) -> None:
    line = set_contact(data, "support", '  how: "ext. 4100"\n')
    assert_where(
        data.error(),
        file="data/site.yml",
        line=line,
        record="site",
        field="support.name",
        says="'support' says how to reach it but not who it is",
    )


def test_an_unknown_contact_field_is_refused(data: Dataset) -> None:
    line = set_contact(data, "speak_up", '  name: "Line"\n  phone: "123"\n')
    error = data.error()
    assert_where(
        error,
        file="data/site.yml",
        line=line + 2,
        record="site",
        field="speak_up.phone",
        says="'phone' is not a field of a contact",
    )


def test_a_contact_written_as_one_line_is_refused(data: Dataset) -> None:
    line = data.replace("site.yml", "guide_id:", 'support: "call us"\nguide_id:')
    error = data.error()
    assert (error.file, error.line) == ("data/site.yml", line)
    assert "expected a contact written as 'key: value' lines" in str(error)


def test_triage_lines_keep_their_order(data: Dataset) -> None:
    lines = data.load().first_hour.lines
    assert [line.id for line in lines][:2] == ["anyone-hurt", "report-first"]
    assert data.load().first_hour.support.contacts == ("support",)


def test_a_triage_line_naming_an_unknown_contact_is_refused(data: Dataset) -> None:
    line = data.replace("first_hour.yml", "contacts: incident", "contacts: incident, police")
    assert_where(
        data.error(),
        file="data/first_hour.yml",
        line=line,
        record="report-first",
        field="contacts",
        says="there is no contact 'police'",
    )


def test_the_first_hour_file_is_required(data: Dataset) -> None:
    (data.data / "first_hour.yml").unlink()
    error = data.error()
    assert error.file == "data/first_hour.yml" and "missing" in str(error)


def test_a_retired_item_lands_on_its_successor(data: Dataset) -> None:
    data.write(
        "redirects.yml",
        "redirects: {}\nretired:\n  tell-your-manager/old-item: tell-your-manager/tell-them-now\n"
        "  own-it/gone: own-it\n",
    )
    content = data.load()
    assert content.checklists["tell-your-manager"].former_ids("tell-them-now") == ["old-item"]
    assert content.checklists["own-it"].former_ids("") == ["gone"]


def test_other_retired_ids_are_checked_against_the_published_links(data: Dataset) -> None:
    data.write("redirects.yml", "redirects: {}\nretired:\n  nowhere/old: tell-your-manager\n")
    assert dict(data.load().retired_links) == {"nowhere/old": ("tell-your-manager", 3)}


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("tell-your-manager/tell-them-now: tell-your-manager", "is still in the checklist"),
        ("tell-your-manager/old: own-it/say-it-was-you", "is not a live item of the checklist"),
        ("tell-your-manager/old: tell-your-manager/also-gone", "is not a live item"),
    ],
)
def test_a_bad_retired_line_names_the_line_and_the_fix(data: Dataset, line, says) -> None:
    data.write("redirects.yml", f"redirects: {{}}\nretired:\n  {line}\n")
    error = data.error()
    assert (error.file, error.line) == ("data/redirects.yml", 3), str(error)
    assert says in str(error) and "Fix: " in str(error)
