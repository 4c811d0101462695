"""`worked_example(id)`: one person's mistake followed through all five steps.

On a step page that step's part is highlighted, so the reader sees what matters there first.
"""

from __future__ import annotations

from macros.components._checks import check_flag, check_heading_level, known_id
from macros.content import Content
from macros.render import PageRef, render

# The one page whose copy of each example goes into the search index; copies elsewhere are left
# out, so a search lists each story once and the index stays small.
SEARCH_PAGE = "examples/index.md"

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
        steps=content.steps,
        current=current.id if current else None,
        open=open,
        searchable=page.src_uri == SEARCH_PAGE,
        level=check_heading_level(heading_level),
    )
