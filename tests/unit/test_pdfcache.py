"""The card-PDF cache: a copy only when every input is unchanged, and it can be turned off."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from macros.printing import pdfcache
from macros.printing.options import PrintOptions
from tests.support import ROOT

OPTIONS = PrintOptions(
    site_name="Guide", public_url="", build_date=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    for name in ("data", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    (root / "macros").mkdir()
    (root / "macros" / "component.py").write_text("VALUE = 1\n", encoding="utf-8")
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def built_pdfs(site: Path, names: dict[str, bytes]) -> Path:
    folder = site / pdfcache.PDF_FOLDER
    folder.mkdir(parents=True)
    for name, data in names.items():
        (folder / name).write_bytes(data)
    return site


@pytest.mark.parametrize(
    "change",
    [
        lambda root: (root / "data" / "checklists.yml").open("a").write("\n# edited\n"),
        lambda root: (root / "macros" / "component.py").write_text("VALUE = 2\n"),
        lambda root: (
            (root / "overrides" / "assets" / "stylesheets" / "print.css").open("a").write("a{}")
        ),
        lambda root: (root / "mkdocs.yml").open("a").write("\n# edited\n"),
    ],
    ids=["data", "macros", "print.css", "mkdocs.yml"],
)
def test_any_input_change_changes_the_key(project: Path, change) -> None:
    before = pdfcache.inputs_key(project, OPTIONS)
    assert pdfcache.inputs_key(project, OPTIONS) == before
    change(project)
    assert pdfcache.inputs_key(project, OPTIONS) != before


def test_the_printed_date_is_part_of_the_key_and_the_time_is_not(project: Path) -> None:
    later = PrintOptions("Guide", "", dt.datetime(2026, 1, 2, tzinfo=dt.UTC))
    assert pdfcache.inputs_key(project, OPTIONS) != pdfcache.inputs_key(project, later)
    evening = PrintOptions("Guide", "", dt.datetime(2026, 1, 1, 23, 59, 59, tzinfo=dt.UTC))
    assert pdfcache.inputs_key(project, OPTIONS) == pdfcache.inputs_key(project, evening)


def test_store_then_restore_copies_the_same_bytes(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    site = built_pdfs(tmp_path / "site", {"a-a4.pdf": b"%PDF one", "b-a4.pdf": b"%PDF two"})
    assert pdfcache.restore(cache, "key", tmp_path / "empty") is None
    pdfcache.store(cache, "key", site)
    fresh = tmp_path / "fresh"
    assert pdfcache.restore(cache, "key", fresh) == 2
    assert (fresh / pdfcache.PDF_FOLDER / "b-a4.pdf").read_bytes() == b"%PDF two"
    assert pdfcache.restore(cache, "other-key", tmp_path / "other") is None


def test_only_the_most_recent_entries_are_kept(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    site = built_pdfs(tmp_path / "site", {"a-a4.pdf": b"%PDF"})
    for number in range(pdfcache.KEEP + 2):
        pdfcache.store(cache, f"key-{number}", site)
    assert len([p for p in cache.iterdir() if p.is_dir()]) == pdfcache.KEEP


def test_cache_folder_follows_the_environment(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("GUIDE_PDF_CACHE", raising=False)
    assert pdfcache.cache_folder(tmp_path) == tmp_path / ".cache" / "pdfs"
    monkeypatch.setenv("GUIDE_PDF_CACHE", "off")
    assert pdfcache.cache_folder(tmp_path) is None
    monkeypatch.setenv("GUIDE_PDF_CACHE", str(tmp_path / "elsewhere"))
    assert pdfcache.cache_folder(tmp_path) == tmp_path / "elsewhere"
