"""Read a built page's main text the way a reader meets it, for the content tests.

The main text is `article.md-content__inner` without code, navigation, buttons and permalink
marks. Headings, list items, table cells and the labels in worked examples stand alone on the
screen, so each becomes its own sentence; otherwise a heading would run into the next paragraph
and a list of short items would read as one endless sentence.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

LEFT_OUT = "code, pre, nav, button, .md-button, a.headerlink, script, style, input"
STANDALONE = (
    "p, li, h1, h2, h3, h4, h5, h6, summary, td, th, dt, dd, label, blockquote, "
    ".guide-example__title, .guide-example__meta, .guide-example__step-name"
)
SENTENCE_ENDS = ".!?"
_LOOSE_PUNCTUATION = re.compile(r"\s+([.!?,;:])")


def html_pages(site: Path) -> list[Path]:
    """Every HTML page of the built site, in a stable order."""
    return sorted(site.rglob("*.html"))


def page_name(site: Path, path: Path) -> str:
    """A short name for a built page in test ids and messages: 'steps/own-it/'."""
    relative = path.relative_to(site).as_posix()
    return relative.removesuffix("index.html") or "/"


def main_article(path: Path) -> Tag | None:
    """The page's main article, or None for pages without one (redirects, 404 stubs)."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
    return soup.select_one("article.md-content__inner")


def main_text(article: Tag) -> str:
    """The article's reading text: one sentence per standalone block, code and controls left out.

    Blocks are visited innermost first, so a list item whose label already ends a sentence
    gets no second full stop.
    """
    for element in article.select(LEFT_OUT):
        element.decompose()
    for block in reversed(article.select(STANDALONE)):
        text = block.get_text(" ", strip=True)
        if text and text[-1] not in SENTENCE_ENDS and not text.endswith(('."', '?"', '!"')):
            block.append(NavigableString(". "))
        else:
            block.append(NavigableString(" "))
    return _LOOSE_PUNCTUATION.sub(r"\1", " ".join(article.get_text(" ").split()))


def page_main_texts(site: Path) -> dict[str, str]:
    """Main text by page name, for every built page that has a main article."""
    texts: dict[str, str] = {}
    for path in html_pages(site):
        article = main_article(path)
        if article is not None:
            texts[page_name(site, path)] = main_text(article)
    return texts
