"""Decode QR codes the way a phone would read them, with zbarimg (Debian's zbar-tools)."""

from __future__ import annotations

import base64
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest


def zbarimg() -> str:
    """zbarimg's path; a test that needs it fails without it (.ci/run installs zbar-tools)."""
    found = shutil.which("zbarimg")
    if not found:
        pytest.fail("zbarimg is missing: install Debian's zbar-tools (apt-get install zbar-tools)")
    return found


def decode_png(data: bytes) -> list[str]:
    """Every QR code zbarimg finds in a PNG image, as text."""
    with tempfile.TemporaryDirectory() as folder:
        image = Path(folder) / "code.png"
        image.write_bytes(data)
        result = subprocess.run(
            [zbarimg(), "--raw", "--quiet", "-Sdisable", "-Sqrcode.enable", str(image)],
            capture_output=True,
            text=True,
            check=False,
        )
    return [line for line in result.stdout.splitlines() if line]


def data_url_bytes(url: str) -> bytes:
    """The bytes of a base64 `data:` address."""
    header, _, payload = url.partition(",")
    assert header.endswith(";base64"), header
    return base64.b64decode(payload)
