"""QR codes for cards and the link page, made at build time by segno: no network, no files."""

from __future__ import annotations

from pathlib import Path

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


def write_qr_files(url: str, svg_file: Path, png_file: Path) -> None:
    """The same code as SVG and PNG files, for a slide or a handout.

    The PNG is drawn at 10 pixels a module, sharp on a projector; the SVG scales to any size.
    """
    code = segno.make(url, error="m", micro=False)
    svg_file.parent.mkdir(parents=True, exist_ok=True)
    code.save(str(svg_file), kind="svg", scale=10, border=4, title=url)
    code.save(str(png_file), kind="png", scale=10, border=4)
