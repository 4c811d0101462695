"""Short links and moved-page forwards: one shared id namespace, validated redirects, safe pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.catalogue import build_catalogue
from macros.content import load_content
from macros.errors import ContentError
from macros.shortlinks import (
    Forward,
    check_short_ids,
    load_redirects,
    render_forward,
    short_links,
    write_forwards,
)
from tests.support import ROOT

CONTENT = load_content(ROOT / "data", ROOT / "docs")
LINKS = build_catalogue(CONTENT, ROOT / "docs")
TOP_LEVEL = ("step", "checklist", "example")


def copy_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    return data


def test_every_step_checklist_and_example_gets_one_short_link() -> None:
    forwards = {f.path: f for f in short_links(LINKS) if f.path.count("/") == 2}
    expected = [s.id for s in CONTENT.steps] + list(CONTENT.checklists) + list(CONTENT.examples)
    assert sorted(forwards) == sorted(f"go/{link_id}/" for link_id in expected)
    assert forwards["go/step-2/"].target == "steps/tell-your-manager/"
    assert forwards["go/own-it/"].target == "steps/own-it/#checklist-own-it"
    assert forwards["go/duplicate-payment/"].target == "examples/#example-duplicate-payment"


def test_every_section_and_item_gets_a_short_link_inside_its_owners() -> None:
    forwards = {f.path: f for f in short_links(LINKS) if f.path.count("/") > 2}
    nested = [link for link in LINKS if link.kind in ("section", "item")]
    retired_items = [
        f"{checklist.id}/{old}"
        for checklist in CONTENT.checklists.values()
        for old in checklist.retired
    ]
    expected = [link.id for link in nested] + retired_items
    assert sorted(forwards) == sorted(f"go/{link_id}/" for link_id in expected)
    for old in retired_items:  # its old anchor is kept on the step page, so its short leads there
        checklist, item = old.split("/")
        assert forwards[f"go/{old}/"].target.endswith(f"#item-{checklist}--{item}")
    assert forwards["go/step-2/what-to-do/"].target == "steps/tell-your-manager/#what-to-do"
    item = next(i for i in CONTENT.checklists["own-it"].items)
    assert forwards[f"go/own-it/{item.id}/"].target == f"steps/own-it/#item-own-it--{item.id}"
    # Top-level short links hold no "/" in their id, so a nested one can never take their place.
    top = {link.short for link in LINKS if link.kind in TOP_LEVEL}
    assert not top & set(forwards)


def test_the_go_pages_are_the_catalogues_entries_with_a_short_link() -> None:
    forwards = short_links(LINKS)
    shown = [
        link for link in LINKS if link.short and (link.kind != "retired" or "#item-" in link.url)
    ]
    assert [(f.path, f.target, f.title) for f in forwards] == [
        (link.short, link.url, link.title) for link in shown
    ]
    assert {link.kind for link in shown} == {*TOP_LEVEL, "section", "item", "retired"}


def test_an_example_id_that_clashes_with_a_checklist_names_both_files(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    example = data / "examples" / "duplicate-payment.yml"
    example.write_text(
        example.read_text(encoding="utf-8").replace("id: duplicate-payment", "id: own-it", 1),
        encoding="utf-8",
    )
    content = load_content(data, ROOT / "docs")
    with pytest.raises(ContentError) as caught:
        check_short_ids(content, data)
    message = str(caught.value)
    assert message.startswith("data/examples/duplicate-payment.yml:1 ")
    assert "also used in data/checklists.yml (line " in message
    assert "go/own-it/" in message


def test_a_reserved_id_cannot_become_a_short_link(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    example = data / "examples" / "wrong-delivery-date.yml"
    example.write_text(
        example.read_text(encoding="utf-8").replace("id: wrong-delivery-date", "id: index", 1),
        encoding="utf-8",
    )
    with pytest.raises(
        ContentError, match=r"wrong-delivery-date.yml:1 .*'index' cannot be a short"
    ):
        check_short_ids(load_content(data, ROOT / "docs"), data)


def write_redirects(tmp_path: Path, body: str) -> Path:
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    (data / "redirects.yml").write_text(body, encoding="utf-8")
    return data


def test_a_redirect_forwards_an_old_page_to_its_new_address(tmp_path: Path) -> None:
    data = write_redirects(
        tmp_path,
        "redirects:\n  steps/old-own-it.md: steps/own-it.md#what-to-do\n  old.md: index.md\n",
    )
    forwards = load_redirects(data, ROOT / "docs")
    assert [(f.path, f.target) for f in forwards] == [
        ("steps/old-own-it/", "steps/own-it/#what-to-do"),
        ("old/", ""),
    ]


def test_no_redirects_file_means_no_forwards(tmp_path: Path) -> None:
    assert load_redirects(tmp_path, ROOT / "docs") == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "redirects:\n  old.md: missing.md\n",
            r"redirects.yml:2 \(field 'old.md'\).*'missing.md' does",
        ),
        ("redirects:\n  index.md: about.md\n", r":2 .*the page 'index.md' still exists"),
        ("redirects:\n  ../old.md: about.md\n", r":2 .*'../old.md' is not a page path"),
        ("redirects:\n  old.md: https://example.org/\n", r":2 .*is not a page"),
        ("redirects:\n  old.md: about.md#bad anchor\n", r":2 .*is not a page"),
        ("redirects:\n  go/x.md: about.md\n", r":2 .*inside go/"),
        (
            "redirect:\n  old.md: about.md\n",
            r"redirects.yml:1: the file must hold a 'redirects:'",
        ),
        ("redirects:\n  - old.md\n", r"redirects.yml:1 \(field 'redirects'\)"),
    ],
)
def test_a_bad_redirect_stops_the_build_at_its_line(
    tmp_path: Path, body: str, expected: str
) -> None:
    data = write_redirects(tmp_path, body)
    with pytest.raises(ContentError, match=expected):
        load_redirects(data, ROOT / "docs")


def test_a_forwarding_page_escapes_and_keeps_the_fragment() -> None:
    forward = Forward(
        path="go/own-it/", target="steps/own-it/#checklist-own-it", title="<b>Own</b> it"
    )
    soup = BeautifulSoup(render_forward(forward), "lxml")
    target = "../../steps/own-it/#checklist-own-it"
    assert soup.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={target}"
    assert soup.find("link", rel="canonical")["href"] == target
    assert soup.find("a", attrs={"data-guide-forward-link": True})["href"] == target
    assert soup.find("script")["src"] == "../../assets/javascripts/go.js"
    assert soup.find("script")["data-guide-forward"] == target
    assert not soup.find("script").string
    assert soup.title.string == "<b>Own</b> it"
    assert "<b>" not in render_forward(forward)


def test_a_forward_never_overwrites_a_built_page(tmp_path: Path) -> None:
    (tmp_path / "about").mkdir()
    (tmp_path / "about" / "index.html").write_text("<p>page</p>", encoding="utf-8")
    with pytest.raises(ContentError, match="'about/' is already a page"):
        write_forwards(tmp_path, [Forward("about/", "index.html", "Home")])
    assert (tmp_path / "about" / "index.html").read_text(encoding="utf-8") == "<p>page</p>"
