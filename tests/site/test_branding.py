"""Organization colors: refused when white text on them fails WCAG AA, applied over the theme."""

from __future__ import annotations

import pytest

from macros import assets
from macros.content import contrast_with_white
from tests import editing
from tests.support import make_fixture_site
from tests.unit.datasets import assert_where, make_dataset


def test_contrast_with_white_follows_wcag() -> None:
    assert contrast_with_white("#ffffff") == pytest.approx(1.0)
    assert contrast_with_white("#000000") == pytest.approx(21.0)
    assert contrast_with_white("#767676") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("field", ["primary", "accent"])
def test_a_color_too_light_for_white_text_is_refused(tmp_path, field: str) -> None:
    data = make_dataset(tmp_path)
    data.replace(
        "site.yml",
        '  primary: "#1d4f91"\n  accent: ""',
        '  primary: "#1d4f91"\n  accent: "#1d4f91"',
    )
    line = data.replace("site.yml", f'  {field}: "#1d4f91"', f'  {field}: "#ffcc00"')
    assert_where(
        data.error(),
        file="data/site.yml",
        line=line,
        record="site",
        field=f"colors.{field}",
        says="is too light",
    )


def test_brand_colors_outrank_the_theme_palette(tmp_path) -> None:
    site = make_fixture_site(tmp_path)
    editing.set_setting(site, "primary", '"#8a1538"', block="colors")
    result = site.build()
    assert result.returncode == 0, result.stdout + result.stderr
    built = site.root / "site"
    css = built / assets.published_files(built, assets.CSS_BUNDLE)[0]
    text = css.read_text(encoding="utf-8")
    assert "body[data-md-color-scheme][data-md-color-primary]{" in text
    assert "--md-primary-fg-color:#8a1538;" in text
    html = (built / "index.html").read_text(encoding="utf-8")
    assert css.name in html and "<style" not in html
