"""MkDocs hooks: the build guards and the post-build steps, each delegated to a plain module.

Loaded through `hooks:` in mkdocs.yml (a file path), so the project root is put on sys.path first.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import Files  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402

from macros import guards, linkcheck, sitefiles  # noqa: E402
from macros.content import load_content  # noqa: E402
from macros.errors import ContentError  # noqa: E402


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Apply the organization's logo and colors from data/site.yml to the theme."""
    root = Path(config.config_file_path).parent
    try:
        settings = load_content(root / "data", Path(config.docs_dir)).settings
    except ContentError as error:
        raise PluginError(str(error)) from None
    config.extra["guide_brand"] = {"primary": settings.primary_color, "accent": settings.accent_color}
    if settings.logo:
        config.theme["logo"] = settings.logo
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Stop on broken front matter and on unsafe or unrendered text, after macros have run."""
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    name = f"docs/{page.file.src_uri}"
    try:
        guards.check_front_matter(source, name)
        guards.check_markdown(markdown, source, name)
    except ContentError as error:
        raise PluginError(str(error)) from None
    return markdown


def on_post_build(config: MkDocsConfig) -> None:
    """Trim what the site does not use, then refuse any internal link that points nowhere."""
    site_dir = Path(config.site_dir)
    sitefiles.prune_unused_assets(site_dir, languages={config.theme["language"]})
    problems = linkcheck.broken_links(site_dir)
    if problems:
        shown = "\n  ".join(problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise PluginError(
            f"{len(problems)} broken internal link(s) in the built site:\n  {shown}{more}\n"
            "Fix: correct the address or anchor in the page (or data file) that writes it; "
            "link to pages as 'page.md#anchor' so MkDocs can check them."
        )
