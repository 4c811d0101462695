"""`make build` swaps in site/ only after a successful build; a failed one leaves it as it was."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.site.test_build_reproducible import tree_digest
from tests.support import ROOT, build_env, make_fixture_site


def make(site_root: Path, target: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", target],
        cwd=site_root,
        env=build_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_a_failed_make_build_leaves_the_last_good_site_untouched(tmp_path) -> None:
    if not (ROOT / ".venv" / ".installed-from-lock").is_file():
        pytest.fail("run through 'make test', which installs .venv from the lock file first")
    site = make_fixture_site(tmp_path)
    for name in ("Makefile", "requirements.lock"):
        shutil.copy2(ROOT / name, site.root / name)
    (site.root / ".venv").symlink_to(ROOT / ".venv", target_is_directory=True)

    good = make(site.root, "build")
    assert good.returncode == 0, good.stdout + good.stderr
    before = tree_digest(site.root / "site")
    assert "index.html" in before

    site.write("docs/managers.md", "# Managers\n\n{{ checklist('no-such-checklist') }}\n")
    bad = make(site.root, "build")
    assert bad.returncode != 0
    assert "docs/managers.md:3" in bad.stdout + bad.stderr
    assert "still holds the last good build" in bad.stderr
    assert tree_digest(site.root / "site") == before
    assert list(site.root.glob(".site-build.*")) == []
