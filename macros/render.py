"""Our own Jinja environment for component templates: autoescaped, strict, one HTML block out.

The macros plugin's environment does not escape, so components never render through it. Output is
folded onto one line: a blank line would end the HTML block inside an admonition or a tab.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from macros import inline
from macros.addresses import WEB_LINK, is_page_link
from macros.pageref import PageRef
from macros.templatecache import bytecode_cache

TEMPLATES = Path(__file__).parent / "templates"


def _inline_markdown(text: str, page: PageRef) -> Markup:
    """Render an inline-Markdown field; page links become relative URLs, unsafe links plain text."""

    def rewrite(target: str) -> str | None:
        if WEB_LINK.match(target):
            return target
        if is_page_link(target):
            path, _, fragment = target.partition("#")
            return page.link_to_page(path, fragment)
        return None

    return inline.to_html(text, rewrite)


@pass_context
def _inline_filter(context: Context, text: str) -> Markup:
    return _inline_markdown(text, context["page"])


ENVIRONMENT = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    bytecode_cache=bytecode_cache(),
)
ENVIRONMENT.filters["inline"] = _inline_filter


def render(template: str, page: PageRef, **context: object) -> str:
    """Render a component template to a single-line HTML block."""
    html = ENVIRONMENT.get_template(template).render(page=page, **context)
    return " ".join(line.strip() for line in html.splitlines() if line.strip())
