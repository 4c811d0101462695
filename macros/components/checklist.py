"""`checklist(id)`: a checklist as real checkboxes with visible labels.

Markup contract (scripts, print and links rely on it): the wrapper carries `data-checklist`, each
item `data-item` and a page-unique DOM id, and each native checkbox is named by its label. The
progress line ("0 of 5 done", a polite live region) is in the page before ticks.js loads on the
first tick, so that tick is heard.
"""

from __future__ import annotations

from macros.addresses import card_page, checklist_anchor, item_anchor, short_path
from macros.components._checks import check_flag, check_heading_level, known_id
from macros.content import Content
from macros.pageref import PageRef
from macros.render import render

EXAMPLES = {
    "default": {"checklist_id": "limit-the-damage"},
    "as-section-heading": {"checklist_id": "tell-your-manager", "heading_level": 2},
    "brief": {"checklist_id": "tell-your-manager", "brief": True},
}


def checklist(
    content: Content, page: PageRef, checklist_id: str, heading_level: int = 3, brief: bool = False
) -> str:
    """Render the checklist `checklist_id` for `page`; `brief` shows the items without explanations.

    The quick view uses `brief` so five checklists read in about a minute on a phone.

    Only the copy on the checklist's own step page goes into the search index, so a search leads
    to the step that explains it rather than to the quick view or a card.
    """
    data = content.checklists[known_id("checklist", checklist_id, content.checklists)]
    step = content.step(data.step)

    def former_anchors(item_id: str) -> list[str]:
        return [item_anchor(data.id, old) for old in data.former_ids(item_id)]

    return render(
        "checklist.html",
        page,
        checklist=data,
        anchor=checklist_anchor(data.id),
        former_anchors=former_anchors(""),
        short=short_path(data.id),
        items=[
            (i, item_anchor(data.id, i.id), former_anchors(i.id), short_path(f"{data.id}/{i.id}"))
            for i in data.items
        ],
        card_href=page.link_to_page(card_page(data.id)),
        step=step,
        searchable=page.src_uri == step.page,
        level=check_heading_level(heading_level),
        brief=check_flag("brief", brief),
        guide_id=content.settings.guide_id,
    )
