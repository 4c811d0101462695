"""Collapse the theme's indentation in built pages: fewer bytes, the same page on screen.

A browser shows a run of whitespace in ordinary text as one space (or, under `white-space:
pre-line`, a line break), so each run outside tags becomes one newline when it holds one, else one
space. What a browser shows as written is copied byte for byte: the inside of every tag (attribute
values), comments, and the elements whose whitespace counts: pre, textarea, script and style, and
code and kbd, which the theme's CSS sets to `white-space: pre-wrap`. Pages are rewritten after the
build, so the search index (made from the pages' content during the build) does not change.
"""

from __future__ import annotations

import re
from pathlib import Path

# Elements kept byte for byte. Raw text ones hold no tags, so their content is matched whole.
_RAW_TEXT = ("script", "style", "textarea")
_KEPT = frozenset({"pre", "code", "kbd"})
_ATTRIBUTES = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
_TOKEN = re.compile(
    rf"<!--.*?-->"
    rf"|<(?P<raw>{'|'.join(_RAW_TEXT)})\b{_ATTRIBUTES}>.*?</(?P=raw)\s*>"
    rf"|<(?P<end>/?)(?P<name>[a-zA-Z][a-zA-Z0-9-]*){_ATTRIBUTES}>"
    rf"|<![^>]*>",
    re.DOTALL | re.IGNORECASE,
)
# HTML's whitespace: not Python's \s, which also takes the no-break space.
_SPACE = re.compile(r"[ \t\n\r\f]+")


def _one(match: re.Match[str]) -> str:
    return "\n" if "\n" in match[0] else " "


def collapse(html: str) -> str:
    """`html` with each whitespace run in text outside kept elements cut to one character."""
    out: list[str] = []
    kept = 0  # open pre, code and kbd elements around the current text
    end = 0
    for match in _TOKEN.finditer(html):
        text = html[end : match.start()]
        out.append(text if kept else _SPACE.sub(_one, text))
        out.append(match[0])
        end = match.end()
        name = (match["name"] or "").lower()
        if name in _KEPT:
            kept = max(0, kept - 1) if match["end"] else kept + 1
    tail = html[end:]
    out.append(tail if kept else _SPACE.sub(_one, tail))
    return "".join(out)


def collapse_pages(site_dir: Path) -> None:
    """Collapse the whitespace of every page in the built folder."""
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        changed = collapse(html)
        if changed != html:
            page.write_text(changed, encoding="utf-8")
