"""Session fixtures: the real guide, built once in-process (strict) into a temporary folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support import ROOT


@pytest.fixture(scope="session", autouse=True)
def shared_pdf_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One card-PDF cache for the session: the first build renders, fixture builds reuse it.

    Fixture sites differ in their pages, not in what the PDFs are made from, so rendering the same
    PDFs in each would only add minutes. Tests that exercise the cache set their own.
    """
    folder = tmp_path_factory.mktemp("pdf-cache")
    os.environ["GUIDE_PDF_CACHE"] = str(folder)
    return folder


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the real site once per session with mkdocs' own build, strict, and return site_dir."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    site_dir = tmp_path_factory.mktemp("site")
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    build(config)
    return site_dir
