"""Card PDFs reused from the last build whose inputs were the same, so a rebuild skips WeasyPrint.

Rendering the PDFs (and importing WeasyPrint) is most of a build's time, while editors mostly change
pages, not checklists. The PDFs are deterministic, so a copy made from the same inputs is the same
bytes. The key is deliberately wide: every file under data/, macros/ and overrides/, docs/assets/,
mkdocs.yml, the print options and the versions of Python, WeasyPrint and its PDF writer. Any change
there renders every PDF again. The build date counts as paper shows it, the day: a build without
SOURCE_DATE_EPOCH (`mkdocs build`, `mkdocs serve`) reuses the PDFs of an earlier build that day.

The cache lives in `.cache/pdfs/` beside mkdocs.yml; GUIDE_PDF_CACHE names another folder, or
`off` turns it off.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from macros.addresses import PDF_FOLDER
from macros.content import Content
from macros.printing.options import PrintOptions

INPUT_FOLDERS = ("data", "macros", "overrides", "docs/assets")
INPUT_FILES = ("mkdocs.yml",)
MANIFEST = "manifest.json"
KEEP = 4  # entries kept: a few branches or paper settings, never an unbounded folder


def cache_folder(root: Path) -> Path | None:
    """Where cached PDFs live for the project at `root`, or None when the cache is off."""
    setting = os.environ.get("GUIDE_PDF_CACHE", "").strip()
    if setting.lower() in {"off", "0", "false", "no"}:
        return None
    return Path(setting) if setting else root / ".cache" / "pdfs"


def inputs_key(root: Path, options: PrintOptions) -> str:
    """A digest of everything a card PDF is made from."""
    digest = hashlib.sha256()
    for part in (
        repr(options.printed),
        sys.version,
        version("weasyprint"),
        version("pydyf"),
    ):
        digest.update(part.encode() + b"\0")
    files = [root / name for name in INPUT_FILES]
    for folder in INPUT_FOLDERS:
        for current, dirs, names in os.walk(root / folder, followlinks=True):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            files += [Path(current) / name for name in sorted(names)]
    for path in files:
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def restore(folder: Path, key: str, site_dir: Path) -> int | None:
    """Copy the cached PDFs for `key` into the site; their number, or None when not cached."""
    entry = folder / key
    try:
        names = json.loads((entry / MANIFEST).read_text(encoding="utf-8"))["pdfs"]
        target = site_dir / PDF_FOLDER
        target.mkdir(parents=True, exist_ok=True)
        for name in names:
            shutil.copyfile(entry / name, target / name)
        os.utime(entry)  # most recently used: kept longest
    except (OSError, ValueError, KeyError):
        return None
    return len(names)


def store(folder: Path, key: str, site_dir: Path) -> None:
    """Keep this build's PDFs for the next build; another build writing the same key is fine."""
    source = site_dir / PDF_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".partial-", dir=folder))
    names = sorted(path.name for path in source.glob("*.pdf"))
    for name in names:
        shutil.copyfile(source / name, staging / name)
    (staging / MANIFEST).write_text(json.dumps({"pdfs": names}), encoding="utf-8")
    try:
        staging.rename(folder / key)
    except OSError:  # the same entry was stored meanwhile
        shutil.rmtree(staging, ignore_errors=True)
    entries = sorted(
        (p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in entries[KEEP:]:
        shutil.rmtree(old, ignore_errors=True)


def card_pdfs(
    root: Path, site_dir: Path, content: Content, options: PrintOptions
) -> tuple[int, float, bool]:
    """Write every card PDF into the site, from the cache when its inputs are unchanged.

    Returns the number of PDFs, the seconds taken and whether they came from the cache.
    WeasyPrint is imported only when the PDFs must be rendered.
    """
    start = time.perf_counter()
    folder = cache_folder(root)
    key = inputs_key(root, options) if folder else ""
    if folder:
        count = restore(folder, key, site_dir)
        if count is not None:
            return count, time.perf_counter() - start, True
    from macros.printing import pdfs  # here, not at the top: WeasyPrint takes long to import

    written = pdfs.card_pdfs(site_dir, content, options)
    if folder:
        store(folder, key, site_dir)
    return len(written), time.perf_counter() - start, False
