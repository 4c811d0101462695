"""`worked_examples(severity)`: every worked example of one severity, read from data/examples/.

The examples page lists each group with this, so a new file in data/examples/ shows up there by
itself. Each story is rendered exactly as `worked_example(id)` renders it (same anchor
`#example-<id>`, same `data-example`), in the order of their titles.
"""

from __future__ import annotations

from macros.addresses import EXAMPLES_PAGE, example_anchor, short_path
from macros.components._checks import check_heading_level
from macros.content import SEVERITIES, Content
from macros.errors import MacroArgumentError
from macros.pageref import PageRef
from macros.render import render

EXAMPLES = {
    "minor": {"severity": "minor"},
    "serious": {"severity": "serious"},
    "heading-level-2": {"severity": "minor", "heading_level": 2},
}


def worked_examples(content: Content, page: PageRef, severity: str, heading_level: int = 3) -> str:
    """Render every worked example whose severity is `severity`, folded, sorted by title."""
    if severity not in SEVERITIES:
        raise MacroArgumentError(
            f"there is no severity {severity!r}",
            f"use one of: {', '.join(SEVERITIES)}",
        )
    chosen = sorted(
        (example for example in content.examples.values() if example.severity == severity),
        key=lambda example: (example.title.casefold(), example.id),
    )
    if not chosen:
        raise MacroArgumentError(
            f"no worked example in data/examples/ has the severity {severity!r}",
            f"add one with 'severity: {severity}', or take this group off the page",
        )
    current = content.step_for_page(page.src_uri)
    return render(
        "worked_examples.html",
        page,
        examples=[
            (example, example_anchor(example.id), short_path(example.id)) for example in chosen
        ],
        severity=severity,
        steps=content.steps,
        current=current.id if current else None,
        open=False,
        searchable=page.src_uri == EXAMPLES_PAGE,
        level=check_heading_level(heading_level),
    )
