"""`scenario_handouts()`: every worked example as a workshop handout, one per printed sheet.

A handout gives the situation and questions to talk through, not what the person did: the group
works it out first, and the trainer reveals the story (linked on the examples page) afterwards.
"""

from __future__ import annotations

from macros.addresses import EXAMPLES_PAGE, example_anchor
from macros.content import Content
from macros.pageref import PageRef
from macros.render import render

EXAMPLES = {"default": {}}


def scenario_handouts(content: Content, page: PageRef) -> str:
    """Render a handout per worked example, sorted by title, each its own sheet on paper."""
    chosen = sorted(content.examples.values(), key=lambda e: (e.title.casefold(), e.id))
    return render(
        "scenario_handouts.html",
        page,
        examples=[
            (example, page.link_to_page(EXAMPLES_PAGE, example_anchor(example.id)))
            for example in chosen
        ],
    )
