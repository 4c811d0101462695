"""The line printed at the top of every page: guide name, the page's address, the review date.

A sheet found in a binder months later says which guide it came from, where to read it online and
when its content was last checked. Step pages use their published short link `go/<step-id>/`.
Paper cannot follow a relative path, so the address is printed only when the public address is
known; the date is the content's review date, never the build date.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.addresses import page_url, short_path
from macros.content import Content
from macros.printing.options import PrintOptions


@dataclass(frozen=True)
class PrintLine:
    """What the print-only line of one page says."""

    guide: str
    address: str
    reviewed: str


def print_line(
    src_uri: str, content: Content, options: PrintOptions, reviewed: str = ""
) -> PrintLine:
    """The print line of the page built from `src_uri`, reviewed on `reviewed` (else the guide)."""
    step = content.step_for_page(src_uri)
    path = short_path(step.id) if step else page_url(src_uri)
    address = options.short_address(path) if options.public_url else ""
    return PrintLine(
        guide=options.site_name,
        address=address,
        reviewed=reviewed or content.settings.last_reviewed,
    )
