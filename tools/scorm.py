"""Pack the offline copy as SCORM 1.2 and SCORM 2004 zips (`make scorm`).

usage: scorm.py SITE_DIR DIST_DIR   (SITE_DIR: the offline copy that `make offline` built)

Both zips are built in memory first, then each replaces its old copy at once; any problem stops
with one message naming the file and the fix (macros/lms/__init__.py has the package's shape).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from macros import lms  # noqa: E402
from macros.content import load_content  # noqa: E402
from macros.errors import ContentError  # noqa: E402
from tools.dist import write_zip  # noqa: E402

NAME = "handling-mistakes-guide"


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its site_name; MkDocs' own tags (!ENV, !!python/...) are skipped."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def guide_title(root: Path) -> str:
    """The guide's title: mkdocs.yml's site_name, as every page's title shows it."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), _ConfigLoader)
    return str(config["site_name"])


def archive(dist_dir: Path, version: lms.Version) -> Path:
    """Where `make scorm` writes the zip of `version`."""
    return dist_dir / f"{NAME}-{version.key}.zip"


def build(site_dir: Path, dist_dir: Path, root: Path = ROOT) -> list[Path]:
    """Write both packages of the offline copy in `site_dir`; return their paths."""
    content = load_content(root / "data", root / "docs")
    title = guide_title(root)
    schemas = root / lms.SCHEMA_ROOT
    packages = {
        archive(dist_dir, version): lms.package_files(content, site_dir, version, title, schemas)
        for version in lms.VERSIONS
    }
    for path, entries in packages.items():
        write_zip(path, entries)
    return list(packages)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    site, dist = Path(sys.argv[1]), Path(sys.argv[2])
    if not (site / "index.html").is_file():
        sys.exit(f"{site}/index.html is missing: run 'make offline' first")
    try:
        written = build(site, dist)
    except ContentError as error:
        sys.exit(str(error))
    for path in written:
        print(f"Packed {site}/ as SCORM into {path}")
