"""Vendored browser code is the published package, byte for byte, at the pinned version."""

from __future__ import annotations

import json

import pytest

from tests.support import ROOT

VENDORED = {"qrcode-generator": ("dist/qrcode.js", "qrcode-generator.js")}


@pytest.mark.slow  # reads node_modules, which make test-fast does not install
@pytest.mark.parametrize("package", sorted(VENDORED))
def test_vendored_scripts_match_the_pinned_package(package: str) -> None:
    source, copy = VENDORED[package]
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    installed = ROOT / "node_modules" / package
    assert installed.is_dir(), "run 'npm ci' (make test does)"
    meta = json.loads((installed / "package.json").read_text(encoding="utf-8"))
    assert meta["version"] == pinned[package]
    shipped = ROOT / "overrides/assets/javascripts" / copy
    assert shipped.read_bytes() == (installed / source).read_bytes(), (
        f"copy {package}/{source} to {shipped.relative_to(ROOT)} after changing its version"
    )
