"""`step_link(id)`: a Markdown link to a step, so pages never hard-code a step's address.

It returns Markdown, not HTML, so MkDocs checks the link like any other.
"""

from __future__ import annotations

from macros.addresses import relative_source
from macros.components._checks import known_id, plain_words
from macros.content import Content
from macros.pageref import PageRef

EXAMPLES = {
    "default": {"step_id": "step-2"},
    "own-text": {"step_id": "step-2", "text": "tell your manager"},
}


def step_link(content: Content, page: PageRef, step_id: str, text: str | None = None) -> str:
    """`[Step N: Title](relative/page.md)`, or with `text` as the link text."""
    step = content.step(known_id("step", step_id, (s.id for s in content.steps)))
    label = f"Step {step.number}: {step.title}" if text is None else plain_words("text", text)
    return f"[{label}]({relative_source(page.src_uri, step.page)})"
