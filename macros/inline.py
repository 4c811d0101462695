"""Inline Markdown for data fields: emphasis, code and `[text](target)` links, nothing else.

Data fields are one sentence or two inside a component, so block syntax (lists, headings, quotes),
raw HTML, images, autolinks and reference links are switched off: whatever an author types comes
out as text or as one of those few inline forms. The loader and the renderer both read links
through `links()`, so what the loader checks is exactly what the page will link to.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

# A tag of HTML, for taking markup out of text.
_TAG = re.compile(r"<[^>]+>")
_BLOCKS_OFF = (
    "indent",
    "code",
    "hashheader",
    "setextheader",
    "hr",
    "olist",
    "ulist",
    "quote",
    "reference",
)
_INLINE_OFF = (
    "reference",
    "image_link",
    "image_reference",
    "short_reference",
    "short_image_ref",
    "autolink",
    "automail",
    "html",
)

LinkRewriter = Callable[[str], str | None]


class _Links(Treeprocessor):
    """Pass every link target through `rewrite`; a link it refuses (None) becomes plain text."""

    def __init__(self, md: markdown.Markdown, rewrite: LinkRewriter) -> None:
        super().__init__(md)
        self.rewrite = rewrite

    def run(self, root: ET.Element) -> None:
        for element in root.iter("a"):
            target = self.rewrite(element.get("href", ""))
            element.attrib.clear()
            if target is None:
                element.tag = "span"
            else:
                element.set("href", target)


def _converter() -> tuple[markdown.Markdown, _Links]:
    md = markdown.Markdown(output_format="html")
    md.preprocessors.deregister("html_block")
    for name in _BLOCKS_OFF:
        md.parser.blockprocessors.deregister(name)
    for name in _INLINE_OFF:
        md.inlinePatterns.deregister(name)
    # After "inline" (which makes the links) and before serialization.
    link_processor = _Links(md, lambda target: None)
    md.treeprocessors.register(link_processor, "guide_links", 5)
    return md, link_processor


# One converter for the whole build: making a Markdown instance costs far more than converting a
# sentence, and a guide renders thousands of fields (reset() clears it between fields).
_MD, _LINK_PROCESSOR = _converter()


def to_html(text: str, rewrite: LinkRewriter) -> Markup:
    """Render one field as inline HTML (no paragraph), each link target through `rewrite`."""
    _LINK_PROCESSOR.rewrite = rewrite
    try:
        html = _MD.reset().convert(" ".join(text.split()))
    finally:
        _LINK_PROCESSOR.rewrite = lambda target: None
    if html.startswith("<p>") and html.endswith("</p>"):
        html = html[len("<p>") : -len("</p>")]
    return Markup(html)  # raw HTML is off: Markdown itself escapes the text


def links(text: str) -> list[str]:
    """Every link target the field will render, in order."""
    found: list[str] = []

    def collect(target: str) -> str:
        found.append(target)
        return target

    to_html(text, collect)
    return found


def text_of(fragment: str) -> str:
    """The text a reader sees in an HTML fragment: each tag a space, entities decoded."""
    return html.unescape(_TAG.sub(" ", fragment))
