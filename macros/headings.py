"""Copy-link buttons on the headings Markdown writes: each step's title and each linkable section.

Components render their own buttons (macros/templates/copy_button.html); these headings come from
the page's Markdown, so the build adds theirs to the page's HTML. Each hands out the short link
the catalogue keeps for it, else the page's address and the heading's anchor.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from macros import inline
from macros.addresses import short_path
from macros.render import ENVIRONMENT

# A step page's title: `<h1 id="step-3">`, whose short link is `go/step-3/`.
STEP_TITLE = re.compile(r"^step-\d+$")
# An h1 or h2 as Python-Markdown writes it, on one line; the toc extension gives it an id and a
# permalink (`<a class="headerlink">`) when it can be linked to.
_HEADING = re.compile(r"<h(?P<level>[12])(?P<attrs>\s[^>]*)>(?P<inner>.*?)</h(?P=level)>")
_ID = re.compile(r'\sid="(?P<id>[^"]+)"')
_CLASS = re.compile(r'\sclass="(?P<names>[^"]*)"')
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>')


def heading_text(inner: str) -> str:
    """The words of a heading's HTML, without its permalink: the copied link's text."""
    return " ".join(inline.text_of(_PERMALINK.sub("", inner)).split())


def add_copy_buttons(page_html: str, page_url: str, shorts: Mapping[str, str]) -> str:
    """Give each step title and each h2 with a permalink its copy button, after the permalink.

    `page_url` is the page's root-relative address, `shorts` its anchors' short links. The heading
    is marked `guide-heading--copy`: with scripts the button stands in for the permalink.
    """
    button = ENVIRONMENT.get_template("copy_button.html").module.copy_button

    def add(match: re.Match[str]) -> str:
        attrs, inner = match["attrs"], match["inner"]
        found = _ID.search(attrs)
        anchor = html.unescape(found["id"]) if found else ""
        if match["level"] == "1":
            if not STEP_TITLE.match(anchor):
                return match[0]
            path = short_path(anchor)
        elif anchor and "headerlink" in inner:
            path = shorts.get(anchor) or f"{page_url}#{anchor}"
        else:
            return match[0]
        classes = _CLASS.search(attrs)
        if classes:
            names = f"{classes['names']} guide-heading--copy"
            attrs = f'{attrs[: classes.start()]} class="{names}"{attrs[classes.end() :]}'
        else:
            attrs = f'{attrs} class="guide-heading--copy"'
        level = match["level"]
        return f"<h{level}{attrs}>{inner}{button(heading_text(inner), path)}</h{level}>"

    return _HEADING.sub(add, page_html)
