"""The organization's colors (data/site.yml) as a stylesheet of the site's own."""

from __future__ import annotations

from macros.render import ENVIRONMENT


def brand_stylesheet(primary: str, accent: str) -> str | None:
    """The stylesheet that applies the colors over the theme's palette, or None when unbranded."""
    if not (primary or accent):
        return None
    return ENVIRONMENT.get_template("brand.css").render(primary=primary, accent=accent)
