"""Session fixtures: the real guide, built once in-process (strict) into a temporary folder."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support import PYTHON, ROOT, build_env


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


@dataclass
class OfflineBuild:
    """The offline copy (mkdocs.offline.yml), built once per session: offline and SCORM tests."""

    site: Path
    process: subprocess.CompletedProcess[str]

    def require(self) -> Path:
        """The built folder, or a failure that quotes the build's own error."""
        if self.process.returncode != 0:
            tail = "\n".join(self.process.stderr.strip().splitlines()[-25:])
            raise AssertionError(f"the offline build failed:\n{tail}")
        return self.site


@pytest.fixture(scope="session")
def offline_build(tmp_path_factory: pytest.TempPathFactory) -> OfflineBuild:
    """Build the offline copy once, as `make offline` does (strict, in a subprocess)."""
    site = tmp_path_factory.mktemp("offline") / "site"
    config = ROOT / "mkdocs.offline.yml"
    process = subprocess.run(
        [PYTHON, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
        cwd=ROOT,
        env=build_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    return OfflineBuild(site, process)


@dataclass
class ScormPackages:
    """The SCORM zips packed from the session's offline copy, as `make scorm` packs them."""

    folder: Path
    process: subprocess.CompletedProcess[str]

    def zip(self, version: str) -> Path:
        """The zip of `version` ('scorm12' or 'scorm2004'), or a failure quoting the packer."""
        assert self.process.returncode == 0, self.process.stdout + self.process.stderr
        return self.folder / f"handling-mistakes-guide-{version}.zip"


def pack_scorm(site: Path, folder: Path) -> subprocess.CompletedProcess[str]:
    """Run tools/scorm.py on a built offline copy, as `make scorm` does."""
    return subprocess.run(
        [PYTHON, str(ROOT / "tools" / "scorm.py"), str(site), str(folder)],
        cwd=ROOT,
        env=build_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="session")
def scorm_packages(
    offline_build: OfflineBuild, tmp_path_factory: pytest.TempPathFactory
) -> ScormPackages:
    """Both SCORM packages of this session's offline copy."""
    folder = tmp_path_factory.mktemp("scorm")
    return ScormPackages(folder, pack_scorm(offline_build.require(), folder))
