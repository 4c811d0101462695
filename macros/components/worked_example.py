"""`worked_example(id)`: one person's mistake followed through all five steps.

On a step page that step's part is highlighted, so the reader sees what matters there first.
"""

from __future__ import annotations

from macros.addresses import EXAMPLES_PAGE, example_anchor, short_path
from macros.components._checks import check_flag, check_heading_level, known_id
from macros.content import Content
from macros.pageref import PageRef
from macros.render import render

EXAMPLES = {
    "default": {"example_id": "wrong-delivery-date"},
    "open": {"example_id": "wrong-delivery-date", "open": True},
}


def worked_example(
    content: Content, page: PageRef, example_id: str, open: bool = False, heading_level: int = 3
) -> str:
    """Render the worked example `example_id`, collapsed unless `open` is true."""
    data = content.examples[known_id("worked example", example_id, content.examples)]
    check_flag("open", open)
    current = content.step_for_page(page.src_uri)
    return render(
        "worked_example.html",
        page,
        example=data,
        anchor=example_anchor(data.id),
        example_short=short_path(data.id),
        steps=content.steps,
        current=current.id if current else None,
        open=open,
        # Only the examples page's copy goes into search: each story is listed once.
        searchable=page.src_uri == EXAMPLES_PAGE,
        level=check_heading_level(heading_level),
    )
