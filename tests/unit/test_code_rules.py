"""House rules a linter does not know: no references to an issue tracker the code cannot see."""

from __future__ import annotations

import re
import subprocess

from tests.support import ROOT

_ISSUE_TAG = re.compile(r"\(issues? #?\d+\)|\bissue #?\d+\b", re.IGNORECASE)
SOURCES = ("*.py", "*.js", "*.css", "*.html", "Makefile", "*.yml")


def test_no_issue_numbers_in_code() -> None:
    files = subprocess.run(
        ["git", "ls-files", "--", *SOURCES], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert len(files) > 50, "the rule must see the code"
    found = [
        f"{name}:{number}: {line.strip()}"
        for name in files
        if (ROOT / name).is_file()
        for number, line in enumerate(
            (ROOT / name).read_text(encoding="utf-8", errors="replace").splitlines(), start=1
        )
        if _ISSUE_TAG.search(line)
    ]
    assert not found, (
        "Code and comments say why, not which issue asked for it (there is no tracker to "
        "follow):\n  " + "\n  ".join(found)
    )
