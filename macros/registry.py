"""Bind the plain-Python components to mkdocs-macros, adding the page and line to every error.

Components know nothing of MkDocs: they take a `Content` and a `PageRef`. This module is the only
place that reads the plugin's state (the project directory and the page being rendered).
"""

from __future__ import annotations

import functools
import re
import traceback
from collections.abc import Callable
from pathlib import Path

from jinja2 import UndefinedError
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs_macros.errors import format_error

from macros.components.card import all_cards, card
from macros.components.checklist import checklist
from macros.components.link_catalogue import link_catalogue_for
from macros.components.organization import hr_contact, incident_procedure_link, organization
from macros.components.step_link import step_link
from macros.components.step_nav import step_pager, step_progress
from macros.components.steps_overview import steps_overview
from macros.components.worked_example import worked_example
from macros.content import Content, load_content
from macros.errors import ContentError, MacroArgumentError
from macros.printing.options import print_options
from macros.render import PageRef

COMPONENTS: dict[str, Callable[..., str]] = {
    "checklist": checklist,
    "worked_example": worked_example,
    "steps_overview": steps_overview,
    "step_link": step_link,
    "step_progress": step_progress,
    "step_pager": step_pager,
    "organization": organization,
    "hr_contact": hr_contact,
    "incident_procedure_link": incident_procedure_link,
}


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
            line=frames[-1].lineno if frames else None,
            message=f"'{name}' is not defined",
            fix="check the spelling; the settings are guide.owner, guide.last_reviewed, ... and the "
            "macros are listed in AUTHORING.md; to show braces as text, wrap them in {% raw %}",
        )
    )


def call_line(source: str, macro: str, args: tuple[object, ...]) -> int | None:
    """The 1-based line of the first call of `macro` in `source` whose first argument matches."""
    first = re.escape(str(args[0])) if args else ""
    pattern = re.compile(rf"\b{macro}\s*\(\s*(['\"]){first}" if first else rf"\b{macro}\s*\(")
    for number, line in enumerate(source.splitlines(), start=1):
        if pattern.search(line):
            return number
    return None


def bind(name: str, component: Callable[..., str], content: Content, env) -> Callable[..., str]:  # noqa: ANN001
    """A macro that renders `component` for the page being rendered and reports errors with its line."""

    @functools.wraps(component)
    def macro(*args: object, **kwargs: object) -> str:
        page = env.page
        try:
            return component(content, PageRef(page.file.src_uri), *args, **kwargs)
        except (MacroArgumentError, TypeError) as error:
            source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
            fix = getattr(error, "fix", f"check the arguments of {name}() in AUTHORING.md")
            raise ContentError(
                file=f"docs/{page.file.src_uri}",
                line=call_line(source, name, args),
                field=f"{name}()",
                message=getattr(error, "message", str(error)),
                fix=fix,
            ) from None

    return macro


def register(env) -> None:  # noqa: ANN001
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
    for name, component in {"card": card, "all_cards": all_cards}.items():
        printable = functools.partial(component, options=options)
        functools.update_wrapper(printable, component)
        env.macro(bind(name, printable, content, env), name)
    listing = link_catalogue_for(Path(env.conf["docs_dir"]))
    env.macro(bind("link_catalogue", listing, content, env), "link_catalogue")
