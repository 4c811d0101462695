"""Our own Jinja environment for component templates: autoescaped, strict, one HTML block out.

The macros plugin's environment does not escape, so components never render through it. Output is
folded onto one line: a blank line would end the HTML block inside an admonition or a tab.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from macros import inline
from macros.addresses import WEB_LINK, is_page_link, page_url, relative_url

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class PageRef:
    """The page a component is rendered on: its source path under docs/ and its built URL.

    `directory_urls` is the build's `use_directory_urls`: off in the offline copy, where every
    link must name a file (`steps/own-it.html`), not a folder.
    """

    src_uri: str
    directory_urls: bool = True

    @property
    def url(self) -> str:
        """Root-relative URL of the built page."""
        return page_url(self.src_uri, self.directory_urls)

    def link_to(self, target_url: str) -> str:
        """A relative link from this page to a root-relative URL."""
        return relative_url(self.url, target_url)

    def link_to_page(self, src_uri: str, fragment: str = "") -> str:
        """A relative link from this page to the page built from `src_uri` (`steps/own-it.md`)."""
        target = page_url(src_uri, self.directory_urls)
        return self.link_to(target + (f"#{fragment}" if fragment else ""))


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
)
ENVIRONMENT.filters["inline"] = _inline_filter


def render(template: str, page: PageRef, **context: object) -> str:
    """Render a component template to a single-line HTML block."""
    html = ENVIRONMENT.get_template(template).render(page=page, **context)
    return " ".join(line.strip() for line in html.splitlines() if line.strip())


# A component inside an admonition or a tab is not at the start of a Markdown block, so Markdown
# wraps its one-line HTML in <p>...</p>. Its output is always one line starting with a guide- block.
_WRAPPED_BLOCK = re.compile(
    r'^<p>(<(section|details|nav|div|p|ol|ul)\b[^>]*\bclass="guide-[^"]*"[^>]*>.*</\2>)</p>$',
    re.MULTILINE,
)


def unwrap_blocks(html: str) -> str:
    """Take component blocks out of the paragraph Markdown put them in (admonitions, tabs)."""
    return _WRAPPED_BLOCK.sub(r"\1", html)
