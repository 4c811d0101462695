"""Two builds of one commit are byte-identical, whatever the directory or the day they ran on."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import sys
from pathlib import Path

from tests.support import ROOT, make_fixture_site

PAST = dt.datetime(2024, 3, 1, 12, 0, tzinfo=dt.UTC)


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_two_builds_in_different_directories_are_identical(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(PAST.timestamp())))
    first = make_fixture_site(tmp_path / "a")
    second = make_fixture_site(tmp_path / "b")
    for site in (first, second):
        result = site.build()
        assert result.returncode == 0, result.stdout + result.stderr
    a, b = tree_digest(first.root / "site"), tree_digest(second.root / "site")
    assert a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []

    # The build takes its dates from SOURCE_DATE_EPOCH, never from the clock: today's date shows
    # up in the output only if an author wrote it into the content (say, a review date).
    today = dt.date.today().isoformat()
    written = any(
        today in path.read_text(encoding="utf-8")
        for folder in ("data", "docs")
        for path in (first.root / folder).rglob("*")
        if path.suffix in (".yml", ".md")
    )
    stamped = [
        name
        for name in a
        if name.endswith((".html", ".xml", ".json"))
        and today in (first.root / "site" / name).read_text(encoding="utf-8")
    ]
    assert written or stamped == []
    # Printed pages carry the content's review date, never the build date.
    home = (first.root / "site" / "index.html").read_text(encoding="utf-8")
    assert "Last reviewed " in home
    assert PAST.date().isoformat() not in home


def test_dist_zip_is_reproducible(built_site: Path, tmp_path: Path) -> None:
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(int(PAST.timestamp())))
    digests = []
    for name in ("one", "two"):
        archive = tmp_path / name / "handling-mistakes-guide.zip"
        subprocess.run(
            [sys.executable, str(ROOT / "tools" / "dist.py"), str(built_site), str(archive)],
            check=True,
            env=env,
            capture_output=True,
        )
        digests.append(hashlib.sha256(archive.read_bytes()).hexdigest())
    assert digests[0] == digests[1]
