"""Helpers shared by the test layers: paths, building the real site, and small fixture sites."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
_HEADING = re.compile(r"^# (.+?)(?:\s*\{#[^}]*\})?\s*$", re.MULTILINE)


def free_port() -> int:
    """A local port nothing listens on now, for a server a test starts itself."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def page_title(page: str, docs: Path = ROOT / "docs") -> str:
    """A page's title as its author wrote it, so tests follow a reworded heading."""
    found = _HEADING.search((docs / page).read_text(encoding="utf-8"))
    if not found:
        raise ValueError(f"{page} has no '# ' heading")
    return found.group(1)


def nav_label(page: str) -> str:
    """The label mkdocs.yml's navigation gives a page, so tests follow a renamed entry."""
    nav = re.search(
        rf"^\s*- (.+): {re.escape(page)}\s*$", (ROOT / "mkdocs.yml").read_text("utf-8"), re.M
    )
    if not nav:
        raise ValueError(f"mkdocs.yml's nav has no labelled entry for {page}")
    return nav.group(1)


def build_env() -> dict[str, str]:
    """The environment `make build` gives mkdocs, for subprocess builds of fixture sites."""
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.setdefault("SOURCE_DATE_EPOCH", "1764000000")
    return env


@dataclass
class FixtureSite:
    """A copy of the real project (docs, data, mkdocs.yml) that a test may break on purpose."""

    root: Path

    @property
    def docs(self) -> Path:
        """The fixture's docs/ folder."""
        return self.root / "docs"

    @property
    def data(self) -> Path:
        """The fixture's data/ folder."""
        return self.root / "data"

    def write(self, relative: str, text: str) -> Path:
        """Create or replace a file below the fixture root."""
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def replace(self, relative: str, old: str, new: str) -> None:
        """Edit a file, failing loudly when the text to replace is not there."""
        path = self.root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not found in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def build(self, site_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
        """Run a strict mkdocs build in a subprocess, as `make build` does."""
        target = site_dir or self.root / "site"
        return subprocess.run(
            [PYTHON, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)],
            cwd=self.root,
            env=build_env(),
            capture_output=True,
            text=True,
            timeout=300,
        )


def make(root: Path, *targets: str, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    """Run `make` in a project copy with this interpreter's virtual environment."""
    venv = Path(PYTHON).parent.parent
    return subprocess.run(
        ["make", "--no-print-directory", *targets, f"VENV={venv}"],
        cwd=root,
        env=build_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def make_project_copy(tmp_path: Path) -> FixtureSite:
    """A fixture site `make build` and `make check` run in: also the Makefile and the link lock."""
    site = make_fixture_site(tmp_path)
    for name in ("Makefile", "requirements.lock"):  # copy2 keeps the time: no reinstall
        shutil.copy2(ROOT / name, site.root / name)
    (site.root / "tests").mkdir()
    shutil.copy2(ROOT / "tests" / "links.lock.json", site.root / "tests" / "links.lock.json")
    shutil.copytree(ROOT / "tests" / "fixtures" / "source", site.root / "tests/fixtures/source")
    return site


def make_fixture_site(tmp_path: Path) -> FixtureSite:
    """Copy the real guide into `tmp_path`; macros/ and overrides/ are linked, not copied."""
    root = tmp_path / "guide"
    root.mkdir(parents=True)
    for name in ("docs", "data"):
        shutil.copytree(ROOT / name, root / name)
    for name in ("macros", "overrides"):
        (root / name).symlink_to(ROOT / name, target_is_directory=True)
    for name in ("mkdocs.yml",):
        shutil.copy2(ROOT / name, root / name)
    return FixtureSite(root)
