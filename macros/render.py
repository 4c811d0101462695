"""Our own Jinja environment for component templates: autoescaped, strict, one HTML block out.

The macros plugin's environment does not escape, so components never render through it. Output is
folded onto one line: a blank line would end the HTML block inside an admonition or a tab.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import markdown
from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from macros.fields import ALLOWED_LINK
from macros.urls import page_url, relative_url

TEMPLATES = Path(__file__).parent / "templates"
_MD_LINK = re.compile(r"\]\(\s*([^)\s]+)\s*\)")


@dataclass(frozen=True)
class PageRef:
    """The page a component is rendered on: its source path under docs/ and its built URL."""

    src_uri: str

    @property
    def url(self) -> str:
        """Root-relative URL of the built page."""
        return page_url(self.src_uri)

    def link_to(self, target_url: str) -> str:
        """A relative link from this page to a root-relative URL."""
        return relative_url(self.url, target_url)


def _inline_markdown(text: str, page: PageRef) -> Markup:
    """Render a validated inline-Markdown field; links to .md pages become relative URLs."""

    def rewrite(match: re.Match[str]) -> str:
        target = match.group(1)
        if not ALLOWED_LINK.match(target):
            raise ValueError(f"unvalidated link target {target!r}")
        if ".md" in target and "://" not in target:
            path, _, fragment = target.partition("#")
            target = page.link_to(page_url(path) + (f"#{fragment}" if fragment else ""))
        return f"]({target})"

    html = markdown.markdown(_MD_LINK.sub(rewrite, text), output_format="html")
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)  # noqa: S704 - fields are validated free of raw HTML before they get here


@pass_context
def _inline_filter(context: Context, text: str) -> Markup:
    return _inline_markdown(text, context["page"])


ENVIRONMENT = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
ENVIRONMENT.filters["inline"] = _inline_filter


def render(template: str, page: PageRef, **context: object) -> str:
    """Render a component template to a single-line HTML block."""
    html = ENVIRONMENT.get_template(template).render(page=page, **context)
    return " ".join(line.strip() for line in html.splitlines() if line.strip())
