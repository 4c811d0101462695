"""The line printed at the top of every page: guide name, the page's short address, build date.

A sheet found in a binder months later says which guide it came from, where to read it online and
how old it is. Step pages use their published short link `go/<step-id>/`.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.content import Content
from macros.printing.options import PrintOptions
from macros.urls import page_url


@dataclass(frozen=True)
class PrintLine:
    """What the print-only line of one page says."""

    guide: str
    address: str
    date: str


def print_line(src_uri: str, content: Content, options: PrintOptions) -> PrintLine:
    """The print line of the page built from `src_uri`."""
    step = content.step_for_page(src_uri)
    path = f"go/{step.id}/" if step else page_url(src_uri)
    address = options.short_address(path) if path or options.public_url else "the start page"
    return PrintLine(guide=options.site_name, address=address, date=options.date_text)
