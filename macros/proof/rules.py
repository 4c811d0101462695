"""Content rules an author can break and the build cannot see: step page shape and placement.

Read from the Markdown sources, so each problem names the page and line an author edits. Every
step page has the same blocks, in order, each a `##` heading with its published id; every
checklist is shown on a page; every worked example is shown on at least one step page, and each
step page shows two or more examples from different jobs.
"""

from __future__ import annotations

import re
from pathlib import Path

from macros.catalogue import read_source_page
from macros.content import Content
from macros.errors import ContentError

STEP_BLOCKS = {
    "in-short": "In short",
    "why-it-matters": "Why it matters",
    "what-to-do": "What to do",
    "what-to-avoid": "What to avoid",
    "what-to-say": "What to say or write",
    "examples": "Worked examples",
    "practice": "What would you do?",
    "key-points": "Key points",
}
MIN_EXAMPLES = 2
_CALL = re.compile(r"\b(checklist|worked_example)\s*\(\s*(?:[a-z_]+\s*=\s*)?[\"']([^\"']+)[\"']")
_H2 = re.compile(r"^##\s")


def calls(text: str, macro: str) -> list[tuple[str, int]]:
    """(id, line) of every `macro("id")` call in a page's source."""
    return [
        (found[2], number)
        for number, line in enumerate(text.splitlines(), start=1)
        for found in _CALL.finditer(line)
        if found[1] == macro
    ]


def _h2_lines(text: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), start=1) if _H2.match(line)]


def step_page_problems(name: str, text: str) -> list[ContentError]:
    """The step page's `##` blocks must be STEP_BLOCKS' ids, in that order, each once."""
    found = [section.id for section in read_source_page(name, text).sections]
    expected = list(STEP_BLOCKS)
    if found == expected:
        return []
    missing = [block for block in expected if block not in found]
    if missing:
        block = missing[0]
        return [
            ContentError(
                file=name,
                message=f"the step page has no block with the id '{block}'",
                fix=(
                    f"keep the heading '## {STEP_BLOCKS[block]} {{#{block}}}' (you may reword it, "
                    f"but keep '{{#{block}}}' at its end); the blocks, in order: "
                    + ", ".join(expected)
                ),
            )
        ]
    return [
        ContentError(
            file=name,
            line=_h2_lines(text)[0] if _h2_lines(text) else None,
            message=f"the step page's blocks are in the order {', '.join(found)}",
            fix=f"put them in this order, each once: {', '.join(expected)}",
        )
    ]


def _block_of(text: str, line: int) -> str | None:
    """The id of the `##` block a line sits in."""
    current = None
    for number, row in enumerate(text.splitlines(), start=1):
        if number > line:
            break
        if _H2.match(row):
            sections = read_source_page("", row).sections
            current = sections[0].id if sections else None
    return current


def placement_problems(root: Path, content: Content) -> list[ContentError]:
    """Every checklist on a page; every example on a step page, 2+ from different jobs on each."""
    docs = root / "docs"
    pages = {
        path.relative_to(root).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(docs.rglob("*.md"))
    }
    step_pages = {f"docs/{step.page}": step for step in content.steps}
    problems = []
    shown = {
        macro: {i for text in pages.values() for i, _ in calls(text, macro)}
        for macro in ("checklist", "worked_example")
    }
    for checklist in sorted(set(content.checklists) - shown["checklist"]):
        problems.append(
            ContentError(
                file="data/checklists.yml",
                record=checklist,
                message="no page shows this checklist",
                fix=f'add {{{{ checklist("{checklist}") }}}} to its step page, under "What to do"',
            )
        )
    on_steps = {i for name in step_pages for i, _ in calls(pages.get(name, ""), "worked_example")}
    for example in sorted(set(content.examples) - on_steps):
        problems.append(
            ContentError(
                file=content.examples[example].source,
                record=example,
                message="no step page shows this worked example (the examples page lists it "
                "by itself; a step page must show it too)",
                fix=f'add {{{{ worked_example("{example}") }}}} under "## Worked examples" '
                "on the step page whose lesson it shows best",
            )
        )
    for name, step in step_pages.items():
        text = pages.get(name, "")
        problems += step_page_problems(name, text)
        examples = [(i, line) for i, line in calls(text, "worked_example") if i in content.examples]
        outside = [(i, line) for i, line in examples if _block_of(text, line) != "examples"]
        for example, line in outside:
            problems.append(
                ContentError(
                    file=name,
                    line=line,
                    message=f"the worked example '{example}' is outside the Worked examples block",
                    fix="move the line under the heading '## Worked examples {#examples}'",
                )
            )
        jobs = {content.examples[i].job for i, _ in examples}
        if len(examples) < MIN_EXAMPLES or len(jobs) < len(examples):
            problems.append(
                ContentError(
                    file=name,
                    record=step.id,
                    message=f"the step page shows {len(examples)} worked example(s) from "
                    f"{len(jobs)} different job(s)",
                    fix=f"show {MIN_EXAMPLES} or more worked examples, each from a different job",
                )
            )
    return problems
