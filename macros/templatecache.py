"""Compiled Jinja templates kept between builds, so a rebuild does not compile them again.

Compiling templates (ours and the theme's) is a fixed cost of every build, paid again for each
`mkdocs build` and each `mkdocs serve` reload although the templates rarely change. Jinja's
bytecode cache keys each entry on the template's name and source, so an edited template is
compiled afresh; the output is the same bytes either way. The cache lives in `.cache/templates/`
beside mkdocs.yml; it is skipped when that folder cannot be written.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemBytecodeCache

ROOT = Path(__file__).resolve().parents[1]


def bytecode_cache(root: Path = ROOT) -> FileSystemBytecodeCache | None:
    """The project's template cache, or None where it cannot be kept."""
    folder = root / ".cache" / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))
