"""Bind the plain-Python components to mkdocs-macros, adding the page and line to every error.

Components know nothing of MkDocs: they take a `Content` and a `PageRef`. This module is the only
place that reads the plugin's state (the project directory and the page being rendered).
"""

from __future__ import annotations

import functools
import inspect
import re
import traceback
from collections.abc import Callable
from pathlib import Path

from jinja2 import UndefinedError
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs_macros.errors import format_error

from macros.components.card import all_cards, card, first_hour_card
from macros.components.checklist import checklist
from macros.components.first_hour import first_hour
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
from macros.content import Content, load_content
from macros.errors import ContentError, MacroArgumentError
from macros.printing.options import print_options
from macros.render import PageRef

COMPONENTS: dict[str, Callable[..., str]] = {
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
}
# Components whose markup carries DOM ids: each may appear once per page.
ONCE_PER_PAGE = {"checklist", "worked_example", "worked_examples", "first_hour"}


@format_error.register
def _format_content_error(error: ContentError, markdown: str, page: object) -> str:
    """Show our errors as the one line they are, not as a traceback."""
    return str(error)


@format_error.register
def _format_undefined(error: UndefinedError, markdown: str, page: Page) -> str:
    """An unknown name in a page: say which page and line, not a traceback."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == "<template>"]
    name = error.message.split("'")[1] if error.message and "'" in error.message else "a name"
    return str(
        ContentError(
            file=f"docs/{page.file.src_uri}",
            line=frames[-1].lineno + _front_matter_lines(markdown, page) if frames else None,
            message=f"'{name}' is not defined",
            fix="check the spelling; the settings are guide.owner, guide.last_reviewed, ... and "
            "the macros are listed in AUTHORING.md; to show braces as text, wrap them in {% raw %}",
        )
    )


def _front_matter_lines(markdown: str, page: Page) -> int:
    """Lines of front matter MkDocs cut from the file before the macros saw `markdown`."""
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    return source[: -len(markdown)].count("\n") if markdown and source.endswith(markdown) else 0


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


def check_arguments(name: str, component: Callable[..., str], args: tuple, kwargs: dict) -> None:
    """Refuse a call whose arguments do not fit, showing how the macro is called."""
    signature = inspect.signature(component, follow_wrapped=False)
    try:
        signature.bind(None, None, *args, **kwargs)
    except TypeError as error:
        shown = [
            p.name if p.default is p.empty else f"{p.name}={p.default!r}"
            for p in list(signature.parameters.values())[2:]
            if p.kind != p.KEYWORD_ONLY
        ]
        raise MacroArgumentError(
            f"{name}() was called with the wrong arguments ({error})",
            f"call it as {{{{ {name}({', '.join(shown)}) }}}}; see AUTHORING.md",
        ) from None


def once_per_page(page: Page, name: str, args: tuple, kwargs: dict) -> None:
    """Refuse a checklist or example shown twice on one page: its DOM ids would clash."""
    if name not in ONCE_PER_PAGE or not (args or kwargs):
        return
    key = (name, str(args[0] if args else next(iter(kwargs.values()))))
    shown = page.__dict__.setdefault("guide_components", set())
    if key in shown:
        error = MacroArgumentError(
            f"{name}({key[1]!r}) is already on this page; ids on a page must be unique",
            "show it once per page and link to it from elsewhere on the page",
        )
        error.occurrence = 2
        raise error
    shown.add(key)


def bind(name: str, component: Callable[..., str], content: Content, env) -> Callable[..., str]:
    """Make a macro that renders `component` on the current page; errors name the page's line."""

    @functools.wraps(component)
    def macro(*args: object, **kwargs: object) -> str:
        page = env.page
        try:
            check_arguments(name, component, args, kwargs)
            once_per_page(page, name, args, kwargs)
            ref = PageRef(page.file.src_uri, directory_urls=env.conf["use_directory_urls"])
            return component(content, ref, *args, **kwargs)
        except (MacroArgumentError, TypeError) as error:
            source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
            fix = getattr(error, "fix", f"check the arguments of {name}() in AUTHORING.md")
            raise ContentError(
                file=f"docs/{page.file.src_uri}",
                line=call_line(
                    source, name, (*args, *kwargs.values()), getattr(error, "occurrence", 1)
                ),
                field=f"{name}()",
                message=getattr(error, "message", str(error)),
                fix=fix,
            ) from None

    return macro


def register(env) -> None:
    """Load `data/` and register every component and the organisation settings."""
    root = Path(env.project_dir)
    try:
        content = load_content(root / "data", Path(env.conf["docs_dir"]))
    except ContentError as error:
        raise PluginError(str(error)) from None
    env.variables["guide"] = content.settings
    env.variables["guide_content"] = content
    for name, component in COMPONENTS.items():
        env.macro(bind(name, component, content, env), name)
    try:
        options = print_options(env.conf["site_name"], env.conf["extra"])
    except ContentError as error:
        raise PluginError(str(error)) from None
    printables = {"card": card, "all_cards": all_cards, "first_hour_card": first_hour_card}
    for name, component in printables.items():
        printable = functools.partial(component, options=options)
        functools.update_wrapper(printable, component)
        env.macro(bind(name, printable, content, env), name)
    docs_dir = Path(env.conf["docs_dir"])
    for name, factory in {
        "link_catalogue": link_catalogue_for,
        "what_changed": what_changed_for,
    }.items():
        env.macro(bind(name, factory(docs_dir), content, env), name)
