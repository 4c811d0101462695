"""Ruff's lint and format checks are part of the suite, so style drift fails `make test`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.support import ROOT

RUFF = Path(sys.executable).parent / "ruff"


def test_ruff_check_passes() -> None:
    result = subprocess.run([RUFF, "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean() -> None:
    result = subprocess.run(
        [RUFF, "format", "--check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
