"""`python -m macros postbuild SITE_DIR` redoes the hook's post-build work on a built folder.

Another generator (Zensical runs macros, not hooks) builds the pages; this adds the rest. Take the
real build, remove what the post-build work wrote, run the command: every file comes back the same.
"""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
from pathlib import Path

from macros.addresses import CATALOGUE_FILE, GO, PDF_FOLDER
from tests.support import ROOT

# The pages already name our published CSS and JS: postbuild publishes the same files again.
WRITTEN_AFTER_THE_PAGES = (CATALOGUE_FILE, GO, PDF_FOLDER)


def postbuild(site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "macros", "postbuild", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


def all_files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def test_postbuild_on_a_built_folder_writes_what_the_hook_wrote(
    built_site: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    for name in WRITTEN_AFTER_THE_PAGES:
        target = site / name
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    # As a generator leaves them: our stylesheets and scripts under their plain names too.
    shutil.copytree(ROOT / "overrides" / "assets", site / "assets", dirs_exist_ok=True)
    result = postbuild(site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert all_files(site) == all_files(built_site)
    differ = [
        name for name in sorted(all_files(site)) if not filecmp.cmp(site / name, built_site / name)
    ]
    assert not differ, f"postbuild wrote other bytes than the hook: {differ[:10]}"


def test_postbuild_refuses_a_folder_twice_and_a_folder_that_is_no_site(
    built_site: Path, tmp_path: Path
) -> None:
    twice = postbuild(built_site)
    assert twice.returncode == 1
    assert "post-build work already" in twice.stderr
    empty = postbuild(tmp_path)
    assert empty.returncode == 1
    assert "not a built site" in empty.stderr
