"""Color contrast as WCAG 2.2 defines it, for the organization's brand colors."""

from __future__ import annotations

MIN_CONTRAST = 4.5


def contrast_with_white(hex_color: str) -> float:
    """WCAG contrast ratio between white and `hex_color` (#rrggbb)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)
