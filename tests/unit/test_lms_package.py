"""macros/lms: what goes into a SCORM package, on a small built folder (no MkDocs, no build)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from macros import lms
from macros.errors import ContentError
from tests.support import ROOT
from tests.unit.datasets import Dataset, make_dataset

SCHEMAS = ROOT / lms.SCHEMA_ROOT


@pytest.fixture
def data(tmp_path: Path) -> Dataset:
    return make_dataset(tmp_path / "project")


def tiny_site(folder: Path, checks: list[dict] | None = None) -> Path:
    """A built folder with what the packer reads: pages, links.json and maybe checks.json."""
    (folder / "steps").mkdir(parents=True)
    (folder / "index.html").write_text("<!doctype html><title>Home</title>", "utf-8")
    (folder / "404.html").write_text('<!doctype html><link href="/assets/x.css">', "utf-8")
    (folder / "steps" / "own-it.html").write_text("<!doctype html><title>3</title>", "utf-8")
    links = [
        {"kind": "page", "url": "index.html", "title": "Start here"},
        {"kind": "step", "url": "steps/own-it.html", "title": "Step 3: Own it"},
        {"kind": "section", "url": "steps/own-it.html#why", "title": "Why"},
    ]
    (folder / "links.json").write_text(json.dumps({"links": links}), "utf-8")
    if checks is not None:
        (folder / "checks.json").write_text(json.dumps({"questions": checks}), "utf-8")
    return folder


@pytest.mark.parametrize("version", lms.VERSIONS, ids=lambda v: v.key)
def test_a_package_lists_every_file_and_adds_launch_page_and_schemas(
    data: Dataset, tmp_path: Path, version: lms.Version
) -> None:
    site = tiny_site(tmp_path / "site")
    files = lms.package_files(data.load(), site, version, "A guide", SCHEMAS)
    manifest = files.pop(lms.MANIFEST).decode("utf-8")
    for name in files:
        assert f'<file href="{name}"/>' in manifest
    assert {"index.html", "steps/own-it.html", lms.LAUNCH_PAGE, *version.schemas} <= set(files)
    assert "404.html" not in files  # it links from the host's root, which is not the package
    assert f'href="{lms.LAUNCH_PAGE}"' in manifest and "<title>A guide</title>" in manifest


def test_identifiers_come_from_the_guide_id_and_never_change(data: Dataset) -> None:
    ids = lms.identifiers("handling-mistakes")
    assert ids == lms.identifiers("handling-mistakes")
    assert set(ids.values()) == {
        "guide-handling-mistakes",
        "guide-handling-mistakes-organization",
        "guide-handling-mistakes-item",
        "guide-handling-mistakes-sco",
    }
    assert (
        lms.identifiers("2nd-guide")["manifest"] == "guide-2nd-guide"
    )  # an XML ID: no digit first


def test_launch_settings_name_this_builds_steps_items_questions_and_pages(
    data: Dataset, tmp_path: Path
) -> None:
    question = {"id": "q-one", "rev": "abc123", "best": "b", "page": "check.html"}
    site = tiny_site(tmp_path / "site", checks=[question])
    settings = lms.launch_settings(data.load(), site, lms.SCORM12)
    assert settings["scorm"] == "1.2"
    assert json.loads(settings["storage"]) == {
        "ticks": "guide:handling-mistakes:ticks:v1",
        "answers": "guide:handling-mistakes:answers:v1",
    }
    assert (settings["completion"], settings["pass-mark"]) == ("steps", "80")
    steps = json.loads(settings["steps"])
    assert steps[2] == ["step-3", "steps/own-it.html"] and len(steps) == 5
    assert json.loads(settings["checklists"])["tell-your-manager"] == [
        "tell-them-now",
        "say-it-plainly",
    ]
    assert json.loads(settings["questions"]) == [["q-one", "abc123", "b"]]
    assert json.loads(settings["pages"]) == {
        "index.html": "Start here",
        "steps/own-it.html": "Step 3: Own it",
    }


def test_the_check_rule_without_checks_json_stops_the_package(
    data: Dataset, tmp_path: Path
) -> None:
    data.replace("site.yml", 'logo: ""\n', 'logo: ""\nlms:\n  completion: check\n')
    with pytest.raises(ContentError) as caught:
        lms.package_files(data.load(), tiny_site(tmp_path / "site"), lms.SCORM12, "G", SCHEMAS)
    assert "needs checks.json" in str(caught.value) and "lms.completion" in str(caught.value)


@pytest.mark.parametrize("taken", [lms.LAUNCH_PAGE, lms.MANIFEST, "imscp_rootv1p1p2.xsd"])
def test_a_site_file_the_package_would_overwrite_stops_it(
    data: Dataset, tmp_path: Path, taken: str
) -> None:
    site = tiny_site(tmp_path / "site")
    (site / taken).write_text("mine", "utf-8")
    with pytest.raises(ContentError) as caught:
        lms.package_files(data.load(), site, lms.SCORM12, "G", SCHEMAS)
    assert f"already has a file '{taken}'" in str(caught.value)


def test_a_missing_schema_says_to_install_the_npm_package(data: Dataset, tmp_path: Path) -> None:
    with pytest.raises(ContentError) as caught:
        lms.package_files(data.load(), tiny_site(tmp_path / "s"), lms.SCORM12, "G", tmp_path)
    assert "npm ci" in str(caught.value)
