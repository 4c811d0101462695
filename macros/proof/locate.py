"""Find where words a check found in the built site were written: a page of docs/ or a data file."""

from __future__ import annotations

import re
from pathlib import Path

_APOSTROPHE = "['\u2018\u2019`]?"


def _pattern(words: list[str]) -> re.Pattern[str]:
    """Words in order, any marks or line breaks between them, apostrophes optional inside."""
    parts = [_APOSTROPHE.join(re.escape(letter) for letter in word) for word in words]
    return re.compile(r"\b" + r"[\W_]+".join(parts) + r"\b", re.IGNORECASE)


def page_source(root: Path, page: str) -> Path | None:
    """The Markdown source of a built page name ('steps/own-it/', '/'), if it has one."""
    stem = page.strip("/") or "index"
    for candidate in (f"docs/{stem}.md", f"docs/{stem}/index.md"):
        if (root / candidate).is_file():
            return root / candidate
    return None


def candidates(root: Path, page: str | None = None) -> list[Path]:
    """Where text on `page` can come from: its own source first, then data/, then every page."""
    first = [source] if page and (source := page_source(root, page)) else []
    rest = sorted((root / "data").rglob("*.yml")) + sorted((root / "docs").rglob("*.md"))
    return first + [path for path in rest if path not in first]


def locate(root: Path, words: list[str], page: str | None = None) -> tuple[str, int | None]:
    """(file relative to root, line) of the first place `words` are written, else the page."""
    pattern = _pattern(words)
    for path in candidates(root, page):
        text = path.read_text(encoding="utf-8", errors="replace")
        match = pattern.search(text)
        if match:
            return path.relative_to(root).as_posix(), text.count("\n", 0, match.start()) + 1
    source = page_source(root, page) if page else None
    return (source.relative_to(root).as_posix() if source else f"the page {page}"), None
