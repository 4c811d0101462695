"""Link previews: the title, description and card a chat, an email or a slide tool shows for a link.

A link pasted into Teams, Slack or Outlook unfurls from the page's <title>, its description and its
Open Graph tags. Each page and each go/ page describes itself from its own data (a step's summary,
a checklist's purpose, an example's situation), so a pasted link says what it leads to rather than
repeating the site-wide description, and every title carries its context ("Checklist: Learn from
it · Handling Mistakes at Work"). The image and the absolute address need the public address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from macros import inline
from macros.addresses import (
    ALL_CARDS_PAGE,
    FIRST_HOUR,
    HOME_PAGE,
    PREVIEW_IMAGE,
    TWO_UP,
    card_page,
    page_url,
)
from macros.catalogue import Link
from macros.content import Content
from macros.render import ENVIRONMENT

# The preview picture's size: the 1.91:1 that Open Graph readers crop to.
IMAGE_SIZE = (1200, 630)
# Material's indigo, the palette mkdocs.yml sets, for a guide without its own brand color.
THEME_PRIMARY = "#4051b5"
# Chat apps cut a description at about two lines; a sentence or two is what they show.
MAX_DESCRIPTION = 200
# The first plain paragraph of a built page (component blocks carry a class).
_FIRST_PARAGRAPH = re.compile(r"<p>(.+?)</p>", re.DOTALL)


@dataclass(frozen=True)
class Preview:
    """What one page tells a link preview. `url` and `image` are absolute, or "" when unknown."""

    title: str
    description: str
    site_name: str
    type: str = "article"
    url: str = ""
    image: str = ""
    # Where search engines and unfurlers should file it: the page itself, or a go/ page's target.
    canonical: str = ""

    @property
    def full_title(self) -> str:
        """The <title>: the page in its context, then the guide ("Step 2: … · Guide")."""
        if not self.site_name or self.title == self.site_name:
            return self.title or self.site_name
        return f"{self.title} · {self.site_name}"


def plain(markdown_text: str) -> str:
    """A data field's inline Markdown as one line of plain text (links keep their words)."""
    return html_text(str(inline.to_html(markdown_text, lambda target: None)))


def html_text(fragment: str) -> str:
    """The words of an HTML fragment on one line."""
    return " ".join(inline.text_of(fragment).split()).replace(" .", ".")


def shorten(text: str, limit: int = MAX_DESCRIPTION) -> str:
    """Cut at a word before `limit` characters, marked with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def first_paragraph(content_html: str) -> str:
    """The first plain paragraph of a built page's content, as text."""
    match = _FIRST_PARAGRAPH.search(content_html)
    return html_text(match.group(1)) if match else ""


def _absolute(public_url: str, path: str) -> str:
    return f"{public_url}{path}" if public_url else ""


def page_preview(
    content: Content,
    src_uri: str,
    title: str,
    site_name: str,
    public_url: str,
    described: str = "",
    content_html: str = "",
) -> Preview:
    """The preview of the page built from `src_uri`.

    Step and card pages speak from their data; any other page from its front-matter
    `description`, else its first paragraph.
    """
    step = content.step_for_page(src_uri)
    cards = {card_page(c.id): c for c in content.checklists.values()}
    if step is not None:
        title, description = f"Step {step.number}: {step.title}", plain(step.summary)
    elif src_uri in cards:
        checklist = cards[src_uri]
        title, description = f"Printable card: {checklist.title}", plain(checklist.why)
    else:
        if src_uri == card_page(FIRST_HOUR):
            title = "Printable card: Your first hour"
            described = "What to check and who to tell in the first hour after a mistake at work, "
            described += "on one sheet to pin up by a workstation."
        elif src_uri == card_page(TWO_UP):
            title = "All printable cards, two per sheet"
            described = "Every checklist card of the guide, two to a sheet, to print and cut in "
            described += "half for a workshop."
        elif src_uri == ALL_CARDS_PAGE:
            title = "All printable cards"
            described = "Every checklist card of the guide, one per sheet, to print for a session, "
            described += "with PDF files for A4 and US Letter."
        elif src_uri == HOME_PAGE:
            title = site_name
        description = described or first_paragraph(content_html) or title
    return Preview(
        title=title,
        description=shorten(description),
        site_name=site_name,
        type="website" if src_uri == HOME_PAGE else "article",
        url=_absolute(public_url, page_url(src_uri)),
        image=_absolute(public_url, PREVIEW_IMAGE),
        canonical=_absolute(public_url, page_url(src_uri)),
    )


def _owner_title(content: Content, links: dict[str, Link], link: Link) -> str:
    """The page or checklist a section or an item belongs to, as its own preview names it."""
    owner = link.id.rsplit("/", 1)[0]
    if link.kind == "item":
        return f"the checklist “{content.checklists[owner].title}”"
    if link.step:
        step = content.step(link.step)
        return f"Step {step.number}: {step.title}"
    return links[owner].title if owner in links else ""


def link_preview(
    content: Content, links: dict[str, Link], link: Link, site_name: str, public_url: str
) -> Preview:
    """The preview of a go/ page: what it leads to, with its kind in the title."""
    description = ""
    if link.kind == "step":
        step = content.step(link.id)
        title, description = f"Step {step.number}: {step.title}", plain(step.summary)
    elif link.kind == "checklist":
        checklist = content.checklists[link.id]
        title, description = f"Checklist: {checklist.title}", plain(checklist.why)
    elif link.kind == "example":
        example = content.examples[link.id]
        title, description = f"Worked example: {example.title}", plain(example.situation)
    elif link.kind == "item":
        checklist_id, item_id = link.id.split("/", 1)
        checklist = content.checklists[checklist_id]
        item = next(i for i in checklist.items if i.id == item_id)
        title = f"Checklist item: {item.text}"
        detail = plain(item.detail) if item.detail else plain(checklist.why)
        description = (
            f"“{item.text.rstrip('.')}”, from {_owner_title(content, links, link)}. {detail}"
        )
    elif link.kind == "section":
        title = f"{link.title} · {_owner_title(content, links, link)}".rstrip(" ·")
        owner = content.step(link.step) if link.step else None
        about = f" {plain(owner.summary)}" if owner else ""
        description = f"The part “{link.title}” of {_owner_title(content, links, link)}.{about}"
    else:
        title = link.title
    return Preview(
        title=title,
        description=shorten(description or f"This address leads to {link.title}."),
        site_name=site_name,
        url=_absolute(public_url, link.short or link.url),
        image=_absolute(public_url, PREVIEW_IMAGE),
        canonical=_absolute(public_url, link.url),
    )


def moved_preview(title: str, site_name: str) -> Preview:
    """The preview of a page kept only to forward an old address."""
    return Preview(
        title=title, description=f"This old address of {site_name} {title}.", site_name=site_name
    )


def tags(preview: Preview) -> str:
    """The Open Graph and Twitter card tags of one page, escaped by our own environment."""
    template = ENVIRONMENT.get_template("preview_tags.html")
    return template.render(preview=preview, image_size=IMAGE_SIZE)


def _wrapped(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    lines: list[str] = []
    for word in text.split():
        trial = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(trial, font=font) <= width:
            lines[-1] = trial
        else:
            lines.append(word)
    return "\n".join(lines)


def write_image(site_dir: Path, site_name: str, organization: str, color: str) -> Path:
    """The picture link previews show: the guide's name on its brand color, as a PNG.

    Drawn at build time with Pillow's own font (no font files, no network), so it follows the
    site name, the organization and the brand color in data/site.yml.
    """
    width, height = IMAGE_SIZE
    image = Image.new("RGB", IMAGE_SIZE, color)
    draw = ImageDraw.Draw(image)
    margin = 80
    title = ImageFont.load_default(size=84)
    byline = ImageFont.load_default(size=40)
    draw.multiline_text(
        (margin, margin),
        _wrapped(draw, site_name, title, width - 2 * margin),
        font=title,
        fill="white",
        spacing=18,
    )
    if organization:
        draw.text((margin, height - margin - 40), organization, font=byline, fill="white")
    path = site_dir / PREVIEW_IMAGE
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, format="PNG", optimize=True)
    return path
