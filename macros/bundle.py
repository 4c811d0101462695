"""Join the site's own stylesheets into one file, so a page waits on one request instead of five.

mkdocs.yml keeps one stylesheet per feature (the source of truth, in load order); the build links a
single bundle made from them in that order. Relative url()s stay valid: all live in one folder.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

BUNDLE = "assets/stylesheets/guide.bundle.css"


def bundle_plan(extra_css: list[str]) -> tuple[list[str], list[str]]:
    """Split extra_css into the files to join (ours, beside the bundle) and any to leave linked."""
    folder = posixpath.dirname(BUNDLE)
    joined = [path for path in extra_css if posixpath.dirname(path) == folder and "://" not in path]
    return joined, [path for path in extra_css if path not in joined]


def write_bundle(site_dir: Path, sources: list[str]) -> Path:
    """Concatenate `sources` (site-relative paths, already copied into the site) into the bundle."""
    parts = []
    for source in sources:
        text = (site_dir / source).read_text(encoding="utf-8")
        parts.append(f"/* ---- {posixpath.basename(source)} ---- */\n{text.rstrip()}\n")
    target = site_dir / BUNDLE
    target.write_text("\n".join(parts), encoding="utf-8")
    return target
