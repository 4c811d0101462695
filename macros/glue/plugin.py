"""The mkdocs-macros glue: load the data once, register every macro, name the page in errors.

It only translates: the plugin's `env` into the engine's content, settings and page being
rendered (macros/registry.py), and the engine's ContentError into the one line MkDocs prints.
"""

from __future__ import annotations

import functools
import traceback
from collections.abc import Callable
from pathlib import Path

from jinja2 import TemplateSyntaxError, UndefinedError
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs_macros.errors import format_error

from macros import registry
from macros.content import Content, load_content
from macros.errors import ContentError
from macros.printing.options import print_options


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


@format_error.register
def _format_syntax_error(error: TemplateSyntaxError, markdown: str, page: Page) -> str:
    """A macro that cannot be read: its line in the file (front matter counted), not a page."""
    rows = markdown.splitlines()
    written = rows[error.lineno - 1].strip() if 0 < error.lineno <= len(rows) else ""
    return str(
        ContentError(
            file=f"docs/{page.file.src_uri}",
            line=error.lineno + _front_matter_lines(markdown, page),
            message=f"the macro '{written}' cannot be read ({error.message})"
            if written
            else f"a macro cannot be read ({error.message})",
            fix='write it as {{ checklist("own-it") }}: every bracket and quote you open is '
            "closed; to show braces as text, put them in `code`",
        )
    )


def _front_matter_lines(markdown: str, page: Page) -> int:
    """Lines of front matter MkDocs cut from the file before the macros saw `markdown`."""
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    return source[: -len(markdown)].count("\n") if markdown and source.endswith(markdown) else 0


def page_being_rendered(page: Page, directory_urls: bool) -> registry.PageBeingRendered:
    """The engine's view of the MkDocs page, kept on the page so its shown ids last one render."""
    state = page.__dict__.get("guide_rendering")
    if state is None:
        source = page.file.abs_src_path
        state = registry.PageBeingRendered(
            page.file.src_uri, Path(source) if source else None, directory_urls
        )
        page.__dict__["guide_rendering"] = state
    return state


def bind(name: str, component: registry.Component, content: Content, env) -> Callable[..., str]:
    """The macro a page calls: the component run on the plugin's current page."""

    @functools.wraps(component)
    def macro(*args: object, **kwargs: object) -> str:
        page = page_being_rendered(env.page, env.conf["use_directory_urls"])
        return registry.call(name, component, content, page, args, kwargs)

    return macro


def define_env(env) -> None:  # env: the plugin's MacrosPlugin object
    """Load `data/`, then register every macro and the organization settings."""
    root = Path(env.project_dir)
    docs_dir = Path(env.conf["docs_dir"])
    try:
        content = load_content(root / "data", docs_dir)
        options = print_options(env.conf["site_name"], env.conf["extra"])
    except ContentError as error:
        raise PluginError(str(error)) from None
    env.variables["guide"] = content.settings
    env.variables["guide_content"] = content
    for name, component in registry.macros_for(options, docs_dir).items():
        env.macro(bind(name, component, content, env), name)
