"""QR codes for the cards, made at build time by segno as inline SVG: no network, no files."""

from __future__ import annotations

import segno
from markupsafe import Markup


def qr_svg(url: str, label: str) -> Markup:
    """An inline SVG QR code for `url` with the full quiet zone, named for assistive technology."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(
        scale=4,
        border=4,
        omitsize=True,
        title=label,
        svgclass="guide-card__qr-code",
        lineclass=None,
    )
    svg = svg.replace("<svg ", '<svg role="img" ', 1)
    return Markup(svg)  # segno escapes the title; the rest is generated path data
