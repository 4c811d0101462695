"""Step-page navigation: `step_progress()` ("Step 2 of 5") and `step_pager()` (previous and next).

Both only make sense on a page that `data/steps.yml` names as a step page; anywhere else the
build stops.
"""

from __future__ import annotations

from macros.addresses import HOME_PAGE
from macros.content import Content, Step
from macros.errors import MacroArgumentError
from macros.pageref import PageRef
from macros.render import render

EXAMPLES = {"on-step-page": {}}


def _current(content: Content, page: PageRef, macro: str) -> Step:
    step = content.step_for_page(page.src_uri)
    if step is None:
        raise MacroArgumentError(
            f"{macro}() only works on a step page, and this page is not listed in data/steps.yml",
            f"remove {macro}() from this page, or make this page a step's 'page' in data/steps.yml",
        )
    return step


def step_progress(content: Content, page: PageRef) -> str:
    """'Step N of 5', with a link back to the overview."""
    step = _current(content, page, "step_progress")
    return render(
        "step_progress.html",
        page,
        step=step,
        total=len(content.steps),
        home=page.link_to_page(HOME_PAGE),
    )


def step_pager(content: Content, page: PageRef) -> str:
    """Links to the previous and next steps; the last step links back to the overview."""
    step = _current(content, page, "step_pager")
    index = step.number - 1
    previous = content.steps[index - 1] if index > 0 else None
    following = content.steps[index + 1] if index + 1 < len(content.steps) else None
    return render(
        "step_pager.html",
        page,
        previous=previous,
        following=following,
        previous_url=page.link_to_page(previous.page) if previous else "",
        next_url=page.link_to_page(following.page) if following else "",
        home=page.link_to_page(HOME_PAGE),
    )
