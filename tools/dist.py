"""Pack a built site into a zip that is byte-identical for the same input.

Entries are sorted, carry the SOURCE_DATE_EPOCH time (the last commit's) and fixed permissions,
so two builds of one commit give one checksum a portal team can compare.
"""

from __future__ import annotations

import os
import sys
import time
import zipfile
from pathlib import Path


def write_zip(archive: Path, entries: dict[str, bytes]) -> None:
    """Write `entries` (path in the zip -> bytes) deterministically; replace `archive` at once."""
    stamp = time.gmtime(max(int(os.environ.get("SOURCE_DATE_EPOCH", "315532800")), 315532800))[:6]
    archive.parent.mkdir(parents=True, exist_ok=True)
    partial = archive.with_suffix(".zip.partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, entries[name], compresslevel=9)
    partial.replace(archive)


def pack(site: Path, archive: Path, folder: str) -> None:
    """Write every file of `site` into `archive` under `folder/`, deterministically."""
    files = sorted(p for p in site.rglob("*") if p.is_file())
    write_zip(
        archive, {f"{folder}/{p.relative_to(site).as_posix()}": p.read_bytes() for p in files}
    )


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: dist.py SITE_DIR ARCHIVE.zip")
    site_dir, target = Path(sys.argv[1]), Path(sys.argv[2])
    if not (site_dir / "index.html").is_file():
        sys.exit(f"{site_dir}/index.html is missing: run 'make build' first")
    pack(site_dir, target, target.stem)
    print(f"Packed {site_dir}/ into {target}")
