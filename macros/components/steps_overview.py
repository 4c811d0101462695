"""`steps_overview()`: the five steps as numbered step-by-step navigation (the GOV.UK model).

Each step links to its page; on a step page that step is marked as current. Each step with items
has a status ("Not started" in the page, so a first visit needs no script; ticks.js shows "In
progress" and "Done" where ticks are saved); the guide id and the step's item ids let it count.
"""

from __future__ import annotations

from macros.content import Content
from macros.pageref import PageRef
from macros.render import render

EXAMPLES = {"on-home-page": {}, "compact": {"compact": True}}


def steps_overview(content: Content, page: PageRef, compact: bool = False) -> str:
    """Render the numbered list of steps for `page`."""
    current = content.step_for_page(page.src_uri)
    return render(
        "steps_overview.html",
        page,
        steps=content.steps,
        current=current.id if current else None,
        urls={step.id: page.link_to_page(step.page) for step in content.steps},
        compact=bool(compact),
        guide_id=content.settings.guide_id,
        items={step.id: _item_keys(content, step.id) for step in content.steps},
    )


def _item_keys(content: Content, step_id: str) -> list[str]:
    """Every `checklist/item` id of a step, so the ticks script can tell "done" on the overview."""
    return [f"{c.id}/{item.id}" for c in content.checklists_for_step(step_id) for item in c.items]
