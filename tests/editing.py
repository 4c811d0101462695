"""Edits an editor makes to a copy of the guide, found by id and field, never by today's wording.

Each helper reads the data it changes, so it works on any correct content.
"""

from __future__ import annotations

import re

from macros.content import load_content
from tests.support import FixtureSite


def _lines(site: FixtureSite, relative: str) -> list[str]:
    return (site.root / relative).read_text(encoding="utf-8").split("\n")


def _save(site: FixtureSite, relative: str, lines: list[str]) -> None:
    (site.root / relative).write_text("\n".join(lines), encoding="utf-8")


def _index(lines: list[str], pattern: str, start: int = 0) -> int:
    """The first line at or after `start` matching `pattern`."""
    compiled = re.compile(pattern)
    for number in range(start, len(lines)):
        if compiled.match(lines[number]):
            return number
    raise AssertionError(f"no line matches {pattern!r}")


def set_line(site: FixtureSite, relative: str, pattern: str, new: str, after: str = "") -> int:
    """Replace the first line matching `pattern` (after the line matching `after`); its number."""
    lines = _lines(site, relative)
    number = _index(lines, pattern, _index(lines, after) if after else 0)
    lines[number] = new
    _save(site, relative, lines)
    return number + 1


def set_setting(site: FixtureSite, key: str, value: str, block: str = "") -> int:
    """Set a data/site.yml value (`colors` + `primary` for a nested one); returns its line."""
    indent = "  " if block else ""
    pattern = rf"^{indent}{key}:"
    after = rf"^{block}:" if block else ""
    return set_line(site, "data/site.yml", pattern, f"{indent}{key}: {value}", after)


def first_checklist(site: FixtureSite):
    """The first checklist of the copy's data, read as the build reads it."""
    content = load_content(site.data, site.docs)
    return next(iter(content.checklists.values()))


def checklist_field(site: FixtureSite, checklist_id: str, field: str, value: str) -> int:
    """Set a checklist's own field (title, why); returns its line."""
    return set_line(
        site,
        "data/checklists.yml",
        rf"^    {field}:",
        f"    {field}: {value}",
        rf"^  - id: {checklist_id}$",
    )


def item_text(site: FixtureSite, item_id: str, text: str) -> int:
    """Reword an item, found by its id; returns the line of its text."""
    return set_line(
        site,
        "data/checklists.yml",
        r"^        text:",
        f"        text: {text}",
        rf"^      - id: {item_id}$",
    )


def _item_block(lines: list[str], item_id: str) -> tuple[int, int]:
    start = _index(lines, rf"^      - id: {item_id}$")
    end = start + 1
    while end < len(lines) and lines[end].startswith("        "):
        end += 1
    return start, end


def add_item(site: FixtureSite, after_item: str, item_id: str, text: str, indent: int = 6) -> int:
    """Insert a new item after an existing one (`indent` spaces before '- id'); its first line."""
    lines = _lines(site, "data/checklists.yml")
    _, end = _item_block(lines, after_item)
    pad = " " * indent
    lines[end:end] = [f"{pad}- id: {item_id}", f"{pad}  text: {text}"]
    _save(site, "data/checklists.yml", lines)
    return end + 1


def remove_item(site: FixtureSite, item_id: str) -> None:
    """Delete an item's whole block from data/checklists.yml."""
    lines = _lines(site, "data/checklists.yml")
    start, end = _item_block(lines, item_id)
    _save(site, "data/checklists.yml", lines[:start] + lines[end:])


def retire(site: FixtureSite, old: str, now: str) -> None:
    """Add `old: now` under `retired:` in data/redirects.yml (creating the block if needed)."""
    path = site.data / "redirects.yml"
    text = path.read_text(encoding="utf-8")
    if re.search(r"^retired:\s*\{\}\s*$", text, re.MULTILINE):
        text = re.sub(r"^retired:\s*\{\}\s*$", "retired:", text, flags=re.MULTILINE)
    elif not re.search(r"^retired:", text, re.MULTILINE):
        text = text.rstrip("\n") + "\nretired:"
    text = text.rstrip("\n") + f"\n  {old}: {now}\n"
    path.write_text(text, encoding="utf-8")


def reword_heading(site: FixtureSite, page: str, heading_id: str, words: str) -> int:
    """Give the `##` heading with this id new words, keeping its id; returns its line."""
    return set_line(
        site,
        f"docs/{page}",
        rf"^## .*\{{#{re.escape(heading_id)}\}}",
        f"## {words} {{#{heading_id}}}",
    )


def show_example(site: FixtureSite, page: str, example_id: str) -> int:
    """Show an example on a step page, as the last one under 'Worked examples'; its line."""
    lines = _lines(site, f"docs/{page}")
    start = _index(lines, r"^## .*\{#examples\}")
    end = _index(lines, r"^## ", start + 1)
    lines[end:end] = [f'{{{{ worked_example("{example_id}") }}}}', ""]
    _save(site, f"docs/{page}", lines)
    return end + 1


def add_paragraph(site: FixtureSite, page: str, text: str) -> None:
    """Add a paragraph at the end of a page."""
    path = site.docs / page
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{text}\n", "utf-8")
