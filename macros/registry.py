"""Every macro a page may call, and the checks each call passes before its component runs.

Components know nothing of any site generator: they take a `Content` and a `PageRef`. This module
names them for pages and turns a call that does not fit a component's signature into an author
error naming the page and line. A fault inside a component is a bug in the guide's code: it keeps
its own type and traceback, so it is never shown to an author as a wrong argument.
The glue (macros/glue/) only hands it the page being rendered.
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from macros.components.card import all_cards, card, first_hour_card
from macros.components.checklist import checklist
from macros.components.first_hour import first_hour
from macros.components.knowledge_check import (
    check_answer_key,
    check_summary,
    knowledge_check,
    knowledge_checks,
)
from macros.components.link_catalogue import link_catalogue_for
from macros.components.organization import (
    hr_contact,
    incident_procedure_link,
    organization,
    out_of_hours_contact,
    speak_up_contact,
    support_contact,
)
from macros.components.scenario_handouts import scenario_handouts
from macros.components.step_link import step_link
from macros.components.step_nav import step_pager, step_progress
from macros.components.steps_overview import steps_overview
from macros.components.what_changed import what_changed_for
from macros.components.worked_example import worked_example
from macros.components.worked_examples import worked_examples
from macros.content import Content
from macros.errors import ContentError, MacroArgumentError
from macros.pageref import PageRef
from macros.printing.options import PrintOptions

Component = Callable[..., str]

COMPONENTS: dict[str, Component] = {
    "checklist": checklist,
    "worked_example": worked_example,
    "worked_examples": worked_examples,
    "steps_overview": steps_overview,
    "step_link": step_link,
    "step_progress": step_progress,
    "step_pager": step_pager,
    "organization": organization,
    "hr_contact": hr_contact,
    "incident_procedure_link": incident_procedure_link,
    "support_contact": support_contact,
    "speak_up_contact": speak_up_contact,
    "out_of_hours_contact": out_of_hours_contact,
    "first_hour": first_hour,
    "scenario_handouts": scenario_handouts,
    "knowledge_check": knowledge_check,
    "knowledge_checks": knowledge_checks,
    "check_summary": check_summary,
    "check_answer_key": check_answer_key,
}
# Components that print: they also take the build's print options.
PRINTABLES: dict[str, Component] = {
    "card": card,
    "all_cards": all_cards,
    "first_hour_card": first_hour_card,
}
# Components that list the pages of docs/: made for one build's docs folder (and link_catalogue,
# below, for its print options too).
PAGE_LISTINGS: dict[str, Callable[[Path], Component]] = {
    "what_changed": what_changed_for,
}
# Components whose markup carries DOM ids: each may appear once per page (per id, if it takes one).
ONCE_PER_PAGE = {
    "checklist",
    "worked_example",
    "worked_examples",
    "first_hour",
    "knowledge_check",
    "knowledge_checks",
}


def macros_for(options: PrintOptions, docs_dir: Path) -> dict[str, Component]:
    """Every macro of one build by name, as `(content, page, *args, **kwargs) -> html`."""
    table = dict(COMPONENTS)
    for name, component in PRINTABLES.items():
        printable = functools.partial(component, options=options)
        functools.update_wrapper(printable, component)
        table[name] = printable
    table.update({name: factory(docs_dir) for name, factory in PAGE_LISTINGS.items()})
    # The link page's QR codes are made at build time when the public address is known.
    table["link_catalogue"] = link_catalogue_for(docs_dir, options)
    return table


@dataclass
class PageBeingRendered:
    """The page whose macros are running: where it is written and the ids already shown on it."""

    src_uri: str
    source_file: Path | None  # None for a page the build generated: no author wrote it
    directory_urls: bool = True
    shown: set[tuple[str, ...]] = field(default_factory=set)

    @property
    def ref(self) -> PageRef:
        """The page as components see it."""
        return PageRef(self.src_uri, directory_urls=self.directory_urls)


def call_line(
    source: str, macro: str, values: tuple[object, ...], occurrence: int = 1
) -> int | None:
    """Find the 1-based line of the nth call of `macro` in `source` whose first value matches."""
    first = re.escape(str(values[0])) if values else ""
    pattern = re.compile(rf"\b{macro}\s*\([^)]*?(['\"]){first}" if first else rf"\b{macro}\s*\(")
    found = 0
    for number, line in enumerate(source.splitlines(), start=1):
        found += len(pattern.findall(line))
        if found >= occurrence:
            return number
    return None


def author_parameters(component: Component) -> list[inspect.Parameter]:
    """The parameters an author writes: all but the content and the page the registry passes."""
    signature = inspect.signature(component, follow_wrapped=False)
    return [p for p in list(signature.parameters.values())[2:] if p.kind != p.KEYWORD_ONLY]


def usage(name: str, component: Component) -> str:
    """How a page calls the macro, e.g. `{{ checklist(checklist_id, heading_level=3) }}`."""
    shown = [
        p.name if p.default is p.empty else f"{p.name}={p.default!r}"
        for p in author_parameters(component)
    ]
    return f"{{{{ {name}({', '.join(shown)}) }}}}"


def check_arguments(
    name: str, component: Component, args: tuple, kwargs: dict
) -> inspect.BoundArguments:
    """Refuse a call whose arguments do not fit, showing how the macro is called."""
    signature = inspect.signature(component, follow_wrapped=False)
    try:
        return signature.bind(None, None, *args, **kwargs)
    except TypeError as error:
        raise MacroArgumentError(
            f"{name}() was called with the wrong arguments ({error})",
            f"call it as {usage(name, component)}; see AUTHORING.md",
        ) from None


def resolved_id(bound: inspect.BoundArguments, written_only: bool = False) -> tuple[object, ...]:
    """The value of the call's first author parameter (its id), however it was passed; or ()."""
    parameters = list(bound.signature.parameters.values())[2:3]
    if not parameters or (written_only and parameters[0].name not in bound.arguments):
        return ()
    return (bound.arguments.get(parameters[0].name, parameters[0].default),)


def once_per_page(shown: set[tuple[str, ...]], name: str, bound: inspect.BoundArguments) -> None:
    """Refuse a checklist or example shown twice on one page: its DOM ids would clash.

    The key is the id the call resolves to (its first author parameter), however it was written:
    `checklist("a")`, `checklist(checklist_id="a")` and `checklist(heading_level=2,
    checklist_id="a")` are the same checklist.
    """
    if name not in ONCE_PER_PAGE:
        return
    values = resolved_id(bound)
    key = (name, *(str(value) for value in values))
    if key in shown:
        shown_as = f"{name}({values[0]!r})" if values else f"{name}()"
        error = MacroArgumentError(
            f"{shown_as} is already on this page; ids on a page must be unique",
            "show it once per page and link to it from elsewhere on the page",
        )
        error.occurrence = 2  # type: ignore[attr-defined]
        raise error
    shown.add(key)


def call(
    name: str,
    component: Component,
    content: Content,
    page: PageBeingRendered,
    args: tuple,
    kwargs: dict,
) -> str:
    """Run one macro call on `page`; an author's mistake becomes a ContentError naming the line.

    Only a MacroArgumentError (a call that does not fit, an unknown id, a bad value) is the
    author's; anything else a component raises is a bug and goes up with its traceback.
    """
    # The values that can find the call's line: its id first, then each text it was given.
    values: list[object] = [*args, *kwargs.values()]
    try:
        bound = check_arguments(name, component, args, kwargs)
        values[:0] = resolved_id(bound, written_only=True)
        once_per_page(page.shown, name, bound)
        return component(content, page.ref, *args, **kwargs)
    except MacroArgumentError as error:
        line = None
        if page.source_file is not None:
            source = page.source_file.read_text(encoding="utf-8")
            occurrence = getattr(error, "occurrence", 1)
            for value in values if values else [None]:
                line = call_line(source, name, (value,) if value is not None else (), occurrence)
                if line is not None:
                    break
        raise ContentError(
            file=f"docs/{page.src_uri}",
            line=line,
            field=f"{name}()",
            message=error.message,
            fix=error.fix,
        ) from None
